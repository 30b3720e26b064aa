package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.impl.replication.antientropy.AntiEntropySource;
import io.hotstandby.impl.replication.antientropy.RangeDigester;
import io.hotstandby.testkit.provider.SimpleBackupProvider;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.transport.tcp.TcpFrameTransport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Anti-entropy (SPEC G4): the peers compare digests of key ranges in the data stream and repair only
 * the entries that differ, instead of a full bulk backup. Two engines on the in-process network,
 * driven step by step on a manual clock, and once over loopback TCP (127.0.0.1 and 127.0.0.2) with
 * the system clock and deadline-bounded polling.
 */
final class AntiEntropyTest
{
    private static final int TABLE_SIZE = 20_000;

    /** Records resync reasons: bulk backups and anti-entropy repairs. */
    private static final class Resyncs implements HotStandbyListener
    {
        final List<String> reasons = new CopyOnWriteArrayList<>();

        @Override
        public void onResync(final String reason)
        {
            reasons.add(reason);
        }

        long bulks()
        {
            return reasons.stream().filter(r -> r.startsWith("bulk backup")).count();
        }

        long repairs()
        {
            return reasons.stream().filter(r -> r.startsWith("anti-entropy repair")).count();
        }
    }

    @Test
    void oneRoundRepairsExactlyTheEntriesThatDifferWithoutABulk()
    {
        final Resyncs resyncs = new Resyncs();
        try (EnginePair pair = new EnginePair(11, b -> b.antiEntropyIntervalMs(1_000), resyncs, null))
        {
            final SplittableRandom random = new SplittableRandom(11);
            final long[] keys = synchronisedSessions(pair, random);
            assertEquals(1, resyncs.bulks(), "a fresh standby gets one bulk backup");

            // silently corrupt the standby's table: 3 changed, 3 missing, 3 extra entries
            final SimpleBackupProvider<EntryReader> standby = pair.table(1, EntryType.FIREWALL_SESSION);
            for (int i = 0; i < 3; i++)
            {
                EnginePair.write(pair.localSinks[1][EntryType.FIREWALL_SESSION.code()], EntryType.FIREWALL_SESSION, keys[i * 1000], random);
                assertTrue(standby.remove(keys[i * 1000 + 500]));
                EnginePair.write(pair.localSinks[1][EntryType.FIREWALL_SESSION.code()], EntryType.FIREWALL_SESSION, random.nextLong(), random);
            }
            assertTrue(pair.difference() != null);
            final long sentBefore = pair.counters[0].get(CounterId.ENTRIES_SENT).get();
            final long resyncsBefore = pair.counters[0].get(CounterId.RESYNCS).get();

            assertTrue(pair.runUntil(() -> pair.difference() == null, 3_000), pair.difference());

            final long resent = pair.counters[0].get(CounterId.ENTRIES_SENT).get() - sentBefore;
            assertTrue(resent > 0 && resent < TABLE_SIZE / 10,
                "only the differing ranges are re-sent, not the table: " + resent + " of " + TABLE_SIZE);
            assertEquals(1, resyncs.bulks(), "no bulk backup");
            assertTrue(resyncs.repairs() >= 1 && resyncs.repairs() <= 9, resyncs.reasons.toString());
            assertEquals(resyncsBefore + resyncs.repairs(), pair.counters[0].get(CounterId.RESYNCS).get(),
                "each repair is counted");
            assertEquals(TABLE_SIZE, standby.size());
        }
    }

    @Test
    void theSubRangesOfASplitAreDigestedInOneWalkOnEachMember()
    {
        final Resyncs resyncs = new Resyncs();
        try (EnginePair pair = new EnginePair(15, b -> b.antiEntropyIntervalMs(1_000), resyncs, null))
        {
            final SplittableRandom random = new SplittableRandom(15);
            final long[] keys = synchronisedSessions(pair, random);

            // scattered changes on the standby: the round splits the key space twice before the leaves,
            // which (tables without an ordered index) would cost a walk of the table per sub-range
            final int corruptions = 12;
            for (int i = 0; i < corruptions; i++)
            {
                EnginePair.write(pair.localSinks[1][EntryType.FIREWALL_SESSION.code()], EntryType.FIREWALL_SESSION,
                    keys[i * (TABLE_SIZE / corruptions)], random);
            }
            final SimpleBackupProvider<EntryReader> active = pair.table(0, EntryType.FIREWALL_SESSION);
            final SimpleBackupProvider<EntryReader> standby = pair.table(1, EntryType.FIREWALL_SESSION);
            final long activeWalks = active.walks();
            final long standbyWalks = standby.walks();

            assertTrue(pair.runUntil(() -> pair.difference() == null, 3_000), pair.difference());
            assertEquals(1, resyncs.bulks(), "repaired without a bulk backup");
            final long repairs = resyncs.repairs();
            assertTrue(repairs >= 1 && repairs <= corruptions, resyncs.reasons.toString());

            // per member: the root, its sixteen sub-ranges in one walk, one walk per differing sub-range's
            // own sixteen, and one per repaired leaf; sixteen walks per split would be over a hundred
            final long bound = 2 + corruptions + repairs;
            assertTrue(active.walks() - activeWalks <= bound,
                "active walks " + (active.walks() - activeWalks) + " > " + bound);
            assertTrue(standby.walks() - standbyWalks <= bound,
                "standby walks " + (standby.walks() - standbyWalks) + " > " + bound);
        }
    }

    @Test
    void ringFullLossOnASynchronisedStandbyIsRepairedWithoutABulk()
    {
        final Resyncs resyncs = new Resyncs();
        try (EnginePair pair = new EnginePair(12, b -> b.ringCapacityBytes(64 * 1024), resyncs, null))
        {
            final SplittableRandom random = new SplittableRandom(12);
            for (int i = 0; i < 5_000; i++)
            {
                EnginePair.write(pair.localSinks[0][EntryType.NAT_PORT_BLOCK.code()], EntryType.NAT_PORT_BLOCK, random.nextLong(), random);
            }
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady() && pair.difference() == null, 5_000), pair.difference());
            assertEquals(1, resyncs.bulks());

            int ringFull = 0;
            for (int i = 0; i < 2_000; i++)
            {
                if (pair.upsert(0, EntryType.FIREWALL_SESSION, random.nextLong(), random) == OfferResult.RING_FULL)
                {
                    ringFull++;
                }
            }
            assertTrue(ringFull > 0, "the burst must overrun the ring");
            assertTrue(pair.difference() != null);

            assertTrue(pair.runUntil(() -> pair.difference() == null, 3_000), pair.difference());
            assertEquals(1, resyncs.bulks(), "repaired without a bulk backup: " + resyncs.reasons);
            assertTrue(resyncs.repairs() >= 1, resyncs.reasons.toString());
            assertTrue(resyncs.reasons.stream().anyMatch(r -> r.contains("FIREWALL_SESSION")), resyncs.reasons.toString());
        }
    }

    @Test
    void aLargeTableWithoutRangeScansIsRepairedByABulkNotByWalkingItPerRange()
    {
        final Resyncs resyncs = new Resyncs();
        try (EnginePair pair = new EnginePair(16, b -> b.ringCapacityBytes(64 * 1024).antiEntropyIntervalMs(1_000), resyncs, null))
        {
            final SplittableRandom random = new SplittableRandom(16);
            final int large = (int)AntiEntropySource.UNORDERED_WALK_LIMIT + 1;
            for (int i = 0; i < large; i++)
            {
                EnginePair.write(pair.localSinks[0][EntryType.NAT_PORT_BLOCK.code()], EntryType.NAT_PORT_BLOCK, random.nextLong(), random);
            }
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady() && pair.difference() == null, 20_000), pair.difference());
            assertEquals(1, resyncs.bulks());
            final SimpleBackupProvider<EntryReader> active = pair.table(0, EntryType.NAT_PORT_BLOCK);
            final long walksAfterBulk = active.walks();

            // periodic rounds leave the large table out: a round would walk all of it for every range
            pair.runUntil(() -> false, 3_000);
            assertEquals(walksAfterBulk, active.walks(), "no anti-entropy walk of the large table");

            int ringFull = 0;
            for (int i = 0; i < 2_000; i++)
            {
                if (pair.upsert(0, EntryType.FIREWALL_SESSION, random.nextLong(), random) == OfferResult.RING_FULL)
                {
                    ringFull++;
                }
            }
            assertTrue(ringFull > 0, "the burst must overrun the ring");
            assertTrue(pair.runUntil(() -> pair.difference() == null && pair.engines[1].isReady(), 20_000), pair.difference());
            assertEquals(2, resyncs.bulks(), "the loss is repaired by one bulk backup: " + resyncs.reasons);
            assertEquals(0, resyncs.repairs(), resyncs.reasons.toString());
            assertEquals(walksAfterBulk + 1, active.walks(), "the bulk backup reads the large table once");
        }
    }

    @Test
    void aStandbyBackFromAShortAbsenceIsComparedAndRepaired()
    {
        final Resyncs resyncs = new Resyncs();
        try (EnginePair pair = new EnginePair(13, b -> b.antiEntropyIntervalMs(0), resyncs, null))
        {
            final SplittableRandom random = new SplittableRandom(13);
            for (int i = 0; i < 2_000; i++)
            {
                EnginePair.write(pair.localSinks[0][EntryType.LAST_HOP.code()], EntryType.LAST_HOP, random.nextLong(), random);
            }
            pair.startActiveStandby(1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady() && pair.difference() == null, 5_000), pair.difference());

            pair.network.sever(EnginePair.address(0), EnginePair.address(1));
            final long extra = random.nextLong();
            EnginePair.write(pair.localSinks[1][EntryType.LAST_HOP.code()], EntryType.LAST_HOP, extra, random);
            assertTrue(pair.difference() != null);

            assertTrue(pair.runUntil(() -> pair.difference() == null, 3_000), pair.difference());
            assertEquals(1, resyncs.bulks(), "the standby resumed from the window: " + resyncs.reasons);
            assertEquals(1, resyncs.repairs(), resyncs.reasons.toString());
            assertTrue(!pair.table(1, EntryType.LAST_HOP).contains(extra), "the entry unknown to the active is removed");
        }
    }

    @Test
    void corruptStandbyIsRepairedOverLoopbackTcpWithoutABulk() throws IOException
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            port = socket.getLocalPort();
        }
        final FrameTransport[] transports = {new TcpFrameTransport(), new TcpFrameTransport()};
        try (EnginePair pair = new EnginePair(transports, b -> b.dataPort(port).antiEntropyIntervalMs(100)))
        {
            final int size = 5_000;
            final SplittableRandom random = new SplittableRandom(14);
            final long[] keys = new long[size];
            for (int i = 0; i < size; i++)
            {
                keys[i] = random.nextLong();
                EnginePair.write(pair.localSinks[0][EntryType.PORTAL_USER.code()], EntryType.PORTAL_USER, keys[i], random);
            }
            pair.startActiveStandby(1);
            awaitOrFail(pair, () -> pair.engines[1].isReady() && pair.difference() == null, "bulk backup");

            final SimpleBackupProvider<EntryReader> standby = pair.table(1, EntryType.PORTAL_USER);
            EnginePair.write(pair.localSinks[1][EntryType.PORTAL_USER.code()], EntryType.PORTAL_USER, keys[10], random);
            assertTrue(standby.remove(keys[20]));
            EnginePair.write(pair.localSinks[1][EntryType.PORTAL_USER.code()], EntryType.PORTAL_USER, random.nextLong(), random);
            final long sentBefore = pair.counters[0].get(CounterId.ENTRIES_SENT).get();

            awaitOrFail(pair, () -> pair.difference() == null, "anti-entropy repair");
            final long resent = pair.counters[0].get(CounterId.ENTRIES_SENT).get() - sentBefore;
            assertTrue(resent < size / 5, "no bulk backup: " + resent + " entries sent for " + size);
            assertEquals(0, pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
        }
    }

    /** The active's table gets {@link #TABLE_SIZE} random sessions, then the fresh standby its bulk backup. */
    private static long[] synchronisedSessions(final EnginePair pair, final SplittableRandom random)
    {
        final long[] keys = new long[TABLE_SIZE];
        for (int i = 0; i < TABLE_SIZE; i++)
        {
            keys[i] = random.nextLong();
            EnginePair.write(pair.localSinks[0][EntryType.FIREWALL_SESSION.code()], EntryType.FIREWALL_SESSION, keys[i], random);
        }
        pair.startActiveStandby(1);
        assertTrue(pair.runUntil(() -> pair.engines[1].isReady() && pair.difference() == null, 5_000), pair.difference());
        return keys;
    }

    private static void awaitOrFail(final EnginePair pair, final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() - deadline < 0, "timed out waiting for: " + what);
            final long now = System.nanoTime();
            pair.engines[0].doWork(now);
            pair.engines[1].doWork(now);
        }
    }

    @Test
    void equalTablesDigestEquallyWhateverTheInsertionOrder()
    {
        qt().withFixedSeed(0x4E7L).withExamples(100)
            .forAll(integers().between(0, 200), longs().all(), longs().all())
            .checkAssert((size, contentSeed, orderSeed) ->
            {
                final SplittableRandom keysRandom = new SplittableRandom(contentSeed);
                final List<Long> keys = new ArrayList<>();
                for (int i = 0; i < size; i++)
                {
                    keys.add(keysRandom.nextLong());
                }
                final List<Long> shuffled = new ArrayList<>(keys);
                Collections.shuffle(shuffled, new Random(orderSeed));
                final SimpleBackupProvider<EntryReader> a = SimpleBackupProvider.of(EntryType.DHCP_LEASE);
                final SimpleBackupProvider<EntryReader> b = SimpleBackupProvider.of(EntryType.DHCP_LEASE);
                fill(a, keys, contentSeed);
                fill(b, shuffled, contentSeed);

                final RangeDigester da = new RangeDigester();
                final RangeDigester db = new RangeDigester();
                da.digest(a, Long.MIN_VALUE, Long.MAX_VALUE);
                db.digest(b, Long.MIN_VALUE, Long.MAX_VALUE);
                assertNull(a.describeDifference(b));
                assertEquals(da.digest(), db.digest());
                assertEquals(da.count(), db.count());
                assertEquals(a.size(), da.count());
            });
    }

    /** Writes each key's content, a function of the key and the content seed, in the given order. */
    private static void fill(final SimpleBackupProvider<EntryReader> table, final List<Long> keys, final long contentSeed)
    {
        final var sink = table.newLocalSink();
        for (final long key : keys)
        {
            EnginePair.write(sink, EntryType.DHCP_LEASE, key, new SplittableRandom(key ^ contentSeed));
        }
    }
}
