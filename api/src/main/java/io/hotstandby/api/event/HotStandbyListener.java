package io.hotstandby.api.event;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.hook.TakeoverStep;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

import java.util.List;

/**
 * Events of a member (SPEC F2), for the host's alarms and logs. Every method has a no-op default, so
 * a listener overrides only what it needs ({@link #NO_OP} is the adapter itself). The library also logs
 * every one of these through SLF4J with its reason.
 *
 * <p>Threading: called on the agent thread that detected the event (conductor or replication agent);
 * must return at once and must not call blocking methods of the node.
 */
public interface HotStandbyListener
{
    /** A listener that ignores everything. */
    HotStandbyListener NO_OP = new HotStandbyListener()
    {
    };

    /**
     * The failover state changed (A4).
     *
     * @param from   previous state.
     * @param to     new state.
     * @param reason why.
     */
    default void onStateChange(final FailoverState from, final FailoverState to, final SwitchoverReason reason)
    {
    }

    /**
     * The running role changed (A4, A7); the epoch has risen (G3).
     *
     * @param from   previous role.
     * @param to     new role.
     * @param epoch  the new epoch.
     * @param reason why.
     * @param detail free text, e.g. "track 3 negative".
     */
    default void onRoleChange(final Role from, final Role to, final long epoch, final SwitchoverReason reason,
        final String detail)
    {
    }

    /**
     * A channel changed state (A2, B1).
     *
     * @param channel control or data.
     * @param state   new state.
     * @param reason  why, e.g. "3 keepalives unanswered", "connection reset".
     */
    default void onChannelChange(final ChannelKind channel, final ChannelState state, final String reason)
    {
    }

    /**
     * The pairing was refused at handshake (A3, F3, F4).
     *
     * @param reason why, for the operator.
     */
    default void onPairingRefused(final String reason)
    {
    }

    /**
     * A takeover step finished (G1).
     *
     * @param step       the step.
     * @param durationNs how long it took, ns.
     * @param failures   hooks that failed or timed out in this step, with reasons; empty when all acknowledged.
     */
    default void onTakeoverStep(final TakeoverStep step, final long durationNs, final List<String> failures)
    {
    }

    /**
     * A bulk backup finished (B4).
     *
     * @param entries    entries sent or received.
     * @param durationNs how long it took, ns.
     */
    default void onBulkComplete(final long entries, final long durationNs)
    {
    }

    /**
     * The engine detected a gap or lost updates and started a repair (B3, B7, G4).
     *
     * @param reason e.g. "ring full on producer 2", "sequence gap 1041..1060".
     */
    default void onResync(final String reason)
    {
    }

    /**
     * Entries of one type were rejected at offer because its ring was full (B7), first occurrence in a
     * burst only.
     *
     * @param type the entry type.
     */
    default void onRingFull(final EntryType type)
    {
    }

    /**
     * The peers' clocks differ by more than the configured bound (G6).
     *
     * @param skewMs peer - local, ms.
     */
    default void onClockSkew(final long skewMs)
    {
    }

    /**
     * A configuration consistency check found differences (C3).
     *
     * @param modules the modules whose digests differ.
     */
    default void onConfigInconsistent(final List<String> modules)
    {
    }

    /**
     * An operator command finished (A10).
     *
     * @param result what it achieved.
     */
    default void onCommandResult(final CommandResult result)
    {
    }

    /**
     * A frame or peer was rejected and the connection dropped (F3).
     *
     * @param channel the channel.
     * @param reason  why.
     */
    default void onProtocolError(final ChannelKind channel, final String reason)
    {
    }
}
