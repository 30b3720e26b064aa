package io.hotstandby.benchmarks.jmh;

import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.entry.PortalUserWriter;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/** Shared fixtures of the JMH benchmarks: a configuration and an allocation-free writer of each entry type. */
final class EntryFixtures
{
    private static final byte[] MAC = {0x02, 0x00, 0x5e, 0x10, 0x20, 0x30};
    private static final byte[] NAME = "host-0001.example".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAYLOAD = new byte[96];

    private EntryFixtures()
    {
    }

    static PairConfig config() throws Exception
    {
        return PairConfig.builder().nodeId(1)
            .controlLocal(InetAddress.getByName("127.0.0.1")).controlPeer(InetAddress.getByName("127.0.0.2"))
            .authentication(Authentication.preSharedKey("hotstandby-benchmark-key".getBytes(StandardCharsets.UTF_8)))
            .build();
    }

    /**
     * Claims, writes and commits one entry of {@code type} with key {@code key}.
     *
     * @return the outcome.
     */
    static OfferResult write(final EntrySink sink, final EntryType type, final long key)
    {
        switch (type)
        {
            case FIREWALL_SESSION:
            {
                final FirewallSessionWriter w = sink.claimFirewallSession();
                if (w == null)
                {
                    return sink.lastRejection();
                }
                return w.key(key).srcIpv4(0x0a000001).dstIpv4(0xc0a80001).srcPort(40000).dstPort(443).protocol(6).state(2)
                    .zone(3).createdAtMs(key).lastSeenMs(key).bytes(1200).packets(2).natIpv4(0xcb007101).natPort(20001)
                    .expiresAtMs(1_800_000_000_000L).commit();
            }
            case NAT_PORT_BLOCK:
            {
                final NatPortBlockWriter w = sink.claimNatPortBlock();
                if (w == null)
                {
                    return sink.lastRejection();
                }
                return w.key(key).publicIpv4(0xcb007101).privateIpv4(0x0a000001).portStart(1024).portEnd(2047).vrf(1)
                    .expiresAtMs(1_800_000_000_000L).commit();
            }
            case DHCP_LEASE:
            {
                final DhcpLeaseWriter w = sink.claimDhcpLease(NAME.length);
                if (w == null)
                {
                    return sink.lastRejection();
                }
                return w.key(key).mac(MAC).ipv4(0x0a000002).vrf(1).leaseStartMs(key).hostname(NAME)
                    .expiresAtMs(1_800_000_000_000L).commit();
            }
            case PORTAL_USER:
            {
                final PortalUserWriter w = sink.claimPortalUser(NAME.length);
                if (w == null)
                {
                    return sink.lastRejection();
                }
                return w.key(key).userIpv4(0x0a000003).mac(MAC).vrf(1).loginAtMs(key).quotaBytes(1L << 30).userName(NAME)
                    .expiresAtMs(1_800_000_000_000L).commit();
            }
            case LAST_HOP:
            {
                final LastHopWriter w = sink.claimLastHop();
                if (w == null)
                {
                    return sink.lastRejection();
                }
                return w.key(key).nextHopIpv4(0x0a0000fe).ifIndex(7).mac(MAC).vrf(1).expiresAtMs(1_800_000_000_000L).commit();
            }
            case CUSTOM:
            {
                final CustomEntryWriter w = sink.claimCustom(PAYLOAD.length);
                if (w == null)
                {
                    return sink.lastRejection();
                }
                return w.key(key).customTypeId(9).payload(PAYLOAD, 0).expiresAtMs(1_800_000_000_000L).commit();
            }
            default:
                throw new IllegalArgumentException(String.valueOf(type));
        }
    }
}
