package io.hotstandby.examples.firewall;

import io.hotstandby.api.spi.BackupProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class TrafficGeneratorTest
{
    @Test
    void sameSeedSameTableDifferentSeedDifferentTable()
    {
        qt().withFixedSeed(20261122L).withExamples(40)
            .forAll(longs().all(), integers().between(0, 2_000))
            .checkAssert((seed, ops) ->
            {
                final SessionTable a = TrafficGenerator.replay(seed, 3, 200, ops);
                final SessionTable b = TrafficGenerator.replay(seed, 3, 200, ops);
                assertTrue(a.contentEquals(b), "seed " + seed + " ops " + ops);
                if (ops > 20)
                {
                    final SessionTable c = TrafficGenerator.replay(seed + 1, 3, 200, ops);
                    assertTrue(!c.contentEquals(a), "seed " + seed + " ops " + ops);
                }
            });
    }

    @Test
    void operationsMixCreatesUpdatesAndDeletesWithinTheBound()
    {
        final SessionTable table = new SessionTable();
        final TrafficGenerator g = new TrafficGenerator(99, 2, 100, table);
        final int[] counts = new int[3];
        for (int i = 0; i < 10_000; i++)
        {
            g.step(null);
            counts[g.lastOp().ordinal()]++;
            assertTrue(g.liveSessions() <= 100);
            assertEquals(2L, g.lastKey() >>> 48, "keys carry the prefix");
        }
        assertEquals(10_000, g.operations());
        assertTrue(counts[0] > 1_000 && counts[1] > 1_000 && counts[2] > 1_000, java.util.Arrays.toString(counts));
        assertEquals(g.liveSessions(), table.size());
    }

    @Test
    void tableCutFindsTheExactPrefixATableHolds()
    {
        qt().withFixedSeed(7L).withExamples(30)
            .forAll(longs().between(0, 1_000_000), integers().between(0, 1_500))
            .checkAssert((seed, k) ->
            {
                final SessionTable held = TrafficGenerator.replay(seed, 1, 150, k);
                final long found = TableCut.find(held, seed, 1, 150, 2_000);
                assertEquals(held.size(), TrafficGenerator.replay(seed, 1, 150, found).size());
                assertTrue(TrafficGenerator.replay(seed, 1, 150, found).contentEquals(held),
                    "seed " + seed + " k " + k + " found " + found);
                assertTrue(found >= k, "the deletes right after k are indistinguishable, never fewer ops");
            });
    }

    @Test
    void tableCutRejectsATableThatLostAnEntry()
    {
        final SessionTable held = TrafficGenerator.replay(5, 1, 150, 1_000);
        final long[] victim = {0};
        final long[] newest = {0};
        held.forEach(s ->
        {
            if (s.packets < 900 && victim[0] == 0)
            {
                victim[0] = s.key;
            }
            newest[0] = Math.max(newest[0], s.packets);
        });
        assertNotEquals(0, victim[0]);
        held.remove(victim[0]);
        assertEquals(TableCut.NO_PREFIX, TableCut.find(held, 5, 1, 150, 1_000));
    }

    @Test
    void snapshotOfAGeneratedTableEmitsEveryLiveSession()
    {
        final SessionTable table = TrafficGenerator.replay(1, 1, 1_000, 5_000);
        final CapturingSink sink = new CapturingSink(Integer.MAX_VALUE);
        long position = 0;
        do
        {
            position = table.snapshot(position, 100, sink);
        }
        while (position != BackupProvider.SNAPSHOT_END);
        assertEquals(table.size(), sink.sessions.size());
    }

    @Test
    void pacerFollowsTheRateAndBoundsEachCall()
    {
        final RatePacer pacer = new RatePacer(1_000, 50);
        assertEquals(0, pacer.due(0), "nothing before start");
        pacer.start(1_000_000_000L);
        assertEquals(0, pacer.due(1_000_000_000L));
        assertEquals(10, pacer.due(1_010_000_000L), "10 ms at 1000/s");
        assertEquals(50, pacer.due(2_000_000_000L), "bounded per call");
        int total = 60;
        for (int i = 0; i < 100; i++)
        {
            total += pacer.due(2_000_000_000L);
        }
        assertEquals(1_000, total, "a late caller catches up to exactly the rate");
    }
}
