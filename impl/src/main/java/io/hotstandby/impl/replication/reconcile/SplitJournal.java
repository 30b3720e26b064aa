package io.hotstandby.impl.replication.reconcile;

import io.hotstandby.api.entry.EntryType;
import org.agrona.collections.LongHashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys, per entry type, of the entries this member created or updated while it was active and
 * its peer was away: a possible split brain (SPEC A11). If the healed control channel deposes this
 * member, these entries are offered to the member that stays active; if the peer instead rejoins
 * as a plain standby, its bulk backup covers everything and the journal is discarded.
 *
 * <p>It also keeps the keys this member deleted meanwhile (and did not create again): if this member
 * stays active, the deposed member's versions of those keys are not merged back, so a session closed
 * here during the split does not come back from the peer ({@link #deletedDuringSplit}).
 *
 * <p>Bounded: at most {@code capacity} keys in all, created or deleted (Agrona primitive sets, no
 * allocation per key). When a key would exceed the bound the journal forgets its keys and remembers
 * that it overflowed: the whole table is then offered instead ({@link #overflowed()}), and deleted
 * keys are no longer known.
 *
 * <p>Threading: replication agent thread only.
 */
public final class SplitJournal
{
    private static final Logger LOG = LoggerFactory.getLogger(SplitJournal.class);
    private static final int INITIAL_SET_CAPACITY = 1024;

    private final LongHashSet[] keys = new LongHashSet[8];
    private final LongHashSet[] deleted = new LongHashSet[8];
    private final int capacity;
    private int size;
    private boolean armed;
    private boolean overflowed;

    /** @param capacity most keys held, over all types, at least 1 (PairConfig.reconcileJournalEntries). */
    public SplitJournal(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity: must be at least 1");
        }
        this.capacity = capacity;
        for (final EntryType type : EntryType.values())
        {
            keys[type.code()] = new LongHashSet(Math.min(INITIAL_SET_CAPACITY, Math.max(8, capacity)));
            deleted[type.code()] = new LongHashSet(Math.min(INITIAL_SET_CAPACITY, Math.max(8, capacity)));
        }
    }

    /**
     * Starts recording, if not already: this member is active and its peer is away.
     *
     * @param wholeTable true when entries may already exist that were never recorded (this member never
     *                   saw a peer): the whole table is offered, as after an overflow.
     * @param reason     why, for the log.
     */
    public void arm(final boolean wholeTable, final String reason)
    {
        if (!armed)
        {
            armed = true;
            LOG.info("split-brain journal started: {}", reason);
        }
        if (wholeTable && !overflowed)
        {
            overflowed = true;
            clearKeys();
        }
    }

    /**
     * Forgets everything and stops recording.
     *
     * @param reason why, for the log.
     */
    public void discard(final String reason)
    {
        if (armed)
        {
            LOG.info("split-brain journal discarded ({} keys{}): {}", size, overflowed ? ", overflowed" : "", reason);
        }
        armed = false;
        overflowed = false;
        clearKeys();
    }

    /**
     * Records an entry this member created or updated, if the journal is armed.
     *
     * @param type the entry type, or null (ignored).
     * @param key  its key.
     */
    public void record(final EntryType type, final long key)
    {
        move(deleted, keys, type, key);
    }

    /**
     * Records an entry this member deleted, if the journal is armed: it is no longer offered, and the
     * peer's version of it is not merged here.
     *
     * @param type the entry type, or null (ignored).
     * @param key  its key.
     */
    public void recordDelete(final EntryType type, final long key)
    {
        move(keys, deleted, type, key);
    }

    /**
     * @param type an entry type.
     * @param key  a key.
     * @return true when this member deleted the entry while its peer was away and has not created it
     * again since: the deposed peer's version of it is not merged (A11).
     */
    public boolean deletedDuringSplit(final EntryType type, final long key)
    {
        return armed && !overflowed && deleted[type.code()].contains(key);
    }

    private void move(final LongHashSet[] from, final LongHashSet[] to, final EntryType type, final long key)
    {
        if (!armed || overflowed || type == null)
        {
            return;
        }
        if (from[type.code()].remove(key))
        {
            size--;
        }
        add(to[type.code()], key);
    }

    private void add(final LongHashSet set, final long key)
    {
        if (set.contains(key))
        {
            return;
        }
        if (size >= capacity)
        {
            overflowed = true;
            LOG.warn("split-brain journal overflowed at {} keys: the whole table will be offered if this member is deposed",
                capacity);
            clearKeys();
            return;
        }
        set.add(key);
        size++;
    }

    /** @return true while recording. */
    public boolean armed()
    {
        return armed;
    }

    /** @return true when keys were lost to the bound: every entry of the table is to be offered. */
    public boolean overflowed()
    {
        return overflowed;
    }

    /** @return keys held, created and deleted (0 after an overflow). */
    public int size()
    {
        return size;
    }

    /** @return true when there is nothing to offer. */
    public boolean isEmpty()
    {
        if (overflowed)
        {
            return false;
        }
        for (final LongHashSet set : keys)
        {
            if (set != null && !set.isEmpty())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param type an entry type.
     * @param key  a key.
     * @return true when the entry is to be offered: recorded, or the journal overflowed.
     */
    public boolean covers(final EntryType type, final long key)
    {
        return overflowed || keys[type.code()].contains(key);
    }

    /**
     * @param type an entry type.
     * @return true when some entry of that type is to be offered.
     */
    public boolean covers(final EntryType type)
    {
        return overflowed || !keys[type.code()].isEmpty();
    }

    private void clearKeys()
    {
        for (int i = 0; i < keys.length; i++)
        {
            if (keys[i] != null)
            {
                keys[i].clear();
                deleted[i].clear();
            }
        }
        size = 0;
    }
}
