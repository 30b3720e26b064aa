package io.hotstandby.testkit.provider;

import io.hotstandby.api.entry.CustomEntryReader;
import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.DhcpLeaseReader;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.LastHopReader;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.NatPortBlockReader;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.PortalUserReader;
import io.hotstandby.api.entry.PortalUserWriter;

/**
 * Copies one entry, field by field through the public reader and writer interfaces, from a reader
 * into a sink (SPEC B5). {@link SimpleBackupProvider} uses it to store received entries and to emit
 * its table in a snapshot, so both go through the API exactly as a host's own provider would.
 *
 * <p>Not thread-safe: one instance per thread (it keeps scratch arrays so no object is created per entry).
 */
public final class EntryCopier
{
    private final byte[] ip16 = new byte[16];
    private final byte[] ip4 = new byte[4];
    private final byte[] mac = new byte[6];
    private final byte[][] text = new byte[256][];
    private byte[] payload = new byte[64];

    /**
     * @param entry the entry to copy.
     * @param sink  where to write it.
     * @return true when written, false when the sink refused the claim.
     */
    public boolean copy(final EntryReader entry, final EntrySink sink)
    {
        switch (entry.type())
        {
            case FIREWALL_SESSION:
                return copyFirewallSession((FirewallSessionReader)entry, sink);
            case NAT_PORT_BLOCK:
                return copyNatPortBlock((NatPortBlockReader)entry, sink);
            case DHCP_LEASE:
                return copyDhcpLease((DhcpLeaseReader)entry, sink);
            case PORTAL_USER:
                return copyPortalUser((PortalUserReader)entry, sink);
            case LAST_HOP:
                return copyLastHop((LastHopReader)entry, sink);
            case CUSTOM:
                return copyCustom((CustomEntryReader)entry, sink);
            default:
                throw new IllegalArgumentException("unknown entry type " + entry.type());
        }
    }

    private boolean copyFirewallSession(final FirewallSessionReader r, final EntrySink sink)
    {
        final FirewallSessionWriter w = sink.claimFirewallSession();
        if (w == null)
        {
            return false;
        }
        w.key(r.key()).expiresAtMs(r.expiresAtMs());
        w.srcIp(address(r.srcIp(ip16))).dstIp(address(r.dstIp(ip16))).natIp(address(r.natIp(ip16)));
        w.srcPort(r.srcPort()).dstPort(r.dstPort()).protocol(r.protocol()).state(r.state()).vrf(r.vrf()).zone(r.zone())
            .createdAtMs(r.createdAtMs()).lastSeenMs(r.lastSeenMs()).bytes(r.bytes()).packets(r.packets())
            .natPort(r.natPort()).flags(r.flags());
        w.commit();
        return true;
    }

    private boolean copyNatPortBlock(final NatPortBlockReader r, final EntrySink sink)
    {
        final NatPortBlockWriter w = sink.claimNatPortBlock();
        if (w == null)
        {
            return false;
        }
        w.key(r.key()).expiresAtMs(r.expiresAtMs());
        w.publicIp(address(r.publicIp(ip16))).privateIp(address(r.privateIp(ip16)));
        w.portStart(r.portStart()).portEnd(r.portEnd()).vrf(r.vrf());
        w.commit();
        return true;
    }

    private boolean copyDhcpLease(final DhcpLeaseReader r, final EntrySink sink)
    {
        final byte[] hostname = text(r.hostnameLength());
        r.hostname(hostname);
        final DhcpLeaseWriter w = sink.claimDhcpLease(hostname.length);
        if (w == null)
        {
            return false;
        }
        r.mac(mac);
        w.key(r.key()).expiresAtMs(r.expiresAtMs()).mac(mac).ip(address(r.ip(ip16))).vrf(r.vrf())
            .leaseStartMs(r.leaseStartMs()).hostname(hostname);
        w.commit();
        return true;
    }

    private boolean copyPortalUser(final PortalUserReader r, final EntrySink sink)
    {
        final byte[] userName = text(r.userNameLength());
        r.userName(userName);
        final PortalUserWriter w = sink.claimPortalUser(userName.length);
        if (w == null)
        {
            return false;
        }
        r.mac(mac);
        w.key(r.key()).expiresAtMs(r.expiresAtMs()).userIp(address(r.userIp(ip16))).mac(mac).vrf(r.vrf())
            .loginAtMs(r.loginAtMs()).quotaBytes(r.quotaBytes()).userName(userName);
        w.commit();
        return true;
    }

    private boolean copyLastHop(final LastHopReader r, final EntrySink sink)
    {
        final LastHopWriter w = sink.claimLastHop();
        if (w == null)
        {
            return false;
        }
        r.mac(mac);
        w.key(r.key()).expiresAtMs(r.expiresAtMs()).nextHopIp(address(r.nextHopIp(ip16))).ifIndex(r.ifIndex())
            .mac(mac).vrf(r.vrf());
        w.commit();
        return true;
    }

    private boolean copyCustom(final CustomEntryReader r, final EntrySink sink)
    {
        final int length = r.payloadLength();
        final CustomEntryWriter w = sink.claimCustom(length);
        if (w == null)
        {
            return false;
        }
        w.key(r.key()).expiresAtMs(r.expiresAtMs()).customTypeId(r.customTypeId());
        w.payloadBuffer().putBytes(w.payloadOffset(), r.payloadBuffer(), r.payloadOffset(), length);
        w.commit();
        return true;
    }

    private byte[] address(final int length)
    {
        if (length == 4)
        {
            System.arraycopy(ip16, 0, ip4, 0, 4);
            return ip4;
        }
        return ip16;
    }

    private byte[] text(final int length)
    {
        byte[] t = text[length];
        if (t == null)
        {
            t = new byte[length];
            text[length] = t;
        }
        return t;
    }
}
