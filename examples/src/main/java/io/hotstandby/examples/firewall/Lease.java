package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.DhcpLeaseReader;
import io.hotstandby.api.entry.DhcpLeaseWriter;

import java.util.Arrays;

/**
 * One DHCP lease as plain mutable fields: the scratch value of the {@link LeasePool}. Reused, never
 * kept per lease.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class Lease
{
    /** Longest host name, bytes. */
    public static final int MAX_HOSTNAME_BYTES = 255;

    /** The lease key. */
    public long key;
    /** Client MAC, 6 bytes. */
    public final byte[] mac = new byte[6];
    /** 4 or 6. */
    public int ipVersion = 4;
    /** Leased address. */
    public final byte[] ip = new byte[Session.ADDRESS_BYTES];
    /** VRF id. */
    public int vrf;
    /** Lease start, epoch ms. */
    public long leaseStartMs;
    /** Absolute deadline, epoch ms, 0 for none. */
    public long expiresAtMs;
    /** Bytes of {@link #hostname} in use. */
    public int hostnameLength;
    /** Host name bytes, first {@link #hostnameLength} in use. */
    public final byte[] hostname = new byte[MAX_HOSTNAME_BYTES];

    private final byte[][] hostnameByLength = new byte[MAX_HOSTNAME_BYTES + 1][];

    /** Resets every field (IPv4). */
    public void reset()
    {
        key = 0;
        Arrays.fill(mac, (byte)0);
        ipVersion = 4;
        Arrays.fill(ip, (byte)0);
        vrf = 0;
        leaseStartMs = 0;
        expiresAtMs = 0;
        hostnameLength = 0;
        Arrays.fill(hostname, (byte)0);
    }

    /** @param r a received lease, valid during the call. @return this. */
    public Lease readFrom(final DhcpLeaseReader r)
    {
        reset();
        key = r.key();
        r.mac(mac);
        ipVersion = r.ipVersion();
        r.ip(ip);
        vrf = r.vrf();
        leaseStartMs = r.leaseStartMs();
        expiresAtMs = r.expiresAtMs();
        hostnameLength = r.hostnameLength() <= MAX_HOSTNAME_BYTES ? r.hostname(hostname) : 0;
        return this;
    }

    /** @param w a writer claimed with {@link #hostnameLength}; the caller commits. @return the writer. */
    public DhcpLeaseWriter writeTo(final DhcpLeaseWriter w)
    {
        w.key(key).expiresAtMs(expiresAtMs).mac(mac).vrf(vrf).leaseStartMs(leaseStartMs)
            .hostname(exactHostname());
        if (ipVersion == 4)
        {
            w.ipv4(Session.ipv4(ip));
        }
        else
        {
            w.ip(ip);
        }
        return w;
    }

    private byte[] exactHostname()
    {
        byte[] exact = hostnameByLength[hostnameLength];
        if (exact == null)
        {
            exact = new byte[hostnameLength];
            hostnameByLength[hostnameLength] = exact;
        }
        System.arraycopy(hostname, 0, exact, 0, hostnameLength);
        return exact;
    }
}
