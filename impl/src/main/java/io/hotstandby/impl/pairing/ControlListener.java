package io.hotstandby.impl.pairing;

import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.SwitchoverRefusal;

/**
 * Receives the decoded control-channel messages from {@link ControlAdapter} (SPEC A2, A3, A10, A11,
 * C2, C3, D1). Fields arrive as values; var data only on the control path. Enum values that are
 * unknown on the wire are rejected by the adapter before they reach a listener.
 *
 * <p>Threading: the conductor thread, inside {@code FrameLink.poll}.
 */
public interface ControlListener
{
    /** The peer's Hello: the adapter has filled the node id, version, authRequired and challenge of {@code peer}. */
    void onHello(long epoch, PeerView peer);

    /** The peer's pairing terms, after its proof: the adapter has filled the rest of {@code peer}. */
    void onPairingTerms(long epoch, PeerView peer);

    /** The peer's answer to this member's challenge. */
    void onAuthResponse(long epoch, int nodeId, byte[] hmac);

    /** The peer accepted the pairing. */
    void onHelloAccept(long epoch, int nodeId, int protocolVersion);

    /** The peer refused the pairing. */
    void onHelloRefuse(long epoch, int nodeId, HelloRefusal reason, String detail);

    /** A keepalive to answer. */
    void onKeepalive(long epoch, long sequence, long sentTimeNs, int health, FailoverState state, Role role);

    /** The answer to one of this member's keepalives. */
    void onKeepaliveAck(long epoch, long sequence, long sentTimeNs, int health, FailoverState state, Role role);

    /** The peer's state or role changed. */
    void onRoleAnnounce(long epoch, int nodeId, FailoverState state, Role role, SwitchoverReason reason);

    /** The peer asks for a switchover (make-before-break). */
    void onSwitchoverRequest(long epoch, long requestId, int nodeId, SwitchoverReason reason);

    /** The peer answers a switchover request. */
    void onSwitchoverResponse(long epoch, long requestId, int nodeId, boolean accepted, SwitchoverRefusal refusal);

    /** An operator command relayed by the peer. */
    void onCommandRequest(long epoch, long requestId, OperatorCommand command);

    /** The result of a relayed operator command. */
    void onCommandResult(long epoch, long requestId, OperatorCommand command, boolean done, String reason);

    /** A configuration chunk from the primary. */
    void onConfigChunk(long epoch, long transferId, int chunkIndex, boolean last, boolean change, String module,
        byte[] bytes);

    /** The digest of one of the peer's configuration modules. */
    void onConfigDigest(long epoch, String module, long digest);

    /** The frame was malformed or hostile: the caller drops the connection with this reason. */
    void onMalformed(String reason);
}
