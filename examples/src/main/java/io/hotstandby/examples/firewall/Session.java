package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;

import java.util.Arrays;

/**
 * One toy firewall session as plain mutable fields: the scratch value that the {@link SessionTable}
 * reads into and writes from, and that the {@link TrafficGenerator} fills. Reused, never kept per
 * session. Addresses are 16-byte arrays holding 4 (IPv4, network order, rest zero) or 16 bytes.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class Session
{
    /** Address bytes kept per address. */
    public static final int ADDRESS_BYTES = 16;

    /** The session key. */
    public long key;
    /** 4 or 6. */
    public int ipVersion = 4;
    /** Source address. */
    public final byte[] srcIp = new byte[ADDRESS_BYTES];
    /** Destination address. */
    public final byte[] dstIp = new byte[ADDRESS_BYTES];
    /** NAT-translated address. */
    public final byte[] natIp = new byte[ADDRESS_BYTES];
    /** Source port. */
    public int srcPort;
    /** Destination port. */
    public int dstPort;
    /** NAT-translated port. */
    public int natPort;
    /** IP protocol number. */
    public int protocol;
    /** Host-defined state, 0..255. */
    public int state;
    /** VRF id. */
    public int vrf;
    /** Zone id. */
    public int zone;
    /** Flags, see {@link FirewallSessionWriter#FLAG_HTTP}. */
    public int flags;
    /** Creation time, epoch ms. */
    public long createdAtMs;
    /** Last packet time, epoch ms. */
    public long lastSeenMs;
    /** Byte counter. */
    public long bytes;
    /** Packet counter. */
    public long packets;
    /** Absolute deadline, epoch ms, 0 for none. */
    public long expiresAtMs;

    /** Resets every field to zero (IPv4). */
    public void reset()
    {
        key = 0;
        ipVersion = 4;
        Arrays.fill(srcIp, (byte)0);
        Arrays.fill(dstIp, (byte)0);
        Arrays.fill(natIp, (byte)0);
        srcPort = 0;
        dstPort = 0;
        natPort = 0;
        protocol = 0;
        state = 0;
        vrf = 0;
        zone = 0;
        flags = 0;
        createdAtMs = 0;
        lastSeenMs = 0;
        bytes = 0;
        packets = 0;
        expiresAtMs = 0;
    }

    /**
     * Copies a received session.
     *
     * @param r the reader, valid during the call.
     * @return this.
     */
    public Session readFrom(final FirewallSessionReader r)
    {
        reset();
        key = r.key();
        ipVersion = r.ipVersion();
        r.srcIp(srcIp);
        r.dstIp(dstIp);
        r.natIp(natIp);
        srcPort = r.srcPort();
        dstPort = r.dstPort();
        natPort = r.natPort();
        protocol = r.protocol();
        state = r.state();
        vrf = r.vrf();
        zone = r.zone();
        flags = r.flags();
        createdAtMs = r.createdAtMs();
        lastSeenMs = r.lastSeenMs();
        bytes = r.bytes();
        packets = r.packets();
        expiresAtMs = r.expiresAtMs();
        return this;
    }

    /**
     * Writes every field into a claimed writer (the caller commits).
     *
     * @param w the claimed writer.
     * @return the writer.
     */
    public FirewallSessionWriter writeTo(final FirewallSessionWriter w)
    {
        w.key(key).expiresAtMs(expiresAtMs)
            .srcPort(srcPort).dstPort(dstPort).natPort(natPort).protocol(protocol).state(state)
            .vrf(vrf).zone(zone).flags(flags)
            .createdAtMs(createdAtMs).lastSeenMs(lastSeenMs).bytes(bytes).packets(packets);
        if (ipVersion == 4)
        {
            w.srcIpv4(ipv4(srcIp)).dstIpv4(ipv4(dstIp)).natIpv4(ipv4(natIp));
        }
        else
        {
            w.srcIp(srcIp).dstIp(dstIp).natIp(natIp);
        }
        return w;
    }

    static int ipv4(final byte[] address)
    {
        return Addresses.ipv4(address);
    }

    static void ipv4(final byte[] dst, final int address)
    {
        Addresses.ipv4(dst, address);
    }

    @Override
    public String toString()
    {
        return "Session{key=" + key + ", src=" + TableDump.address(ipVersion, srcIp) + ':' + srcPort +
            ", dst=" + TableDump.address(ipVersion, dstIp) + ':' + dstPort + ", proto=" + protocol +
            ", nat=" + TableDump.address(ipVersion, natIp) + ':' + natPort + ", packets=" + packets + '}';
    }
}
