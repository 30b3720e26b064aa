package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.replication.entry.FirewallSessionFlyweightWriter;
import io.hotstandby.impl.replication.entry.FirewallSessionV4Form;
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
 * same sessions with the same fields. IPv4 and IPv6 sessions read back field for field on the standby.
 * Driven by the test thread with the system clock; waits are
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

    /**
     * IPv4 sessions travel in the compact form (FirewallSessionV4) and IPv6 ones in the full form, by
     * bulk and live; on the standby every field of both reads back as the host wrote it.
     */
    @Test
    void ipv4AndIpv6SessionsArriveWithIdenticalFields() throws IOException
    {
        final int port = freePort();
        final FrameTransport[] transports = {new TcpFrameTransport(), new TcpFrameTransport()};
        try (EnginePair pair = new EnginePair(transports, b -> b.dataPort(port)))
        {
            final var active = pair.table(0, EntryType.FIREWALL_SESSION);
            final var standby = pair.table(1, EntryType.FIREWALL_SESSION);
            final var sink = pair.localSinks[0][EntryType.FIREWALL_SESSION.code()];
            final SplittableRandom random = new SplittableRandom(46);
            for (int key = 1; key <= 100; key++)
            {
                addressedSession(sink.claimFirewallSession(), key, key % 2 == 0, random);
            }
            pair.startActiveStandby(1);
            awaitOrFail(pair, () -> pair.engines[1].isReady(), "standby ready after the bulk backup");

            final int live = 200;
            final long bytesBefore = pair.counters[0].get(CounterId.BYTES_SENT).get();
            offerLive(pair, 1_000, live, false, random);
            final long bytesIpv4 = pair.counters[0].get(CounterId.BYTES_SENT).get() - bytesBefore;
            offerLive(pair, 2_000, live, true, random);
            final long bytesIpv6 = pair.counters[0].get(CounterId.BYTES_SENT).get() - bytesBefore - bytesIpv4;

            assertEquals(0, pair.counters[0].get(CounterId.RETRANSMITS).get());
            assertTrue(bytesIpv4 >= (long)live * FirewallSessionV4Form.LENGTH &&
                bytesIpv4 < (long)live * FirewallSessionFlyweightWriter.LENGTH, "IPv4 sessions sent compact: " + bytesIpv4);
            assertTrue(bytesIpv6 >= (long)live * FirewallSessionFlyweightWriter.LENGTH, "IPv6 sessions sent whole: " + bytesIpv6);

            assertEquals(100 + 2 * live, standby.size());
            assertNull(active.describeDifference(standby));
            for (final long key : new long[] {1, 2, 99, 100, 1_000, 1_000 + live - 1, 2_000, 2_000 + live - 1})
            {
                final String[] fields = new String[2];
                assertTrue(active.read(key, r -> fields[0] = fields((FirewallSessionReader)r)));
                assertTrue(standby.read(key, r -> fields[1] = fields((FirewallSessionReader)r)));
                assertEquals(fields[0], fields[1], "session " + key);
                assertTrue(fields[1].startsWith(key < 1_000 ? (key % 2 == 0 ? "6 " : "4 ") : key < 2_000 ? "4 " : "6 "),
                    "address family of session " + key + ": " + fields[1]);
            }
            assertEquals(0, pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
        }
    }

    /** The host writes {@code count} sessions to its table and offers each, then waits until the standby has them. */
    private static void offerLive(
        final EnginePair pair, final long firstKey, final int count, final boolean ipv6, final SplittableRandom random)
    {
        final var active = pair.table(0, EntryType.FIREWALL_SESSION);
        final var sink = pair.localSinks[0][EntryType.FIREWALL_SESSION.code()];
        for (long key = firstKey; key < firstKey + count; key++)
        {
            addressedSession(sink.claimFirewallSession(), key, ipv6, random);
            final boolean[] offered = new boolean[1];
            active.read(key, r -> offered[0] = pair.copier.copy(r, pair.producers[0]));
            assertTrue(offered[0], "offer of session " + key);
        }
        awaitOrFail(pair, () -> pair.engines[0].status().lagEntries() == 0 &&
            pair.table(1, EntryType.FIREWALL_SESSION).size() == active.size(), "standby caught up");
    }

    private static void addressedSession(
        final FirewallSessionWriter w, final long key, final boolean ipv6, final SplittableRandom r)
    {
        if (ipv6)
        {
            final byte[] src = new byte[16];
            final byte[] dst = new byte[16];
            r.nextBytes(src);
            r.nextBytes(dst);
            src[0] = 0x20;
            dst[0] = (byte)0xFD;
            w.srcIp(src).dstIp(dst);
        }
        else
        {
            w.srcIpv4(r.nextInt()).dstIpv4(key % 3 == 0 ? -1 : 0);
        }
        w.key(key).srcPort(r.nextInt(65536)).dstPort(65535).protocol(r.nextInt(256)).state(255)
            .vrf(r.nextInt()).zone(Integer.MIN_VALUE).createdAtMs(key).lastSeenMs(Long.MAX_VALUE).bytes(r.nextLong())
            .packets(Long.MIN_VALUE).natIpv4(r.nextInt()).natPort(r.nextInt(65536)).flags(r.nextInt())
            .expiresAtMs(1_800_000_000_000L + key);
        w.commit();
    }

    /** @return every field of a session, address family first. */
    private static String fields(final FirewallSessionReader r)
    {
        final byte[] ip = new byte[16];
        final StringBuilder sb = new StringBuilder().append(r.ipVersion()).append(' ');
        sb.append(java.util.Arrays.toString(java.util.Arrays.copyOf(ip, r.srcIp(ip)))).append(' ');
        sb.append(java.util.Arrays.toString(java.util.Arrays.copyOf(ip, r.dstIp(ip)))).append(' ');
        sb.append(java.util.Arrays.toString(java.util.Arrays.copyOf(ip, r.natIp(ip)))).append(' ');
        return sb.append(r.key()).append(' ').append(r.srcIpv4()).append(' ').append(r.dstIpv4()).append(' ')
            .append(r.natIpv4()).append(' ').append(r.srcPort()).append(' ').append(r.dstPort()).append(' ')
            .append(r.natPort()).append(' ').append(r.protocol()).append(' ').append(r.state()).append(' ')
            .append(r.vrf()).append(' ').append(r.zone()).append(' ').append(r.flags()).append(' ')
            .append(r.createdAtMs()).append(' ').append(r.lastSeenMs()).append(' ').append(r.expiresAtMs()).append(' ')
            .append(r.bytes()).append(' ').append(r.packets()).toString();
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
