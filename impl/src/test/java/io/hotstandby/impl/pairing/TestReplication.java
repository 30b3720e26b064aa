package io.hotstandby.impl.pairing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.ReplicationStatus;
import io.hotstandby.impl.replication.ReplicationControl;

/** Test double of the replication seam: readiness set by the test, calls recorded. */
final class TestReplication implements ReplicationControl
{
    volatile boolean ready = true;
    volatile boolean holdCommit;
    final List<String> calls;
    HookCompletion heldCommit;
    long lastEpoch;

    TestReplication()
    {
        this(new ArrayList<>());
    }

    TestReplication(final List<String> calls)
    {
        this.calls = calls;
    }

    @Override
    public void onRoleChange(final Role role, final long epoch, final long nowNs)
    {
        if (epoch < lastEpoch)
        {
            throw new AssertionError("epoch went down: " + lastEpoch + " -> " + epoch);
        }
        lastEpoch = epoch;
        calls.add("role " + role + " " + epoch);
    }

    @Override
    public void onDeposed(final long nowNs)
    {
        calls.add("deposed");
    }

    @Override
    public void onPeerUp(final int peerNodeId, final long epoch, final long nowNs)
    {
        calls.add("peerUp " + peerNodeId);
    }

    @Override
    public void onPeerDown(final long nowNs)
    {
        calls.add("peerDown");
    }

    @Override
    public void commitForTakeover(final HookCompletion completion)
    {
        calls.add("commit");
        if (holdCommit)
        {
            heldCommit = completion;
        }
        else
        {
            completion.complete();
        }
    }

    @Override
    public boolean isReady()
    {
        return ready;
    }

    @Override
    public ReplicationStatus status()
    {
        return ReplicationStatus.EMPTY;
    }

    @Override
    public Map<EntryType, Long> localEntryCounts()
    {
        return Map.of();
    }

    @Override
    public Map<EntryType, Long> peerEntryCounts()
    {
        return Map.of();
    }

    @Override
    public EntryProducer newProducer()
    {
        throw new UnsupportedOperationException("no producers in conductor tests");
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
