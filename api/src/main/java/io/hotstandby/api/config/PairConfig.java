package io.hotstandby.api.config;

import io.hotstandby.api.entry.EntryType;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated configuration of one member of a hot-backup pair (SPEC A1, A9, B5-B8, C2-C4, D1-D6,
 * E3, G2, G5-G7). Immutable and thread-safe; built once with {@link #builder()} and handed to
 * {@link io.hotstandby.api.HotStandby#launch}. Every rule is checked in {@link Builder#build()}, which
 * throws a {@link ConfigException} naming the field and the rule: an invalid combination never
 * reaches a running node.
 *
 * <p>Times are in milliseconds (the unit is in every name); addresses are {@link InetAddress}es of one
 * family per channel (IPv4 or IPv6, never mixed).
 */
public final class PairConfig
{
    /** Default keepalive interval (H3C default), ms. */
    public static final long DEFAULT_KEEPALIVE_INTERVAL_MS = 1_000;
    /** Default number of unanswered keepalives before the channel is declared down. */
    public static final int DEFAULT_KEEPALIVE_RETRIES = 3;
    /** Default control-channel TCP port. */
    public static final int DEFAULT_CONTROL_PORT = 18_514;
    /** Default priority of a member; higher wins an auto election. */
    public static final int DEFAULT_PRIORITY = 100;
    /** Default traffic-reversion (preempt) delay, ms. */
    public static final long DEFAULT_FALLBACK_DELAY_MS = 60_000;
    /** Default timeout of one takeover hook step, ms. */
    public static final long DEFAULT_HOOK_TIMEOUT_MS = 2_000;
    /** Default replication ring capacity per producer, bytes. */
    public static final int DEFAULT_RING_CAPACITY_BYTES = 1 << 20;
    /** Default retransmit window, entries. */
    public static final int DEFAULT_RETRANSMIT_WINDOW_ENTRIES = 1 << 18;
    /**
     * Default capacity of the split-brain journal (A11): keys of entries created or updated while this
     * member is active and its peer is away; beyond it the whole table is offered to the winner.
     */
    public static final int DEFAULT_RECONCILE_JOURNAL_ENTRIES = 1 << 16;
    /** Default readiness bound (G2): lag in entries under which a synchronized standby is ready. */
    public static final long DEFAULT_READY_MAX_LAG_ENTRIES = 1_000;
    /** Default largest accepted clock skew between the peers (G6), ms. */
    public static final long DEFAULT_MAX_CLOCK_SKEW_MS = 1_000;
    /** Default period of the active's anti-entropy rounds (G4), ms. */
    public static final long DEFAULT_ANTI_ENTROPY_INTERVAL_MS = 30_000;

    private final int nodeId;
    private final int groupId;
    private final InetAddress controlLocal;
    private final InetAddress controlPeer;
    private final int controlPort;
    private final InetAddress dataLocal;
    private final InetAddress dataPeer;
    private final int dataPort;
    private final long keepaliveIntervalMs;
    private final int keepaliveRetries;
    private final long silenceTimeoutMs;
    private final long handshakeTimeoutMs;
    private final long reconnectBackoffMinMs;
    private final long reconnectBackoffMaxMs;
    private final Mode mode;
    private final RolePolicy rolePolicy;
    private final int priority;
    private final boolean fallbackEnabled;
    private final long fallbackDelayMs;
    private final long readyMaxLagEntries;
    private final Authentication authentication;
    private final String softwareVersion;
    private final String fingerprint;
    private final boolean strictFingerprint;
    private final List<VrrpBinding> vrrpBindings;
    private final List<InetAddress> virtualIps;
    private final Set<String> monitoredInterfaces;
    private final Set<Integer> monitoredVlans;
    private final List<TrackMonitor> monitoredTracks;
    private final List<RouteCostPolicy> routeCosts;
    private final String managementInterface;
    private final Set<String> serviceInterfaces;
    private final long hookTimeoutMs;
    private final Map<EntryType, EntryTypePolicy> entryPolicies;
    private final boolean httpSessionBackup;
    private final boolean dnsSessionBackup;
    private final int ringCapacityBytes;
    private final int retransmitWindowEntries;
    private final int reconcileJournalEntries;
    private final long maxClockSkewMs;
    private final long antiEntropyIntervalMs;
    private final ConfigSyncMode configSyncMode;
    private final ConsistencySchedule consistencySchedule;
    private final boolean staticRouteSync;

    private PairConfig(final Builder b)
    {
        nodeId = b.nodeId;
        groupId = b.groupId;
        controlLocal = b.controlLocal;
        controlPeer = b.controlPeer;
        controlPort = b.controlPort;
        dataLocal = b.dataLocal != null ? b.dataLocal : b.controlLocal;
        dataPeer = b.dataPeer != null ? b.dataPeer : b.controlPeer;
        dataPort = b.dataPort != 0 ? b.dataPort : b.controlPort + 1;
        keepaliveIntervalMs = b.keepaliveIntervalMs;
        keepaliveRetries = b.keepaliveRetries;
        silenceTimeoutMs = b.silenceTimeoutMs != 0 ? b.silenceTimeoutMs : b.keepaliveIntervalMs * (b.keepaliveRetries + 1L);
        handshakeTimeoutMs = b.handshakeTimeoutMs != 0 ? b.handshakeTimeoutMs : b.keepaliveIntervalMs * b.keepaliveRetries;
        reconnectBackoffMinMs = b.reconnectBackoffMinMs;
        reconnectBackoffMaxMs = b.reconnectBackoffMaxMs;
        mode = b.mode;
        rolePolicy = b.rolePolicy;
        priority = b.priority;
        fallbackEnabled = b.fallbackEnabled;
        fallbackDelayMs = b.fallbackDelayMs;
        readyMaxLagEntries = b.readyMaxLagEntries;
        authentication = b.authentication;
        softwareVersion = b.softwareVersion;
        fingerprint = b.fingerprint;
        strictFingerprint = b.strictFingerprint;
        vrrpBindings = List.copyOf(b.vrrpBindings);
        virtualIps = List.copyOf(b.virtualIps);
        monitoredInterfaces = Collections.unmodifiableSet(new LinkedHashSet<>(b.monitoredInterfaces));
        monitoredVlans = Collections.unmodifiableSet(new LinkedHashSet<>(b.monitoredVlans));
        monitoredTracks = List.copyOf(b.monitoredTracks);
        routeCosts = List.copyOf(b.routeCosts);
        managementInterface = b.managementInterface;
        serviceInterfaces = Collections.unmodifiableSet(new LinkedHashSet<>(b.serviceInterfaces));
        hookTimeoutMs = b.hookTimeoutMs;
        final EnumMap<EntryType, EntryTypePolicy> policies = new EnumMap<>(EntryType.class);
        for (final EntryType t : EntryType.values())
        {
            policies.put(t, b.entryPolicies.getOrDefault(t, EntryTypePolicy.defaults(t)));
        }
        entryPolicies = Collections.unmodifiableMap(policies);
        httpSessionBackup = b.httpSessionBackup;
        dnsSessionBackup = b.dnsSessionBackup;
        ringCapacityBytes = b.ringCapacityBytes;
        retransmitWindowEntries = b.retransmitWindowEntries;
        reconcileJournalEntries = b.reconcileJournalEntries;
        maxClockSkewMs = b.maxClockSkewMs;
        antiEntropyIntervalMs = b.antiEntropyIntervalMs;
        configSyncMode = b.configSyncMode;
        consistencySchedule = b.consistencySchedule;
        staticRouteSync = b.staticRouteSync;
    }

    /** @return a builder with the defaults of every optional field. */
    public static Builder builder()
    {
        return new Builder();
    }

    /** @return a builder holding this configuration's values, to derive a changed one. */
    public Builder toBuilder()
    {
        final Builder b = new Builder()
            .nodeId(nodeId).groupId(groupId)
            .controlLocal(controlLocal).controlPeer(controlPeer).controlPort(controlPort)
            .dataLocal(dataLocal).dataPeer(dataPeer).dataPort(dataPort)
            .keepaliveIntervalMs(keepaliveIntervalMs).keepaliveRetries(keepaliveRetries)
            .silenceTimeoutMs(silenceTimeoutMs).handshakeTimeoutMs(handshakeTimeoutMs)
            .reconnectBackoffMs(reconnectBackoffMinMs, reconnectBackoffMaxMs)
            .mode(mode).rolePolicy(rolePolicy).priority(priority)
            .fallback(fallbackEnabled, fallbackDelayMs).readyMaxLagEntries(readyMaxLagEntries)
            .authentication(authentication).softwareVersion(softwareVersion)
            .fingerprint(fingerprint, strictFingerprint)
            .managementInterface(managementInterface).hookTimeoutMs(hookTimeoutMs)
            .httpSessionBackup(httpSessionBackup).dnsSessionBackup(dnsSessionBackup)
            .ringCapacityBytes(ringCapacityBytes).retransmitWindowEntries(retransmitWindowEntries)
            .reconcileJournalEntries(reconcileJournalEntries)
            .maxClockSkewMs(maxClockSkewMs).antiEntropyIntervalMs(antiEntropyIntervalMs).configSyncMode(configSyncMode)
            .consistencySchedule(consistencySchedule).staticRouteSync(staticRouteSync);
        vrrpBindings.forEach(b::bindVrrp);
        virtualIps.forEach(b::virtualIp);
        monitoredInterfaces.forEach(b::monitorInterface);
        monitoredVlans.forEach(b::monitorVlan);
        monitoredTracks.forEach(b::monitorTrack);
        routeCosts.forEach(b::routeCost);
        serviceInterfaces.forEach(b::serviceInterface);
        entryPolicies.forEach(b::entryPolicy);
        return b;
    }

    /**
     * Checks that a running pair may move from {@code running} to {@code next} (A9: switching a
     * running pair into mirroring is refused; the node identity and channel addresses cannot change
     * under a running pair).
     *
     * @param running the configuration the node runs with.
     * @param next    the configuration the host wants to apply.
     * @throws ConfigException naming the field and the rule when the change is refused.
     */
    public static void checkReconfiguration(final PairConfig running, final PairConfig next)
    {
        if (running.mode != Mode.MIRRORING && next.mode == Mode.MIRRORING)
        {
            throw new ConfigException("mode", "a running pair cannot be switched into mirroring mode");
        }
        if (running.nodeId != next.nodeId)
        {
            throw new ConfigException("nodeId", "cannot change while the pair runs");
        }
        if (!running.controlLocal.equals(next.controlLocal) || !running.controlPeer.equals(next.controlPeer))
        {
            throw new ConfigException("controlLocal", "control-channel addresses cannot change while the pair runs");
        }
    }

    /** @return this member's node id, 1..65535, unique within the pair. */
    public int nodeId()
    {
        return nodeId;
    }

    /** @return the backup group id (E1), 1..65535; one process may run several groups. */
    public int groupId()
    {
        return groupId;
    }

    /** @return this member's control-channel address. */
    public InetAddress controlLocal()
    {
        return controlLocal;
    }

    /** @return the peer's control-channel address. */
    public InetAddress controlPeer()
    {
        return controlPeer;
    }

    /** @return the TCP port both members use for the control channel. */
    public int controlPort()
    {
        return controlPort;
    }

    /** @return this member's data-channel address (defaults to the control address). */
    public InetAddress dataLocal()
    {
        return dataLocal;
    }

    /** @return the peer's data-channel address (defaults to the peer's control address). */
    public InetAddress dataPeer()
    {
        return dataPeer;
    }

    /** @return the TCP port both members use for the data channel (defaults to control port + 1). */
    public int dataPort()
    {
        return dataPort;
    }

    /**
     * @return true when this member listens on the control and data channels: the member with the
     * higher address is the server (A2).
     */
    public boolean isServer()
    {
        return compareAddresses(controlLocal, controlPeer) > 0;
    }

    /** @return the keepalive interval, ms. */
    public long keepaliveIntervalMs()
    {
        return keepaliveIntervalMs;
    }

    /** @return unanswered keepalives after which the control channel is declared down. */
    public int keepaliveRetries()
    {
        return keepaliveRetries;
    }

    /**
     * @return the silence timer, ms: how long a starting member (or one that lost its peer) waits in
     * Silence before it serves alone in Independence (A4). Defaults to interval x (retries + 1).
     */
    public long silenceTimeoutMs()
    {
        return silenceTimeoutMs;
    }

    /** @return the longest a handshake may take once connected, ms. */
    public long handshakeTimeoutMs()
    {
        return handshakeTimeoutMs;
    }

    /** @return the first reconnect delay of the control and data channels, ms. */
    public long reconnectBackoffMinMs()
    {
        return reconnectBackoffMinMs;
    }

    /** @return the largest reconnect delay (the backoff doubles up to it), ms. */
    public long reconnectBackoffMaxMs()
    {
        return reconnectBackoffMaxMs;
    }

    /** @return the operating mode (A6). */
    public Mode mode()
    {
        return mode;
    }

    /** @return the role policy (A5). */
    public RolePolicy rolePolicy()
    {
        return rolePolicy;
    }

    /** @return this member's priority, 0..255; higher wins an election between healthy members. */
    public int priority()
    {
        return priority;
    }

    /** @return true when traffic returns to the original active after it recovers (A8). */
    public boolean fallbackEnabled()
    {
        return fallbackEnabled;
    }

    /** @return the traffic-reversion (preempt) delay, ms (A8, E3). */
    public long fallbackDelayMs()
    {
        return fallbackDelayMs;
    }

    /** @return the replication lag, in entries, under which a synchronized standby is ready (G2). */
    public long readyMaxLagEntries()
    {
        return readyMaxLagEntries;
    }

    /** @return how the peers authenticate each other (F3, G7). */
    public Authentication authentication()
    {
        return authentication;
    }

    /** @return this member's software version, exchanged at handshake (A3). */
    public String softwareVersion()
    {
        return softwareVersion;
    }

    /** @return this member's hardware/software fingerprint, exchanged at handshake (A3). */
    public String fingerprint()
    {
        return fingerprint;
    }

    /** @return true when a fingerprint mismatch refuses the pairing (A3). */
    public boolean strictFingerprint()
    {
        return strictFingerprint;
    }

    /** @return VRRP groups bound to the active or standby hot-backup group (D1). */
    public List<VrrpBinding> vrrpBindings()
    {
        return vrrpBindings;
    }

    /** @return floating IPs only the active answers ARP/ND for (D2). */
    public List<InetAddress> virtualIps()
    {
        return virtualIps;
    }

    /** @return interfaces monitored as one group (D4). */
    public Set<String> monitoredInterfaces()
    {
        return monitoredInterfaces;
    }

    /** @return VLANs monitored as one group (D4). */
    public Set<Integer> monitoredVlans()
    {
        return monitoredVlans;
    }

    /** @return track entries whose Negative state triggers a switchover (D6). */
    public List<TrackMonitor> monitoredTracks()
    {
        return monitoredTracks;
    }

    /** @return routing-cost adjustments applied while standby (D3). */
    public List<RouteCostPolicy> routeCosts()
    {
        return routeCosts;
    }

    /** @return the management interface, required in mirroring mode; may be null otherwise. */
    public String managementInterface()
    {
        return managementInterface;
    }

    /** @return service interfaces put in control-only state on the mirroring standby (D5). */
    public Set<String> serviceInterfaces()
    {
        return serviceInterfaces;
    }

    /** @return the timeout of one takeover hook step, ms (D7, G1). */
    public long hookTimeoutMs()
    {
        return hookTimeoutMs;
    }

    /** @param type an entry type. @return its replication policy (B5, B6, B8, G5). */
    public EntryTypePolicy entryPolicy(final EntryType type)
    {
        return entryPolicies.get(type);
    }

    /** @return every type's policy, in type order. */
    public Map<EntryType, EntryTypePolicy> entryPolicies()
    {
        return entryPolicies;
    }

    /** @return true when HTTP sessions are backed up (B5; off trades backup for speed). */
    public boolean httpSessionBackup()
    {
        return httpSessionBackup;
    }

    /** @return true when DNS sessions are backed up (B5). */
    public boolean dnsSessionBackup()
    {
        return dnsSessionBackup;
    }

    /** @return capacity of each producer's replication ring, bytes, a power of two (B7). */
    public int ringCapacityBytes()
    {
        return ringCapacityBytes;
    }

    /** @return entries the active keeps for retransmission; older gaps fall back to bulk (B3). */
    public int retransmitWindowEntries()
    {
        return retransmitWindowEntries;
    }

    /**
     * @return keys the split-brain journal holds (A11): entries this member creates or updates while
     * it is active and its peer is away, offered to the winner if this member is deposed when the
     * control channel heals; beyond it the whole table is offered.
     */
    public int reconcileJournalEntries()
    {
        return reconcileJournalEntries;
    }

    /** @return the largest clock skew between the peers accepted without an event (G6), ms. */
    public long maxClockSkewMs()
    {
        return maxClockSkewMs;
    }

    /**
     * @return the period of the active's anti-entropy rounds (SPEC G4), ms: every period the active
     * compares digests of key ranges with the standby and repairs only the ranges that differ; 0 means
     * no periodic round (repairs after a reconnect or a ring-full loss still run).
     */
    public long antiEntropyIntervalMs()
    {
        return antiEntropyIntervalMs;
    }

    /** @return automatic or manual configuration backup (C2). */
    public ConfigSyncMode configSyncMode()
    {
        return configSyncMode;
    }

    /** @return when configuration consistency is checked automatically (C3). */
    public ConsistencySchedule consistencySchedule()
    {
        return consistencySchedule;
    }

    /** @return true when static routes take part in mirroring-mode configuration backup (C4). */
    public boolean staticRouteSync()
    {
        return staticRouteSync;
    }

    @Override
    public String toString()
    {
        return "PairConfig{node=" + nodeId + ", group=" + groupId + ", mode=" + mode + ", policy=" + rolePolicy +
            ", control=" + controlLocal.getHostAddress() + "->" + controlPeer.getHostAddress() + ":" + controlPort +
            ", data=" + dataLocal.getHostAddress() + "->" + dataPeer.getHostAddress() + ":" + dataPort +
            ", keepalive=" + keepaliveIntervalMs + "ms x" + keepaliveRetries + ", priority=" + priority +
            ", auth=" + authentication + "}";
    }

    /**
     * Orders addresses by their bytes as unsigned numbers (A2: the higher address is the server).
     *
     * @param a first address.
     * @param b second address of the same family.
     * @return negative, zero or positive as a is lower, equal or higher than b.
     */
    public static int compareAddresses(final InetAddress a, final InetAddress b)
    {
        final byte[] x = a.getAddress();
        final byte[] y = b.getAddress();
        if (x.length != y.length)
        {
            return Integer.compare(x.length, y.length);
        }
        for (int i = 0; i < x.length; i++)
        {
            final int c = Integer.compare(x[i] & 0xFF, y[i] & 0xFF);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }

    /**
     * Builds a {@link PairConfig}. Not thread-safe; use from one thread, then discard. Every setter
     * only records the value; all rules are checked together in {@link #build()}.
     */
    public static final class Builder
    {
        /** Smallest keepalive interval, ms. */
        public static final long MIN_KEEPALIVE_INTERVAL_MS = 1;
        /** Largest keepalive interval, ms. */
        public static final long MAX_KEEPALIVE_INTERVAL_MS = 60_000;
        /** Largest number of keepalive retries. */
        public static final int MAX_KEEPALIVE_RETRIES = 255;
        /** Smallest replication ring, bytes. */
        public static final int MIN_RING_CAPACITY_BYTES = 64 * 1024;
        /** Largest replication ring, bytes. */
        public static final int MAX_RING_CAPACITY_BYTES = 1 << 30;

        private int nodeId;
        private int groupId = 1;
        private InetAddress controlLocal;
        private InetAddress controlPeer;
        private int controlPort = DEFAULT_CONTROL_PORT;
        private InetAddress dataLocal;
        private InetAddress dataPeer;
        private int dataPort;
        private long keepaliveIntervalMs = DEFAULT_KEEPALIVE_INTERVAL_MS;
        private int keepaliveRetries = DEFAULT_KEEPALIVE_RETRIES;
        private long silenceTimeoutMs;
        private long handshakeTimeoutMs;
        private long reconnectBackoffMinMs = 10;
        private long reconnectBackoffMaxMs = 1_000;
        private Mode mode = Mode.ACTIVE_STANDBY;
        private RolePolicy rolePolicy = RolePolicy.AUTO;
        private int priority = DEFAULT_PRIORITY;
        private boolean fallbackEnabled;
        private long fallbackDelayMs = DEFAULT_FALLBACK_DELAY_MS;
        private long readyMaxLagEntries = DEFAULT_READY_MAX_LAG_ENTRIES;
        private Authentication authentication;
        private String softwareVersion = "0.1.0";
        private String fingerprint = "";
        private boolean strictFingerprint;
        private final List<VrrpBinding> vrrpBindings = new ArrayList<>();
        private final List<InetAddress> virtualIps = new ArrayList<>();
        private final Set<String> monitoredInterfaces = new LinkedHashSet<>();
        private final Set<Integer> monitoredVlans = new LinkedHashSet<>();
        private final List<TrackMonitor> monitoredTracks = new ArrayList<>();
        private final List<RouteCostPolicy> routeCosts = new ArrayList<>();
        private String managementInterface;
        private final Set<String> serviceInterfaces = new LinkedHashSet<>();
        private long hookTimeoutMs = DEFAULT_HOOK_TIMEOUT_MS;
        private final Map<EntryType, EntryTypePolicy> entryPolicies = new EnumMap<>(EntryType.class);
        private boolean httpSessionBackup = true;
        private boolean dnsSessionBackup = true;
        private int ringCapacityBytes = DEFAULT_RING_CAPACITY_BYTES;
        private int retransmitWindowEntries = DEFAULT_RETRANSMIT_WINDOW_ENTRIES;
        private int reconcileJournalEntries = DEFAULT_RECONCILE_JOURNAL_ENTRIES;
        private long maxClockSkewMs = DEFAULT_MAX_CLOCK_SKEW_MS;
        private long antiEntropyIntervalMs = DEFAULT_ANTI_ENTROPY_INTERVAL_MS;
        private ConfigSyncMode configSyncMode = ConfigSyncMode.AUTO;
        private ConsistencySchedule consistencySchedule = ConsistencySchedule.never();
        private boolean staticRouteSync;

        private Builder()
        {
        }

        /** @param nodeId 1..65535, unique within the pair. @return this builder. */
        public Builder nodeId(final int nodeId)
        {
            this.nodeId = nodeId;
            return this;
        }

        /** @param groupId backup group id, 1..65535 (E1). @return this builder. */
        public Builder groupId(final int groupId)
        {
            this.groupId = groupId;
            return this;
        }

        /** @param address this member's control-channel address. @return this builder. */
        public Builder controlLocal(final InetAddress address)
        {
            this.controlLocal = address;
            return this;
        }

        /** @param address the peer's control-channel address. @return this builder. */
        public Builder controlPeer(final InetAddress address)
        {
            this.controlPeer = address;
            return this;
        }

        /** @param port the control-channel TCP port, 1..65535, shared by both members. @return this builder. */
        public Builder controlPort(final int port)
        {
            this.controlPort = port;
            return this;
        }

        /** @param address this member's data-channel address. @return this builder. */
        public Builder dataLocal(final InetAddress address)
        {
            this.dataLocal = address;
            return this;
        }

        /** @param address the peer's data-channel address; must differ from the peer's control address only if set. @return this builder. */
        public Builder dataPeer(final InetAddress address)
        {
            this.dataPeer = address;
            return this;
        }

        /** @param port the data-channel TCP port, 1..65535. @return this builder. */
        public Builder dataPort(final int port)
        {
            this.dataPort = port;
            return this;
        }

        /** @param intervalMs keepalive interval, 1..60000 ms. @return this builder. */
        public Builder keepaliveIntervalMs(final long intervalMs)
        {
            this.keepaliveIntervalMs = intervalMs;
            return this;
        }

        /** @param retries unanswered keepalives before the channel is down, 1..255. @return this builder. */
        public Builder keepaliveRetries(final int retries)
        {
            this.keepaliveRetries = retries;
            return this;
        }

        /** @param timeoutMs silence timer, ms; at least one keepalive interval. @return this builder. */
        public Builder silenceTimeoutMs(final long timeoutMs)
        {
            this.silenceTimeoutMs = timeoutMs;
            return this;
        }

        /** @param timeoutMs handshake timeout, ms; positive. @return this builder. */
        public Builder handshakeTimeoutMs(final long timeoutMs)
        {
            this.handshakeTimeoutMs = timeoutMs;
            return this;
        }

        /**
         * @param minMs first reconnect delay, ms, positive.
         * @param maxMs largest reconnect delay, ms, at least {@code minMs}.
         * @return this builder.
         */
        public Builder reconnectBackoffMs(final long minMs, final long maxMs)
        {
            this.reconnectBackoffMinMs = minMs;
            this.reconnectBackoffMaxMs = maxMs;
            return this;
        }

        /** @param mode operating mode. @return this builder. */
        public Builder mode(final Mode mode)
        {
            this.mode = mode;
            return this;
        }

        /** @param policy role policy. @return this builder. */
        public Builder rolePolicy(final RolePolicy policy)
        {
            this.rolePolicy = policy;
            return this;
        }

        /** @param priority 0..255. @return this builder. */
        public Builder priority(final int priority)
        {
            this.priority = priority;
            return this;
        }

        /**
         * @param enabled whether traffic returns to the original active (A8; off by default).
         * @param delayMs traffic-reversion delay, ms, 0..3600000.
         * @return this builder.
         */
        public Builder fallback(final boolean enabled, final long delayMs)
        {
            this.fallbackEnabled = enabled;
            this.fallbackDelayMs = delayMs;
            return this;
        }

        /** @param entries readiness lag bound (G2), entries, non-negative. @return this builder. */
        public Builder readyMaxLagEntries(final long entries)
        {
            this.readyMaxLagEntries = entries;
            return this;
        }

        /** @param authentication pre-shared key or explicitly disabled (G7: required). @return this builder. */
        public Builder authentication(final Authentication authentication)
        {
            this.authentication = authentication;
            return this;
        }

        /** @param version software version string, at most 255 bytes of UTF-8. @return this builder. */
        public Builder softwareVersion(final String version)
        {
            this.softwareVersion = version;
            return this;
        }

        /**
         * @param fingerprint hardware/software fingerprint, at most 255 bytes of UTF-8.
         * @param strict      whether a mismatch refuses the pairing.
         * @return this builder.
         */
        public Builder fingerprint(final String fingerprint, final boolean strict)
        {
            this.fingerprint = fingerprint;
            this.strictFingerprint = strict;
            return this;
        }

        /** @param binding a VRRP group bound to a hot-backup group (D1). @return this builder. */
        public Builder bindVrrp(final VrrpBinding binding)
        {
            this.vrrpBindings.add(binding);
            return this;
        }

        /** @param address a floating IP (D2). @return this builder. */
        public Builder virtualIp(final InetAddress address)
        {
            this.virtualIps.add(address);
            return this;
        }

        /** @param interfaceName an interface of the monitored group (D4). @return this builder. */
        public Builder monitorInterface(final String interfaceName)
        {
            this.monitoredInterfaces.add(interfaceName);
            return this;
        }

        /** @param vlanId a VLAN of the monitored group, 2..4094 (D4). @return this builder. */
        public Builder monitorVlan(final int vlanId)
        {
            this.monitoredVlans.add(vlanId);
            return this;
        }

        /** @param track a monitored track entry (D6). @return this builder. */
        public Builder monitorTrack(final TrackMonitor track)
        {
            this.monitoredTracks.add(track);
            return this;
        }

        /** @param policy a routing-cost adjustment for the standby (D3). @return this builder. */
        public Builder routeCost(final RouteCostPolicy policy)
        {
            this.routeCosts.add(policy);
            return this;
        }

        /** @param interfaceName management interface; required in mirroring mode. @return this builder. */
        public Builder managementInterface(final String interfaceName)
        {
            this.managementInterface = interfaceName;
            return this;
        }

        /** @param interfaceName a service interface controlled in mirroring mode (D5). @return this builder. */
        public Builder serviceInterface(final String interfaceName)
        {
            this.serviceInterfaces.add(interfaceName);
            return this;
        }

        /** @param timeoutMs timeout of one hook step, ms, 1..60000. @return this builder. */
        public Builder hookTimeoutMs(final long timeoutMs)
        {
            this.hookTimeoutMs = timeoutMs;
            return this;
        }

        /** @param type an entry type. @param policy its replication policy. @return this builder. */
        public Builder entryPolicy(final EntryType type, final EntryTypePolicy policy)
        {
            this.entryPolicies.put(type, policy);
            return this;
        }

        /** @param enabled whether HTTP sessions are backed up (default on). @return this builder. */
        public Builder httpSessionBackup(final boolean enabled)
        {
            this.httpSessionBackup = enabled;
            return this;
        }

        /** @param enabled whether DNS sessions are backed up (default on). @return this builder. */
        public Builder dnsSessionBackup(final boolean enabled)
        {
            this.dnsSessionBackup = enabled;
            return this;
        }

        /** @param bytes producer ring capacity, a power of two, 64 KiB..1 GiB. @return this builder. */
        public Builder ringCapacityBytes(final int bytes)
        {
            this.ringCapacityBytes = bytes;
            return this;
        }

        /** @param entries retransmit window, 1024..16777216 entries. @return this builder. */
        public Builder retransmitWindowEntries(final int entries)
        {
            this.retransmitWindowEntries = entries;
            return this;
        }

        /**
         * @param entries capacity of the split-brain journal (A11), 1..16777216 keys; beyond it the whole
         *                table is offered to the winner.
         * @return this builder.
         */
        public Builder reconcileJournalEntries(final int entries)
        {
            this.reconcileJournalEntries = entries;
            return this;
        }

        /** @param skewMs largest accepted clock skew, ms, positive. @return this builder. */
        public Builder maxClockSkewMs(final long skewMs)
        {
            this.maxClockSkewMs = skewMs;
            return this;
        }

        /**
         * @param intervalMs period of the active's anti-entropy rounds (SPEC G4), ms: 0 for none,
         *                   otherwise at least 100. Default {@value PairConfig#DEFAULT_ANTI_ENTROPY_INTERVAL_MS}.
         * @return this builder.
         */
        public Builder antiEntropyIntervalMs(final long intervalMs)
        {
            this.antiEntropyIntervalMs = intervalMs;
            return this;
        }

        /** @param mode automatic or manual configuration backup (C2). @return this builder. */
        public Builder configSyncMode(final ConfigSyncMode mode)
        {
            this.configSyncMode = mode;
            return this;
        }

        /** @param schedule automatic consistency checks (C3). @return this builder. */
        public Builder consistencySchedule(final ConsistencySchedule schedule)
        {
            this.consistencySchedule = schedule;
            return this;
        }

        /** @param enabled whether static routes are synced in mirroring mode (C4). @return this builder. */
        public Builder staticRouteSync(final boolean enabled)
        {
            this.staticRouteSync = enabled;
            return this;
        }

        /**
         * Checks every rule and builds the configuration.
         *
         * @return the immutable configuration.
         * @throws ConfigException naming the first field that breaks a rule, and the rule.
         */
        public PairConfig build()
        {
            PairConfigRules.check(this);
            return new PairConfig(this);
        }

        int nodeIdValue()
        {
            return nodeId;
        }

        int groupIdValue()
        {
            return groupId;
        }

        InetAddress controlLocalValue()
        {
            return controlLocal;
        }

        InetAddress controlPeerValue()
        {
            return controlPeer;
        }

        int controlPortValue()
        {
            return controlPort;
        }

        InetAddress dataLocalValue()
        {
            return dataLocal;
        }

        InetAddress dataPeerValue()
        {
            return dataPeer;
        }

        int dataPortValue()
        {
            return dataPort;
        }

        long keepaliveIntervalMsValue()
        {
            return keepaliveIntervalMs;
        }

        int keepaliveRetriesValue()
        {
            return keepaliveRetries;
        }

        long silenceTimeoutMsValue()
        {
            return silenceTimeoutMs;
        }

        long handshakeTimeoutMsValue()
        {
            return handshakeTimeoutMs;
        }

        long reconnectBackoffMinMsValue()
        {
            return reconnectBackoffMinMs;
        }

        long reconnectBackoffMaxMsValue()
        {
            return reconnectBackoffMaxMs;
        }

        Mode modeValue()
        {
            return mode;
        }

        RolePolicy rolePolicyValue()
        {
            return rolePolicy;
        }

        int priorityValue()
        {
            return priority;
        }

        long fallbackDelayMsValue()
        {
            return fallbackDelayMs;
        }

        long readyMaxLagEntriesValue()
        {
            return readyMaxLagEntries;
        }

        Authentication authenticationValue()
        {
            return authentication;
        }

        String softwareVersionValue()
        {
            return softwareVersion;
        }

        String fingerprintValue()
        {
            return fingerprint;
        }

        List<VrrpBinding> vrrpBindingsValue()
        {
            return vrrpBindings;
        }

        List<InetAddress> virtualIpsValue()
        {
            return virtualIps;
        }

        Set<String> monitoredInterfacesValue()
        {
            return monitoredInterfaces;
        }

        Set<Integer> monitoredVlansValue()
        {
            return monitoredVlans;
        }

        List<TrackMonitor> monitoredTracksValue()
        {
            return monitoredTracks;
        }

        List<RouteCostPolicy> routeCostsValue()
        {
            return routeCosts;
        }

        String managementInterfaceValue()
        {
            return managementInterface;
        }

        Set<String> serviceInterfacesValue()
        {
            return serviceInterfaces;
        }

        long hookTimeoutMsValue()
        {
            return hookTimeoutMs;
        }

        Map<EntryType, EntryTypePolicy> entryPoliciesValue()
        {
            return entryPolicies;
        }

        int ringCapacityBytesValue()
        {
            return ringCapacityBytes;
        }

        int retransmitWindowEntriesValue()
        {
            return retransmitWindowEntries;
        }

        int reconcileJournalEntriesValue()
        {
            return reconcileJournalEntries;
        }

        long maxClockSkewMsValue()
        {
            return maxClockSkewMs;
        }

        long antiEntropyIntervalMsValue()
        {
            return antiEntropyIntervalMs;
        }

        ConfigSyncMode configSyncModeValue()
        {
            return configSyncMode;
        }

        ConsistencySchedule consistencyScheduleValue()
        {
            return consistencySchedule;
        }
    }
}
