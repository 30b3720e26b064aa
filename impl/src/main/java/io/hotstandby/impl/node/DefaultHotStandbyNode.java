package io.hotstandby.impl.node;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.TrackState;
import io.hotstandby.api.status.HotStandbyStatus;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.pairing.Conductor;
import io.hotstandby.impl.pairing.ConductorProxy;
import io.hotstandby.impl.pairing.ConductorStatus;
import io.hotstandby.impl.replication.ReplicationControl;
import io.hotstandby.impl.replication.ReplicationEngine;

/**
 * The default {@link HotStandbyNode} (SPEC A-G): builds the control and data transports (the
 * context's, or one built-in TCP transport shared by the channels the context leaves unset), the counters (memory-mapped when the context names a file),
 * the replication engine and the pairing {@link Conductor}, and runs them as agents in the context's
 * {@link ThreadingMode}: one thread each (DEDICATED, named {@code hotstandby-<node>-conductor} and
 * {@code hotstandby-<node>-replication}), one shared thread ({@code hotstandby-<node>-agent}), or the host's
 * thread through {@link #doWork()} (INVOKER: one duty cycle of both, the clock read once).
 *
 * <p>Threading: as {@link HotStandbyNode}. Host inputs reach the conductor through a
 * {@link ConductorProxy}; {@link #status()} combines the conductor's published snapshot with the
 * engine's thread-safe status. In INVOKER mode call {@link #close()} from the invoker thread (or after
 * it stopped calling {@link #doWork()}).
 */
public final class DefaultHotStandbyNode implements HotStandbyNode
{
    private static final Logger LOG = LoggerFactory.getLogger(DefaultHotStandbyNode.class);

    private final NodeContext context;
    private final PairConfig config;
    private final NodeCounters counters;
    private final FrameTransport controlTransport;
    private final FrameTransport dataTransport;
    private final FrameTransport builtInControl;
    private final FrameTransport builtInData;
    private final ReplicationControl replication;
    private final ConductorProxy proxy = new ConductorProxy();
    private final Conductor conductor;
    private final NodeAgent[] agents;
    private final AgentInvoker invoker;
    private AgentRunner[] runners = new AgentRunner[0];
    private boolean started;
    private boolean closed;

    /**
     * @param context          the node's context.
     * @param defaultTransport makes a built-in transport for each channel the context leaves unset.
     */
    public DefaultHotStandbyNode(final NodeContext context, final Supplier<FrameTransport> defaultTransport)
    {
        this(context, defaultTransport, defaultTransport);
    }

    /**
     * @param context          the node's context.
     * @param defaultControl   makes the built-in control-channel transport when the context supplies none.
     * @param defaultData      makes the built-in data-channel transport when the context supplies none; it
     *                         is closed on the replication agent's thread, so it may be driven by that
     *                         thread ({@link FrameTransport#doWork()}).
     */
    public DefaultHotStandbyNode(
        final NodeContext context, final Supplier<FrameTransport> defaultControl, final Supplier<FrameTransport> defaultData)
    {
        this.context = context;
        this.config = context.config();
        this.counters = context.countersFile() != null ? NodeCounters.mapped(context.countersFile()) : NodeCounters.inMemory();
        this.builtInControl = context.controlTransport() == null ? defaultControl.get() : null;
        this.builtInData = context.dataTransport() == null ? defaultData.get() : null;
        this.controlTransport = context.controlTransport() != null ? context.controlTransport() : builtInControl;
        this.dataTransport = context.dataTransport() != null ? context.dataTransport() : builtInData;
        this.replication = new ReplicationEngine(context, dataTransport, counters);
        this.conductor = new Conductor(context, controlTransport, replication, counters, proxy);
        final String base = "hotstandby-" + config.nodeId();
        if (context.threadingMode() == ThreadingMode.DEDICATED)
        {
            agents = new NodeAgent[]{
                new NodeAgent(base + "-conductor", context.clock(), conductor, null, builtInControl),
                new NodeAgent(base + "-replication", context.clock(), null, replication, builtInData) };
        }
        else
        {
            agents = new NodeAgent[]{
                new NodeAgent(base + "-agent", context.clock(), conductor, replication,
                    closeBoth(builtInControl, builtInData)) };
        }
        invoker = context.threadingMode() == ThreadingMode.INVOKER ? new AgentInvoker(this::onError, null, agents[0]) : null;
    }

    private static AutoCloseable closeBoth(final AutoCloseable first, final AutoCloseable second)
    {
        if (first == null || second == null)
        {
            return first == null ? second : first;
        }
        return () ->
        {
            try
            {
                first.close();
            }
            finally
            {
                second.close();
            }
        };
    }

    private void onError(final Throwable ex)
    {
        LOG.error("node {}: agent error", config.nodeId(), ex);
    }

    @Override
    public PairConfig config()
    {
        return config;
    }

    @Override
    public synchronized void start()
    {
        if (closed)
        {
            throw new IllegalStateException("node " + config.nodeId() + " is closed");
        }
        if (started)
        {
            return;
        }
        started = true;
        LOG.info("node {}: starting ({} mode, {} threading, control {} -> {}:{})", config.nodeId(), config.mode(),
            context.threadingMode(), config.controlLocal().getHostAddress(), config.controlPeer().getHostAddress(),
            config.controlPort());
        for (final NodeAgent agent : agents)
        {
            agent.requestStart();
        }
        if (invoker != null)
        {
            invoker.start();
            return;
        }
        final ErrorHandler errorHandler = this::onError;
        runners = new AgentRunner[agents.length];
        for (int i = 0; i < agents.length; i++)
        {
            runners[i] = new AgentRunner(idleStrategy(), errorHandler, null, agents[i]);
            final NodeAgent agent = agents[i];
            AgentRunner.startOnThread(runners[i], r ->
            {
                final Thread t = new Thread(r, agent.roleName());
                t.setDaemon(true);
                return t;
            });
        }
    }

    private IdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
    }

    @Override
    public int doWork()
    {
        if (invoker == null)
        {
            throw new IllegalStateException("node " + config.nodeId() + " runs in " + context.threadingMode() +
                " mode: doWork() is for INVOKER mode only");
        }
        return invoker.invoke();
    }

    @Override
    public EntryProducer newProducer()
    {
        return replication.newProducer();
    }

    @Override
    public HotStandbyStatus status()
    {
        final ConductorStatus c = conductor.status();
        final boolean ready = replication.isReady();
        final ChannelState data = c.peerUp() ? (ready ? ChannelState.UP : ChannelState.CONNECTING) : ChannelState.DOWN;
        final Map<EntryType, Long> local = replication.localEntryCounts();
        return new HotStandbyStatus(context.clock().epochMillis(), config.nodeId(), config.groupId(), c.state(), c.role(),
            config.mode(), config.rolePolicy(), c.epoch(), c.health(), c.peer(), c.control(), data, c.refusalReason(),
            local, replication.peerEntryCounts(), replication.status(), ready, config.authentication().enabled(), c.lastSwitchover(),
            c.lastConfigSyncEpochMs(), c.configConsistent());
    }

    @Override
    public CompletableFuture<CommandResult> execute(final OperatorCommand command)
    {
        return proxy.execute(command);
    }

    @Override
    public void reportTrack(final int trackId, final TrackState state)
    {
        proxy.reportTrack(trackId, state);
    }

    @Override
    public void reportInterface(final String interfaceName, final boolean up)
    {
        proxy.reportInterface(interfaceName, up);
    }

    @Override
    public void reportVlan(final int vlanId, final boolean up)
    {
        proxy.reportVlan(vlanId, up);
    }

    @Override
    public void reportHealth(final int health)
    {
        proxy.reportHealth(health);
    }

    @Override
    public void configChanged(final String module, final byte[] change)
    {
        if (!proxy.configChanged(module, change))
        {
            LOG.warn("node {}: input queue full, configuration change of {} dropped; run SYNC_CONFIG_NOW",
                config.nodeId(), module);
        }
    }

    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (invoker != null)
        {
            invoker.close();
        }
        for (final AgentRunner runner : runners)
        {
            runner.close();
        }
        for (final NodeAgent agent : agents)
        {
            agent.onClose();
        }
        counters.close();
        LOG.info("node {}: closed", config.nodeId());
    }
}
