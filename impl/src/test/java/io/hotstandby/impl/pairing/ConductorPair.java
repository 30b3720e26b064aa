package io.hotstandby.impl.pairing;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.state.Role;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;
import io.hotstandby.impl.transport.inprocess.InProcessTransport;

/** Two real conductors over the in-process network on one test clock, stepped on the test thread. */
final class ConductorPair implements AutoCloseable
{
    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    static final byte[] KEY = "a-shared-key-of-enough-length".getBytes(StandardCharsets.UTF_8);

    final TestClock clock = new TestClock();
    final InProcessNetwork network = new InProcessNetwork(clock);
    final InetAddress[] addresses = new InetAddress[2];
    final Conductor[] conductors = new Conductor[2];
    final ConductorProxy[] proxies = { new ConductorProxy(), new ConductorProxy() };
    final TestReplication[] replication = { new TestReplication(), new TestReplication() };
    final RecordingListener[] listeners = { new RecordingListener(), new RecordingListener() };
    final NodeCounters[] counters = { NodeCounters.inMemory(), NodeCounters.inMemory() };
    final InProcessTransport[] transports = new InProcessTransport[2];
    final boolean[] stopped = new boolean[2];

    ConductorPair(final UnaryOperator<PairConfig.Builder> config0, final UnaryOperator<PairConfig.Builder> config1,
        final BiConsumer<Integer, NodeContext.Builder> contexts) throws Exception
    {
        addresses[0] = InetAddress.getByName("127.0.0.1");
        addresses[1] = InetAddress.getByName("127.0.0.2");
        for (int i = 0; i < 2; i++)
        {
            final PairConfig.Builder b = PairConfig.builder().nodeId(i + 1)
                .controlLocal(addresses[i]).controlPeer(addresses[1 - i])
                .keepaliveIntervalMs(10).keepaliveRetries(3).reconnectBackoffMs(5, 40).hookTimeoutMs(50)
                .authentication(Authentication.preSharedKey(KEY));
            final PairConfig config = (i == 0 ? config0 : config1).apply(b).build();
            final NodeContext.Builder context = NodeContext.builder(config).clock(clock).listener(listeners[i]);
            contexts.accept(i, context);
            transports[i] = network.transport();
            conductors[i] = new Conductor(context.build(), transports[i], replication[i], counters[i], proxies[i]);
        }
    }

    ConductorPair() throws Exception
    {
        this(UnaryOperator.identity(), UnaryOperator.identity(), (i, c) -> { });
    }

    void start(final int member)
    {
        conductors[member].start(clock.nanoTime());
    }

    void startBoth()
    {
        start(0);
        start(1);
    }

    void step()
    {
        clock.advance(MS);
        for (int i = 0; i < 2; i++)
        {
            if (!stopped[i])
            {
                conductors[i].doWork(clock.nanoTime());
            }
        }
    }

    void runMs(final long ms)
    {
        for (long i = 0; i < ms; i++)
        {
            step();
        }
    }

    boolean runUntil(final BooleanSupplier condition, final long maxMs)
    {
        for (long i = 0; i < maxMs; i++)
        {
            if (condition.getAsBoolean())
            {
                return true;
            }
            step();
        }
        return condition.getAsBoolean();
    }

    ConductorStatus status(final int member)
    {
        return conductors[member].status();
    }

    Role role(final int member)
    {
        return status(member).role();
    }

    /** Both paired, one active and one standby, and both at the same epoch (the role announcements arrived). */
    boolean converged()
    {
        return status(0).peerUp() && status(1).peerUp() && status(0).epoch() == status(1).epoch() &&
            (role(0) == Role.ACTIVE && role(1) == Role.STANDBY || role(0) == Role.STANDBY && role(1) == Role.ACTIVE);
    }

    int active()
    {
        return role(0) == Role.ACTIVE ? 0 : 1;
    }

    @Override
    public void close()
    {
        for (int i = 0; i < 2; i++)
        {
            conductors[i].close();
            transports[i].close();
            counters[i].close();
        }
    }
}
