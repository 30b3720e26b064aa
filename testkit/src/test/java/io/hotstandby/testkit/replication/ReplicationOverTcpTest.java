package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import io.hotstandby.impl.transport.tcp.TcpFrameTransport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real replication engines over loopback TCP (127.0.0.1 and 127.0.0.2, Netty, real SBE frames,
 * real rings) (SPEC B1-B4): 1,000,000 firewall sessions are bulk-copied to a fresh standby while live
 * creates, updates and deletes keep coming, then more live updates; at the end both tables hold the
 * same sessions with the same fields. Driven by the test thread with the system clock; waits are
 * bounded polling loops, never sleeps.
 */
final class ReplicationOverTcpTest
{
    private static final int SESSIONS = 1_000_000;
    private static final long DEADLINE_NS = TimeUnit.SECONDS.toNanos(50);

    @Test
    void millionSessionsBulkThenLiveUpdatesEndEqual() throws IOException
    {
        final int port = freePort();
        final FrameTransport[] transports = {new TcpFrameTransport(), new TcpFrameTransport()};
        try (EnginePair pair = new EnginePair(transports, b -> b.dataPort(port)))
        {
            final var active = pair.table(0, EntryType.FIREWALL_SESSION);
            final var sink = pair.localSinks[0][EntryType.FIREWALL_SESSION.code()];
            final SplittableRandom random = new SplittableRandom(42);
            for (int key = 1; key <= SESSIONS; key++)
            {
                session(sink.claimFirewallSession(), key, random);
            }
            assertEquals(SESSIONS, active.size());

            pair.startActiveStandby(1);
            final long start = System.nanoTime();
            final RingEntryProducer producer = (RingEntryProducer)pair.producers[0];
            int live = 0;
            // live traffic races the bulk backup: every update is written to the table, then offered
            while (!pair.engines[1].isReady() || live < 200_000)
            {
                assertTrue(System.nanoTime() - start < DEADLINE_NS, "bulk and live updates did not finish in time");
                runEngines(pair);
                for (int i = 0; i < 64 && live < 200_000; i++, live++)
                {
                    final long key = 1 + random.nextInt(SESSIONS + 50_000);
                    if (!producer.hasCapacityFor(EntryType.FIREWALL_SESSION, 200))
                    {
                        break;
                    }
                    if (random.nextInt(10) == 0)
                    {
                        assertEquals(OfferResult.ACCEPTED, pair.delete(0, EntryType.FIREWALL_SESSION, key));
                    }
                    else
                    {
                        assertEquals(OfferResult.ACCEPTED, pair.upsert(0, EntryType.FIREWALL_SESSION, key, random));
                    }
                }
            }
            awaitOrFail(pair, () -> pair.engines[0].status().lagEntries() == 0 &&
                pair.table(1, EntryType.FIREWALL_SESSION).size() == active.size(), "standby caught up");
            assertNull(active.describeDifference(pair.table(1, EntryType.FIREWALL_SESSION)));
            assertEquals(0, pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
            assertEquals(0, pair.counters[0].get(CounterId.RING_FULL_REJECTIONS).get());
            assertTrue(pair.counters[1].get(CounterId.ENTRIES_APPLIED).get() >= SESSIONS);
        }
    }

    private static void session(final FirewallSessionWriter w, final long key, final SplittableRandom r)
    {
        w.key(key).srcIpv4(r.nextInt()).dstIpv4(r.nextInt()).srcPort(r.nextInt(65536)).dstPort(443).protocol(6).state(1)
            .vrf(1).zone(2).createdAtMs(key).lastSeenMs(key).bytes(key * 100).packets(1).natIpv4(r.nextInt())
            .natPort(r.nextInt(65536)).expiresAtMs(1_800_000_000_000L + key);
        w.commit();
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
