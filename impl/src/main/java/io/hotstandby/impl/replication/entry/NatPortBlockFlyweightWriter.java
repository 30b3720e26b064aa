package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.codec.AddressCodec;

import static io.hotstandby.codec.replication.NatPortBlockEncoder.*;

/** Flyweight {@link NatPortBlockWriter} over a claimed {@code NatPortBlock} message (SPEC B5). Single-threaded. */
public final class NatPortBlockFlyweightWriter extends EntryWriterFlyweight implements NatPortBlockWriter
{
    /** Bytes of the whole message, header included. */
    public static final int LENGTH = io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH + BLOCK_LENGTH;

    NatPortBlockFlyweightWriter()
    {
        super(EntryType.NAT_PORT_BLOCK, TEMPLATE_ID, BLOCK_LENGTH);
    }

    void onWrap()
    {
        AddressCodec.putIpv4(buffer, bodyOffset + publicIpEncodingOffset(), 0);
        AddressCodec.putIpv4(buffer, bodyOffset + privateIpEncodingOffset(), 0);
    }

    @Override
    public NatPortBlockWriter key(final long key)
    {
        putKey(key);
        return this;
    }

    @Override
    public NatPortBlockWriter expiresAtMs(final long expiresAtMs)
    {
        buffer.putLong(bodyOffset + expiresAtMsEncodingOffset(), expiresAtMs, LE);
        return this;
    }

    @Override
    public NatPortBlockWriter publicIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + publicIpEncodingOffset(), address);
        return this;
    }

    @Override
    public NatPortBlockWriter publicIp(final byte[] address)
    {
        AddressCodec.putIp(buffer, bodyOffset + publicIpEncodingOffset(), address);
        return this;
    }

    @Override
    public NatPortBlockWriter portStart(final int port)
    {
        buffer.putShort(bodyOffset + portStartEncodingOffset(), (short)port, LE);
        return this;
    }

    @Override
    public NatPortBlockWriter portEnd(final int port)
    {
        buffer.putShort(bodyOffset + portEndEncodingOffset(), (short)port, LE);
        return this;
    }

    @Override
    public NatPortBlockWriter privateIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + privateIpEncodingOffset(), address);
        return this;
    }

    @Override
    public NatPortBlockWriter privateIp(final byte[] address)
    {
        AddressCodec.putIp(buffer, bodyOffset + privateIpEncodingOffset(), address);
        return this;
    }

    @Override
    public NatPortBlockWriter vrf(final int vrf)
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
