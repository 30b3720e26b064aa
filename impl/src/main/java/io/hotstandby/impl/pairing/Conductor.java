package io.hotstandby.impl.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.agrona.collections.Long2ObjectHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.ConfigSyncMode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.config.TrackMonitor;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.Witness;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.state.TrackState;
import io.hotstandby.api.status.PeerStatus;
import io.hotstandby.api.status.Switchover;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.codec.control.SwitchoverRefusal;
import io.hotstandby.impl.configsync.ConfigBackup;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.ReplicationControl;

/**
 * The pairing conductor of one member (SPEC A2-A8, A10, A11, C2, C3, D1, D4, D6, D7, G1-G3; Aeron's
 * conductor): the one agent that owns all pairing state. Each duty cycle, given {@code nowNs}, it takes
 * the host's inputs from the {@link ConductorProxy}, runs the {@link ControlChannel} (which detects),
 * the {@link TakeoverPipeline} and the {@link FailoverStateMachine} (which decides), and publishes a
 * {@link ConductorStatus}. It talks to the replication engine only through {@link ReplicationControl}.
 *
 * <p>Epoch fencing (G3): a control message whose epoch is lower than this member's is counted
 * (FRAMES_REJECTED) and ignored; a higher one is adopted. Keepalives still prove liveness whatever
 * their epoch, but a stale one changes nothing else.
 *
 * <p>Threading: one thread calls {@link #doWork(long)} (a library agent thread or the host's invoker
 * thread); {@link #status()} is safe from any thread.
 */
public final class Conductor implements ChannelObserver, ElectionActions
{
    private static final Logger LOG = LoggerFactory.getLogger(Conductor.class);
    private static final int INPUT_LIMIT = 16;
    private static final long SCHEDULE_CHECK_NS = 100_000_000L;

    private final NodeContext context;
    private final PairConfig config;
    private final HotStandbyListener listener;
    private final ReplicationControl replication;
    private final NodeCounters counters;
    private final ConductorProxy proxy;
    private final ControlChannel channel;
    private final FailoverStateMachine machine;
    private final TakeoverPipeline pipeline;
    private final ConfigBackup configBackup;
    private final Witness witness;
    private final Consumer<Object> inputHandler = this::onInput;
    private final Long2ObjectHashMap<Relayed> relayed = new Long2ObjectHashMap<>();

    /** A command relayed to the peer, waiting for its result. */
    private record Relayed(OperatorCommand command, CompletableFuture<CommandResult> future, long deadlineNs)
    {
    }

    private long nowNs;
    private long inputVersion = -1;
    private long nextRelayId = 1;
    private boolean started;
    private boolean closed;
    private boolean configExportDue;
    private int lastPeerNodeId;
    private long staleMessages;
    private boolean dirty = true;
    private ChannelState controlState = ChannelState.DOWN;
    private String refusalReason;
    private Switchover lastSwitchover;
    private long lastConfigSyncEpochMs;
    private Boolean configConsistent;
    private int appliedOwnership = -1;
    private final ConsistencyTimer consistencyTimer;
    private long nextConsistencyMs = ConsistencyTimer.NEVER;
    private long nextScheduleCheckNs;
    private long epochToldReplication;
    private final long relayTimeoutNs;
    private boolean holdsActiveGroup;
    private volatile ConductorStatus status;

    /**
     * @param context     the node's context.
     * @param transport   the control-channel transport.
     * @param replication the replication engine seam.
     * @param counters    the node's counters.
     * @param proxy       where host inputs arrive.
     */
    public Conductor(final NodeContext context, final FrameTransport transport, final ReplicationControl replication,
        final NodeCounters counters, final ConductorProxy proxy)
    {
        this.context = context;
        this.config = context.config();
        this.listener = context.listener();
        this.replication = replication;
        this.counters = counters;
        this.proxy = proxy;
        this.witness = context.witness();
        this.channel = new ControlChannel(config, transport, this, context.clock(),
            counters.get(CounterId.KEEPALIVES_MISSED), counters.get(CounterId.PAIRINGS_REFUSED),
            counters.get(CounterId.FRAMES_REJECTED));
        this.machine = new FailoverStateMachine(config, this, witness != null);
        this.pipeline = new TakeoverPipeline(context, replication, counters.get(CounterId.HOOK_FAILURES));
        this.configBackup = new ConfigBackup(context.configProviders(), config.mode(), listener);
        this.holdsActiveGroup = config.rolePolicy() == RolePolicy.PRIMARY;
        this.consistencyTimer = new ConsistencyTimer(config.consistencySchedule(), java.time.ZoneId.systemDefault());
        this.relayTimeoutNs = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(
            4 * config.hookTimeoutMs() + config.keepaliveIntervalMs() * (config.keepaliveRetries() + 1L));
        publish();
    }

    /** @param nowNs starts the silence timer and opens the control channel. */
    public void start(final long nowNs)
    {
        this.nowNs = nowNs;
        started = true;
        counters.get(CounterId.STATE).setOrdered(machine.state().code());
        counters.get(CounterId.ROLE).setOrdered(machine.role().code());
        machine.start(nowNs);
        channel.start(nowNs);
        dirty = true;
    }

    /**
     * One duty cycle.
     *
     * @param nowNs the time read once by the caller, ns.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        if (!started || closed)
        {
            return 0;
        }
        this.nowNs = nowNs;
        int work = proxy.drain(inputHandler, INPUT_LIMIT);
        work += readLevelInputs();
        channel.local(machine.epoch(), machine.health(), machine.state(), machine.role(), replication.isReady());
        work += channel.doWork(nowNs);
        work += pipeline.doWork(nowNs);
        work += machine.doWork(nowNs);
        tellReplicationEpoch(nowNs);
        checkDualActiveOwnership(nowNs);
        if (!relayed.isEmpty())
        {
            expireRelayed(nowNs);
        }
        if (nowNs - nextScheduleCheckNs >= 0)
        {
            nextScheduleCheckNs = nowNs + SCHEDULE_CHECK_NS;
            checkConsistencySchedule();
        }
        if (configExportDue && channel.isUp())
        {
            configExportDue = !configBackup.exportAll(out());
            if (!configExportDue)
            {
                lastConfigSyncEpochMs = context.clock().epochMillis();
                dirty = true;
            }
        }
        work += channel.flush();
        if (dirty)
        {
            publish();
        }
        return work;
    }

    /** @return the latest published snapshot; any thread. */
    public ConductorStatus status()
    {
        return status;
    }

    /** @return the state machine, for tests of this package. */
    FailoverStateMachine machine()
    {
        return machine;
    }

    /** Closes the control channel (the peer sees the close at once) and refuses pending commands. */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        machine.close();
        channel.close();
        relayed.values().forEach(r -> r.future().complete(CommandResult.refused(r.command(), "the node closed")));
        relayed.clear();
    }

    // ------------------------------------------------------------------ host inputs

    private void onInput(final Object input)
    {
        if (input instanceof ConductorProxy.Command c)
        {
            onCommand(c.command(), c.future());
        }
        else if (input instanceof ConductorProxy.ConfigChange c)
        {
            onConfigChange(c.module(), c.change());
        }
        else if (input instanceof ConductorProxy.Verdict v)
        {
            machine.onWitnessVerdict(v.verdict());
        }
    }

    private int readLevelInputs()
    {
        final long version = proxy.version();
        if (version == inputVersion)
        {
            return 0;
        }
        inputVersion = version;
        int health = proxy.health();
        SwitchoverReason reason = SwitchoverReason.HEALTH;
        String detail = "health " + health;
        for (final TrackMonitor track : config.monitoredTracks())
        {
            if (proxy.tracks().get(track.trackId()) == TrackState.NEGATIVE)
            {
                health = 0;
                reason = SwitchoverReason.TRACK_NEGATIVE;
                detail = "track " + track.trackId() + " negative";
                break;
            }
        }
        if (health > 0)
        {
            for (final String name : config.monitoredInterfaces())
            {
                if (Boolean.FALSE.equals(proxy.interfaces().get(name)))
                {
                    health = 0;
                    reason = SwitchoverReason.INTERFACE_DOWN;
                    detail = "monitored interface " + name + " down";
                    break;
                }
            }
        }
        if (health > 0)
        {
            for (final Integer vlan : config.monitoredVlans())
            {
                if (Boolean.FALSE.equals(proxy.vlans().get(vlan)))
                {
                    health = 0;
                    reason = SwitchoverReason.INTERFACE_DOWN;
                    detail = "monitored VLAN " + vlan + " down";
                    break;
                }
            }
        }
        if (health != machine.health())
        {
            dirty = true;
        }
        machine.health(health, reason, detail);
        return 1;
    }

    private void onCommand(final OperatorCommand command, final CompletableFuture<CommandResult> future)
    {
        LOG.info("node {}: operator command {}", config.nodeId(), command);
        switch (command)
        {
            case SYNC_CONFIG_NOW ->
            {
                if (context.configProviders().isEmpty())
                {
                    commandFinished(CommandResult.refused(command, "no configuration modules are registered"), future);
                }
                else if (!isConfigPrimary())
                {
                    commandFinished(CommandResult.refused(command,
                        "only the primary backs up its configuration; this member is " + config.rolePolicy() +
                        (config.rolePolicy() == RolePolicy.AUTO ? "/" + machine.role() : "")), future);
                }
                else if (!channel.isUp())
                {
                    commandFinished(CommandResult.refused(command, "the peer is not connected"), future);
                }
                else if (!configBackup.exportAll(out()))
                {
                    configExportDue = true;
                    commandFinished(CommandResult.refused(command,
                        "the control channel is back-pressured; the export will be retried"), future);
                }
                else
                {
                    lastConfigSyncEpochMs = context.clock().epochMillis();
                    dirty = true;
                    commandFinished(CommandResult.done(command, "configuration of " + configBackup.modules().size() +
                        " modules sent to the peer"), future);
                }
            }
            case CHECK_CONSISTENCY_NOW ->
            {
                if (context.configProviders().isEmpty())
                {
                    commandFinished(CommandResult.refused(command, "no configuration modules are registered"), future);
                }
                else if (!channel.isUp())
                {
                    commandFinished(CommandResult.refused(command, "the peer is not connected"), future);
                }
                else
                {
                    final long id = nextRelayId++;
                    if (out().commandRequest(id, command))
                    {
                        relayed.put(id, new Relayed(command, future, nowNs + relayTimeoutNs));
                    }
                    else
                    {
                        commandFinished(CommandResult.refused(command, "the control channel is back-pressured"), future);
                    }
                }
            }
            case SWITCH_PEER_TO_ACTIVE, SWITCH_PEER_TO_STANDBY ->
            {
                if (config.mode() != io.hotstandby.api.config.Mode.DUAL_ACTIVE)
                {
                    machine.execute(command, future, nowNs);
                }
                else
                {
                    switchPeerGroup(command, future);
                }
            }
            default -> machine.execute(command, future, nowNs);
        }
    }

    /**
     * Dual-active (A10, D1): moves the active VRRP group between the members, make-before-break for
     * that group: SWITCH_PEER_TO_ACTIVE asks the peer to master it first, then releases it here;
     * SWITCH_PEER_TO_STANDBY masters it here first, then asks the peer to release it.
     */
    private void switchPeerGroup(final OperatorCommand command, final CompletableFuture<CommandResult> future)
    {
        final boolean toPeer = command == OperatorCommand.SWITCH_PEER_TO_ACTIVE;
        if (!channel.isUp())
        {
            commandFinished(CommandResult.refused(command, "the peer is not connected"), future);
            return;
        }
        if (toPeer != holdsActiveGroup)
        {
            commandFinished(CommandResult.done(command, toPeer ? "the peer already masters the active group" :
                "this member already masters the active group"), future);
            return;
        }
        if (toPeer)
        {
            relay(command, future);
            return;
        }
        holdsActiveGroup = true;
        startPipeline(nowNs, () -> relay(command, future));
    }

    /** C3: the primary compares configuration digests on the configured schedule (wall clock, local zone). */
    private void checkConsistencySchedule()
    {
        if (!channel.isUp() || !isConfigPrimary() || context.configProviders().isEmpty() ||
            nextConsistencyMs == ConsistencyTimer.NEVER)
        {
            return;
        }
        final long epochMs = context.clock().epochMillis();
        if (epochMs >= nextConsistencyMs)
        {
            nextConsistencyMs = consistencyTimer.nextDueMs(epochMs);
            LOG.info("node {}: scheduled configuration consistency check", config.nodeId());
            relay(OperatorCommand.CHECK_CONSISTENCY_NOW, null);
        }
    }

    private void expireRelayed(final long nowNs)
    {
        final Long2ObjectHashMap<Relayed>.KeyIterator it = relayed.keySet().iterator();
        while (it.hasNext())
        {
            final long id = it.nextLong();
            final Relayed r = relayed.get(id);
            if (nowNs - r.deadlineNs() >= 0)
            {
                it.remove();
                commandFinished(CommandResult.refused(r.command(), "the peer did not answer in time"), r.future());
            }
        }
    }

    private void relay(final OperatorCommand command, final CompletableFuture<CommandResult> future)
    {
        final long id = nextRelayId++;
        if (channel.isUp() && out().commandRequest(id, command))
        {
            relayed.put(id, new Relayed(command, future, nowNs + relayTimeoutNs));
        }
        else
        {
            commandFinished(CommandResult.refused(command, "the control channel is down or back-pressured"), future);
        }
    }

    private boolean isConfigPrimary()
    {
        return switch (config.rolePolicy())
        {
            case PRIMARY -> true;
            case SECONDARY -> false;
            case AUTO -> machine.role() == Role.ACTIVE;
        };
    }

    private void onConfigChange(final String module, final byte[] change)
    {
        if (config.configSyncMode() != ConfigSyncMode.AUTO || !isConfigPrimary() || !channel.isUp())
        {
            LOG.debug("node {}: configuration change of {} not sent (mode {}, primary {}, peer up {})", config.nodeId(),
                module, config.configSyncMode(), isConfigPrimary(), channel.isUp());
            return;
        }
        if (configBackup.exportChange(out(), module, change))
        {
            lastConfigSyncEpochMs = context.clock().epochMillis();
            dirty = true;
        }
        else
        {
            LOG.warn("node {}: configuration change of {} could not be sent; a full export follows", config.nodeId(),
                module);
            configExportDue = true;
        }
    }

    /** @return the control publisher, stamped with the current epoch. */
    private ControlPublisher out()
    {
        final ControlPublisher publisher = channel.publisher();
        publisher.epoch(machine.epoch());
        return publisher;
    }

    // ------------------------------------------------------------------ ElectionActions

    @Override
    public void stateChanged(final FailoverState from, final FailoverState to, final SwitchoverReason reason,
        final long nowNs)
    {
        counters.get(CounterId.STATE).setOrdered(to.code());
        dirty = true;
        announce(reason);
        listener.onStateChange(from, to, reason);
    }

    @Override
    public void roleChanged(final Role from, final Role to, final long epoch, final SwitchoverReason reason,
        final String detail, final long nowNs, final Runnable onPipelineDone)
    {
        counters.get(CounterId.ROLE).setOrdered(to.code());
        counters.get(CounterId.EPOCH).setOrdered(epoch);
        counters.get(CounterId.ROLE_CHANGES).increment();
        lastSwitchover = new Switchover(from, to, reason, detail, context.clock().epochMillis(), epoch);
        dirty = true;
        channel.local(epoch, machine.health(), machine.state(), to, replication.isReady());
        announce(reason);
        if (reason == SwitchoverReason.SPLIT_BRAIN_RESOLVED && from == Role.ACTIVE && to != Role.ACTIVE)
        {
            replication.onDeposed(nowNs);
        }
        replication.onRoleChange(to, epoch, nowNs);
        epochToldReplication = epoch;
        listener.onRoleChange(from, to, epoch, reason, detail);
        if (to != Role.UNDECIDED)
        {
            startPipeline(nowNs, onPipelineDone);
        }
        else if (onPipelineDone != null)
        {
            onPipelineDone.run();
        }
        if (to == Role.ACTIVE && config.rolePolicy() == RolePolicy.AUTO && channel.isUp() &&
            config.configSyncMode() == ConfigSyncMode.AUTO && !context.configProviders().isEmpty())
        {
            configExportDue = true;
        }
    }

    /**
     * Runs the traffic-switch pipeline for the current role and VRRP group ownership: in active/standby
     * and mirroring the active member masters the active group and the standby the standby group; in
     * dual-active the manual primary masters the active group and the secondary the standby group
     * while paired, and a member without its peer masters both (it serves both sets, A6).
     */
    private void startPipeline(final long nowNs, final Runnable onDone)
    {
        final boolean active = machine.role() == Role.ACTIVE;
        boolean ownsActive = active;
        boolean ownsStandby = !active;
        if (config.mode() == io.hotstandby.api.config.Mode.DUAL_ACTIVE)
        {
            ownsActive = !channel.isUp() || holdsActiveGroup;
            ownsStandby = !channel.isUp() || !holdsActiveGroup;
        }
        appliedOwnership = (ownsActive ? 1 : 0) | (ownsStandby ? 2 : 0);
        pipeline.start(active, ownsActive, ownsStandby, nowNs, onDone);
    }

    /**
     * The pair's epoch rose without a role change here (adopted from the peer, G3): the replication
     * engine stamps and checks data frames with it, so it learns the new epoch at once.
     */
    private void tellReplicationEpoch(final long nowNs)
    {
        final long epoch = machine.epoch();
        if (epoch > epochToldReplication && machine.role() != Role.UNDECIDED)
        {
            epochToldReplication = epoch;
            counters.get(CounterId.EPOCH).setOrdered(epoch);
            replication.onRoleChange(machine.role(), epoch, nowNs);
        }
    }

    /** Dual-active: when the pairing changes, the VRRP groups of the absent member move (A6, D1). */
    private void checkDualActiveOwnership(final long nowNs)
    {
        if (config.mode() != io.hotstandby.api.config.Mode.DUAL_ACTIVE || machine.role() != Role.ACTIVE)
        {
            return;
        }
        final int wanted = (!channel.isUp() || holdsActiveGroup ? 1 : 0) | (!channel.isUp() || !holdsActiveGroup ? 2 : 0);
        if (wanted != appliedOwnership)
        {
            LOG.info("node {}: dual-active VRRP ownership {} -> {} (peer {})", config.nodeId(), appliedOwnership,
                wanted, channel.isUp() ? "up" : "lost");
            startPipeline(nowNs, null);
        }
    }

    private void announce(final SwitchoverReason reason)
    {
        if (channel.isUp())
        {
                        out().roleAnnounce(config.nodeId(), machine.state(), machine.role(), reason);
        }
    }

    @Override
    public boolean sendSwitchoverRequest(final long requestId, final SwitchoverReason reason)
    {
        return channel.isUp() && out().switchoverRequest(requestId, config.nodeId(), reason);
    }

    @Override
    public boolean sendSwitchoverResponse(final long requestId, final boolean accepted, final SwitchoverRefusal refusal)
    {
        if (!channel.isUp())
        {
            return false;
        }
                return out().switchoverResponse(requestId, config.nodeId(), accepted, refusal);
    }

    @Override
    public void probeWitness(final long nowNs)
    {
        if (witness == null)
        {
            return;
        }
        try
        {
            witness.probe(lastPeerNodeId, proxy::witnessVerdict);
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("node {}: witness probe threw; treated as UNKNOWN", config.nodeId(), ex);
            proxy.witnessVerdict(Witness.Verdict.UNKNOWN);
        }
    }

    @Override
    public boolean isReady()
    {
        return replication.isReady();
    }

    @Override
    public void commandFinished(final CommandResult result, final CompletableFuture<CommandResult> future)
    {
        LOG.info("node {}: {}", config.nodeId(), result);
        if (future != null)
        {
            listener.onCommandResult(result);
            future.complete(result);
        }
    }

    // ------------------------------------------------------------------ ChannelObserver

    @Override
    public void onChannelState(final ChannelState state, final String reason, final long nowNs)
    {
        controlState = state;
        dirty = true;
        listener.onChannelChange(ChannelKind.CONTROL, state, reason);
    }

    @Override
    public void onPeerUp(final PeerView peer, final long nowNs)
    {
        lastPeerNodeId = peer.nodeId;
        refusalReason = null;
        dirty = true;
        machine.onPeerUp(peer, nowNs);
                announce(SwitchoverReason.ELECTION);
        replication.onPeerUp(peer.nodeId, machine.epoch(), nowNs);
        if (config.configSyncMode() == ConfigSyncMode.AUTO && isConfigPrimary() && !context.configProviders().isEmpty())
        {
            configExportDue = true;
        }
        configBackup.reset();
        nextConsistencyMs = consistencyTimer.nextDueMs(context.clock().epochMillis());
    }

    @Override
    public void onPeerLost(final String reason, final long nowNs)
    {
        dirty = true;
        for (final Relayed r : new ArrayList<>(relayed.values()))
        {
            commandFinished(CommandResult.refused(r.command(), "the peer was lost: " + reason), r.future());
        }
        relayed.clear();
        replication.onPeerDown(nowNs);
        machine.onPeerLost(reason, nowNs);
    }

    @Override
    public void onPairingRefused(final String reason, final long nowNs)
    {
        refusalReason = reason;
        dirty = true;
        listener.onPairingRefused(reason);
    }

    @Override
    public void onFrameRejected(final String reason)
    {
        listener.onProtocolError(ChannelKind.CONTROL, reason);
    }

    private boolean fresh(final long epoch, final String what)
    {
        if (!machine.observeEpoch(epoch))
        {
            staleMessages++;
            counters.get(CounterId.FRAMES_REJECTED).increment();
            LOG.debug("node {}: ignoring {} with stale epoch {} < {}", config.nodeId(), what, epoch, machine.epoch());
            return false;
        }
        final PeerView peer = channel.peer();
        peer.epoch = Math.max(peer.epoch, epoch);
        counters.get(CounterId.EPOCH).setOrdered(machine.epoch());
        return true;
    }

    @Override
    public void onPeerStatus(final long epoch, final int health, final FailoverState state, final Role role,
        final long nowNs)
    {
        if (!fresh(epoch, "keepalive"))
        {
            return;
        }
        final PeerView peer = channel.peer();
        if (peer.health != health || peer.state != state || peer.role != role)
        {
            dirty = true;
        }
        peer.health = health;
        peer.state = state;
        machine.onPeerRole(role, nowNs);
    }

    @Override
    public void onRoleAnnounce(final long epoch, final FailoverState state, final Role role,
        final SwitchoverReason reason, final long nowNs)
    {
        if (!fresh(epoch, "role announce"))
        {
            return;
        }
        LOG.debug("node {}: peer announces {} {} at epoch {} ({})", config.nodeId(), state, role, epoch, reason);
        channel.peer().state = state;
        dirty = true;
        machine.onPeerRole(role, nowNs);
    }

    @Override
    public void onSwitchoverRequest(final long epoch, final long requestId, final SwitchoverReason reason,
        final long nowNs)
    {
        if (!fresh(epoch, "switchover request"))
        {
                        out().switchoverResponse(requestId, config.nodeId(), false, SwitchoverRefusal.STALE_EPOCH);
            return;
        }
        machine.onSwitchoverRequest(requestId, reason, nowNs);
    }

    @Override
    public void onSwitchoverResponse(final long epoch, final long requestId, final boolean accepted,
        final SwitchoverRefusal refusal, final long nowNs)
    {
        if (fresh(epoch, "switchover response"))
        {
            machine.onSwitchoverResponse(requestId, accepted, refusal, nowNs);
        }
    }

    @Override
    public void onCommandRequest(final long epoch, final long requestId, final OperatorCommand command,
        final long nowNs)
    {
        if (!fresh(epoch, "operator command"))
        {
            out().commandResult(requestId, command, false, "stale epoch " + epoch + " < " + machine.epoch() + "; retry");
            return;
        }
        if (command == OperatorCommand.CHECK_CONSISTENCY_NOW)
        {
            final boolean sent = configBackup.sendDigests(out());
            out().commandResult(requestId, command, sent, sent ? "digests sent" : "back-pressured");
        }
        else if (command == OperatorCommand.SWITCH_PEER_TO_ACTIVE || command == OperatorCommand.SWITCH_PEER_TO_STANDBY)
        {
            if (config.mode() != io.hotstandby.api.config.Mode.DUAL_ACTIVE || machine.role() != Role.ACTIVE)
            {
                out().commandResult(requestId, command, false, "this member is not active in dual-active mode");
                return;
            }
            // the peer asks this member to take (SWITCH_PEER_TO_ACTIVE) or give up the active group
            holdsActiveGroup = command == OperatorCommand.SWITCH_PEER_TO_ACTIVE;
            startPipeline(nowNs, () ->
            {
                if (channel.isUp())
                {
                    out().commandResult(requestId, command, true, holdsActiveGroup ?
                        "the peer masters the active group" : "the peer masters the standby group");
                }
            });
        }
        else
        {
            out().commandResult(requestId, command, false, "not relayed between members");
        }
    }

    @Override
    public void onCommandResult(final long epoch, final long requestId, final OperatorCommand command,
        final boolean done, final String reason, final long nowNs)
    {
        if (!fresh(epoch, "operator command result"))
        {
            return;
        }
        final Relayed pending = relayed.remove(requestId);
        if (pending == null)
        {
            return;
        }
        final CompletableFuture<CommandResult> future = pending.future();
        if (!done)
        {
            commandFinished(CommandResult.refused(command, "the peer: " + reason), future);
            return;
        }
        if (command == OperatorCommand.SWITCH_PEER_TO_ACTIVE)
        {
            holdsActiveGroup = false;
            startPipeline(nowNs, () -> commandFinished(CommandResult.done(command,
                "the peer masters the active group, this member the standby group"), future));
            return;
        }
        if (command == OperatorCommand.SWITCH_PEER_TO_STANDBY)
        {
            commandFinished(CommandResult.done(command, "this member masters the active group, the peer the standby group"),
                future);
            return;
        }
        configBackup.sendDigests(out());
        final List<String> differing = configBackup.compare();
        configConsistent = differing.isEmpty();
        dirty = true;
        commandFinished(CommandResult.done(command, differing.isEmpty() ? "configuration consistent" :
            "configuration differs in modules " + differing), future);
    }

    @Override
    public void onConfigChunk(final long epoch, final long transferId, final int chunkIndex, final boolean last,
        final boolean change, final String module, final byte[] bytes)
    {
        if (!fresh(epoch, "configuration chunk"))
        {
            return;
        }
        if (isConfigPrimary())
        {
            LOG.warn("node {}: ignoring configuration of {} from the peer: configuration flows from the primary only",
                config.nodeId(), module);
            return;
        }
        final String refusal = configBackup.onChunk(module, transferId, chunkIndex, last, change, bytes);
        if (refusal != null)
        {
            channel.onMalformed(refusal);
            return;
        }
        if (last)
        {
            lastConfigSyncEpochMs = context.clock().epochMillis();
            dirty = true;
        }
    }

    @Override
    public void onConfigDigest(final long epoch, final String module, final long digest)
    {
        if (fresh(epoch, "configuration digest"))
        {
            configBackup.onPeerDigest(module, digest);
        }
    }

    // ------------------------------------------------------------------ status

    private void publish()
    {
        dirty = false;
        final PeerView p = channel.peer();
        final PeerStatus peer = new PeerStatus(p.nodeId != 0 ? p.nodeId : lastPeerNodeId,
            config.controlPeer().getHostAddress(), p.state, channel.isUp() ? p.role : null, p.softwareVersion, p.health,
            p.priority);
        status = new ConductorStatus(machine.state(), machine.role(), machine.epoch(), machine.health(), peer,
            controlState, refusalReason, lastSwitchover, lastConfigSyncEpochMs, configConsistent, channel.isUp(),
            staleMessages);
    }
}
