package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import io.hotstandby.impl.transport.tcp.TcpFrameTransport;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Split-brain reconciliation (SPEC A11) between two real replication engines over loopback TCP
 * (127.0.0.1 and 127.0.0.2, Netty, real SBE frames and rings): 20,000 sessions replicated, then a
 * split in which member 0 stays active and creates 50,000 sessions while member 1 takes over and
 * updates five of the replicated ones; member 0 is deposed when the channel heals. Its 50,000
 * sessions reach member 1 in the reconciliation (a snapshot pass filtered by the journal), member 1
 * keeps its five updates, and member 0 ends, once ready, with exactly member 1's table. Driven by the
 * test thread with the system clock; waits are bounded polling loops, never sleeps.
 */
final class SplitBrainReconciliationOverTcpTest
{
    private static final Logger LOG = LoggerFactory.getLogger(SplitBrainReconciliationOverTcpTest.class);
    private static final EntryType SESSION = EntryType.FIREWALL_SESSION;
    private static final int REPLICATED = 20_000;
    private static final int CREATED_DURING_SPLIT = 50_000;
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(30);

    @Test
    void sessionsCreatedOnTheDeposedMemberReachTheWinnerOverTcp() throws IOException
    {
        final int port = freePort();
        final FrameTransport[] transports = {new TcpFrameTransport(), new TcpFrameTransport()};
        try (EnginePair pair = new EnginePair(transports, b -> b.dataPort(port)))
        {
            final SplittableRandom content = new SplittableRandom(17);
            final var sink = pair.localSinks[0][SESSION.code()];
            for (long key = 1; key <= REPLICATED; key++)
            {
                EnginePair.write(sink, SESSION, key, content);
            }
            pair.startActiveStandby(1);
            awaitOrFail(pair, () -> pair.engines[1].isReady() && pair.difference() == null, "standby caught up");

            pair.peerDown(0);
            pair.peerDown(1);
            pair.role(1, Role.ACTIVE, 2);
            runEngines(pair);
            final RingEntryProducer producer = (RingEntryProducer)pair.producers[0];
            long key = 1_000_000;
            while (key < 1_000_000 + CREATED_DURING_SPLIT)
            {
                if (producer.hasCapacityFor(SESSION, 200))
                {
                    assertEquals(OfferResult.ACCEPTED, pair.upsert(0, SESSION, key++, content));
                }
                else
                {
                    runEngines(pair);
                }
            }
            for (long updated = 1; updated <= 5; updated++)
            {
                pair.upsert(1, SESSION, updated, content);
            }
            final byte[][] winnerVersions = new byte[6][];
            for (int updated = 1; updated <= 5; updated++)
            {
                winnerVersions[updated] = pair.table(1, SESSION).encoded(updated);
            }
            runEngines(pair);

            pair.peerUp(0, 2);
            pair.peerUp(1, 2);
            runEngines(pair);
            final long start = System.nanoTime();
            pair.engines[0].onDeposed(System.nanoTime());
            pair.role(0, Role.STANDBY, 3);
            pair.role(1, Role.ACTIVE, 3);
            awaitOrFail(pair, () -> pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get() == CREATED_DURING_SPLIT,
                "the winner merged the deposed member's sessions");
            final long mergedNs = System.nanoTime() - start;
            awaitOrFail(pair, () -> pair.engines[0].isReady() && pair.difference() == null,
                "the deposed member is ready with the winner's table");
            LOG.info("reconciled {} sessions over loopback TCP in {} ms; deposed member ready after {} ms",
                CREATED_DURING_SPLIT, mergedNs / 1_000_000, (System.nanoTime() - start) / 1_000_000);

            assertEquals(REPLICATED + CREATED_DURING_SPLIT, pair.table(1, SESSION).size());
            assertNull(pair.difference());
            for (int updated = 1; updated <= 5; updated++)
            {
                assertArrayEquals(winnerVersions[updated], pair.table(0, SESSION).encoded(updated),
                    "session " + updated + " keeps the winner's version");
            }
            assertEquals(0, pair.counters[0].get(CounterId.FRAMES_REJECTED).get());
            assertEquals(0, pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
        }
    }

    private static void runEngines(final EnginePair pair)
    {
        final long now = System.nanoTime();
        pair.engines[0].doWork(now);
        pair.engines[1].doWork(now);
    }

    private static void awaitOrFail(final EnginePair pair, final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + DEADLINE_NS;
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() - deadline < 0, "timed out waiting for: " + what);
            runEngines(pair);
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
