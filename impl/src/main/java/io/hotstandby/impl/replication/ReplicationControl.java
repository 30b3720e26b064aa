package io.hotstandby.impl.replication;

import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.ReplicationStatus;

import java.util.Map;

/**
 * The seam between the pairing conductor and the replication engine (SPEC B3, B4, B9, G1, G2, G3):
 * the conductor tells the engine about roles, epochs and the peer; the engine tells the conductor
 * whether the standby is ready and commits entries for a takeover. The conductor never touches the
 * engine's internals, and the engine never decides a role.
 *
 * <p>Threading: the {@code on*} and {@link #commitForTakeover} methods are called on the conductor
 * thread and must not block (an engine on another thread queues them, Aeron's Proxy pattern);
 * {@link #isReady()}, {@link #status()}, {@link #localEntryCounts()} and {@link #peerEntryCounts()} are
 * safe from any thread;
 * {@link #doWork(long)} is called only by the agent that drives the engine.
 */
public interface ReplicationControl extends AutoCloseable
{
    /**
     * This member's running role or epoch changed. Active: send own entries (bulk to a newly joined
     * standby, then real time). Standby: apply the peer's. Every frame carries {@code epoch}; frames from
     * a lower epoch are rejected (G3).
     *
     * @param role       the new role ({@link Role#ACTIVE} for both members in dual-active).
     * @param epoch      the new epoch, never lower than a previous call's.
     * @param nowNs      the conductor's time, ns.
     */
    void onRoleChange(Role role, long epoch, long nowNs);

    /**
     * This member, active, lost the split-brain resolution of a healed control channel (A11): the
     * role change to standby follows. Before it accepts the winner's bulk backup, the engine sends the
     * winner the entries it created or updated while its peer was away, for the winner to merge.
     *
     * @param nowNs the conductor's time, ns.
     */
    void onDeposed(long nowNs);

    /**
     * The control channel negotiated a peer (state Synchronization): open or keep the data channel and
     * start bulk/real-time backup as the role requires.
     *
     * @param peerNodeId the peer's node id.
     * @param epoch      the pair's epoch.
     * @param nowNs      time, ns.
     */
    void onPeerUp(int peerNodeId, long epoch, long nowNs);

    /**
     * The peer was lost (control channel down). The engine keeps what it received and keeps its
     * retransmit window, so a quick reconnect resumes without a bulk.
     *
     * @param nowNs time, ns.
     */
    void onPeerDown(long nowNs);

    /**
     * Takeover step {@link io.hotstandby.api.hook.TakeoverStep#COMMIT_ENTRIES} (B9, G1): apply every
     * entry received so far and call every provider's {@code flush()}, then complete.
     *
     * @param completion completed (from the engine's thread) when every received entry is installed.
     */
    void commitForTakeover(HookCompletion completion);

    /**
     * @return true when this member, as standby, has completed its bulk backup and its lag is under
     * {@code readyMaxLagEntries} (G2). An active member is always ready.
     */
    boolean isReady();

    /** @return a snapshot of replication progress and lag (B3, B8). */
    ReplicationStatus status();

    /** @return entries per type in this member's tables, as its providers report them. */
    Map<EntryType, Long> localEntryCounts();

    /**
     * @return entries per type in the peer's tables, as its last data-channel heartbeat reported them
     * (every 100 ms while the data channel is up); empty until one arrived.
     */
    Map<EntryType, Long> peerEntryCounts();

    /** @return a new wait-free producer for the calling data-plane thread (B7). */
    EntryProducer newProducer();

    /**
     * One duty cycle: drain producer rings, send, receive, apply, acknowledge, retransmit.
     *
     * @param nowNs the agent's time, read once per cycle, ns.
     * @return work done.
     */
    int doWork(long nowNs);

    /** Closes the data channel and frees the rings. */
    @Override
    void close();
}
