package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.DhcpLeaseReader;
import io.hotstandby.api.entry.EntryType;

import static io.hotstandby.codec.replication.DhcpLeaseDecoder.*;

/** Flyweight {@link DhcpLeaseReader} over a received {@code DhcpLease} message (SPEC B5). */
public final class DhcpLeaseFlyweightReader extends EntryReaderFlyweight implements DhcpLeaseReader
{
    /** A reader; position it with {@link #wrap}. */
    public DhcpLeaseFlyweightReader()
    {
        super(EntryType.DHCP_LEASE);
    }

    @Override
    public long expiresAtMs()
    {
        return buffer.getLong(bodyOffset + expiresAtMsEncodingOffset(), LE);
    }

    @Override
    public void mac(final byte[] dst)
    {
        mac(macEncodingOffset(), dst);
    }

    @Override
    public int ipVersion()
    {
        return buffer.getByte(bodyOffset + ipVersionEncodingOffset()) & 0xFF;
    }

    @Override
    public int ipv4()
    {
        return ipv4(ipEncodingOffset());
    }

    @Override
    public int ip(final byte[] dst)
    {
        return ip(ipEncodingOffset(), dst);
    }

    @Override
    public int vrf()
    {
        return buffer.getInt(bodyOffset + vrfEncodingOffset(), LE);
    }

    @Override
    public long leaseStartMs()
    {
        return buffer.getLong(bodyOffset + leaseStartMsEncodingOffset(), LE);
    }

    @Override
    public int hostnameLength()
    {
        return varLength();
    }

    @Override
    public int hostname(final byte[] dst)
    {
        return varCopy(dst);
    }
}
