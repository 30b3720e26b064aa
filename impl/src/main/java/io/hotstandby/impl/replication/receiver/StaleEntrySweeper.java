package io.hotstandby.impl.replication.receiver;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Ends a bulk backup on the standby (SPEC B4): every key the standby holds that the bulk and the
 * real-time stream did not deliver since the bulk began is gone on the active, so it is deleted here.
 * The receiver marks keys ({@link #mark}, {@link #unmark}) while the bulk runs; {@link #sweep} walks
 * each local table once through the provider's snapshot and deletes the unmarked keys. Types whose
 * table was empty when the bulk began are neither marked nor swept.
 *
 * <p>Threading: replication agent thread only.
 */
public final class StaleEntrySweeper implements ClaimTarget
{
    private final LongHashSet[] seen = new LongHashSet[8];
    /** Types whose local table was empty when the bulk began: nothing of theirs can be stale. */
    private final boolean[] empty = new boolean[8];
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private final LongArrayList stale = new LongArrayList();
    private LongHashSet current;
    private boolean marking;

    /** Starts marking every type: forgets every mark. */
    public void begin()
    {
        java.util.Arrays.fill(empty, false);
        for (final LongHashSet set : seen)
        {
            if (set != null)
            {
                set.clear();
            }
        }
        marking = true;
    }

    /**
     * Starts marking, skipping the types whose local table is empty now (a fresh standby): every key
     * they hold when the bulk ends was delivered by the stream since it began, so there is nothing to
     * mark or sweep for them, which spares a set of every key and a walk of the table.
     *
     * @param providers the providers by type code (null where none).
     */
    public void begin(final BackupProvider<?>[] providers)
    {
        begin();
        for (final BackupProvider<?> provider : providers)
        {
            if (provider != null && provider.size() == 0)
            {
                empty[provider.type().code()] = true;
            }
        }
    }

    /**
     * The stream delivered an upsert while marking.
     *
     * @param type the entry type.
     * @param key  the key.
     */
    public void mark(final EntryType type, final long key)
    {
        if (!empty[type.code()])
        {
            seen(type).add(key);
        }
    }

    /**
     * The stream delivered a delete while marking.
     *
     * @param type the entry type.
     * @param key  the key.
     */
    public void unmark(final EntryType type, final long key)
    {
        if (!empty[type.code()])
        {
            seen(type).remove(key);
        }
    }

    /** Stops marking without a sweep (the bulk was cut short). */
    public void cancel()
    {
        marking = false;
        java.util.Arrays.fill(empty, false);
        for (int i = 0; i < seen.length; i++)
        {
            seen[i] = null;
        }
    }

    /** @return true while a bulk marks keys. */
    public boolean marking()
    {
        return marking;
    }

    /** @param type the type. @return the set of keys delivered since the bulk began. */
    public LongHashSet seen(final EntryType type)
    {
        LongHashSet set = seen[type.code()];
        if (set == null)
        {
            set = new LongHashSet(1024);
            seen[type.code()] = set;
        }
        return set;
    }

    /**
     * Deletes every unmarked key of every provider and stops marking.
     *
     * @param providers the providers by type code.
     * @return keys deleted.
     */
    public long sweep(final BackupProvider<?>[] providers)
    {
        long deleted = 0;
        for (final BackupProvider<?> provider : providers)
        {
            if (provider == null || empty[provider.type().code()])
            {
                continue;
            }
            current = seen(provider.type());
            stale.clear();
            long position = 0;
            do
            {
                position = provider.snapshot(position, 65536, sink);
            }
            while (position != BackupProvider.SNAPSHOT_END);
            for (int i = 0, n = stale.size(); i < n; i++)
            {
                provider.delete(stale.getLong(i));
            }
            deleted += stale.size();
        }
        cancel();
        return deleted;
    }

    @Override
    public int claim(final EntryType type, final int length)
    {
        return length <= scratch.capacity() ? 0 : -1;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    @Override
    public OfferResult commit(final EntryWriterFlyweight writer)
    {
        final long key = writer.keyValue();
        if (!current.contains(key))
        {
            stale.addLong(key);
        }
        return OfferResult.ACCEPTED;
    }

    @Override
    public void abort(final EntryWriterFlyweight writer)
    {
    }

    @Override
    public OfferResult claimRejection()
    {
        return OfferResult.TOO_LONG;
    }
}
