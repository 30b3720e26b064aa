package io.hotstandby.impl.replication.receiver;

import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.spi.BackupProvider;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaleEntrySweeperTest
{
    private final KeyTable table = new KeyTable();
    private final BackupProvider<?>[] providers = new BackupProvider<?>[8];
    private final StaleEntrySweeper sweeper = new StaleEntrySweeper();

    StaleEntrySweeperTest()
    {
        providers[EntryType.FIREWALL_SESSION.code()] = table;
    }

    @Test
    void deletesOnlyTheKeysTheBulkDidNotDeliverWhenTheTableHeldEntries()
    {
        table.keys.add(1);
        table.keys.add(2);
        table.keys.add(3);
        sweeper.begin(providers);
        deliver(1);
        deliver(3);
        deliver(4);
        sweeper.unmark(EntryType.FIREWALL_SESSION, 3);
        table.keys.remove(3);

        final long deleted = sweeper.sweep(new BackupProvider<?>[] {table});

        assertEquals(1, deleted);
        assertEquals(setOf(1, 4), table.keys);
        assertEquals(1, table.snapshots, "the table is walked once");
        assertFalse(sweeper.marking());
    }

    @Test
    void aTableEmptyWhenTheBulkBeganIsNeitherMarkedNorWalked()
    {
        sweeper.begin(providers);
        deliver(5);
        deliver(6);

        final long deleted = sweeper.sweep(new BackupProvider<?>[] {table});

        assertEquals(0, deleted);
        assertEquals(setOf(5, 6), table.keys);
        assertEquals(0, table.snapshots);
        assertTrue(sweeper.seen(EntryType.FIREWALL_SESSION).isEmpty(), "no key was marked");
    }

    @Test
    void theNextBulkMarksAgainOnceTheTableHoldsEntries()
    {
        sweeper.begin(providers);
        deliver(7);
        sweeper.sweep(new BackupProvider<?>[] {table});
        table.keys.add(8);

        sweeper.begin(providers);
        deliver(8);
        final long deleted = sweeper.sweep(new BackupProvider<?>[] {table});

        assertEquals(1, deleted, "key 7 was not delivered by the second bulk");
        assertEquals(setOf(8), table.keys);
    }

    private static LongHashSet setOf(final long... keys)
    {
        final LongHashSet set = new LongHashSet();
        for (final long key : keys)
        {
            set.add(key);
        }
        return set;
    }

    private void deliver(final long key)
    {
        table.keys.add(key);
        sweeper.mark(EntryType.FIREWALL_SESSION, key);
    }

    /** A standby table of firewall-session keys. */
    private static final class KeyTable implements BackupProvider<FirewallSessionReader>
    {
        final LongHashSet keys = new LongHashSet();
        int snapshots;

        @Override
        public EntryType type()
        {
            return EntryType.FIREWALL_SESSION;
        }

        @Override
        public void apply(final FirewallSessionReader entry)
        {
            keys.add(entry.key());
        }

        @Override
        public void delete(final long key)
        {
            keys.remove(key);
        }

        @Override
        public long snapshot(final long position, final int limit, final EntrySink sink)
        {
            snapshots++;
            final LongArrayList all = new LongArrayList();
            final LongHashSet.LongIterator it = keys.iterator();
            while (it.hasNext())
            {
                all.addLong(it.nextValue());
            }
            for (int i = 0; i < all.size(); i++)
            {
                final FirewallSessionWriter w = sink.claimFirewallSession();
                w.key(all.getLong(i)).srcIpv4(0x0A000001).dstIpv4(0x0A000002);
                w.commit();
            }
            return SNAPSHOT_END;
        }

        @Override
        public long size()
        {
            return keys.size();
        }
    }
}
