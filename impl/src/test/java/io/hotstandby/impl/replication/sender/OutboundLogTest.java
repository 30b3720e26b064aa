package io.hotstandby.impl.replication.sender;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The retransmit window (SPEC B3): every entry it still claims to hold reads back byte for byte, and
 * it never claims an entry that left the window (by count or by bytes). QuickTheories, fixed seed.
 */
final class OutboundLogTest
{
    private static final int WINDOW = 64;
    private static final int BYTES = 4096;

    @Test
    void heldEntriesReadBackExactlyAndOverwrittenOnesAreNotClaimed()
    {
        final Gen<List<Integer>> lengths = lists().of(integers().between(0, 900)).ofSizeBetween(1, 400);
        qt().withFixedSeed(20261122L).withExamples(300).forAll(lengths).checkAssert(sizes ->
        {
            final OutboundLog log = new OutboundLog(WINDOW, BYTES);
            final List<byte[]> appended = new ArrayList<>();
            final UnsafeBuffer source = new UnsafeBuffer(new byte[1024]);
            for (final int size : sizes)
            {
                final byte[] entry = new byte[size];
                for (int i = 0; i < size; i++)
                {
                    entry[i] = (byte)(appended.size() * 31 + i);
                }
                source.putBytes(0, entry);
                final long sequence = size == 0 ? log.appendHole(0) : log.append(source, 0, size, 0);
                appended.add(entry);
                assertEquals(appended.size(), sequence, "dense sequences from 1");
            }
            final long head = log.head();
            assertFalse(log.contains(0));
            assertFalse(log.contains(head + 1));
            for (long s = 1; s <= head; s++)
            {
                if (log.contains(s))
                {
                    assertTrue(s > head - WINDOW, "held beyond the entry window: " + s);
                    final byte[] expected = appended.get((int)(s - 1));
                    assertEquals(expected.length, log.length(s));
                    final byte[] actual = new byte[expected.length];
                    log.buffer().getBytes(log.offset(s), actual);
                    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual), "entry " + s);
                }
            }
            assertTrue(log.contains(head), "the newest entry is always held");
            assertTrue(log.contains(Math.max(1, head - 2)), "the last three entries (2.7 KiB, plus at most 0.9 KiB skipped at the end of the ring) fit in 4 KiB");
        });
    }

    @Test
    void resetForgetsEveryEntryButKeepsSequencesGrowing()
    {
        final OutboundLog log = new OutboundLog(WINDOW, BYTES);
        final UnsafeBuffer source = new UnsafeBuffer(new byte[16]);
        log.append(source, 0, 16, 0);
        log.append(source, 0, 16, 0);
        log.reset();
        assertFalse(log.contains(1));
        assertFalse(log.contains(2));
        assertEquals(3, log.append(source, 0, 16, 0));
        assertTrue(log.contains(3));
        assertEquals(3, log.lowest());
    }
}
