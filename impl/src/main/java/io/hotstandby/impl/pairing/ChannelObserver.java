package io.hotstandby.impl.pairing;

import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.codec.control.SwitchoverRefusal;

/**
 * What the {@link ControlChannel} detects, for the conductor to decide on (SPEC A2, A3; Netty's
 * detect/decide split). Session messages are delivered only once the channel is up, i.e. after the
 * peer authenticated and both sides accepted the pairing (F3: an unauthenticated peer learns nothing
 * and changes nothing).
 *
 * <p>Threading: conductor thread, from {@link ControlChannel#doWork(long)}.
 */
public interface ChannelObserver
{
    /** The channel's state changed. */
    void onChannelState(ChannelState state, String reason, long nowNs);

    /** The handshake completed: {@code peer} holds the negotiated peer. */
    void onPeerUp(PeerView peer, long nowNs);

    /** The negotiated peer was lost: keepalives unanswered, or the connection closed or failed. */
    void onPeerLost(String reason, long nowNs);

    /** The pairing was refused, by this member or by the peer. */
    void onPairingRefused(String reason, long nowNs);

    /** A frame was rejected as malformed, hostile or stale. */
    void onFrameRejected(String reason);

    /** The peer's health, state and role as carried by a keepalive or its answer. */
    void onPeerStatus(long epoch, int health, FailoverState state, Role role, long nowNs);

    /** The peer's state or role changed. */
    void onRoleAnnounce(long epoch, FailoverState state, Role role, SwitchoverReason reason, long nowNs);

    /** The peer asks for a switchover. */
    void onSwitchoverRequest(long epoch, long requestId, SwitchoverReason reason, long nowNs);

    /** The peer answers this member's switchover request. */
    void onSwitchoverResponse(long epoch, long requestId, boolean accepted, SwitchoverRefusal refusal, long nowNs);

    /** An operator command relayed by the peer. */
    void onCommandRequest(long epoch, long requestId, OperatorCommand command, long nowNs);

    /** The result of a command this member relayed. */
    void onCommandResult(long epoch, long requestId, OperatorCommand command, boolean done, String reason, long nowNs);

    /** A configuration chunk from the peer. */
    void onConfigChunk(long epoch, long transferId, int chunkIndex, boolean last, boolean change, String module,
        byte[] bytes);

    /** A configuration digest from the peer. */
    void onConfigDigest(long epoch, String module, long digest);
}
