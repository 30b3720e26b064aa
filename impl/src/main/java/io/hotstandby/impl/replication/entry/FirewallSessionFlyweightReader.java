package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;

import static io.hotstandby.codec.replication.FirewallSessionDecoder.*;

/** Flyweight {@link FirewallSessionReader} over a received {@code FirewallSession} message (SPEC B5). */
public final class FirewallSessionFlyweightReader extends EntryReaderFlyweight implements FirewallSessionReader
{
    /** A reader; position it with {@link #wrap}. */
    public FirewallSessionFlyweightReader()
    {
        super(EntryType.FIREWALL_SESSION);
    }

    @Override
    public long expiresAtMs()
    {
        return buffer.getLong(bodyOffset + expiresAtMsEncodingOffset(), LE);
    }

    @Override
    public int ipVersion()
    {
        return buffer.getByte(bodyOffset + ipVersionEncodingOffset()) & 0xFF;
    }

    @Override
    public int srcIpv4()
    {
        return ipv4(srcIpEncodingOffset());
    }

    @Override
    public int srcIp(final byte[] dst)
    {
        return ip(srcIpEncodingOffset(), dst);
    }

    @Override
    public int dstIpv4()
    {
        return ipv4(dstIpEncodingOffset());
    }

    @Override
    public int dstIp(final byte[] dst)
    {
        return ip(dstIpEncodingOffset(), dst);
    }

    @Override
    public int srcPort()
    {
        return buffer.getShort(bodyOffset + srcPortEncodingOffset(), LE) & 0xFFFF;
    }

    @Override
    public int dstPort()
    {
        return buffer.getShort(bodyOffset + dstPortEncodingOffset(), LE) & 0xFFFF;
    }

    @Override
    public int protocol()
    {
        return buffer.getByte(bodyOffset + protocolEncodingOffset()) & 0xFF;
    }

    @Override
    public int state()
    {
        return buffer.getByte(bodyOffset + stateEncodingOffset()) & 0xFF;
    }

    @Override
    public int vrf()
    {
        return buffer.getInt(bodyOffset + vrfEncodingOffset(), LE);
    }

    @Override
    public int zone()
    {
        return buffer.getInt(bodyOffset + zoneEncodingOffset(), LE);
    }

    @Override
    public long createdAtMs()
    {
        return buffer.getLong(bodyOffset + createdAtMsEncodingOffset(), LE);
    }

    @Override
    public long lastSeenMs()
    {
        return buffer.getLong(bodyOffset + lastSeenMsEncodingOffset(), LE);
    }

    @Override
    public long bytes()
    {
        return buffer.getLong(bodyOffset + bytesEncodingOffset(), LE);
    }

    @Override
    public long packets()
    {
        return buffer.getLong(bodyOffset + packetsEncodingOffset(), LE);
    }

    @Override
    public int natIpv4()
    {
        return ipv4(natIpEncodingOffset());
    }

    @Override
    public int natIp(final byte[] dst)
    {
        return ip(natIpEncodingOffset(), dst);
    }

    @Override
    public int natPort()
    {
        return buffer.getShort(bodyOffset + natPortEncodingOffset(), LE) & 0xFFFF;
    }

    @Override
    public int flags()
    {
        return buffer.getInt(bodyOffset + flagsEncodingOffset(), LE);
    }
}
