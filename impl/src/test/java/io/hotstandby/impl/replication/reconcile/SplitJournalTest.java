package io.hotstandby.impl.replication.reconcile;

import io.hotstandby.api.entry.EntryType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The split-brain journal (SPEC A11): records only while armed; a key moves between created and
 * deleted as the member creates and deletes it; the bound counts both and, once passed, the journal
 * offers the whole table and knows no deletion; discarding forgets everything.
 */
final class SplitJournalTest
{
    private static final EntryType SESSION = EntryType.FIREWALL_SESSION;
    private static final EntryType LEASE = EntryType.DHCP_LEASE;

    @Test
    void nothingIsRecordedUntilArmed()
    {
        final SplitJournal journal = new SplitJournal(8);
        journal.record(SESSION, 1);
        journal.recordDelete(SESSION, 2);
        assertTrue(journal.isEmpty());
        assertFalse(journal.deletedDuringSplit(SESSION, 2));

        journal.arm(false, "test");
        journal.record(SESSION, 1);
        journal.recordDelete(SESSION, 2);
        assertTrue(journal.covers(SESSION, 1));
        assertTrue(journal.deletedDuringSplit(SESSION, 2));
        assertFalse(journal.deletedDuringSplit(LEASE, 2), "per type");
        assertEquals(2, journal.size());
    }

    @Test
    void aKeyMovesBetweenCreatedAndDeleted()
    {
        final SplitJournal journal = new SplitJournal(8);
        journal.arm(false, "test");
        journal.record(SESSION, 7);
        journal.recordDelete(SESSION, 7);
        assertFalse(journal.covers(SESSION, 7), "a deleted entry is not offered");
        assertTrue(journal.deletedDuringSplit(SESSION, 7));
        assertTrue(journal.isEmpty(), "nothing to offer");
        assertEquals(1, journal.size());

        journal.record(SESSION, 7);
        assertTrue(journal.covers(SESSION, 7), "created again: offered");
        assertFalse(journal.deletedDuringSplit(SESSION, 7), "and no longer a deletion");
        assertEquals(1, journal.size());
    }

    @Test
    void theBoundCountsCreatedAndDeletedKeysAndAnOverflowForgetsDeletions()
    {
        final SplitJournal journal = new SplitJournal(3);
        journal.arm(false, "test");
        journal.record(SESSION, 1);
        journal.recordDelete(SESSION, 2);
        journal.recordDelete(LEASE, 3);
        assertFalse(journal.overflowed());
        journal.record(SESSION, 1);
        journal.recordDelete(SESSION, 2);
        assertFalse(journal.overflowed(), "keys already held take no room");

        journal.record(SESSION, 4);
        assertTrue(journal.overflowed());
        assertTrue(journal.covers(SESSION, 99), "the whole table is offered");
        assertFalse(journal.deletedDuringSplit(SESSION, 2), "deletions are no longer known");
        assertFalse(journal.isEmpty());
        assertEquals(0, journal.size());
    }

    @Test
    void discardingForgetsEverythingAndStopsRecording()
    {
        final SplitJournal journal = new SplitJournal(4);
        journal.arm(true, "never saw a peer");
        assertTrue(journal.overflowed(), "a member that never saw its peer offers its whole table");
        journal.discard("test");
        assertFalse(journal.armed());
        assertTrue(journal.isEmpty());
        journal.recordDelete(SESSION, 1);
        assertFalse(journal.deletedDuringSplit(SESSION, 1));
        assertThrows(IllegalArgumentException.class, () -> new SplitJournal(0));
    }
}
