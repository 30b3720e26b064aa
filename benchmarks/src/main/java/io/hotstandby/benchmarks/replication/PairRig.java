package io.hotstandby.benchmarks.replication;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.time.SystemClock;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.ReplicationEngine;
import io.hotstandby.impl.transport.tcp.TcpFrameTransport;
import io.hotstandby.impl.transport.tcp.TcpLinkSettings;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * Two replication engines over loopback TCP (127.0.0.1 active, 127.0.0.2 standby) with the library's
 * built-in Netty transport, each engine's agent driving its own transport ({@code io=agent}, the default,
 * as a node builds its data channel) or both transports on one shared event loop ({@code io=eventloop},
 * {@code netty.threads}). The two engines run on one shared agent thread ({@code agents=shared}, the
 * default: the library's SHARED threading, as Aeron's SHARED driver in the peers' harness) or on one
 * thread each ({@code agents=dedicated}). Each member of a real pair runs one agent on its own device;
 * here both members share one 2-core machine with the producer (the data plane), so one shared agent
 * thread plus the producer fill the two cores without a third busy thread preempting either.
 * The {@code idle} strategy is that of {@code WORKLOAD.md}. The links use the library's {@link TcpLinkSettings#DEFAULTS}, each bound
 * overridable ({@code tcp.inbound}, {@code tcp.batch}, {@code tcp.high}, bytes). Used by the end-to-end
 * benchmarks.
 */
final class PairRig implements AutoCloseable
{
    final int port = Integer.getInteger("data.port", 40460);
    final ReplicationEngine active;
    final ReplicationEngine standby;
    final NodeCounters activeCounters = NodeCounters.inMemory();
    final NodeCounters standbyCounters = NodeCounters.inMemory();
    private final boolean sharedAgent = "shared".equals(System.getProperty("agents", "shared"));
    private final boolean callerDriven = "agent".equals(System.getProperty("io", "agent"));
    private final EventLoopGroup eventLoops = callerDriven ? null :
        new MultiThreadIoEventLoopGroup(Integer.getInteger("netty.threads", 1), NioIoHandler.newFactory());
    private final TcpFrameTransport activeTransport = transport();
    private final TcpFrameTransport standbyTransport = transport();
    private final AgentRunner activeRunner;
    private final AgentRunner standbyRunner;

    PairRig(final BackupProvider<?> activeTable, final BackupProvider<?> standbyTable) throws Exception
    {
        active = new ReplicationEngine(context(0, activeTable), activeTransport, activeCounters);
        standby = new ReplicationEngine(context(1, standbyTable), standbyTransport, standbyCounters);
        if (sharedAgent)
        {
            // both members' engines on one agent thread (Aeron's SHARED threading): on this 2-core machine
            // one thread fewer to schedule; each engine still only touches its own state
            activeRunner = new AgentRunner(idle(), Throwable::printStackTrace, null,
                new CompositeAgent(agent("replication-active", active, activeTransport),
                    agent("replication-standby", standby, standbyTransport)));
            standbyRunner = null;
        }
        else
        {
            activeRunner = new AgentRunner(idle(), Throwable::printStackTrace, null,
                agent("replication-active", active, activeTransport));
            standbyRunner = new AgentRunner(idle(), Throwable::printStackTrace, null,
                agent("replication-standby", standby, standbyTransport));
        }
    }

    /** Starts both agents, sets the roles and reports the peers up. */
    void start()
    {
        AgentRunner.startOnThread(activeRunner);
        if (standbyRunner != null)
        {
            AgentRunner.startOnThread(standbyRunner);
        }
        final long now = System.nanoTime();
        active.onRoleChange(Role.ACTIVE, 1, now);
        standby.onRoleChange(Role.STANDBY, 1, now);
        active.onPeerUp(2, 1, now);
        standby.onPeerUp(1, 1, now);
    }

    String config()
    {
        return "tcp-loopback,ring=" + Integer.getInteger("ring.capacity", 1 << 20) + ",idle=" + idleName() +
            ",agents=" + (sharedAgent ? "shared" : "dedicated") +
            (callerDriven ? ",io=agent" : ",io=eventloop,netty.threads=" + Integer.getInteger("netty.threads", 1));
    }

    /**
     * {@code io=agent} (the default, as the library's node builds its data channel): each engine's agent
     * drives its own transport; {@code io=eventloop}: both transports on a shared Netty event-loop group.
     */
    private TcpFrameTransport transport()
    {
        return callerDriven ? TcpFrameTransport.callerDriven(linkSettings()) : new TcpFrameTransport(eventLoops, linkSettings());
    }

    private NodeContext context(final int member, final BackupProvider<?> table) throws Exception
    {
        final InetAddress local = InetAddress.getByName(member == 0 ? "127.0.0.1" : "127.0.0.2");
        final InetAddress peer = InetAddress.getByName(member == 0 ? "127.0.0.2" : "127.0.0.1");
        final PairConfig config = PairConfig.builder()
            .nodeId(member + 1)
            .controlLocal(local).controlPeer(peer)
            .dataLocal(local).dataPeer(peer).dataPort(port)
            .ringCapacityBytes(Integer.getInteger("ring.capacity", 1 << 20))
            // no periodic anti-entropy rounds: in this workload the active's provider does not hold the
            // producer's table (the producer keeps its own, as in the peers' harness), so comparing
            // digests with it would be meaningless; rounds still run when the engine asks for repair
            .antiEntropyIntervalMs(Long.getLong("antiEntropy.ms", 0))
            .authentication(Authentication.preSharedKey("hotstandby-benchmark-key".getBytes(StandardCharsets.UTF_8)))
            .build();
        return NodeContext.builder(config).clock(SystemClock.INSTANCE).provider(table).build();
    }

    private Agent agent(final String name, final ReplicationEngine engine, final TcpFrameTransport transport)
    {
        return new Agent()
        {
            @Override
            public int doWork()
            {
                return engine.doWork(System.nanoTime());
            }

            @Override
            public void onClose()
            {
                if (callerDriven)
                {
                    // a caller-driven transport closes on the thread that drives it
                    engine.close();
                    transport.close();
                }
            }

            @Override
            public String roleName()
            {
                return name;
            }
        };
    }

    /** The library's defaults, each bound overridable: {@code tcp.inbound}, {@code tcp.batch}, {@code tcp.high}, bytes. */
    private static TcpLinkSettings linkSettings()
    {
        final TcpLinkSettings d = TcpLinkSettings.DEFAULTS;
        final int high = Integer.getInteger("tcp.high", d.highWaterMark());
        return new TcpLinkSettings(Integer.getInteger("tcp.inbound", d.inboundCapacity()),
            Integer.getInteger("tcp.batch", d.batchCapacity()), high, high / 2,
            d.connectTimeoutMs());
    }

    static IdleStrategy idle()
    {
        switch (System.getProperty("idle", "backoff"))
        {
            case "spin":
                return new BusySpinIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            default:
                return new BackoffIdleStrategy(Long.getLong("idle.spins", 100), Long.getLong("idle.yields", 100),
                    Long.getLong("idle.minParkNs", 1_000), Long.getLong("idle.maxParkNs", 100_000));
        }
    }

    private static String idleName()
    {
        return System.getProperty("idle", "backoff");
    }

    @Override
    public void close()
    {
        activeRunner.close();
        if (standbyRunner != null)
        {
            standbyRunner.close();
        }
        active.close();
        standby.close();
        if (eventLoops != null)
        {
            activeTransport.close();
            standbyTransport.close();
            eventLoops.shutdownGracefully();
        }
    }
}
