package io.hotstandby.impl.replication;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.ReplicationStatus;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.counters.NodeCounters;

import java.util.EnumMap;
import java.util.Map;

/**
 * The replication engine (SPEC B1-B9, G1, G2, G4-G6): producer rings, sender, receiver and bulk
 * backup over the data channel, driven by one agent through {@link #doWork(long)}.
 *
 * <p>Threading: built on the node's setup thread; {@link #doWork(long)} on the replication agent
 * thread; the conductor's {@code on*} calls are queued for that thread.
 */
public final class ReplicationEngine implements ReplicationControl
{
    private final NodeContext context;
    private final FrameTransport dataTransport;
    private final NodeCounters counters;
    private volatile Role role = Role.UNDECIDED;

    /**
     * @param context       the node's context (config, providers, clock, listener).
     * @param dataTransport the data-channel transport.
     * @param counters      the node's counters (F2).
     */
    public ReplicationEngine(final NodeContext context, final FrameTransport dataTransport, final NodeCounters counters)
    {
        this.context = context;
        this.dataTransport = dataTransport;
        this.counters = counters;
    }

    @Override
    public void onRoleChange(final Role role, final long epoch, final long nowNs)
    {
        this.role = role;
    }

    @Override
    public void onPeerUp(final int peerNodeId, final long epoch, final long nowNs)
    {
    }

    @Override
    public void onPeerDown(final long nowNs)
    {
    }

    @Override
    public void commitForTakeover(final HookCompletion completion)
    {
        for (final BackupProvider<?> provider : context.providers().values())
        {
            provider.flush();
        }
        completion.complete();
    }

    @Override
    public boolean isReady()
    {
        return role == Role.ACTIVE;
    }

    @Override
    public ReplicationStatus status()
    {
        return ReplicationStatus.EMPTY;
    }

    @Override
    public Map<EntryType, Long> localEntryCounts()
    {
        final Map<EntryType, Long> counts = new EnumMap<>(EntryType.class);
        for (final Map.Entry<EntryType, BackupProvider<?>> e : context.providers().entrySet())
        {
            counts.put(e.getKey(), e.getValue().size());
        }
        return counts;
    }

    @Override
    public EntryProducer newProducer()
    {
        throw new UnsupportedOperationException("producer path lands in the next commit");
    }

    @Override
    public int doWork(final long nowNs)
    {
        return 0;
    }

    @Override
    public void close()
    {
    }
}
