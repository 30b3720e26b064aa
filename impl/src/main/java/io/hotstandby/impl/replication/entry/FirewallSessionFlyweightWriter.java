package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.codec.AddressCodec;
import io.hotstandby.codec.replication.FirewallSessionEncoder;

import static io.hotstandby.codec.replication.FirewallSessionEncoder.*;

/** Flyweight {@link FirewallSessionWriter} over a claimed {@code FirewallSession} message (SPEC B5). Single-threaded. */
public final class FirewallSessionFlyweightWriter extends EntryWriterFlyweight implements FirewallSessionWriter
{
    /** Bytes of the whole message, header included. */
    public static final int LENGTH = io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH + FirewallSessionEncoder.BLOCK_LENGTH;

    FirewallSessionFlyweightWriter()
    {
        super(EntryType.FIREWALL_SESSION, TEMPLATE_ID, BLOCK_LENGTH);
    }

    void onWrap()
    {
        buffer.putByte(bodyOffset + ipVersionEncodingOffset(), (byte)4);
        AddressCodec.putIpv4(buffer, bodyOffset + srcIpEncodingOffset(), 0);
        AddressCodec.putIpv4(buffer, bodyOffset + dstIpEncodingOffset(), 0);
        AddressCodec.putIpv4(buffer, bodyOffset + natIpEncodingOffset(), 0);
    }

    @Override
    public long createdAtMsValue()
    {
        return buffer.getLong(bodyOffset + createdAtMsEncodingOffset(), LE);
    }

    @Override
    public int flagsValue()
    {
        return buffer.getInt(bodyOffset + flagsEncodingOffset(), LE);
    }

    @Override
    public FirewallSessionWriter key(final long key)
    {
        putKey(key);
        return this;
    }

    @Override
    public FirewallSessionWriter expiresAtMs(final long expiresAtMs)
    {
        buffer.putLong(bodyOffset + expiresAtMsEncodingOffset(), expiresAtMs, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter srcIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + srcIpEncodingOffset(), address);
        return this;
    }

    @Override
    public FirewallSessionWriter srcIp(final byte[] address)
    {
        putIp(srcIpEncodingOffset(), address);
        return this;
    }

    @Override
    public FirewallSessionWriter dstIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + dstIpEncodingOffset(), address);
        return this;
    }

    @Override
    public FirewallSessionWriter dstIp(final byte[] address)
    {
        putIp(dstIpEncodingOffset(), address);
        return this;
    }

    @Override
    public FirewallSessionWriter srcPort(final int port)
    {
        buffer.putShort(bodyOffset + srcPortEncodingOffset(), (short)port, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter dstPort(final int port)
    {
        buffer.putShort(bodyOffset + dstPortEncodingOffset(), (short)port, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter protocol(final int protocol)
    {
        buffer.putByte(bodyOffset + protocolEncodingOffset(), (byte)protocol);
        return this;
    }

    @Override
    public FirewallSessionWriter state(final int state)
    {
        buffer.putByte(bodyOffset + stateEncodingOffset(), (byte)state);
        return this;
    }

    @Override
    public FirewallSessionWriter vrf(final int vrf)
    {
        buffer.putInt(bodyOffset + vrfEncodingOffset(), vrf, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter zone(final int zone)
    {
        buffer.putInt(bodyOffset + zoneEncodingOffset(), zone, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter createdAtMs(final long createdAtMs)
    {
        buffer.putLong(bodyOffset + createdAtMsEncodingOffset(), createdAtMs, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter lastSeenMs(final long lastSeenMs)
    {
        buffer.putLong(bodyOffset + lastSeenMsEncodingOffset(), lastSeenMs, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter bytes(final long bytes)
    {
        buffer.putLong(bodyOffset + bytesEncodingOffset(), bytes, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter packets(final long packets)
    {
        buffer.putLong(bodyOffset + packetsEncodingOffset(), packets, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter natIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + natIpEncodingOffset(), address);
        return this;
    }

    @Override
    public FirewallSessionWriter natIp(final byte[] address)
    {
        putIp(natIpEncodingOffset(), address);
        return this;
    }

    @Override
    public FirewallSessionWriter natPort(final int port)
    {
        buffer.putShort(bodyOffset + natPortEncodingOffset(), (short)port, LE);
        return this;
    }

    @Override
    public FirewallSessionWriter flags(final int flags)
    {
        buffer.putInt(bodyOffset + flagsEncodingOffset(), flags, LE);
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

    private void putIp(final int fieldOffset, final byte[] address)
    {
        AddressCodec.putIp(buffer, bodyOffset + fieldOffset, address);
        if (address.length == AddressCodec.IPV6_LENGTH)
        {
            buffer.putByte(bodyOffset + ipVersionEncodingOffset(), (byte)6);
        }
    }
}
