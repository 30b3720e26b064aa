package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.LastHopReader;

import static io.hotstandby.codec.replication.LastHopDecoder.*;

/** Flyweight {@link LastHopReader} over a received {@code LastHop} message (SPEC B5). */
public final class LastHopFlyweightReader extends EntryReaderFlyweight implements LastHopReader
{
    /** A reader; position it with {@link #wrap}. */
    public LastHopFlyweightReader()
    {
        super(EntryType.LAST_HOP);
    }

    @Override
    public long expiresAtMs()
    {
        return buffer.getLong(bodyOffset + expiresAtMsEncodingOffset(), LE);
    }

    @Override
    public int ipVersion()
    {
        return version(nextHopIpEncodingOffset());
    }

    @Override
    public int nextHopIpv4()
    {
        return ipv4(nextHopIpEncodingOffset());
    }

    @Override
    public int nextHopIp(final byte[] dst)
    {
        return ip(nextHopIpEncodingOffset(), dst);
    }

    @Override
    public int ifIndex()
    {
        return buffer.getInt(bodyOffset + ifIndexEncodingOffset(), LE);
    }

    @Override
    public void mac(final byte[] dst)
    {
        mac(macEncodingOffset(), dst);
    }

    @Override
    public int vrf()
    {
        return buffer.getInt(bodyOffset + vrfEncodingOffset(), LE);
    }
}
