package io.hotstandby.api.config;

import io.hotstandby.api.entry.EntryType;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per rule of SPEC A1/A5/A9: each refusal names the field and the rule. */
class PairConfigRulesTest
{
    static final byte[] KEY = "0123456789abcdef-shared".getBytes();

    static InetAddress ip(final String s)
    {
        try
        {
            return InetAddress.getByName(s);
        }
        catch (final UnknownHostException e)
        {
            throw new AssertionError(e);
        }
    }

    static PairConfig.Builder valid()
    {
        return PairConfig.builder()
            .nodeId(1)
            .controlLocal(ip("10.0.0.1"))
            .controlPeer(ip("10.0.0.2"))
            .authentication(Authentication.preSharedKey(KEY));
    }

    static ConfigException refused(final PairConfig.Builder b, final String field, final String ruleFragment)
    {
        final ConfigException e = assertThrows(ConfigException.class, b::build);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.rule().contains(ruleFragment), "rule '" + e.rule() + "' should contain '" + ruleFragment + "'");
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        return e;
    }

    @Test
    void validConfigurationBuildsWithDefaults()
    {
        final PairConfig c = valid().build();
        assertEquals(Mode.ACTIVE_STANDBY, c.mode());
        assertEquals(RolePolicy.AUTO, c.rolePolicy());
        assertEquals(c.controlPort() + 1, c.dataPort());
        assertEquals(c.controlLocal(), c.dataLocal());
        assertEquals(c.keepaliveIntervalMs() * (c.keepaliveRetries() + 1), c.silenceTimeoutMs());
        assertEquals(false, c.fallbackEnabled(), "A8: fallback is off by default");
        assertEquals(EntryTypePolicy.defaults(EntryType.DHCP_LEASE), c.entryPolicy(EntryType.DHCP_LEASE));
    }

    @Test
    void antiEntropyIntervalIsOffOrAtLeastOneHundredMilliseconds()
    {
        assertEquals(PairConfig.DEFAULT_ANTI_ENTROPY_INTERVAL_MS, valid().build().antiEntropyIntervalMs());
        assertEquals(0, valid().antiEntropyIntervalMs(0).build().antiEntropyIntervalMs());
        assertEquals(100, valid().antiEntropyIntervalMs(100).build().antiEntropyIntervalMs());
        assertEquals(100, valid().antiEntropyIntervalMs(100).build().toBuilder().build().antiEntropyIntervalMs());
        refused(valid().antiEntropyIntervalMs(99), "antiEntropyIntervalMs", "at least 100");
        refused(valid().antiEntropyIntervalMs(-1), "antiEntropyIntervalMs", "at least 100");
    }

    @Test
    void mirroringForbidsVrrpAssociation()
    {
        refused(valid().mode(Mode.MIRRORING).managementInterface("mgmt0")
            .bindVrrp(new VrrpBinding(1, "ge0/0/1", BackupGroup.ACTIVE_GROUP)), "vrrpBindings", "mirroring mode forbids VRRP");
    }

    @Test
    void mirroringForbidsVirtualIps()
    {
        refused(valid().mode(Mode.MIRRORING).managementInterface("mgmt0").virtualIp(ip("192.0.2.10")),
            "virtualIps", "mirroring mode forbids virtual IPs");
    }

    @Test
    void vlanMonitoringAndInterfaceMonitoringCannotBeCombined()
    {
        refused(valid().monitorInterface("ge0/0/1").monitorVlan(100), "monitoredVlans", "cannot be combined");
    }

    @Test
    void vlanOneCannotBeMonitored()
    {
        refused(valid().monitorVlan(1), "monitoredVlans", "VLAN 1 cannot be monitored");
    }

    @Test
    void monitoredTrackMustNotWatchAMonitoredInterface()
    {
        refused(valid().monitorInterface("ge0/0/1").monitorTrack(new TrackMonitor(3, "ge0/0/1")),
            "monitoredTracks", "monitored interface");
    }

    @Test
    void localAddressMustDifferFromPeer()
    {
        refused(valid().controlPeer(ip("10.0.0.1")), "controlPeer", "must differ from the local address");
    }

    @Test
    void ipv4AndIpv6CannotBeMixed()
    {
        refused(valid().controlPeer(ip("2001:db8::2")), "controlPeer", "both be IPv4 or both be IPv6");
    }

    @Test
    void dataChannelAddressMustDifferFromThePeers()
    {
        refused(valid().dataLocal(ip("10.1.0.9")).dataPeer(ip("10.1.0.9")), "dataLocal",
            "must differ from the peer's data-channel address");
    }

    @Test
    void dataChannelNeedsItsOwnPortWhenSharingTheControlAddress()
    {
        refused(valid().controlPort(7000).dataPort(7000), "dataPort", "separate from the control channel");
    }

    @Test
    void mirroringNeedsAManagementInterface()
    {
        refused(valid().mode(Mode.MIRRORING), "managementInterface", "mirroring mode needs a management interface");
    }

    @Test
    void mirroringNeedsAControlChannel()
    {
        refused(PairConfig.builder().nodeId(1).mode(Mode.MIRRORING).managementInterface("mgmt0")
            .authentication(Authentication.disabled()), "controlLocal", "is required");
    }

    @Test
    void switchingARunningPairIntoMirroringIsRefused()
    {
        final PairConfig running = valid().build();
        final PairConfig next = running.toBuilder().mode(Mode.MIRRORING).managementInterface("mgmt0").build();
        final ConfigException e = assertThrows(ConfigException.class, () -> PairConfig.checkReconfiguration(running, next));
        assertEquals("mode", e.field());
        assertTrue(e.rule().contains("cannot be switched into mirroring"), e.rule());
    }

    @Test
    void manualPolicyIsNotAllowedInMirroring()
    {
        refused(valid().mode(Mode.MIRRORING).managementInterface("mgmt0").rolePolicy(RolePolicy.PRIMARY),
            "rolePolicy", "not allowed in mirroring mode");
    }

    @Test
    void autoPolicyIsNotAllowedInDualActive()
    {
        refused(valid().mode(Mode.DUAL_ACTIVE), "rolePolicy", "not allowed in dual-active mode");
    }

    @Test
    void authenticationIsRequiredUnlessExplicitlyDisabled()
    {
        refused(valid().authentication(null), "authentication", "Authentication.disabled()");
        final PairConfig lab = valid().authentication(Authentication.disabled()).build();
        assertEquals(false, lab.authentication().enabled());
    }

    @Test
    void preSharedKeyMustBeLongEnough()
    {
        refused(valid().authentication(Authentication.preSharedKey("short".getBytes())), "authentication", "16..256 bytes");
    }

    @Test
    void priorityMustBeAByte()
    {
        refused(valid().priority(256), "priority", "0..255");
    }

    @Test
    void ringCapacityMustBeAPowerOfTwo()
    {
        refused(valid().ringCapacityBytes(100_000), "ringCapacityBytes", "power of two");
    }

    @Test
    void entryDelayTimeIsBounded()
    {
        refused(valid().entryPolicy(EntryType.FIREWALL_SESSION,
            EntryTypePolicy.defaults(EntryType.FIREWALL_SESSION).withMinAgeMs(-1)),
            "entryPolicy[FIREWALL_SESSION].minAgeMs", "0..86400000");
    }

    @Test
    void consistencyIntervalIsAtLeastAMinute()
    {
        refused(valid().consistencySchedule(ConsistencySchedule.every(1_000)), "consistencySchedule", "at least one minute");
    }

    @Test
    void reconnectBackoffMaxIsAtLeastMin()
    {
        refused(valid().reconnectBackoffMs(100, 50), "reconnectBackoffMaxMs", "at least reconnectBackoffMinMs");
    }

    @Test
    void higherAddressIsTheServer()
    {
        assertTrue(valid().controlLocal(ip("10.0.0.200")).controlPeer(ip("10.0.0.3")).build().isServer());
        assertEquals(false, valid().build().isServer());
    }

    @Test
    void toBuilderRoundTripsEveryField()
    {
        final PairConfig c = valid().mode(Mode.DUAL_ACTIVE).rolePolicy(RolePolicy.PRIMARY).priority(7)
            .bindVrrp(new VrrpBinding(9, "eth1", BackupGroup.STANDBY_GROUP)).virtualIp(ip("192.0.2.1"))
            .monitorVlan(20).monitorTrack(new TrackMonitor(4, null)).fallback(true, 1234)
            .routeCost(new RouteCostPolicy(RoutingProtocol.OSPF, RouteCostPolicy.Adjustment.ABSOLUTE, 65500))
            .build();
        final PairConfig copy = c.toBuilder().build();
        assertEquals(c.toString(), copy.toString());
        assertEquals(c.vrrpBindings(), copy.vrrpBindings());
        assertEquals(c.virtualIps(), copy.virtualIps());
        assertEquals(c.monitoredVlans(), copy.monitoredVlans());
        assertEquals(c.monitoredTracks(), copy.monitoredTracks());
        assertEquals(c.routeCosts(), copy.routeCosts());
        assertEquals(c.fallbackDelayMs(), copy.fallbackDelayMs());
        assertEquals(c.entryPolicies(), copy.entryPolicies());
    }
}
