package io.hotstandby.testkit.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.node.DefaultHotStandbyNode;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;
import io.hotstandby.impl.transport.inprocess.LinkFaults;
import io.hotstandby.testkit.ManualClock;

/**
 * A whole pair, deterministic and single-threaded (SPEC G8, F5): two real
 * {@link DefaultHotStandbyNode}s in {@link ThreadingMode#INVOKER} mode on one
 * {@link InProcessNetwork} and one {@link ManualClock}. Every {@link #step()} moves the clock by the
 * step and runs one duty cycle of each node, in an order drawn from the seed; faults (partition,
 * sever, crash, per-frame fates) are applied between steps. The same seed and the same calls replay
 * the same run exactly, so a failing property test prints its seed and the failure replays.
 *
 * <pre>{@code
 * try (PairSimulation sim = PairSimulation.builder(seed).build()) {
 *     sim.start();
 *     assertTrue(sim.runUntil(sim::exactlyOneActive, TimeUnit.SECONDS.toNanos(1)));
 *     sim.partition();
 *     sim.runFor(TimeUnit.MILLISECONDS.toNanos(100));
 * }
 * }</pre>
 *
 * <p>Member 0 is node 1 at 127.0.0.1, member 1 is node 2 at 127.0.0.2 (the server of the control
 * channel). Not thread-safe: one test thread drives it.
 */
public final class PairSimulation implements AutoCloseable
{
    /** Address of member 0. */
    public static final String ADDRESS_0 = "127.0.0.1";
    /** Address of member 1. */
    public static final String ADDRESS_1 = "127.0.0.2";
    /** The pre-shared key both members use unless the configuration is customised. */
    public static final byte[] DEFAULT_KEY = "hotstandby-simulation-key".getBytes(StandardCharsets.UTF_8);

    private final long seed;
    private final SplittableRandom random;
    private final ManualClock clock;
    private final InProcessNetwork network;
    private final long stepNs;
    private final UnaryOperator<PairConfig.Builder>[] configs;
    private final BiConsumer<Integer, NodeContext.Builder> contexts;
    private final InetAddress[] addresses = new InetAddress[2];
    private final HotStandbyNode[] nodes = new HotStandbyNode[2];
    private final FrameTransport[] transports = new FrameTransport[2];
    private final boolean[] crashed = new boolean[2];
    private final List<Runnable> afterStep = new ArrayList<>();
    private boolean started;

    private PairSimulation(final Builder b)
    {
        seed = b.seed;
        random = new SplittableRandom(b.seed);
        clock = new ManualClock();
        network = new InProcessNetwork(clock, b.queueCapacity);
        stepNs = b.stepNs;
        configs = b.configs;
        contexts = b.contexts;
        try
        {
            addresses[0] = InetAddress.getByName(ADDRESS_0);
            addresses[1] = InetAddress.getByName(ADDRESS_1);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
        nodes[0] = newNode(0);
        nodes[1] = newNode(1);
    }

    /**
     * @param seed drives the step order and anything random in the run.
     * @return a builder with a 1 ms step, 10 ms keepalives, 3 retries, 50 ms hook timeout, the smallest
     *         replication rings (64 KiB, 4096-entry window) and authentication on.
     */
    public static Builder builder(final long seed)
    {
        return new Builder(seed);
    }

    /**
     * @param member 0 or 1.
     * @return the configuration that member is built with.
     */
    public PairConfig config(final int member)
    {
        final PairConfig.Builder b = PairConfig.builder()
            .nodeId(member + 1)
            .controlLocal(addresses[member]).controlPeer(addresses[1 - member])
            .keepaliveIntervalMs(10).keepaliveRetries(3)
            .reconnectBackoffMs(5, 40)
            .hookTimeoutMs(50)
            .ringCapacityBytes(PairConfig.Builder.MIN_RING_CAPACITY_BYTES).retransmitWindowEntries(4096)
            .authentication(Authentication.preSharedKey(DEFAULT_KEY));
        return configs[member].apply(b).build();
    }

    private HotStandbyNode newNode(final int member)
    {
        transports[member] = network.transport();
        final NodeContext.Builder context = NodeContext.builder(config(member))
            .clock(clock)
            .threadingMode(ThreadingMode.INVOKER)
            .controlTransport(transports[member])
            .dataTransport(transports[member]);
        contexts.accept(member, context);
        return new DefaultHotStandbyNode(context.build(), () ->
        {
            throw new IllegalStateException("the simulation supplies both transports");
        });
    }

    /** @return the seed of this run. */
    public long seed()
    {
        return seed;
    }

    /** @return the shared clock. */
    public ManualClock clock()
    {
        return clock;
    }

    /** @return the in-process network, for fault hooks. */
    public InProcessNetwork network()
    {
        return network;
    }

    /**
     * @param member 0 or 1.
     * @return that member's node (a new instance after {@link #restart(int)}).
     */
    public HotStandbyNode node(final int member)
    {
        return nodes[member];
    }

    /** @return the random source of this run, for tests that draw their events from the seed. */
    public SplittableRandom random()
    {
        return random;
    }

    /** @param check run after every step (e.g. an invariant that throws). */
    public void afterEachStep(final Runnable check)
    {
        afterStep.add(check);
    }

    /** Starts both members. */
    public void start()
    {
        started = true;
        nodes[0].start();
        nodes[1].start();
    }

    /** Moves the clock one step and runs one duty cycle of each running member, in a seeded order. */
    public void step()
    {
        if (!started)
        {
            throw new IllegalStateException("start() first");
        }
        clock.advance(stepNs);
        final int first = random.nextInt(2);
        for (int i = 0; i < 2; i++)
        {
            final int member = (first + i) & 1;
            if (!crashed[member])
            {
                nodes[member].doWork();
            }
        }
        for (final Runnable check : afterStep)
        {
            check.run();
        }
    }

    /** @param durationNs how long to run, ns, in steps. */
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
     * @param maxNs     longest simulated time to wait, ns.
     * @return true when the condition held within maxNs.
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

    /** Frames between the members are silently lost both ways; the links stay up (silent peer). */
    public void partition()
    {
        network.partition(addresses[0], addresses[1]);
    }

    /** Ends a {@link #partition()}. */
    public void heal()
    {
        network.heal(addresses[0], addresses[1]);
    }

    /** Resets every connection between the members (both see the close at once). */
    public void sever()
    {
        network.sever(addresses[0], addresses[1]);
    }

    /** @param faults decides the fate of every frame (drop, delay, reorder...), e.g. a seeded FaultInjector. */
    public void faults(final LinkFaults faults)
    {
        network.faults(faults);
    }

    /** @param member stops running and its connections reset, as when the process dies. */
    public void crash(final int member)
    {
        crashed[member] = true;
        network.crash(addresses[member]);
    }

    /**
     * Replaces a crashed member by a fresh node (a restarted process) and starts it.
     *
     * @param member 0 or 1.
     */
    public void restart(final int member)
    {
        nodes[member].close();
        transports[member].close();
        network.restart(addresses[member]);
        nodes[member] = newNode(member);
        crashed[member] = false;
        if (started)
        {
            nodes[member].start();
        }
    }

    /** @param member 0 or 1. @return true while it is crashed. */
    public boolean isCrashed(final int member)
    {
        return crashed[member];
    }

    /** @return true when exactly one running member is active. */
    public boolean exactlyOneActive()
    {
        int active = 0;
        for (int i = 0; i < 2; i++)
        {
            if (!crashed[i] && nodes[i].status().role() == io.hotstandby.api.state.Role.ACTIVE)
            {
                active++;
            }
        }
        return active == 1;
    }

    /** @return true when both members have negotiated each other and one is active, the other standby. */
    public boolean converged()
    {
        return !crashed[0] && !crashed[1] &&
            nodes[0].status().state() == io.hotstandby.api.state.FailoverState.SYNCHRONIZATION &&
            nodes[1].status().state() == io.hotstandby.api.state.FailoverState.SYNCHRONIZATION &&
            exactlyOneActive();
    }

    @Override
    public void close()
    {
        for (int i = 0; i < 2; i++)
        {
            if (nodes[i] != null)
            {
                nodes[i].close();
            }
            if (transports[i] != null)
            {
                transports[i].close();
            }
        }
    }

    @Override
    public String toString()
    {
        return "PairSimulation{seed=" + seed + ", t=" + TimeUnit.NANOSECONDS.toMillis(clock.nanoTime()) + "ms, " +
            describe(0) + ", " + describe(1) + "}";
    }

    private String describe(final int member)
    {
        if (crashed[member])
        {
            return "node " + (member + 1) + " crashed";
        }
        final var s = nodes[member].status();
        return "node " + (member + 1) + " " + s.state() + "/" + s.role() + "@" + s.epoch() + " control " + s.control() +
            " health " + s.health();
    }

    /** Builds a {@link PairSimulation}. */
    public static final class Builder
    {
        private final long seed;
        private long stepNs = TimeUnit.MILLISECONDS.toNanos(1);
        private int queueCapacity = 256 * 1024;
        @SuppressWarnings("unchecked")
        private final UnaryOperator<PairConfig.Builder>[] configs = new UnaryOperator[]{ UnaryOperator.identity(),
            UnaryOperator.identity() };
        private BiConsumer<Integer, NodeContext.Builder> contexts = (m, b) -> b.listener(HotStandbyListener.NO_OP);

        private Builder(final long seed)
        {
            this.seed = seed;
        }

        /** @param stepNs clock advance per step, ns, positive. @return this builder. */
        public Builder stepNs(final long stepNs)
        {
            if (stepNs <= 0)
            {
                throw new IllegalArgumentException("stepNs: must be positive");
            }
            this.stepNs = stepNs;
            return this;
        }

        /**
         * @param bytes lower bound of each direction's in-process ring, bytes (default 256 KiB).
         * @return this builder.
         */
        public Builder queueCapacity(final int bytes)
        {
            this.queueCapacity = bytes;
            return this;
        }

        /**
         * @param member    0 or 1.
         * @param customise changes that member's configuration (addresses and node id are preset).
         * @return this builder.
         */
        public Builder config(final int member, final UnaryOperator<PairConfig.Builder> customise)
        {
            configs[member] = customise;
            return this;
        }

        /** @param customise changes both members' configuration. @return this builder. */
        public Builder configBoth(final UnaryOperator<PairConfig.Builder> customise)
        {
            configs[0] = customise;
            configs[1] = customise;
            return this;
        }

        /**
         * @param customise adds hooks, listener, witness... to a member's context (clock, threading and
         *                  transports are the simulation's).
         * @return this builder.
         */
        public Builder context(final BiConsumer<Integer, NodeContext.Builder> customise)
        {
            this.contexts = customise;
            return this;
        }

        /** @return the simulation, not started. */
        public PairSimulation build()
        {
            return new PairSimulation(this);
        }
    }
}
