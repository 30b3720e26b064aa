package io.hotstandby.impl.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.time.Clock;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;

/** The node facade in INVOKER mode on the in-process transport: status, commands, counters file. */
class NodeInvokerTest
{
    private static final class StepClock implements Clock
    {
        final AtomicLong ns = new AtomicLong(1_000_000_000L);

        @Override
        public long nanoTime()
        {
            return ns.get();
        }

        @Override
        public long epochMillis()
        {
            return 1_767_225_600_000L + ns.get() / 1_000_000;
        }
    }

    @Test
    void invokerPairPublishesStatusCountersAndRunsCommands(@TempDir final Path dir) throws Exception
    {
        final StepClock clock = new StepClock();
        final InProcessNetwork network = new InProcessNetwork(clock, 256 * 1024);
        final HotStandbyNode[] nodes = new HotStandbyNode[2];
        final Path countersFile = dir.resolve("node1.counters");
        for (int i = 0; i < 2; i++)
        {
            final PairConfig config = PairConfig.builder().nodeId(i + 1)
                .controlLocal(InetAddress.getByName(i == 0 ? "127.0.0.1" : "127.0.0.2"))
                .controlPeer(InetAddress.getByName(i == 0 ? "127.0.0.2" : "127.0.0.1"))
                .keepaliveIntervalMs(10).keepaliveRetries(3)
                .ringCapacityBytes(PairConfig.Builder.MIN_RING_CAPACITY_BYTES).retransmitWindowEntries(4096)
                .authentication(Authentication.preSharedKey("invoker-test-key-0123456".getBytes(StandardCharsets.UTF_8)))
                .build();
            final var transport = network.transport();
            final NodeContext.Builder context = NodeContext.builder(config).clock(clock)
                .threadingMode(ThreadingMode.INVOKER).controlTransport(transport).dataTransport(transport);
            if (i == 0)
            {
                context.countersFile(countersFile);
            }
            nodes[i] = new DefaultHotStandbyNode(context.build(), () ->
            {
                throw new IllegalStateException("transports supplied");
            });
        }
        try
        {
            assertEquals(0, nodes[0].doWork(), "nothing happens before start()");
            nodes[0].start();
            nodes[1].start();
            boolean converged = false;
            for (int step = 0; step < 200 && !converged; step++)
            {
                clock.ns.addAndGet(1_000_000);
                nodes[0].doWork();
                nodes[1].doWork();
                converged = nodes[0].status().state() == FailoverState.SYNCHRONIZATION &&
                    nodes[1].status().state() == FailoverState.SYNCHRONIZATION &&
                    nodes[0].status().role() == Role.STANDBY && nodes[1].status().role() == Role.ACTIVE &&
                    nodes[0].status().ready();
            }
            assertTrue(converged, () -> nodes[0].status().toJson() + " / " + nodes[1].status().toJson());
            final String json = nodes[0].status().toJson();
            assertTrue(json.contains("\"state\":\"SYNCHRONIZATION\""), json);
            assertTrue(json.contains("\"role\":\"STANDBY\""), json);

            final CompletableFuture<CommandResult> switched = nodes[0].execute(OperatorCommand.SWITCH_TO_ACTIVE);
            for (int step = 0; step < 100 && !(switched.isDone() && nodes[1].status().role() == Role.STANDBY); step++)
            {
                clock.ns.addAndGet(1_000_000);
                nodes[0].doWork();
                nodes[1].doWork();
            }
            assertTrue(switched.join().done(), switched.join()::toString);
            assertEquals(Role.ACTIVE, nodes[0].status().role());
            assertEquals(OperatorCommand.SWITCH_TO_ACTIVE.name(), switched.join().command().name());
            assertEquals(Role.STANDBY, nodes[0].status().lastSwitchover().from());

            final CountersReader reader = NodeCounters.openReader(countersFile);
            assertEquals(nodes[0].status().epoch(), reader.getCounterValue(CounterId.EPOCH.id()));
            assertEquals(Role.ACTIVE.code(), reader.getCounterValue(CounterId.ROLE.id()));
            assertEquals(FailoverState.SYNCHRONIZATION.code(), reader.getCounterValue(CounterId.STATE.id()));
            assertTrue(reader.getCounterValue(CounterId.ROLE_CHANGES.id()) >= 2);
        }
        finally
        {
            nodes[0].close();
            nodes[1].close();
        }
        assertTrue(Files.exists(countersFile));
        assertFalse(nodes[0].status().control() == null);
    }
}
