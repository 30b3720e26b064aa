package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.codec.AddressCodec;

import static io.hotstandby.codec.replication.DhcpLeaseEncoder.*;

/** Flyweight {@link DhcpLeaseWriter} over a claimed {@code DhcpLease} message (SPEC B5). Single-threaded. */
public final class DhcpLeaseFlyweightWriter extends EntryWriterFlyweight implements DhcpLeaseWriter
{
    /** Bytes of the message without the host name, header and var-data length included. */
    public static final int FIXED_LENGTH = io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH + BLOCK_LENGTH + 2;

    private int hostnameLength;

    DhcpLeaseFlyweightWriter()
    {
        super(EntryType.DHCP_LEASE, TEMPLATE_ID, BLOCK_LENGTH);
    }

    void onWrap(final int hostnameLength)
    {
        this.hostnameLength = hostnameLength;
        buffer.putByte(bodyOffset + ipVersionEncodingOffset(), (byte)4);
        AddressCodec.putIpv4(buffer, bodyOffset + ipEncodingOffset(), 0);
        buffer.putShort(bodyOffset + BLOCK_LENGTH, (short)hostnameLength, LE);
    }

    @Override
    public DhcpLeaseWriter key(final long key)
    {
        putKey(key);
        return this;
    }

    @Override
    public DhcpLeaseWriter expiresAtMs(final long expiresAtMs)
    {
        buffer.putLong(bodyOffset + expiresAtMsEncodingOffset(), expiresAtMs, LE);
        return this;
    }

    @Override
    public DhcpLeaseWriter mac(final byte[] mac)
    {
        buffer.putBytes(bodyOffset + macEncodingOffset(), mac, 0, 6);
        return this;
    }

    @Override
    public DhcpLeaseWriter ipv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + ipEncodingOffset(), address);
        buffer.putByte(bodyOffset + ipVersionEncodingOffset(), (byte)4);
        return this;
    }

    @Override
    public DhcpLeaseWriter ip(final byte[] address)
    {
        AddressCodec.putIp(buffer, bodyOffset + ipEncodingOffset(), address);
        buffer.putByte(bodyOffset + ipVersionEncodingOffset(), (byte)(address.length == 4 ? 4 : 6));
        return this;
    }

    @Override
    public DhcpLeaseWriter vrf(final int vrf)
    {
        buffer.putInt(bodyOffset + vrfEncodingOffset(), vrf, LE);
        return this;
    }

    @Override
    public DhcpLeaseWriter leaseStartMs(final long leaseStartMs)
    {
        buffer.putLong(bodyOffset + leaseStartMsEncodingOffset(), leaseStartMs, LE);
        return this;
    }

    @Override
    public DhcpLeaseWriter hostname(final byte[] hostname)
    {
        buffer.putBytes(bodyOffset + BLOCK_LENGTH + 2, hostname, 0, Math.min(hostnameLength, hostname.length));
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
