package io.hotstandby.testkit;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.node.DefaultHotStandbyNode;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;

/**
 * A real member to pair the host's node under test with (SPEC F5): a {@link DefaultHotStandbyNode}
 * configured as the mirror of the host's configuration (addresses swapped, the other node id, the
 * complementary manual role, same mode, port and key), on an in-process network and a
 * {@link ManualClock} that the host's node shares. Both nodes run in {@link ThreadingMode#INVOKER} mode
 * and are stepped together on the test thread, so a host adapter's behaviour (its hooks, its reports)
 * is tested against the real protocol deterministically.
 *
 * <pre>{@code
 * try (SimulatedPeer peer = SimulatedPeer.of(hostConfig)) {
 *     HotStandbyNode host = new DefaultHotStandbyNode(NodeContext.builder(hostConfig)
 *         .clock(peer.clock()).threadingMode(ThreadingMode.INVOKER)
 *         .controlTransport(peer.transport()).dataTransport(peer.transport())
 *         .vrrpHook(myVrrpAdapter).build(), () -> { throw new IllegalStateException(); });
 *     peer.attach(host);
 *     peer.start();
 *     HotStandbyAssertions.assertEventuallyConverged(peer, Duration.ofSeconds(1));
 *     peer.silence();                    // the peer stops answering
 *     HotStandbyAssertions.assertBecameActiveWithin(peer, host, Duration.ofMillis(200));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test thread drives it.
 */
public final class SimulatedPeer implements AutoCloseable
{
    private final ManualClock clock;
    private final InProcessNetwork network;
    private final FrameTransport hostTransport;
    private final FrameTransport peerTransport;
    private final PairConfig hostConfig;
    private final HotStandbyNode peer;
    private final long stepNs;
    private HotStandbyNode host;
    private boolean silent;

    private SimulatedPeer(final PairConfig hostConfig, final ManualClock clock, final long stepNs)
    {
        this.hostConfig = hostConfig;
        this.clock = clock;
        this.stepNs = stepNs;
        this.network = new InProcessNetwork(clock, 256 * 1024);
        this.hostTransport = network.transport();
        this.peerTransport = network.transport();
        final NodeContext.Builder context = NodeContext.builder(mirror(hostConfig)).clock(clock)
            .threadingMode(ThreadingMode.INVOKER).controlTransport(peerTransport).dataTransport(peerTransport);
        if (hostConfig.mode() == Mode.MIRRORING)
        {
            context.interfaceHook((name, mode, completion) -> completion.complete());
        }
        this.peer = new DefaultHotStandbyNode(context.build(), () ->
        {
            throw new IllegalStateException("the simulated peer supplies its transports");
        });
    }

    /**
     * @param hostConfig the configuration of the host's node under test.
     * @return a simulated peer on its own clock (1 ms steps).
     */
    public static SimulatedPeer of(final PairConfig hostConfig)
    {
        return new SimulatedPeer(hostConfig, new ManualClock(), TimeUnit.MILLISECONDS.toNanos(1));
    }

    /**
     * @param hostConfig the configuration of the host's node under test.
     * @param clock      the clock both nodes use.
     * @param stepNs     clock advance per step, ns.
     * @return a simulated peer.
     */
    public static SimulatedPeer of(final PairConfig hostConfig, final ManualClock clock, final long stepNs)
    {
        return new SimulatedPeer(hostConfig, clock, stepNs);
    }

    /**
     * @param host the host's configuration.
     * @return the peer's configuration: addresses swapped, another node id, the complementary manual role.
     */
    public static PairConfig mirror(final PairConfig host)
    {
        final RolePolicy policy = switch (host.rolePolicy())
        {
            case PRIMARY -> RolePolicy.SECONDARY;
            case SECONDARY -> RolePolicy.PRIMARY;
            case AUTO -> RolePolicy.AUTO;
        };
        final PairConfig.Builder b = PairConfig.builder()
            .nodeId(host.nodeId() == Integer.MAX_VALUE ? 1 : host.nodeId() + 1)
            .groupId(host.groupId())
            .controlLocal(host.controlPeer()).controlPeer(host.controlLocal()).controlPort(host.controlPort())
            .dataLocal(host.dataPeer()).dataPeer(host.dataLocal()).dataPort(host.dataPort())
            .keepaliveIntervalMs(host.keepaliveIntervalMs()).keepaliveRetries(host.keepaliveRetries())
            .silenceTimeoutMs(host.silenceTimeoutMs()).handshakeTimeoutMs(host.handshakeTimeoutMs())
            .reconnectBackoffMs(host.reconnectBackoffMinMs(), host.reconnectBackoffMaxMs())
            .mode(host.mode()).rolePolicy(policy)
            .authentication(host.authentication()).softwareVersion(host.softwareVersion())
            .fingerprint(host.fingerprint(), host.strictFingerprint())
            .hookTimeoutMs(host.hookTimeoutMs())
            .ringCapacityBytes(PairConfig.Builder.MIN_RING_CAPACITY_BYTES).retransmitWindowEntries(4096);
        if (host.mode() == Mode.MIRRORING)
        {
            b.managementInterface(host.managementInterface());
        }
        return b.build();
    }

    /** @return the transport to give the host's node for both channels. */
    public FrameTransport transport()
    {
        return hostTransport;
    }

    /** @return the clock to give the host's node. */
    public ManualClock clock()
    {
        return clock;
    }

    /** @return the simulated peer's node. */
    public HotStandbyNode node()
    {
        return peer;
    }

    /** @return the host's configuration this peer mirrors. */
    public PairConfig hostConfig()
    {
        return hostConfig;
    }

    /** @param host the host's node under test, in INVOKER mode; stepped with the peer. */
    public void attach(final HotStandbyNode host)
    {
        this.host = host;
    }

    /** Starts the peer and the attached host node. */
    public void start()
    {
        peer.start();
        if (host != null)
        {
            host.start();
        }
    }

    /** Moves the clock one step and runs one duty cycle of the host node and of the peer (unless silent). */
    public void step()
    {
        clock.advance(stepNs);
        if (host != null)
        {
            host.doWork();
        }
        if (!silent)
        {
            peer.doWork();
        }
    }

    /** @param durationNs how long to run, ns. */
    public void runFor(final long durationNs)
    {
        final long end = clock.nanoTime() + durationNs;
        while (clock.nanoTime() - end < 0)
        {
            step();
        }
    }

    /**
     * @param condition checked after every step.
     * @param maxNs     longest simulated time, ns.
     * @return true when it held within maxNs.
     */
    public boolean runUntil(final BooleanSupplier condition, final long maxNs)
    {
        final long end = clock.nanoTime() + maxNs;
        while (!condition.getAsBoolean())
        {
            if (clock.nanoTime() - end >= 0)
            {
                return false;
            }
            step();
        }
        return true;
    }

    /** The peer stops running (a hung process): its connections stay open, nothing is answered. */
    public void silence()
    {
        silent = true;
    }

    /** The peer runs again after {@link #silence()}. */
    public void resume()
    {
        silent = false;
    }

    /** Frames between the two are silently lost both ways. */
    public void partition()
    {
        network.partition(hostConfig.controlLocal(), hostConfig.controlPeer());
    }

    /** Ends a {@link #partition()}. */
    public void heal()
    {
        network.heal(hostConfig.controlLocal(), hostConfig.controlPeer());
    }

    /** Resets the connections between the two. */
    public void sever()
    {
        network.sever(hostConfig.controlLocal(), hostConfig.controlPeer());
    }

    @Override
    public void close()
    {
        peer.close();
        if (host != null)
        {
            host.close();
        }
        peerTransport.close();
        hostTransport.close();
    }
}
