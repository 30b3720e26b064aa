package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;

import java.nio.ByteOrder;

import static io.hotstandby.codec.replication.FirewallSessionV4Decoder.*;

/**
 * Flyweight {@link FirewallSessionReader} over a received {@code FirewallSessionV4} message, the
 * compact IPv4 form ({@link FirewallSessionV4Form}, SPEC B5): the host reads exactly what it would
 * read from the full form of the same session (ipVersion 4, 4-byte addresses). Single-threaded (the
 * replication agent); valid only during {@link io.hotstandby.api.spi.BackupProvider#apply}.
 */
public final class FirewallSessionV4FlyweightReader extends EntryReaderFlyweight implements FirewallSessionReader
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final int IPV4_LENGTH = 4;

    /** A reader; position it with {@link #wrap}. */
    public FirewallSessionV4FlyweightReader()
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
        return 4;
    }

    @Override
    public int srcIpv4()
    {
        return buffer.getInt(bodyOffset + srcIpEncodingOffset(), BE);
    }

    @Override
    public int srcIp(final byte[] dst)
    {
        return copy(srcIpEncodingOffset(), dst);
    }

    @Override
    public int dstIpv4()
    {
        return buffer.getInt(bodyOffset + dstIpEncodingOffset(), BE);
    }

    @Override
    public int dstIp(final byte[] dst)
    {
        return copy(dstIpEncodingOffset(), dst);
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
        return buffer.getInt(bodyOffset + natIpEncodingOffset(), BE);
    }

    @Override
    public int natIp(final byte[] dst)
    {
        return copy(natIpEncodingOffset(), dst);
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

    private int copy(final int fieldOffset, final byte[] dst)
    {
        buffer.getBytes(bodyOffset + fieldOffset, dst, 0, IPV4_LENGTH);
        return IPV4_LENGTH;
    }
}
