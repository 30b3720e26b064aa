package io.hotstandby.impl.pairing;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.codec.control.SwitchoverRefusal;

/**
 * What the {@link FailoverStateMachine} asks of the conductor: announce, run the takeover pipeline,
 * talk to the peer, consult the witness. Keeps the state machine a plain class given the time.
 *
 * <p>Threading: conductor thread.
 */
public interface ElectionActions
{
    /** The failover state changed (already logged by the machine). */
    void stateChanged(FailoverState from, FailoverState to, SwitchoverReason reason, long nowNs);

    /**
     * The running role changed and the epoch rose (already logged by the machine).
     *
     * @param onPipelineDone run once the traffic-switch pipeline of the new role finished, or null.
     */
    void roleChanged(Role from, Role to, long epoch, SwitchoverReason reason, String detail, long nowNs,
        Runnable onPipelineDone);

    /** @return true when the request was handed to the control channel. */
    boolean sendSwitchoverRequest(long requestId, SwitchoverReason reason);

    /** @return true when the response was handed to the control channel. */
    boolean sendSwitchoverResponse(long requestId, boolean accepted, SwitchoverRefusal refusal);

    /** Asks the witness whether the peer is alive; the verdict comes back through the machine. */
    void probeWitness(long nowNs);

    /** @return true when this member, as standby, may attract traffic (G2). */
    boolean isReady();

    /** An operator command this machine ran has finished. */
    void commandFinished(CommandResult result, java.util.concurrent.CompletableFuture<CommandResult> future);
}
