package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.state.Role;
import io.hotstandby.testkit.provider.SimpleBackupProvider;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation after a split brain (SPEC A11) between two replication engines driven as the
 * conductor drives them: member 0 active, member 1 standby; the control channel is lost, member 1
 * takes over while member 0 stays active; both create sessions; the channel heals and member 0 is
 * deposed. The sessions member 0 created during the split must end up on both members, member 1's
 * version winning where both hold a key, and member 0 ready only after its bulk backup.
 */
final class SplitBrainReconciliationTest
{
    private static final EntryType SESSION = EntryType.FIREWALL_SESSION;

    @Test
    void threeSessionsCreatedOnEachSideDuringASplitAreOnBothMembersAfterTheHeal()
    {
        try (EnginePair pair = new EnginePair(5, UnaryOperator.identity(), HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom content = new SplittableRandom(5);
            final int before = preSplit(pair, content, 10);

            split(pair);
            for (long key = 100; key < 103; key++)
            {
                pair.upsert(0, SESSION, key, content);
                pair.upsert(1, SESSION, key + 100, content);
            }
            runSteps(pair, 20);

            heal(pair);
            assertTrue(pair.runUntil(() -> pair.engines[0].isReady() && pair.difference() == null, 5_000),
                "member 0 ready with member 1's table: " + pair.difference());
            final SimpleBackupProvider<EntryReader> winner = pair.table(1, SESSION);
            final SimpleBackupProvider<EntryReader> loser = pair.table(0, SESSION);
            assertEquals(before + 6, winner.size());
            assertEquals(before + 6, loser.size());
            for (long key = 100; key < 103; key++)
            {
                assertTrue(winner.contains(key) && loser.contains(key), "loser's session " + key);
                assertTrue(winner.contains(key + 100) && loser.contains(key + 100), "winner's session " + (key + 100));
            }
            assertEquals(3, pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
            assertEquals(3, winner.merges());
        }
    }

    @Test
    void keysPresentOnBothKeepTheWinnersVersion()
    {
        try (EnginePair pair = new EnginePair(6, UnaryOperator.identity(), HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom content = new SplittableRandom(6);
            preSplit(pair, content, 10);

            split(pair);
            // both update keys 1 and 2 during the split; only the loser updates key 3
            for (long key = 1; key <= 2; key++)
            {
                pair.upsert(0, SESSION, key, content);
                pair.upsert(1, SESSION, key, content);
            }
            pair.upsert(0, SESSION, 3, content);
            final byte[] winnerKey1 = pair.table(1, SESSION).encoded(1);
            final byte[] winnerKey3 = pair.table(1, SESSION).encoded(3);
            assertFalse(Arrays.equals(winnerKey1, pair.table(0, SESSION).encoded(1)));
            runSteps(pair, 20);

            heal(pair);
            assertTrue(pair.runUntil(() -> pair.engines[0].isReady() && pair.difference() == null, 5_000),
                pair.difference());
            assertArrayEquals(winnerKey1, pair.table(0, SESSION).encoded(1));
            assertArrayEquals(winnerKey1, pair.table(1, SESSION).encoded(1));
            assertArrayEquals(winnerKey3, pair.table(0, SESSION).encoded(3), "key 3 existed on the winner: its version wins");
            assertEquals(0, pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
        }
    }

    @Test
    void aJournalThatOverflowsOffersTheWholeTable()
    {
        try (EnginePair pair = new EnginePair(7, b -> b.reconcileJournalEntries(2), HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom content = new SplittableRandom(7);
            final int before = preSplit(pair, content, 10);

            split(pair);
            // five new sessions overflow the loser's two-key journal; the winner deletes a pre-split key
            // that the loser still holds, then overflows its own journal with two sessions, so it no
            // longer knows what it deleted: the loser's whole table brings that key back
            for (long key = 100; key < 105; key++)
            {
                pair.upsert(0, SESSION, key, content);
            }
            pair.delete(1, SESSION, 4);
            pair.upsert(1, SESSION, 200, content);
            pair.upsert(1, SESSION, 201, content);
            runSteps(pair, 20);

            heal(pair);
            assertTrue(pair.runUntil(() -> pair.engines[0].isReady() && pair.difference() == null, 5_000),
                pair.difference());
            for (long key = 100; key < 105; key++)
            {
                assertTrue(pair.table(1, SESSION).contains(key), "session " + key + " created during the split");
            }
            assertTrue(pair.table(1, SESSION).contains(4), "the whole table was offered");
            assertEquals(before + 7, pair.table(1, SESSION).size());
            assertEquals(6, pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
        }
    }

    @Test
    void aSessionTheWinnerDeletedDuringTheSplitStaysDeleted()
    {
        try (EnginePair pair = new EnginePair(9, UnaryOperator.identity(), HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom content = new SplittableRandom(9);
            final int before = preSplit(pair, content, 10);

            split(pair);
            // session 4 closes on the winner while the loser still carries traffic for it; session 5 is
            // closed and opened again on the winner; the loser also opens session 100
            pair.upsert(0, SESSION, 4, content);
            pair.delete(1, SESSION, 4);
            pair.upsert(0, SESSION, 5, content);
            pair.delete(1, SESSION, 5);
            pair.upsert(1, SESSION, 5, content);
            final byte[] winnerKey5 = pair.table(1, SESSION).encoded(5);
            pair.upsert(0, SESSION, 100, content);
            runSteps(pair, 20);

            heal(pair);
            assertTrue(pair.runUntil(() -> pair.engines[0].isReady() && pair.difference() == null, 5_000),
                pair.difference());
            assertFalse(pair.table(1, SESSION).contains(4), "the winner's deletion wins");
            assertFalse(pair.table(0, SESSION).contains(4), "and reaches the deposed member in its bulk backup");
            assertArrayEquals(winnerKey5, pair.table(1, SESSION).encoded(5), "re-created on the winner: its version");
            assertTrue(pair.table(1, SESSION).contains(100), "the loser's new session is merged");
            assertEquals(before, pair.table(1, SESSION).size());
            assertEquals(1, pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
        }
    }

    @Test
    void aPeerThatRejoinsAsAPlainStandbyDiscardsTheJournal()
    {
        try (EnginePair pair = new EnginePair(8, UnaryOperator.identity(), HotStandbyListener.NO_OP, null))
        {
            final SplittableRandom content = new SplittableRandom(8);
            preSplit(pair, content, 5);
            pair.peerDown(0);
            pair.peerDown(1);
            runSteps(pair, 5);
            pair.upsert(0, SESSION, 100, content);
            runSteps(pair, 5);
            pair.peerUp(0, 1);
            pair.peerUp(1, 1);
            assertTrue(pair.runUntil(() -> pair.engines[1].isReady() && pair.difference() == null, 5_000),
                pair.difference());
            // member 0 later steps down for another reason (an operator switchover): nothing is offered
            pair.engines[0].onDeposed(pair.clock.nanoTime());
            pair.role(0, Role.STANDBY, 2);
            pair.role(1, Role.ACTIVE, 2);
            assertTrue(pair.runUntil(() -> pair.engines[0].isReady() && pair.difference() == null, 5_000),
                pair.difference());
            assertEquals(0, pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
            assertNull(pair.difference());
        }
    }

    /** Member 0 active with {@code sessions} sessions, member 1 a ready standby. @return the count. */
    static int preSplit(final EnginePair pair, final SplittableRandom content, final int sessions)
    {
        pair.startActiveStandby(1);
        for (long key = 1; key <= sessions; key++)
        {
            pair.upsert(0, SESSION, key, content);
        }
        assertTrue(pair.runUntil(() -> pair.engines[1].isReady() && pair.difference() == null &&
            pair.engines[0].status().lagEntries() == 0, 5_000), pair.difference());
        return sessions;
    }

    /** The control channel is lost; member 1 takes over in epoch 2 while member 0 stays active. */
    static void split(final EnginePair pair)
    {
        pair.peerDown(0);
        pair.peerDown(1);
        pair.role(1, Role.ACTIVE, 2);
        runSteps(pair, 5);
    }

    /** The channel heals: member 1 ranks higher, member 0 is deposed in epoch 3 (as the conductor does). */
    static void heal(final EnginePair pair)
    {
        pair.peerUp(0, 2);
        pair.peerUp(1, 2);
        runSteps(pair, 10);
        pair.engines[0].onDeposed(pair.clock.nanoTime());
        pair.role(0, Role.STANDBY, 3);
        pair.role(1, Role.ACTIVE, 3);
    }

    static void runSteps(final EnginePair pair, final int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            pair.step();
        }
    }
}
