package io.hotstandby.api;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.state.TrackState;
import io.hotstandby.api.status.HotStandbyStatus;

import java.util.concurrent.CompletableFuture;

/**
 * One member of one backup group (SPEC A-G): the host's handle on the library. Created by
 * {@link HotStandby#launch(NodeContext)}.
 *
 * <p>Threading: the {@code report*}, {@link #execute}, {@link #configChanged}, {@link #status()} and
 * {@link #newProducer()} methods are thread-safe and never block: inputs are queued to the conductor,
 * which decides (detect in the host, decide here). {@link #doWork()} is for
 * {@link ThreadingMode#INVOKER} only and must be called from one host thread.
 */
public interface HotStandbyNode extends AutoCloseable
{
    /** @return the configuration the node runs with. */
    PairConfig config();

    /**
     * Opens the channels and starts the silence timer. In {@link ThreadingMode#INVOKER} mode nothing
     * happens until the host calls {@link #doWork()}.
     */
    void start();

    /**
     * Invoker mode: one duty cycle of every agent (reads the clock once, bounded work).
     *
     * @return work done; 0 lets the host's idle strategy back off.
     * @throws IllegalStateException when the node does not run in invoker mode.
     */
    int doWork();

    /**
     * @return a new wait-free producer for the calling data-plane thread (B7); one per thread, closed
     * when the thread ends.
     */
    EntryProducer newProducer();

    /** @return a consistent snapshot of the member (F1); also {@code status().toJson()}. */
    HotStandbyStatus status();

    /**
     * Runs an operator command (A10).
     *
     * @param command the command.
     * @return completes, on the conductor thread, with done or refused-with-reason.
     */
    CompletableFuture<CommandResult> execute(OperatorCommand command);

    /**
     * The host reports a track entry's state (D6, A7). Only monitored entries matter.
     *
     * @param trackId the track entry id.
     * @param state   its state.
     */
    void reportTrack(int trackId, TrackState state);

    /**
     * The host reports a monitored interface's link state (D4, A7).
     *
     * @param interfaceName the interface.
     * @param up            true when up.
     */
    void reportInterface(String interfaceName, boolean up);

    /**
     * The host reports a monitored VLAN's state (D4, A7).
     *
     * @param vlanId the VLAN.
     * @param up     true when up.
     */
    void reportVlan(int vlanId, boolean up);

    /**
     * The host reports this member's health (A7): a member whose health is worse than a healthy peer's
     * never stays active.
     *
     * @param health 0 (failed) to 100 (fully healthy).
     */
    void reportHealth(int health);

    /**
     * Primary, auto configuration backup (C2): a module's configuration changed; the change is sent to
     * the secondary in real time.
     *
     * @param module the module name of a registered {@link io.hotstandby.api.spi.ConfigProvider}.
     * @param change the host-serialised change, applied there by {@code applyChange}.
     */
    void configChanged(String module, byte[] change);

    /** Closes the channels and stops the agents; the peer sees the channel close at once. */
    @Override
    void close();
}
