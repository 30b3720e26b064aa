package io.hotstandby.api.spi;

import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;

/**
 * The host's table of one entry type, as the library sees it (SPEC B4, B5, B9, G4). The host
 * registers one provider per type in {@link io.hotstandby.api.NodeContext}.
 *
 * <p>Threading: every method is called on the library's replication agent thread (a library thread,
 * or the host's own thread in invoker mode), never concurrently with itself. A method must not block;
 * the host synchronises with its own data-plane threads as it already does for its table.
 *
 * @param <R> the reader type of this entry type, e.g. {@link io.hotstandby.api.entry.FirewallSessionReader}.
 */
public interface BackupProvider<R extends EntryReader>
{
    /** Returned by {@link #snapshot} when the whole table has been emitted. */
    long SNAPSHOT_END = -1;

    /** @return the entry type this provider serves. */
    EntryType type();

    /**
     * Receiving member: create or update the entry (an upsert), exactly as the reader shows it. The
     * reader is valid only during the call.
     *
     * @param entry the received entry.
     */
    void apply(R entry);

    /**
     * Receiving member: remove the entry if present (absent is not an error).
     *
     * @param key the entry key.
     */
    void delete(long key);

    /**
     * Sending member, bulk backup (B4): emit up to {@code limit} entries into {@code sink}, starting at
     * {@code position} (0 for the first call), and return where to continue. Called repeatedly, a
     * bounded slice per duty cycle, while real-time updates keep flowing; the library's sequencing
     * makes entries updated or deleted during the bulk end up right on the receiver.
     *
     * @param position 0 at first, then the value the previous call returned; opaque to the library.
     * @param limit    largest number of entries to emit in this call.
     * @param sink     where to write the entries (zero-copy claims).
     * @return the position to continue from, or {@link #SNAPSHOT_END} when the table is exhausted.
     */
    long snapshot(long position, int limit, EntrySink sink);

    /**
     * Anti-entropy (G4): emit every entry whose key lies in [{@code fromKey}, {@code toKey}] into
     * {@code sink}; the library digests them to compare key ranges with the peer and repairs only the
     * ranges that differ. The sink the library passes ignores entries outside the range, so the
     * default, which walks the whole table through {@link #snapshot}, is correct; a host with an
     * ordered table can emit just the range. The library asks for the span of up to sixteen contiguous
     * ranges at once (the sub-ranges of a split), so a whole-table walk digests all of them. A table
     * that keeps the default and holds more than 65,536 entries is left out of anti-entropy rounds (a
     * walk would hold up the agent's duty cycle too long); a loss in it is repaired by a bulk backup.
     *
     * @param fromKey first key, inclusive (signed order).
     * @param toKey   last key, inclusive.
     * @param sink    where to write the entries.
     */
    default void scanRange(final long fromKey, final long toKey, final EntrySink sink)
    {
        long position = 0;
        do
        {
            position = snapshot(position, 4096, sink);
        }
        while (position != SNAPSHOT_END);
    }

    /**
     * Active member, reconciliation after a split brain (A11): the peer was active too while the
     * control channel was down, was deposed when it healed, and sends the entries it created or
     * updated meanwhile. Insert {@code entry} only if the table holds no entry with its key: this
     * member's own version wins, since it carried the traffic after the heal. Called on the
     * replication agent thread, before the deposed member's bulk backup starts (so the merged entries
     * travel back to it in that bulk). The reader is valid only during the call; its owner is 0 (the
     * entry now belongs to this member).
     *
     * <p>The default applies the entry, which replaces an existing one: a host whose {@link #apply}
     * is an upsert overrides this to keep its own entry.
     *
     * @param entry the deposed member's entry.
     * @return true when the entry was inserted, false when the host kept its own.
     */
    default boolean merge(final R entry)
    {
        apply(entry);
        return true;
    }

    /**
     * Takeover (B9, G1): make every entry applied so far effective in the data plane before traffic
     * switches. Called once per takeover, before any traffic-switch hook runs.
     */
    default void flush()
    {
    }

    /** @return the number of entries in the host's table, for the status (F1); -1 if unknown. */
    default long size()
    {
        return -1;
    }

    /**
     * Receiving member, dual-active failover (A6) or reconciliation after a split brain (A11): the
     * entries of {@code ownerNodeId} now belong to this member. Default: nothing to do.
     *
     * @param ownerNodeId the node id whose entries were adopted.
     */
    default void adoptOwner(final int ownerNodeId)
    {
    }
}
