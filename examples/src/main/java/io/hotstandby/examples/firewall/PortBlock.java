package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.NatPortBlockReader;
import io.hotstandby.api.entry.NatPortBlockWriter;

import java.util.Arrays;

/**
 * One NAT port block as plain mutable fields: the scratch value of the {@link PortBlockPool}. Reused,
 * never kept per block. Addresses hold 4 (IPv4, network order, rest zero) or 16 bytes.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class PortBlock
{
    /** The block key. */
    public long key;
    /** 4 or 6, of the public address. */
    public int ipVersion = 4;
    /** Public address. */
    public final byte[] publicIp = new byte[Session.ADDRESS_BYTES];
    /** First port. */
    public int portStart;
    /** Last port, inclusive. */
    public int portEnd;
    /** Bytes of {@link #privateIp} in use, 4 or 16. */
    public int privateLength = 4;
    /** Private address. */
    public final byte[] privateIp = new byte[Session.ADDRESS_BYTES];
    /** VRF id. */
    public int vrf;
    /** Absolute deadline, epoch ms, 0 for none. */
    public long expiresAtMs;

    /** Resets every field (IPv4). */
    public void reset()
    {
        key = 0;
        ipVersion = 4;
        Arrays.fill(publicIp, (byte)0);
        portStart = 0;
        portEnd = 0;
        privateLength = 4;
        Arrays.fill(privateIp, (byte)0);
        vrf = 0;
        expiresAtMs = 0;
    }

    /** @param r a received block, valid during the call. @return this. */
    public PortBlock readFrom(final NatPortBlockReader r)
    {
        reset();
        key = r.key();
        ipVersion = r.ipVersion();
        r.publicIp(publicIp);
        portStart = r.portStart();
        portEnd = r.portEnd();
        privateLength = r.privateIp(privateIp);
        vrf = r.vrf();
        expiresAtMs = r.expiresAtMs();
        return this;
    }

    /** @param w a claimed writer; the caller commits. @return the writer. */
    public NatPortBlockWriter writeTo(final NatPortBlockWriter w)
    {
        w.key(key).expiresAtMs(expiresAtMs).portStart(portStart).portEnd(portEnd).vrf(vrf);
        if (ipVersion == 4)
        {
            w.publicIpv4(Session.ipv4(publicIp));
        }
        else
        {
            w.publicIp(publicIp);
        }
        if (privateLength == 4)
        {
            w.privateIpv4(Session.ipv4(privateIp));
        }
        else
        {
            w.privateIp(privateIp);
        }
        return w;
    }
}
