package io.hotstandby.impl.node;

import org.agrona.concurrent.Agent;

import io.hotstandby.api.time.Clock;
import io.hotstandby.impl.pairing.Conductor;
import io.hotstandby.impl.replication.ReplicationControl;

/**
 * The duty cycle of a node's agents (Aeron's Agent): reads the clock once and runs the conductor
 * and/or the replication engine with that time. One instance runs both (SHARED threading, and the
 * host's {@code doWork()} in INVOKER mode), or one instance per part (DEDICATED).
 *
 * <p>Threading: the one thread that runs it; {@link #requestStart()} from any thread.
 */
final class NodeAgent implements Agent
{
    private final String roleName;
    private final Clock clock;
    private final Conductor conductor;
    private final ReplicationControl replication;
    private final AutoCloseable closedLast;
    private volatile boolean startRequested;
    private boolean started;
    private boolean closed;

    /**
     * @param roleName    names the agent, e.g. "hotstandby-1-conductor".
     * @param clock       read once per duty cycle.
     * @param conductor   the conductor, or null when this agent runs only replication.
     * @param replication the engine, or null when this agent runs only the conductor.
     * @param closedLast  closed last in {@link #onClose()}, on this agent's thread (a transport this agent
     *                    drives), or null.
     */
    NodeAgent(final String roleName, final Clock clock, final Conductor conductor, final ReplicationControl replication,
        final AutoCloseable closedLast)
    {
        this.closedLast = closedLast;
        this.roleName = roleName;
        this.clock = clock;
        this.conductor = conductor;
        this.replication = replication;
    }

    /** Asks the agent to start the conductor on its own thread at its next duty cycle. */
    void requestStart()
    {
        startRequested = true;
    }

    @Override
    public int doWork()
    {
        if (closed)
        {
            return 0;
        }
        final long nowNs = clock.nanoTime();
        int work = 0;
        if (conductor != null)
        {
            if (!started)
            {
                if (!startRequested)
                {
                    return 0;
                }
                started = true;
                conductor.start(nowNs);
                work++;
            }
            work += conductor.doWork(nowNs);
        }
        if (replication != null)
        {
            work += replication.doWork(nowNs);
        }
        return work;
    }

    @Override
    public void onClose()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (conductor != null)
        {
            conductor.close();
        }
        if (replication != null)
        {
            replication.close();
        }
        if (closedLast != null)
        {
            try
            {
                closedLast.close();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(roleName + ": closing " + closedLast + " failed", ex);
            }
        }
    }

    @Override
    public String roleName()
    {
        return roleName;
    }
}
