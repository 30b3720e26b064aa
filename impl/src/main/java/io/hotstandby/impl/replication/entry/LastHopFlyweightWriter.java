package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.codec.AddressCodec;

import static io.hotstandby.codec.replication.LastHopEncoder.*;

/** Flyweight {@link LastHopWriter} over a claimed {@code LastHop} message (SPEC B5). Single-threaded. */
public final class LastHopFlyweightWriter extends EntryWriterFlyweight implements LastHopWriter
{
    /** Bytes of the whole message, header included. */
    public static final int LENGTH = io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH + BLOCK_LENGTH;

    LastHopFlyweightWriter()
    {
        super(EntryType.LAST_HOP, TEMPLATE_ID, BLOCK_LENGTH);
    }

    void onWrap()
    {
        AddressCodec.putIpv4(buffer, bodyOffset + nextHopIpEncodingOffset(), 0);
    }

    @Override
    public LastHopWriter key(final long key)
    {
        putKey(key);
        return this;
    }

    @Override
    public LastHopWriter expiresAtMs(final long expiresAtMs)
    {
        buffer.putLong(bodyOffset + expiresAtMsEncodingOffset(), expiresAtMs, LE);
        return this;
    }

    @Override
    public LastHopWriter nextHopIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + nextHopIpEncodingOffset(), address);
        return this;
    }

    @Override
    public LastHopWriter nextHopIp(final byte[] address)
    {
        AddressCodec.putIp(buffer, bodyOffset + nextHopIpEncodingOffset(), address);
        return this;
    }

    @Override
    public LastHopWriter ifIndex(final int ifIndex)
    {
        buffer.putInt(bodyOffset + ifIndexEncodingOffset(), ifIndex, LE);
        return this;
    }

    @Override
    public LastHopWriter mac(final byte[] mac)
    {
        buffer.putBytes(bodyOffset + macEncodingOffset(), mac, 0, 6);
        return this;
    }

    @Override
    public LastHopWriter vrf(final int vrf)
    {
        buffer.putInt(bodyOffset + vrfEncodingOffset(), vrf, LE);
        return this;
    }

    @Override
    public OfferResult commit()
    {
        return doCommit();
    }

    @Override
    public void abort()
    {
        doAbort();
    }
}
