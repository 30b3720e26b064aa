package io.hotstandby.api.config;

import io.hotstandby.api.entry.EntryType;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every rule of SPEC A1 and A9, checked in one place by {@link PairConfig.Builder#build()}. Each
 * refusal is a {@link ConfigException} naming the builder field and the rule in operator words.
 */
final class PairConfigRules
{
    static final int MAX_NODE_ID = 65_535;
    static final int MAX_TEXT_BYTES = 255;
    static final long MAX_FALLBACK_DELAY_MS = 3_600_000L;
    static final long MAX_HOOK_TIMEOUT_MS = 60_000L;
    static final int MIN_RETRANSMIT_WINDOW = 1024;
    static final int MAX_RETRANSMIT_WINDOW = 1 << 24;
    static final long MIN_ANTI_ENTROPY_INTERVAL_MS = 100L;

    private PairConfigRules()
    {
    }

    static void check(final PairConfig.Builder b)
    {
        checkIdentity(b);
        checkAddresses(b);
        checkTimers(b);
        checkRoles(b);
        checkSecurity(b);
        checkMonitoring(b);
        checkMirroring(b);
        checkReplication(b);
    }

    private static void checkIdentity(final PairConfig.Builder b)
    {
        range("nodeId", b.nodeIdValue(), 1, MAX_NODE_ID);
        range("groupId", b.groupIdValue(), 1, MAX_NODE_ID);
    }

    private static void checkAddresses(final PairConfig.Builder b)
    {
        final InetAddress local = required("controlLocal", b.controlLocalValue());
        final InetAddress peer = required("controlPeer", b.controlPeerValue());
        if (!sameFamily(local, peer))
        {
            throw new ConfigException("controlPeer", "local and peer addresses must both be IPv4 or both be IPv6");
        }
        if (local.equals(peer))
        {
            throw new ConfigException("controlPeer", "the peer address must differ from the local address");
        }
        range("controlPort", b.controlPortValue(), 1, 65_535);

        final InetAddress dataLocal = b.dataLocalValue() != null ? b.dataLocalValue() : local;
        final InetAddress dataPeer = b.dataPeerValue() != null ? b.dataPeerValue() : peer;
        if (!sameFamily(dataLocal, dataPeer))
        {
            throw new ConfigException("dataPeer", "data-channel addresses must both be IPv4 or both be IPv6");
        }
        if (dataLocal.equals(dataPeer))
        {
            throw new ConfigException("dataLocal", "the data-channel address must differ from the peer's data-channel address");
        }
        if (b.dataPortValue() != 0)
        {
            range("dataPort", b.dataPortValue(), 1, 65_535);
        }
        else if (b.controlPortValue() == 65_535)
        {
            throw new ConfigException("dataPort", "must be set when the control port is 65535 (the default is control port + 1)");
        }
        final int dataPort = b.dataPortValue() != 0 ? b.dataPortValue() : b.controlPortValue() + 1;
        if (dataPort == b.controlPortValue() && dataLocal.equals(local))
        {
            throw new ConfigException("dataPort", "the data channel needs its own address or port, separate from the control channel");
        }
    }

    private static void checkTimers(final PairConfig.Builder b)
    {
        range("keepaliveIntervalMs", b.keepaliveIntervalMsValue(),
            PairConfig.Builder.MIN_KEEPALIVE_INTERVAL_MS, PairConfig.Builder.MAX_KEEPALIVE_INTERVAL_MS);
        range("keepaliveRetries", b.keepaliveRetriesValue(), 1, PairConfig.Builder.MAX_KEEPALIVE_RETRIES);
        if (b.silenceTimeoutMsValue() != 0 && b.silenceTimeoutMsValue() < b.keepaliveIntervalMsValue())
        {
            throw new ConfigException("silenceTimeoutMs", "must be at least one keepalive interval");
        }
        if (b.handshakeTimeoutMsValue() < 0)
        {
            throw new ConfigException("handshakeTimeoutMs", "must be positive");
        }
        if (b.reconnectBackoffMinMsValue() <= 0)
        {
            throw new ConfigException("reconnectBackoffMinMs", "must be positive");
        }
        if (b.reconnectBackoffMaxMsValue() < b.reconnectBackoffMinMsValue())
        {
            throw new ConfigException("reconnectBackoffMaxMs", "must be at least reconnectBackoffMinMs");
        }
        range("fallbackDelayMs", b.fallbackDelayMsValue(), 0, MAX_FALLBACK_DELAY_MS);
        range("hookTimeoutMs", b.hookTimeoutMsValue(), 1, MAX_HOOK_TIMEOUT_MS);
    }

    private static void checkRoles(final PairConfig.Builder b)
    {
        final Mode mode = required("mode", b.modeValue());
        final RolePolicy policy = required("rolePolicy", b.rolePolicyValue());
        if (!policy.allowedIn(mode))
        {
            throw new ConfigException("rolePolicy", policy == RolePolicy.AUTO ?
                "auto role policy is not allowed in dual-active mode" :
                "manual primary/secondary is not allowed in mirroring mode");
        }
        range("priority", b.priorityValue(), 0, 255);
        if (b.readyMaxLagEntriesValue() < 0)
        {
            throw new ConfigException("readyMaxLagEntries", "must not be negative");
        }
    }

    private static void checkSecurity(final PairConfig.Builder b)
    {
        final Authentication auth = b.authenticationValue();
        if (auth == null)
        {
            throw new ConfigException("authentication",
                "is required: give a pre-shared key, or call Authentication.disabled() explicitly");
        }
        if (auth.enabled() && (auth.keyLength() < Authentication.MIN_KEY_BYTES || auth.keyLength() > Authentication.MAX_KEY_BYTES))
        {
            throw new ConfigException("authentication", "the pre-shared key must be " + Authentication.MIN_KEY_BYTES +
                ".." + Authentication.MAX_KEY_BYTES + " bytes");
        }
        text("softwareVersion", required("softwareVersion", b.softwareVersionValue()));
        text("fingerprint", required("fingerprint", b.fingerprintValue()));
    }

    private static void checkMonitoring(final PairConfig.Builder b)
    {
        if (!b.monitoredInterfacesValue().isEmpty() && !b.monitoredVlansValue().isEmpty())
        {
            throw new ConfigException("monitoredVlans", "VLAN monitoring and interface monitoring cannot be combined");
        }
        for (final int vlan : b.monitoredVlansValue())
        {
            if (vlan == 1)
            {
                throw new ConfigException("monitoredVlans", "VLAN 1 cannot be monitored");
            }
            range("monitoredVlans", vlan, 2, 4094);
        }
        for (final String name : b.monitoredInterfacesValue())
        {
            nonBlank("monitoredInterfaces", name);
        }
        for (final TrackMonitor track : b.monitoredTracksValue())
        {
            range("monitoredTracks", track.trackId(), 1, 1024);
            if (track.watchedInterface() != null && b.monitoredInterfacesValue().contains(track.watchedInterface()))
            {
                throw new ConfigException("monitoredTracks", "track " + track.trackId() + " watches " +
                    track.watchedInterface() + ", which is a monitored interface; monitor it one way only");
            }
        }
        for (final VrrpBinding binding : b.vrrpBindingsValue())
        {
            range("vrrpBindings", binding.vrid(), 1, 255);
            required("vrrpBindings", binding.group());
        }
        for (final RouteCostPolicy cost : b.routeCostsValue())
        {
            required("routeCosts", cost.protocol());
            required("routeCosts", cost.adjustment());
            range("routeCosts", cost.value(), 1, 65_535);
        }
        for (final InetAddress vip : b.virtualIpsValue())
        {
            if (vip == null || vip.equals(b.controlLocalValue()) || vip.equals(b.controlPeerValue()))
            {
                throw new ConfigException("virtualIps", "a virtual IP must not be null nor a control-channel address");
            }
        }
    }

    private static void checkMirroring(final PairConfig.Builder b)
    {
        if (b.modeValue() != Mode.MIRRORING)
        {
            return;
        }
        if (!b.vrrpBindingsValue().isEmpty())
        {
            throw new ConfigException("vrrpBindings", "mirroring mode forbids VRRP association");
        }
        if (!b.virtualIpsValue().isEmpty())
        {
            throw new ConfigException("virtualIps", "mirroring mode forbids virtual IPs");
        }
        final String mgmt = b.managementInterfaceValue();
        if (mgmt == null || mgmt.isBlank())
        {
            throw new ConfigException("managementInterface", "mirroring mode needs a management interface");
        }
        if (b.serviceInterfacesValue().contains(mgmt))
        {
            throw new ConfigException("serviceInterfaces", "the management interface cannot be a service interface");
        }
    }

    private static void checkReplication(final PairConfig.Builder b)
    {
        final int ring = b.ringCapacityBytesValue();
        range("ringCapacityBytes", ring, PairConfig.Builder.MIN_RING_CAPACITY_BYTES, PairConfig.Builder.MAX_RING_CAPACITY_BYTES);
        if (Integer.bitCount(ring) != 1)
        {
            throw new ConfigException("ringCapacityBytes", "must be a power of two");
        }
        range("retransmitWindowEntries", b.retransmitWindowEntriesValue(), MIN_RETRANSMIT_WINDOW, MAX_RETRANSMIT_WINDOW);
        range("reconcileJournalEntries", b.reconcileJournalEntriesValue(), 1, MAX_RETRANSMIT_WINDOW);
        if (b.maxClockSkewMsValue() <= 0)
        {
            throw new ConfigException("maxClockSkewMs", "must be positive");
        }
        final long antiEntropy = b.antiEntropyIntervalMsValue();
        if (antiEntropy != 0 && antiEntropy < MIN_ANTI_ENTROPY_INTERVAL_MS)
        {
            throw new ConfigException("antiEntropyIntervalMs", "must be 0 (off) or at least " + MIN_ANTI_ENTROPY_INTERVAL_MS + " ms");
        }
        required("configSyncMode", b.configSyncModeValue());
        final ConsistencySchedule schedule = required("consistencySchedule", b.consistencyScheduleValue());
        switch (required("consistencySchedule", schedule.kind()))
        {
            case INTERVAL ->
            {
                if (schedule.intervalMs() < ConsistencySchedule.MIN_INTERVAL_MS)
                {
                    throw new ConfigException("consistencySchedule", "the interval must be at least one minute");
                }
            }
            case DAILY -> required("consistencySchedule", schedule.timeOfDay());
            case WEEKLY ->
            {
                required("consistencySchedule", schedule.timeOfDay());
                required("consistencySchedule", schedule.dayOfWeek());
            }
            case NEVER ->
            {
            }
        }
        for (final Map.Entry<EntryType, EntryTypePolicy> e : b.entryPoliciesValue().entrySet())
        {
            final EntryTypePolicy p = required("entryPolicy", e.getValue());
            final String field = "entryPolicy[" + e.getKey() + "]";
            range(field + ".minAgeMs", p.minAgeMs(), 0, EntryTypePolicy.MAX_MIN_AGE_MS);
            range(field + ".priority", p.priority(), 0, 3);
            required(field + ".delivery", p.delivery());
        }
    }

    static boolean sameFamily(final InetAddress a, final InetAddress b)
    {
        return (a instanceof Inet4Address) == (b instanceof Inet4Address);
    }

    private static <T> T required(final String field, final T value)
    {
        if (value == null)
        {
            throw new ConfigException(field, "is required");
        }
        return value;
    }

    private static void range(final String field, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new ConfigException(field, "must be in " + min + ".." + max + " (was " + value + ")");
        }
    }

    private static void text(final String field, final String value)
    {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES)
        {
            throw new ConfigException(field, "must be at most " + MAX_TEXT_BYTES + " bytes of UTF-8");
        }
    }

    private static void nonBlank(final String field, final String value)
    {
        if (value == null || value.isBlank())
        {
            throw new ConfigException(field, "names must not be blank");
        }
    }
}
