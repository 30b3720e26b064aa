package io.hotstandby.impl.pairing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.spi.Witness;
import io.hotstandby.api.state.TrackState;

/**
 * The only way host threads reach the conductor (SPEC A7, A10, C2, D4, D6; Aeron's Proxy pattern).
 * Level inputs (track entries, monitored interfaces and VLANs, health) are kept as their latest value
 * with a version the conductor checks once per duty cycle, so a burst of reports can never overflow
 * anything and the latest value always wins. Discrete inputs (operator commands, configuration
 * changes, witness verdicts) go through a bounded many-to-one queue; a full queue refuses at once.
 *
 * <p>Threading: every method except {@link #drain} is thread-safe and non-blocking; {@link #drain}
 * and the {@code *Snapshot} reads are for the conductor thread.
 */
public final class ConductorProxy
{
    /** Capacity of the queue of discrete inputs. */
    public static final int QUEUE_CAPACITY = 1024;

    /** An operator command waiting for the conductor. */
    public record Command(OperatorCommand command, CompletableFuture<CommandResult> future)
    {
    }

    /** A configuration change waiting for the conductor. */
    public record ConfigChange(String module, byte[] change)
    {
    }

    /** A witness verdict waiting for the conductor. */
    public record Verdict(Witness.Verdict verdict)
    {
    }

    private final ManyToOneConcurrentArrayQueue<Object> queue = new ManyToOneConcurrentArrayQueue<>(QUEUE_CAPACITY);
    private final Map<Integer, TrackState> tracks = new ConcurrentHashMap<>();
    private final Map<String, Boolean> interfaces = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> vlans = new ConcurrentHashMap<>();
    private final AtomicInteger health = new AtomicInteger(100);
    private final AtomicLong version = new AtomicLong();

    /** @param trackId a track entry. @param state its state. */
    public void reportTrack(final int trackId, final TrackState state)
    {
        tracks.put(trackId, state == null ? TrackState.NOT_READY : state);
        version.incrementAndGet();
    }

    /** @param name an interface. @param up its link state. */
    public void reportInterface(final String name, final boolean up)
    {
        interfaces.put(name, up);
        version.incrementAndGet();
    }

    /** @param vlanId a VLAN. @param up its state. */
    public void reportVlan(final int vlanId, final boolean up)
    {
        vlans.put(vlanId, up);
        version.incrementAndGet();
    }

    /** @param value health 0..100, clamped. */
    public void reportHealth(final int value)
    {
        health.set(Math.max(0, Math.min(100, value)));
        version.incrementAndGet();
    }

    /**
     * @param command the command.
     * @return completed by the conductor; refused at once when the queue is full.
     */
    public CompletableFuture<CommandResult> execute(final OperatorCommand command)
    {
        final CompletableFuture<CommandResult> future = new CompletableFuture<>();
        if (command == null)
        {
            future.completeExceptionally(new IllegalArgumentException("command: is required"));
        }
        else if (!queue.offer(new Command(command, future)))
        {
            future.complete(CommandResult.refused(command, "the conductor's command queue is full"));
        }
        return future;
    }

    /**
     * @param module the module.
     * @param change the serialised change, copied.
     * @return false when the queue is full (the host retries or runs SYNC_CONFIG_NOW).
     */
    public boolean configChanged(final String module, final byte[] change)
    {
        return queue.offer(new ConfigChange(module, change.clone()));
    }

    /** @param verdict a witness answer, from any thread. */
    public void witnessVerdict(final Witness.Verdict verdict)
    {
        queue.offer(new Verdict(verdict == null ? Witness.Verdict.UNKNOWN : verdict));
    }

    /** @return the version of the level inputs; changes whenever one of them is reported. */
    public long version()
    {
        return version.get();
    }

    /** @return the latest track states. */
    public Map<Integer, TrackState> tracks()
    {
        return tracks;
    }

    /** @return the latest interface states. */
    public Map<String, Boolean> interfaces()
    {
        return interfaces;
    }

    /** @return the latest VLAN states. */
    public Map<Integer, Boolean> vlans()
    {
        return vlans;
    }

    /** @return the latest host health. */
    public int health()
    {
        return health.get();
    }

    /**
     * @param handler receives each queued input.
     * @param limit   most inputs to take.
     * @return inputs taken.
     */
    public int drain(final java.util.function.Consumer<Object> handler, final int limit)
    {
        return queue.drain(handler, limit);
    }
}
