package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.DhcpLeaseReader;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.NatPortBlockReader;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.entry.PortalUserWriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test double of the library's side of {@link EntrySink}: captures committed sessions, port blocks and
 * leases as raw field arrays, refuses claims after {@code capacity} commits (as a full ring would), and
 * replays what it captured into a provider through reader views, so the toy tables can be tested
 * without a node.
 */
final class CapturingSink implements EntrySink
{
    final List<long[]> sessions = new ArrayList<>();
    final List<Object[]> portBlocks = new ArrayList<>();
    final List<Object[]> leases = new ArrayList<>();
    private int capacity;
    private OfferResult last = OfferResult.ACCEPTED;

    CapturingSink(final int capacity)
    {
        this.capacity = capacity;
    }

    void capacity(final int capacity)
    {
        this.capacity = capacity;
    }

    int committed()
    {
        return sessions.size() + portBlocks.size() + leases.size();
    }

    private boolean full()
    {
        if (committed() >= capacity)
        {
            last = OfferResult.RING_FULL;
            return true;
        }
        last = OfferResult.ACCEPTED;
        return false;
    }

    @Override
    public FirewallSessionWriter claimFirewallSession()
    {
        return full() ? null : new SessionWriter();
    }

    @Override
    public NatPortBlockWriter claimNatPortBlock()
    {
        return full() ? null : new BlockWriter();
    }

    @Override
    public DhcpLeaseWriter claimDhcpLease(final int hostnameLength)
    {
        return full() ? null : new LeaseWriter(hostnameLength);
    }

    @Override
    public PortalUserWriter claimPortalUser(final int userNameLength)
    {
        last = OfferResult.TYPE_DISABLED;
        return null;
    }

    @Override
    public LastHopWriter claimLastHop()
    {
        last = OfferResult.TYPE_DISABLED;
        return null;
    }

    @Override
    public CustomEntryWriter claimCustom(final int payloadLength)
    {
        last = OfferResult.TYPE_DISABLED;
        return null;
    }

    @Override
    public OfferResult lastRejection()
    {
        return last;
    }

    void replaySessions(final SessionTable into)
    {
        for (final long[] f : sessions)
        {
            into.apply(new SessionView(f));
        }
    }

    void replayPortBlocks(final PortBlockPool into)
    {
        for (final Object[] f : portBlocks)
        {
            into.apply(new BlockView(f));
        }
    }

    void replayLeases(final LeasePool into)
    {
        for (final Object[] f : leases)
        {
            into.apply(new LeaseView(f));
        }
    }

    // session fields: 0 key 1 expires 2 ipVersion 3 src 4 dst 5 nat 6 srcPort 7 dstPort 8 natPort 9 proto
    // 10 state 11 vrf 12 zone 13 created 14 lastSeen 15 bytes 16 packets 17 flags
    private final class SessionWriter implements FirewallSessionWriter
    {
        final long[] f = new long[18];

        SessionWriter()
        {
            f[2] = 4;
        }

        public FirewallSessionWriter key(final long key) { f[0] = key; return this; }
        public FirewallSessionWriter expiresAtMs(final long v) { f[1] = v; return this; }
        public FirewallSessionWriter srcIpv4(final int a) { f[3] = a; return this; }
        public FirewallSessionWriter srcIp(final byte[] a) { throw new UnsupportedOperationException("IPv4 only in this double"); }
        public FirewallSessionWriter dstIpv4(final int a) { f[4] = a; return this; }
        public FirewallSessionWriter dstIp(final byte[] a) { throw new UnsupportedOperationException("IPv4 only in this double"); }
        public FirewallSessionWriter srcPort(final int v) { f[6] = v; return this; }
        public FirewallSessionWriter dstPort(final int v) { f[7] = v; return this; }
        public FirewallSessionWriter protocol(final int v) { f[9] = v; return this; }
        public FirewallSessionWriter state(final int v) { f[10] = v; return this; }
        public FirewallSessionWriter vrf(final int v) { f[11] = v; return this; }
        public FirewallSessionWriter zone(final int v) { f[12] = v; return this; }
        public FirewallSessionWriter createdAtMs(final long v) { f[13] = v; return this; }
        public FirewallSessionWriter lastSeenMs(final long v) { f[14] = v; return this; }
        public FirewallSessionWriter bytes(final long v) { f[15] = v; return this; }
        public FirewallSessionWriter packets(final long v) { f[16] = v; return this; }
        public FirewallSessionWriter natIpv4(final int a) { f[5] = a; return this; }
        public FirewallSessionWriter natIp(final byte[] a) { throw new UnsupportedOperationException("IPv4 only in this double"); }
        public FirewallSessionWriter natPort(final int v) { f[8] = v; return this; }
        public FirewallSessionWriter flags(final int v) { f[17] = v; return this; }

        public OfferResult commit()
        {
            sessions.add(f);
            return OfferResult.ACCEPTED;
        }

        public void abort()
        {
        }
    }

    private static int copy4(final long ipv4, final byte[] dst)
    {
        Session.ipv4(dst, (int)ipv4);
        return 4;
    }

    private static final class SessionView implements FirewallSessionReader
    {
        private final long[] f;

        SessionView(final long[] f)
        {
            this.f = f;
        }

        public EntryType type() { return EntryType.FIREWALL_SESSION; }
        public long key() { return f[0]; }
        public long expiresAtMs() { return f[1]; }
        public int ownerNodeId() { return 1; }
        public long sequence() { return 0; }
        public int ipVersion() { return (int)f[2]; }
        public int srcIpv4() { return (int)f[3]; }
        public int srcIp(final byte[] dst) { return copy4(f[3], dst); }
        public int dstIpv4() { return (int)f[4]; }
        public int dstIp(final byte[] dst) { return copy4(f[4], dst); }
        public int srcPort() { return (int)f[6]; }
        public int dstPort() { return (int)f[7]; }
        public int protocol() { return (int)f[9]; }
        public int state() { return (int)f[10]; }
        public int vrf() { return (int)f[11]; }
        public int zone() { return (int)f[12]; }
        public long createdAtMs() { return f[13]; }
        public long lastSeenMs() { return f[14]; }
        public long bytes() { return f[15]; }
        public long packets() { return f[16]; }
        public int natIpv4() { return (int)f[5]; }
        public int natIp(final byte[] dst) { return copy4(f[5], dst); }
        public int natPort() { return (int)f[8]; }
        public int flags() { return (int)f[17]; }
    }

    // block fields: 0 key 1 expires 2 public 3 portStart 4 portEnd 5 private 6 vrf
    private final class BlockWriter implements NatPortBlockWriter
    {
        final Object[] f = {0L, 0L, 0, 0, 0, 0, 0};

        public NatPortBlockWriter key(final long key) { f[0] = key; return this; }
        public NatPortBlockWriter expiresAtMs(final long v) { f[1] = v; return this; }
        public NatPortBlockWriter publicIpv4(final int a) { f[2] = a; return this; }
        public NatPortBlockWriter publicIp(final byte[] a) { throw new UnsupportedOperationException("IPv4 only in this double"); }
        public NatPortBlockWriter portStart(final int v) { f[3] = v; return this; }
        public NatPortBlockWriter portEnd(final int v) { f[4] = v; return this; }
        public NatPortBlockWriter privateIpv4(final int a) { f[5] = a; return this; }
        public NatPortBlockWriter privateIp(final byte[] a) { throw new UnsupportedOperationException("IPv4 only in this double"); }
        public NatPortBlockWriter vrf(final int v) { f[6] = v; return this; }

        public OfferResult commit()
        {
            portBlocks.add(f);
            return OfferResult.ACCEPTED;
        }

        public void abort()
        {
        }
    }

    private static final class BlockView implements NatPortBlockReader
    {
        private final Object[] f;

        BlockView(final Object[] f)
        {
            this.f = f;
        }

        public EntryType type() { return EntryType.NAT_PORT_BLOCK; }
        public long key() { return (Long)f[0]; }
        public long expiresAtMs() { return (Long)f[1]; }
        public int ownerNodeId() { return 1; }
        public long sequence() { return 0; }
        public int ipVersion() { return 4; }
        public int publicIpv4() { return (Integer)f[2]; }
        public int publicIp(final byte[] dst) { return copy4((Integer)f[2], dst); }
        public int portStart() { return (Integer)f[3]; }
        public int portEnd() { return (Integer)f[4]; }
        public int privateIpv4() { return (Integer)f[5]; }
        public int privateIp(final byte[] dst) { return copy4((Integer)f[5], dst); }
        public int vrf() { return (Integer)f[6]; }
    }

    // lease fields: 0 key 1 expires 2 mac 3 ip 4 vrf 5 leaseStart 6 hostname
    private final class LeaseWriter implements DhcpLeaseWriter
    {
        final Object[] f = {0L, 0L, new byte[6], 0, 0, 0L, new byte[0]};
        private final int hostnameLength;

        LeaseWriter(final int hostnameLength)
        {
            this.hostnameLength = hostnameLength;
        }

        public DhcpLeaseWriter key(final long key) { f[0] = key; return this; }
        public DhcpLeaseWriter expiresAtMs(final long v) { f[1] = v; return this; }
        public DhcpLeaseWriter mac(final byte[] mac) { f[2] = mac.clone(); return this; }
        public DhcpLeaseWriter ipv4(final int a) { f[3] = a; return this; }
        public DhcpLeaseWriter ip(final byte[] a) { throw new UnsupportedOperationException("IPv4 only in this double"); }
        public DhcpLeaseWriter vrf(final int v) { f[4] = v; return this; }
        public DhcpLeaseWriter leaseStartMs(final long v) { f[5] = v; return this; }

        public DhcpLeaseWriter hostname(final byte[] hostname)
        {
            if (hostname.length != hostnameLength)
            {
                throw new IllegalArgumentException("hostname length " + hostname.length + " != claimed " + hostnameLength);
            }
            f[6] = hostname.clone();
            return this;
        }

        public OfferResult commit()
        {
            leases.add(f);
            return OfferResult.ACCEPTED;
        }

        public void abort()
        {
        }
    }

    private static final class LeaseView implements DhcpLeaseReader
    {
        private final Object[] f;

        LeaseView(final Object[] f)
        {
            this.f = f;
        }

        public EntryType type() { return EntryType.DHCP_LEASE; }
        public long key() { return (Long)f[0]; }
        public long expiresAtMs() { return (Long)f[1]; }
        public int ownerNodeId() { return 1; }
        public long sequence() { return 0; }
        public void mac(final byte[] dst) { System.arraycopy((byte[])f[2], 0, dst, 0, 6); }
        public int ipVersion() { return 4; }
        public int ipv4() { return (Integer)f[3]; }
        public int ip(final byte[] dst) { return copy4((Integer)f[3], dst); }
        public int vrf() { return (Integer)f[4]; }
        public long leaseStartMs() { return (Long)f[5]; }
        public int hostnameLength() { return ((byte[])f[6]).length; }

        public int hostname(final byte[] dst)
        {
            final byte[] h = (byte[])f[6];
            System.arraycopy(h, 0, dst, 0, h.length);
            return h.length;
        }
    }

    @Override
    public String toString()
    {
        return "CapturingSink{sessions=" + sessions.size() + ", blocks=" + portBlocks.size() + ", leases=" +
            leases.size() + ", capacity=" + capacity + ", last=" + last + '}' + Arrays.toString(new int[0]);
    }
}
