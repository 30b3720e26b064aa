package io.hotstandby.impl.pairing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.spi.Witness;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.codec.control.SwitchoverRefusal;

/**
 * The failover state machine of one member (SPEC A4-A8, A10, A11, G2, G3), Aeron's Election style: a
 * plain class given the time, every transition through {@link #state} or {@link #role} with a reason.
 *
 * <p>States (A4): SILENCE at start and after the peer is lost (silence timer running), INDEPENDENCE when
 * the timer expires without a peer, SYNCHRONIZATION while a peer is negotiated. Roles: the election
 * picks one ACTIVE in active/standby and mirroring (both ACTIVE in dual-active) and keeps it:
 * <ul>
 *   <li>undecided members follow an already active peer; otherwise the deterministic rank decides;</li>
 *   <li>two active members (a healed split brain, A11) keep only the better ranked one;</li>
 *   <li>rank: effective health (A7: a member whose health is worse never stays active against a
 *       healthier peer), then role policy (manual primary before secondary), then priority, then the
 *       higher address;</li>
 *   <li>an active member whose health becomes worse than its standby's hands over with the
 *       make-before-break handshake (D1): it asks, the peer becomes active and answers, then it steps
 *       down; a standby that wants the active role (fallback, operator) asks, the active accepts, the
 *       standby becomes active and the old active steps down when it sees the announcement;</li>
 *   <li>fallback (A8) only when enabled, after the preempt delay, and only when the replication
 *       engine says the standby is ready (G2);</li>
 *   <li>a standby that loses its peer becomes active at once (after consulting the witness when one
 *       is configured, G3); an active member stays active.</li>
 * </ul>
 * Every role change raises the epoch to max(own, peer's) + 1 (G3).
 *
 * <p>Threading: conductor thread only. Times in ns, compared wrap-safely.
 */
public final class FailoverStateMachine
{
    private static final Logger LOG = LoggerFactory.getLogger(FailoverStateMachine.class);

    private final PairConfig config;
    private final ElectionActions actions;
    private final boolean hasWitness;
    private final long silenceNs;
    private final long fallbackDelayNs;
    private final long switchoverTimeoutNs;
    private final long retryNs;
    private final long witnessTimeoutNs;

    private FailoverState state = FailoverState.SILENCE;
    private Role role = Role.UNDECIDED;
    private long epoch;
    private long silenceStartNs;
    private boolean started;

    private boolean peerUp;
    private boolean peerRoleKnown;
    private PeerView peer;

    private int health = 100;
    private SwitchoverReason healthReason = SwitchoverReason.HEALTH;
    private String healthDetail = "health 100";

    private Witness.Verdict verdict;
    private boolean witnessPending;
    private long witnessDeadlineNs;
    private boolean awaitingWitnessForTakeover;

    private long nextRequestId = 1;
    private long pendingRequestId;
    private SwitchoverReason pendingReason;
    private long pendingDeadlineNs;
    private CompletableFuture<CommandResult> pendingFuture;
    private OperatorCommand pendingCommand;
    private long retryAtNs;

    private long yieldDeadlineNs;
    private boolean yielding;
    private long handoverDeadlineNs;
    private boolean handingOver;

    private long preemptSinceNs;
    private boolean preemptArmed;

    /**
     * @param config     the pair configuration.
     * @param actions    the conductor.
     * @param hasWitness true when a witness is configured.
     */
    public FailoverStateMachine(final PairConfig config, final ElectionActions actions, final boolean hasWitness)
    {
        this.config = config;
        this.actions = actions;
        this.hasWitness = hasWitness;
        this.silenceNs = TimeUnit.MILLISECONDS.toNanos(config.silenceTimeoutMs());
        this.fallbackDelayNs = TimeUnit.MILLISECONDS.toNanos(config.fallbackDelayMs());
        final long keepaliveNs = TimeUnit.MILLISECONDS.toNanos(config.keepaliveIntervalMs());
        final long hookNs = TimeUnit.MILLISECONDS.toNanos(config.hookTimeoutMs());
        this.switchoverTimeoutNs = 4 * hookNs + keepaliveNs * (config.keepaliveRetries() + 1L);
        this.retryNs = keepaliveNs * Math.max(1, config.keepaliveRetries());
        this.witnessTimeoutNs = Math.min(hookNs, silenceNs / 2);
    }

    // ------------------------------------------------------------------ accessors

    /** @return the failover state. */
    public FailoverState state()
    {
        return state;
    }

    /** @return the running role. */
    public Role role()
    {
        return role;
    }

    /** @return the current epoch. */
    public long epoch()
    {
        return epoch;
    }

    /** @return this member's effective health, 0..100 (0 while a monitored track or interface is down). */
    public int health()
    {
        return health;
    }

    /** @return true while a switchover handshake started by this member waits for the peer. */
    public boolean switchoverPending()
    {
        return pendingRequestId != 0;
    }

    // ------------------------------------------------------------------ inputs

    /** @param nowNs starts the silence timer. */
    public void start(final long nowNs)
    {
        started = true;
        silenceStartNs = nowNs;
        LOG.info("node {}: {} (silence timer {} ms)", config.nodeId(), state, config.silenceTimeoutMs());
        if (hasWitness)
        {
            probe(nowNs);
        }
    }

    /**
     * A message with this epoch was accepted from the peer: adopt it when higher (G3).
     *
     * @param peerEpoch the message's epoch.
     * @return false when the message is stale and must be ignored.
     */
    public boolean observeEpoch(final long peerEpoch)
    {
        if (peerEpoch < epoch)
        {
            return false;
        }
        epoch = peerEpoch;
        return true;
    }

    /**
     * @param health  effective health 0..100.
     * @param reason  why it is below 100 (TRACK_NEGATIVE, INTERFACE_DOWN or HEALTH).
     * @param detail  text for events, e.g. "track 3 negative".
     */
    public void health(final int health, final SwitchoverReason reason, final String detail)
    {
        if (health != this.health)
        {
            LOG.info("node {}: effective health {} -> {} ({})", config.nodeId(), this.health, health, detail);
        }
        this.health = health;
        this.healthReason = reason;
        this.healthDetail = detail;
    }

    /**
     * The control channel negotiated a peer.
     *
     * @param peer  what is known of it (kept up to date by the conductor).
     * @param nowNs time, ns.
     */
    public void onPeerUp(final PeerView peer, final long nowNs)
    {
        this.peer = peer;
        this.peerUp = true;
        this.peerRoleKnown = false;
        observeEpoch(peer.epoch);
        verdict = null;
        awaitingWitnessForTakeover = false;
        if (state != FailoverState.SYNCHRONIZATION)
        {
            state(FailoverState.SYNCHRONIZATION, nowNs, SwitchoverReason.ELECTION);
        }
        handingOver = false;
        yielding = false;
        preemptArmed = false;
    }

    /**
     * The negotiated peer was lost (A7 trigger "peer lost").
     *
     * @param reason why.
     * @param nowNs  time, ns.
     */
    public void onPeerLost(final String reason, final long nowNs)
    {
        if (!peerUp)
        {
            return;
        }
        peerUp = false;
        yielding = false;
        handingOver = false;
        preemptArmed = false;
        if (pendingRequestId != 0)
        {
            finishPending(false, "the peer was lost: " + reason);
        }
        silenceStartNs = nowNs;
        state(FailoverState.SILENCE, nowNs, SwitchoverReason.PEER_LOST);
        if (config.mode() == Mode.DUAL_ACTIVE)
        {
            if (role != Role.ACTIVE)
            {
                role(Role.ACTIVE, nowNs, SwitchoverReason.PEER_LOST, reason, null);
            }
            return;
        }
        if (role != Role.ACTIVE)
        {
            if (hasWitness)
            {
                awaitingWitnessForTakeover = true;
                probe(nowNs);
            }
            else
            {
                role(Role.ACTIVE, nowNs, SwitchoverReason.PEER_LOST, reason, null);
            }
        }
    }

    /** @param verdict the witness' answer (G3), delivered on the conductor thread. */
    public void onWitnessVerdict(final Witness.Verdict verdict)
    {
        if (witnessPending)
        {
            witnessPending = false;
            this.verdict = verdict;
            LOG.info("node {}: witness says {}", config.nodeId(), verdict);
        }
    }

    private void probe(final long nowNs)
    {
        verdict = null;
        witnessPending = true;
        witnessDeadlineNs = nowNs + witnessTimeoutNs;
        actions.probeWitness(nowNs);
    }

    /**
     * The peer's role as announced (a role announcement or a keepalive).
     *
     * @param peerRole the peer's role.
     * @param nowNs    time, ns.
     */
    public void onPeerRole(final Role peerRole, final long nowNs)
    {
        if (peer != null)
        {
            peer.role = peerRole;
        }
        peerRoleKnown = peerUp;
        if (yielding && peerRole == Role.ACTIVE && role == Role.ACTIVE)
        {
            yielding = false;
            role(Role.STANDBY, nowNs, SwitchoverReason.PEER_REQUEST, "the peer took over", null);
        }
    }

    // ------------------------------------------------------------------ duty cycle

    /**
     * Runs timers and the election rules.
     *
     * @param nowNs time, ns.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        if (!started)
        {
            return 0;
        }
        int work = 0;
        if (witnessPending && nowNs - witnessDeadlineNs >= 0)
        {
            witnessPending = false;
            verdict = Witness.Verdict.UNKNOWN;
            LOG.info("node {}: witness did not answer in time: UNKNOWN", config.nodeId());
        }
        if (awaitingWitnessForTakeover && !witnessPending)
        {
            awaitingWitnessForTakeover = false;
            if (verdict == Witness.Verdict.PEER_ALIVE)
            {
                if (role == Role.UNDECIDED)
                {
                    role(Role.STANDBY, nowNs, SwitchoverReason.PEER_LOST, "witness: the peer is alive", null);
                }
                LOG.warn("node {}: control channel down but the witness says the peer is alive: staying {}",
                    config.nodeId(), role);
            }
            else
            {
                role(Role.ACTIVE, nowNs, SwitchoverReason.PEER_LOST, "peer lost, witness: " + verdict, null);
            }
            work++;
        }
        switch (state)
        {
            case SILENCE ->
            {
                if (!peerUp && nowNs - silenceStartNs >= silenceNs && !(witnessPending && role == Role.UNDECIDED))
                {
                    state(FailoverState.INDEPENDENCE, nowNs, SwitchoverReason.SILENCE_TIMEOUT);
                    if (role == Role.UNDECIDED)
                    {
                        if (verdict == Witness.Verdict.PEER_ALIVE && config.mode() != Mode.DUAL_ACTIVE)
                        {
                            role(Role.STANDBY, nowNs, SwitchoverReason.SILENCE_TIMEOUT,
                                "no peer; the witness says it is alive", null);
                        }
                        else
                        {
                            role(Role.ACTIVE, nowNs, SwitchoverReason.SILENCE_TIMEOUT, "no peer", null);
                        }
                    }
                    work++;
                }
            }
            case INDEPENDENCE ->
            {
            }
            case SYNCHRONIZATION -> work += elect(nowNs);
            default -> throw new IllegalStateException("unknown state " + state);
        }
        return work;
    }

    private int elect(final long nowNs)
    {
        if (!peerUp)
        {
            return 0;
        }
        if (config.mode() == Mode.DUAL_ACTIVE)
        {
            if (role != Role.ACTIVE)
            {
                role(Role.ACTIVE, nowNs, SwitchoverReason.ELECTION, "dual-active", null);
                return 1;
            }
            return 0;
        }
        if (!peerRoleKnown)
        {
            // the peer's role arrives with its first announcement; an undecided member never waits past the
            // silence timer for it (the rank alone decides then)
            if (role == Role.UNDECIDED && nowNs - silenceStartNs >= silenceNs)
            {
                role(localWins() ? Role.ACTIVE : Role.STANDBY, nowNs, SwitchoverReason.ELECTION,
                    "the peer's role is not known yet", null);
                return 1;
            }
            return 0;
        }
        if (pendingRequestId != 0)
        {
            if (nowNs - pendingDeadlineNs >= 0)
            {
                finishPending(false, "the peer did not answer the switchover request in time");
                retryAtNs = nowNs + retryNs;
                return 1;
            }
            return 0;
        }
        if (yielding && nowNs - yieldDeadlineNs >= 0)
        {
            yielding = false;
        }
        if (handingOver && nowNs - handoverDeadlineNs >= 0)
        {
            handingOver = false;
        }
        final Role peerRole = peer.role;
        final boolean wins = localWins();
        switch (role)
        {
            case UNDECIDED ->
            {
                if (peerRole == Role.ACTIVE)
                {
                    role(Role.STANDBY, nowNs, SwitchoverReason.ELECTION, "the peer is active", null);
                }
                else if (peerRole == Role.STANDBY || wins)
                {
                    role(Role.ACTIVE, nowNs, SwitchoverReason.ELECTION,
                        peerRole == Role.STANDBY ? "the peer is standby" : "won the election", null);
                }
                else
                {
                    role(Role.STANDBY, nowNs, SwitchoverReason.ELECTION, "lost the election", null);
                }
                return 1;
            }
            case ACTIVE ->
            {
                if (peerRole == Role.ACTIVE && !wins && !handingOver && !yielding)
                {
                    role(Role.STANDBY, nowNs, SwitchoverReason.SPLIT_BRAIN_RESOLVED,
                        "both active: the peer ranks higher", null);
                    return 1;
                }
                if (peerRole == Role.STANDBY && peer.health > health && nowNs - retryAtNs >= 0 && !yielding)
                {
                    return request(healthReason, healthDetail + ", the peer has health " + peer.health, nowNs,
                        null, null) ? 1 : 0;
                }
            }
            case STANDBY ->
            {
                if (peerRole == Role.STANDBY && wins)
                {
                    role(Role.ACTIVE, nowNs, SwitchoverReason.ELECTION, "both standby: this member ranks higher", null);
                    return 1;
                }
                if (peerRole == Role.ACTIVE && preemptCondition())
                {
                    if (!preemptArmed)
                    {
                        preemptArmed = true;
                        preemptSinceNs = nowNs;
                        LOG.info("node {}: fallback armed, preempting in {} ms unless conditions change",
                            config.nodeId(), config.fallbackDelayMs());
                    }
                    else if (nowNs - preemptSinceNs >= fallbackDelayNs && nowNs - retryAtNs >= 0)
                    {
                        preemptArmed = false;
                        return request(SwitchoverReason.PREEMPT, "fallback after " + config.fallbackDelayMs() + " ms",
                            nowNs, null, null) ? 1 : 0;
                    }
                }
                else
                {
                    preemptArmed = false;
                }
            }
            default ->
            {
            }
        }
        return 0;
    }

    private boolean preemptCondition()
    {
        return config.fallbackEnabled() && prefersLocal() && health >= peer.health && actions.isReady();
    }

    /** @return true when, health aside, this member is the one that should be active (policy, priority, address). */
    private boolean prefersLocal()
    {
        final RolePolicy own = config.rolePolicy();
        if (own != peer.rolePolicy)
        {
            if (own == RolePolicy.PRIMARY)
            {
                return true;
            }
            if (peer.rolePolicy == RolePolicy.PRIMARY)
            {
                return false;
            }
        }
        if (config.priority() != peer.priority)
        {
            return config.priority() > peer.priority;
        }
        return config.isServer();
    }

    /** @return true when this member ranks above the peer (A11: health, policy, priority, then higher address). */
    public boolean localWins()
    {
        if (peer == null)
        {
            return true;
        }
        if (health != peer.health)
        {
            return health > peer.health;
        }
        return prefersLocal();
    }

    // ------------------------------------------------------------------ switchover handshake (D1)

    private boolean request(final SwitchoverReason reason, final String detail, final long nowNs,
        final OperatorCommand command, final CompletableFuture<CommandResult> future)
    {
        final long requestId = nextRequestId++;
        if (!actions.sendSwitchoverRequest(requestId, reason))
        {
            retryAtNs = nowNs + retryNs;
            if (future != null)
            {
                actions.commandFinished(CommandResult.refused(command, "the control channel is back-pressured"), future);
            }
            return false;
        }
        LOG.info("node {}: asking the peer for a switchover ({}: {}), this member is {}", config.nodeId(), reason,
            detail, role);
        pendingRequestId = requestId;
        pendingReason = reason;
        pendingDeadlineNs = nowNs + switchoverTimeoutNs;
        pendingCommand = command;
        pendingFuture = future;
        return true;
    }

    private void finishPending(final boolean done, final String why)
    {
        final CompletableFuture<CommandResult> future = pendingFuture;
        final OperatorCommand command = pendingCommand;
        pendingRequestId = 0;
        pendingFuture = null;
        pendingCommand = null;
        if (!done)
        {
            LOG.info("node {}: switchover not done: {}", config.nodeId(), why);
        }
        if (future != null)
        {
            actions.commandFinished(done ? CommandResult.done(command, why) : CommandResult.refused(command, why), future);
        }
    }

    /**
     * The peer asks for a switchover (already checked for a stale epoch).
     *
     * @param requestId its id, echoed in the response.
     * @param reason    why the peer asks.
     * @param nowNs     time, ns.
     */
    public void onSwitchoverRequest(final long requestId, final SwitchoverReason reason, final long nowNs)
    {
        final SwitchoverRefusal refusal = refusalFor(reason);
        if (refusal != SwitchoverRefusal.NONE)
        {
            LOG.info("node {}: refusing the peer's switchover request ({}): {}", config.nodeId(), reason, refusal);
            actions.sendSwitchoverResponse(requestId, false, refusal);
            return;
        }
        if (role == Role.STANDBY)
        {
            // make-before-break: become active first, answer once the takeover pipeline has run
            role(Role.ACTIVE, nowNs, SwitchoverReason.PEER_REQUEST, "the peer hands over (" + reason + ")",
                () -> actions.sendSwitchoverResponse(requestId, true, SwitchoverRefusal.NONE));
            handingOver = true;
            handoverDeadlineNs = nowNs + switchoverTimeoutNs;
        }
        else
        {
            // the peer becomes active first; this member steps down when it sees the announcement
            actions.sendSwitchoverResponse(requestId, true, SwitchoverRefusal.NONE);
            yielding = true;
            yieldDeadlineNs = nowNs + switchoverTimeoutNs;
        }
    }

    private static boolean isPlanned(final SwitchoverReason reason)
    {
        return reason == SwitchoverReason.OPERATOR || reason == SwitchoverReason.RESET || reason == SwitchoverReason.PREEMPT;
    }

    private SwitchoverRefusal refusalFor(final SwitchoverReason reason)
    {
        if (config.mode() == Mode.DUAL_ACTIVE)
        {
            return SwitchoverRefusal.POLICY;
        }
        if (pendingRequestId != 0 || yielding || role == Role.UNDECIDED || state != FailoverState.SYNCHRONIZATION)
        {
            return SwitchoverRefusal.BUSY;
        }
        if (role == Role.STANDBY && health < peer.health && reason == SwitchoverReason.OPERATOR)
        {
            return SwitchoverRefusal.UNHEALTHY;
        }
        if (role == Role.STANDBY && isPlanned(reason) && !actions.isReady())
        {
            // G2: a planned switchover never moves traffic to a standby whose backup is incomplete;
            // an unhealthy active (HEALTH, TRACK_NEGATIVE, INTERFACE_DOWN) still hands over
            return SwitchoverRefusal.NOT_READY;
        }
        if (role == Role.ACTIVE && peer.health < health)
        {
            return SwitchoverRefusal.UNHEALTHY;
        }
        return SwitchoverRefusal.NONE;
    }

    /**
     * The peer answers this member's request (already checked for a stale epoch).
     *
     * @param requestId the request answered.
     * @param accepted  true when the peer agreed.
     * @param refusal   why not.
     * @param nowNs     time, ns.
     */
    public void onSwitchoverResponse(final long requestId, final boolean accepted, final SwitchoverRefusal refusal,
        final long nowNs)
    {
        if (requestId != pendingRequestId || pendingRequestId == 0)
        {
            LOG.debug("node {}: ignoring a switchover response to unknown request {}", config.nodeId(), requestId);
            return;
        }
        final SwitchoverReason reason = pendingReason;
        if (!accepted)
        {
            retryAtNs = nowNs + retryNs;
            finishPending(false, "the peer refused: " + refusal);
            return;
        }
        final CompletableFuture<CommandResult> future = pendingFuture;
        final OperatorCommand command = pendingCommand;
        pendingRequestId = 0;
        pendingFuture = null;
        pendingCommand = null;
        final Role target = role == Role.ACTIVE ? Role.STANDBY : Role.ACTIVE;
        if (target == Role.ACTIVE)
        {
            handingOver = true;
            handoverDeadlineNs = nowNs + switchoverTimeoutNs;
        }
        role(target, nowNs, reason, "switchover accepted by the peer", null);
        if (future != null)
        {
            actions.commandFinished(CommandResult.done(command, "this member is now " + target), future);
        }
    }

    /** The node closes: a switchover command still waiting for the peer is refused. */
    public void close()
    {
        if (pendingRequestId != 0)
        {
            finishPending(false, "the node closed");
        }
    }

    // ------------------------------------------------------------------ operator commands (A10)

    /**
     * Runs a role command; its result completes {@code future} now or when the peer answers.
     *
     * @param command the command (SWITCH_TO_ACTIVE, SWITCH_TO_STANDBY, SWITCH_PEER_TO_*, RESET).
     * @param future  completed with the result.
     * @param nowNs   time, ns.
     */
    public void execute(final OperatorCommand command, final CompletableFuture<CommandResult> future,
        final long nowNs)
    {
        switch (command)
        {
            case SWITCH_TO_ACTIVE, SWITCH_TO_STANDBY ->
            {
                final Role target = command == OperatorCommand.SWITCH_TO_ACTIVE ? Role.ACTIVE : Role.STANDBY;
                if (config.mode() == Mode.DUAL_ACTIVE)
                {
                    refuse(command, future, "in dual-active mode both members stay active");
                }
                else if (role == target)
                {
                    actions.commandFinished(CommandResult.done(command, "already " + target), future);
                }
                else if (!peerUp)
                {
                    refuse(command, future, "the peer is not connected: no switchover possible");
                }
                else if (role == Role.UNDECIDED || pendingRequestId != 0 || yielding)
                {
                    refuse(command, future, "a switchover or election is in progress");
                }
                else if (target == Role.ACTIVE && health < peer.health)
                {
                    refuse(command, future, "this member's health " + health + " is worse than the peer's " + peer.health);
                }
                else if (target == Role.ACTIVE && !actions.isReady())
                {
                    refuse(command, future, "this member is not ready: its bulk backup has not completed or its " +
                        "replication lag is above the bound (G2)");
                }
                else
                {
                    request(SwitchoverReason.OPERATOR, "operator " + command, nowNs, command, future);
                }
            }
            case SWITCH_PEER_TO_ACTIVE, SWITCH_PEER_TO_STANDBY -> refuse(command, future, config.mode() == Mode.DUAL_ACTIVE ?
                "both members are already active in dual-active mode and each keeps serving its own entries" :
                "only meaningful in dual-active mode; use SWITCH_TO_ACTIVE or SWITCH_TO_STANDBY");
            case RESET ->
            {
                if (!peerUp || config.mode() == Mode.DUAL_ACTIVE || role == Role.UNDECIDED)
                {
                    actions.commandFinished(CommandResult.done(command, "election re-run without a peer to elect against: " +
                        "this member stays " + role), future);
                }
                else if (pendingRequestId != 0 || yielding)
                {
                    refuse(command, future, "a switchover is in progress");
                }
                else
                {
                    final boolean wins = localWins();
                    if (role == Role.ACTIVE && !wins || role == Role.STANDBY && wins)
                    {
                        request(SwitchoverReason.RESET, "operator reset", nowNs, command, future);
                    }
                    else
                    {
                        actions.commandFinished(CommandResult.done(command, "election re-run: this member stays " + role),
                            future);
                    }
                }
            }
            default -> refuse(command, future, "not a role command");
        }
    }

    private void refuse(final OperatorCommand command, final CompletableFuture<CommandResult> future, final String why)
    {
        actions.commandFinished(CommandResult.refused(command, why), future);
    }

    // ------------------------------------------------------------------ the two funnels

    /**
     * The only way the failover state changes: logged and handed to the conductor.
     *
     * @param newState the new state.
     * @param nowNs    time, ns.
     * @param reason   why.
     */
    void state(final FailoverState newState, final long nowNs, final SwitchoverReason reason)
    {
        final FailoverState old = state;
        if (old == newState)
        {
            return;
        }
        state = newState;
        LOG.info("node {}: state {} -> {} ({})", config.nodeId(), old, newState, reason);
        actions.stateChanged(old, newState, reason, nowNs);
    }

    /**
     * The only way the role changes: raises the epoch to max(own, peer's) + 1, logs, hands over to the
     * conductor (which runs the takeover pipeline and announces).
     *
     * @param newRole        the new role.
     * @param nowNs          time, ns.
     * @param reason         why.
     * @param detail         free text.
     * @param onPipelineDone run when the new role's pipeline finished, or null.
     */
    void role(final Role newRole, final long nowNs, final SwitchoverReason reason, final String detail,
        final Runnable onPipelineDone)
    {
        final Role old = role;
        if (old == newRole)
        {
            return;
        }
        role = newRole;
        epoch = Math.max(epoch, peer == null ? 0 : peer.epoch) + 1;
        LOG.info("node {}: role {} -> {} at epoch {} ({}: {})", config.nodeId(), old, newRole, epoch, reason, detail);
        actions.roleChanged(old, newRole, epoch, reason, detail, nowNs, onPipelineDone);
    }
}
