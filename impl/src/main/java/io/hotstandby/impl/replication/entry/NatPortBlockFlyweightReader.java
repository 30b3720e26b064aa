package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.NatPortBlockReader;

import static io.hotstandby.codec.replication.NatPortBlockDecoder.*;

/** Flyweight {@link NatPortBlockReader} over a received {@code NatPortBlock} message (SPEC B5). */
public final class NatPortBlockFlyweightReader extends EntryReaderFlyweight implements NatPortBlockReader
{
    /** A reader; position it with {@link #wrap}. */
    public NatPortBlockFlyweightReader()
    {
        super(EntryType.NAT_PORT_BLOCK);
    }

    @Override
    public long expiresAtMs()
    {
        return buffer.getLong(bodyOffset + expiresAtMsEncodingOffset(), LE);
    }

    @Override
    public int ipVersion()
    {
        return version(publicIpEncodingOffset());
    }

    @Override
    public int publicIpv4()
    {
        return ipv4(publicIpEncodingOffset());
    }

    @Override
    public int publicIp(final byte[] dst)
    {
        return ip(publicIpEncodingOffset(), dst);
    }

    @Override
    public int portStart()
    {
        return buffer.getShort(bodyOffset + portStartEncodingOffset(), LE) & 0xFFFF;
    }

    @Override
    public int portEnd()
    {
        return buffer.getShort(bodyOffset + portEndEncodingOffset(), LE) & 0xFFFF;
    }

    @Override
    public int privateIpv4()
    {
        return ipv4(privateIpEncodingOffset());
    }

    @Override
    public int privateIp(final byte[] dst)
    {
        return ip(privateIpEncodingOffset(), dst);
    }

    @Override
    public int vrf()
    {
        return buffer.getInt(bodyOffset + vrfEncodingOffset(), LE);
    }
}
