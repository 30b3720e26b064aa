package io.hotstandby.impl.replication.antientropy;

import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.LastHopReader;
import io.hotstandby.api.spi.BackupProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The anti-entropy digest (SPEC G4): equal tables give equal digests whatever order the table emits
 * its entries in, one changed field or one missing or extra entry changes it, only keys inside the
 * range count, and one walk over several ranges gives each range the digest of its own walk.
 */
class RangeDigesterTest
{
    private static final long SEED = 0x6A4E_7D1BL;

    @Test
    void equalTablesDigestEquallyWhateverTheInsertionOrder()
    {
        qt().withFixedSeed(SEED).withExamples(200)
            .forAll(integers().between(0, 300), longs().all(), longs().all())
            .checkAssert((size, contentSeed, orderSeed) ->
            {
                final Map<Long, Integer> entries = entries(size, contentSeed);
                final List<Long> shuffled = new ArrayList<>(entries.keySet());
                Collections.shuffle(shuffled, new Random(orderSeed));
                final Table inOrder = new Table(entries, new ArrayList<>(entries.keySet()));
                final Table reordered = new Table(entries, shuffled);

                final RangeDigester a = new RangeDigester();
                final RangeDigester b = new RangeDigester();
                a.digest(inOrder, Long.MIN_VALUE, Long.MAX_VALUE);
                b.digest(reordered, Long.MIN_VALUE, Long.MAX_VALUE);
                assertEquals(a.digest(), b.digest());
                assertEquals(size.longValue(), a.count());
                assertEquals(a.count(), b.count());
            });
    }

    @Test
    void aChangedMissingOrExtraEntryChangesTheDigest()
    {
        qt().withFixedSeed(SEED).withExamples(200)
            .forAll(integers().between(1, 200), longs().all())
            .checkAssert((size, contentSeed) ->
            {
                final Map<Long, Integer> entries = entries(size, contentSeed);
                final long victim = entries.keySet().iterator().next();
                final RangeDigester digester = new RangeDigester();
                digester.digest(new Table(entries, new ArrayList<>(entries.keySet())), Long.MIN_VALUE, Long.MAX_VALUE);
                final long original = digester.digest();

                final Map<Long, Integer> changed = new LinkedHashMap<>(entries);
                changed.put(victim, entries.get(victim) + 1);
                digester.digest(new Table(changed, new ArrayList<>(changed.keySet())), Long.MIN_VALUE, Long.MAX_VALUE);
                assertNotEquals(original, digester.digest(), "changed ifIndex");

                final Map<Long, Integer> missing = new LinkedHashMap<>(entries);
                missing.remove(victim);
                digester.digest(new Table(missing, new ArrayList<>(missing.keySet())), Long.MIN_VALUE, Long.MAX_VALUE);
                assertNotEquals(original, digester.digest(), "missing entry");
                assertEquals(size - 1, digester.count());

                final Map<Long, Integer> extra = new LinkedHashMap<>(entries);
                extra.put(victim ^ 0x5555_0000_0000L, 7);
                if (extra.size() > entries.size())
                {
                    digester.digest(new Table(extra, new ArrayList<>(extra.keySet())), Long.MIN_VALUE, Long.MAX_VALUE);
                    assertNotEquals(original, digester.digest(), "extra entry");
                }
            });
    }

    @Test
    void onlyKeysInsideTheRangeCount()
    {
        final Map<Long, Integer> entries = new LinkedHashMap<>();
        for (long key = -50; key < 50; key++)
        {
            entries.put(key, (int)key * 3);
        }
        final Map<Long, Integer> inside = new LinkedHashMap<>();
        for (long key = -10; key <= 20; key++)
        {
            inside.put(key, (int)key * 3);
        }
        final RangeDigester all = new RangeDigester();
        final RangeDigester part = new RangeDigester();
        all.digest(new Table(entries, new ArrayList<>(entries.keySet())), -10, 20);
        part.digest(new Table(inside, new ArrayList<>(inside.keySet())), Long.MIN_VALUE, Long.MAX_VALUE);
        assertEquals(31, all.count());
        assertEquals(part.digest(), all.digest());
        assertEquals(part.count(), all.count());
    }

    @Test
    void oneWalkDigestsEachOfSeveralRangesAsItsOwnWalkWould()
    {
        qt().withFixedSeed(SEED).withExamples(200)
            .forAll(integers().between(0, 300), longs().all(), integers().between(1, RangeDigester.MAX_RANGES))
            .checkAssert((size, contentSeed, ranges) ->
            {
                final Map<Long, Integer> entries = entries(size, contentSeed);
                final Table table = new Table(entries, new ArrayList<>(entries.keySet()));
                // contiguous ranges over the key space, cut at random points, as a split makes them
                final Random random = new Random(contentSeed ^ ranges);
                final long[] cuts = new long[ranges - 1];
                for (int i = 0; i < cuts.length; i++)
                {
                    cuts[i] = random.nextLong();
                }
                Arrays.sort(cuts);
                final long[] froms = new long[ranges];
                final long[] tos = new long[ranges];
                for (int i = 0; i < ranges; i++)
                {
                    froms[i] = i == 0 ? Long.MIN_VALUE : cuts[i - 1] + 1;
                    tos[i] = i == ranges - 1 ? Long.MAX_VALUE : cuts[i];
                }

                final RangeDigester batched = new RangeDigester();
                final int walksBefore = table.walks;
                batched.digestAll(table, froms, tos, ranges);
                assertEquals(walksBefore + 1, table.walks, "one walk for all ranges");
                long total = 0;
                for (int i = 0; i < ranges; i++)
                {
                    final RangeDigester single = new RangeDigester();
                    if (froms[i] <= tos[i])
                    {
                        single.digest(table, froms[i], tos[i]);
                    }
                    assertEquals(single.digest(), batched.digest(i), "range " + i);
                    assertEquals(single.count(), batched.count(i), "range " + i);
                    total += batched.count(i);
                }
                assertEquals(size.longValue(), total, "every entry counts in exactly one range");
            });
    }

    @Test
    void aWalkTakesOneToSixteenRanges()
    {
        final Table table = new Table(entries(10, 1), new ArrayList<>(entries(10, 1).keySet()));
        final long[] keys = new long[RangeDigester.MAX_RANGES + 1];
        final RangeDigester digester = new RangeDigester();
        assertThrows(IllegalArgumentException.class,
            () -> digester.digestAll(table, keys, keys, 0));
        assertThrows(IllegalArgumentException.class,
            () -> digester.digestAll(table, keys, keys, RangeDigester.MAX_RANGES + 1));
    }

    private static Map<Long, Integer> entries(final int size, final long seed)
    {
        final Random random = new Random(seed);
        final Map<Long, Integer> entries = new LinkedHashMap<>();
        while (entries.size() < size)
        {
            entries.put(random.nextLong(), random.nextInt());
        }
        return entries;
    }

    /** A LAST_HOP table that emits its entries in a given order (the whole table, whatever the range). */
    private static final class Table implements BackupProvider<LastHopReader>
    {
        private final Map<Long, Integer> entries;
        private final List<Long> order;
        /** Walks started (snapshot calls from position 0). */
        int walks;

        Table(final Map<Long, Integer> entries, final List<Long> order)
        {
            this.entries = entries;
            this.order = order;
        }

        @Override
        public EntryType type()
        {
            return EntryType.LAST_HOP;
        }

        @Override
        public void apply(final LastHopReader entry)
        {
            throw new UnsupportedOperationException("the digest only reads the table");
        }

        @Override
        public void delete(final long key)
        {
            throw new UnsupportedOperationException("the digest only reads the table");
        }

        @Override
        public long snapshot(final long position, final int limit, final EntrySink sink)
        {
            if (position == 0)
            {
                walks++;
            }
            int i = (int)position;
            for (int n = 0; n < limit && i < order.size(); n++, i++)
            {
                final long key = order.get(i);
                final int value = entries.get(key);
                sink.claimLastHop().key(key).ifIndex(value).vrf(value >>> 3).nextHopIpv4(value * 31)
                    .mac(new byte[] {1, 2, 3, 4, 5, (byte)value}).expiresAtMs(key & 0xFFFF).commit();
            }
            return i >= order.size() ? SNAPSHOT_END : i;
        }
    }
}
