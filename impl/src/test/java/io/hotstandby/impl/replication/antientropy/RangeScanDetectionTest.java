package io.hotstandby.impl.replication.antientropy;

import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.spi.BackupProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anti-entropy tells a provider that emits just a range (it overrides {@code scanRange}) from one that
 * keeps the default whole-table walk, which decides whether a large table is compared range by range.
 */
final class RangeScanDetectionTest
{
    /** Keeps the default: every range walks the whole table. */
    private static class Unordered implements BackupProvider<EntryReader>
    {
        @Override
        public EntryType type()
        {
            return EntryType.CUSTOM;
        }

        @Override
        public void apply(final EntryReader entry)
        {
        }

        @Override
        public void delete(final long key)
        {
        }

        @Override
        public long snapshot(final long position, final int limit, final EntrySink sink)
        {
            return SNAPSHOT_END;
        }
    }

    /** Emits just the range (an ordered index). */
    private static class Ordered extends Unordered
    {
        @Override
        public void scanRange(final long fromKey, final long toKey, final EntrySink sink)
        {
        }
    }

    /** Inherits the ordered scan from its parent. */
    private static final class OrderedChild extends Ordered
    {
    }

    @Test
    void aProviderThatOverridesScanRangeScansRanges()
    {
        assertFalse(AntiEntropySource.scansRanges(new Unordered()));
        assertTrue(AntiEntropySource.scansRanges(new Ordered()));
        assertTrue(AntiEntropySource.scansRanges(new OrderedChild()));
    }
}
