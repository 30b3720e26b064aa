package io.hotstandby.testkit.provider;

import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.CustomEntryFlyweightReader;
import io.hotstandby.impl.replication.entry.DhcpLeaseFlyweightReader;
import io.hotstandby.impl.replication.entry.EntryReaderFlyweight;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FirewallSessionFlyweightReader;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.entry.LastHopFlyweightReader;
import io.hotstandby.impl.replication.entry.NatPortBlockFlyweightReader;
import io.hotstandby.impl.replication.entry.PortalUserFlyweightReader;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ready in-memory table of one entry type (SPEC B4, B5, A6), for hosts that keep no table of their
 * own and for tests: it applies and deletes received entries, emits its table for bulk backups,
 * merges a deposed member's entries without replacing its own (A11), adopts owners, and compares
 * contents with another table ({@link #contentEquals}).
 *
 * <p>Each entry is stored as its canonical encoding (the entry copied field by field through the
 * public reader and writer interfaces) in a slot; slots never move while their key lives, and a
 * snapshot walks the slots in index order, so an entry present for the whole of a bulk backup is
 * always emitted, whatever is inserted or deleted meanwhile (SPEC B4).
 *
 * <p>The host side writes its own entries with {@link #newLocalSink()} (one sink per thread) and
 * {@link #remove(long)}, then offers them to its producer, in that order.
 *
 * <p>Threading: every method is synchronized, so data-plane threads and the replication agent may
 * use one table concurrently.
 *
 * @param <R> the reader type of the entry type.
 */
public final class SimpleBackupProvider<R extends EntryReader> implements BackupProvider<R>
{
    private static final int NO_SLOT = -1;

    private final EntryType type;
    private final Long2LongHashMap slotByKey = new Long2LongHashMap(NO_SLOT);
    private final List<byte[]> slots = new ArrayList<>();
    private final IntArrayList owners = new IntArrayList();
    private final IntArrayList freeSlots = new IntArrayList();
    private final EntryCopier copier = new EntryCopier();
    private final StoreTarget store = new StoreTarget();
    private final FlyweightEntrySink storeSink = new FlyweightEntrySink(store);
    private final EntryReaderFlyweight storedReader;
    private final UnsafeBuffer storedView = new UnsafeBuffer(new byte[0]);
    private long flushes;
    private long walks;
    private long applies;
    private long merges;

    /** @param type the entry type this table holds. */
    public SimpleBackupProvider(final EntryType type)
    {
        this.type = type;
        this.storedReader = readerFor(type);
    }

    /**
     * @param type the entry type.
     * @param <R>  its reader type.
     * @return a new empty table.
     */
    public static <R extends EntryReader> SimpleBackupProvider<R> of(final EntryType type)
    {
        return new SimpleBackupProvider<>(type);
    }

    @Override
    public EntryType type()
    {
        return type;
    }

    @Override
    public synchronized void apply(final R entry)
    {
        applies++;
        store.owner = entry.ownerNodeId();
        copier.copy(entry, storeSink);
    }

    /**
     * Split-brain reconciliation (A11): inserts the deposed member's entry only when no entry of its
     * key is present; an existing entry, this member's own version, is kept unchanged.
     */
    @Override
    public synchronized boolean merge(final R entry)
    {
        if (slotByKey.get(entry.key()) != NO_SLOT)
        {
            return false;
        }
        merges++;
        store.owner = entry.ownerNodeId();
        copier.copy(entry, storeSink);
        return true;
    }

    @Override
    public synchronized void delete(final long key)
    {
        remove(key);
    }

    /**
     * Host side: removes an entry.
     *
     * @param key the key.
     * @return true when it was present.
     */
    public synchronized boolean remove(final long key)
    {
        final long slot = slotByKey.remove(key);
        if (slot == NO_SLOT)
        {
            return false;
        }
        slots.set((int)slot, null);
        freeSlots.addInt((int)slot);
        return true;
    }

    /**
     * Host side: a sink whose commits store entries in this table (owner 0: this member's own).
     * One sink per thread.
     *
     * @return a new sink.
     */
    public EntrySink newLocalSink()
    {
        return new FlyweightEntrySink(new ClaimTarget()
        {
            private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);

            @Override
            public int claim(final EntryType claimed, final int length)
            {
                return claimed == type && length <= scratch.capacity() ? 0 : -1;
            }

            @Override
            public MutableDirectBuffer buffer()
            {
                return scratch;
            }

            @Override
            public OfferResult commit(final EntryWriterFlyweight writer)
            {
                synchronized (SimpleBackupProvider.this)
                {
                    final int blockLength = scratch.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
                    store.owner = 0;
                    copier.copy(storedReader.wrap(scratch, FrameDescriptor.ENTRY_HEADER_LENGTH, blockLength, 0, 0), storeSink);
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
                return OfferResult.TYPE_DISABLED;
            }
        });
    }

    @Override
    public synchronized long snapshot(final long position, final int limit, final EntrySink sink)
    {
        if (position == 0)
        {
            walks++;
        }
        int index = (int)position;
        int emitted = 0;
        while (index < slots.size() && emitted < limit)
        {
            final byte[] bytes = slots.get(index);
            if (bytes != null)
            {
                copier.copy(view(bytes, owners.getInt(index)), sink);
                emitted++;
            }
            index++;
        }
        return index >= slots.size() ? SNAPSHOT_END : index;
    }

    @Override
    public synchronized void flush()
    {
        flushes++;
    }

    @Override
    public synchronized long size()
    {
        return slotByKey.size();
    }

    @Override
    public synchronized void adoptOwner(final int ownerNodeId)
    {
        for (int i = 0; i < owners.size(); i++)
        {
            if (slots.get(i) != null && owners.getInt(i) == ownerNodeId)
            {
                owners.setInt(i, 0);
            }
        }
    }

    /** @return how many times {@link #flush()} ran (takeover commit, B9). */
    public synchronized long flushes()
    {
        return flushes;
    }

    /**
     * @return walks of this table the library started through {@link #snapshot} from its first slot:
     * bulk backups, and anti-entropy digests and repairs (this table has no ordered index, so each of
     * those reads all of it). Any thread.
     */
    public synchronized long walks()
    {
        return walks;
    }

    /** @return entries applied from the peer so far. */
    public synchronized long applies()
    {
        return applies;
    }

    /** @return entries inserted by {@link #merge} (split-brain reconciliation, A11). */
    public synchronized long merges()
    {
        return merges;
    }

    /** @param key a key. @return true when present. */
    public synchronized boolean contains(final long key)
    {
        return slotByKey.get(key) != NO_SLOT;
    }

    /** @param key a key. @return the owner node id of the entry (0: this member's own), or -1 when absent. */
    public synchronized int owner(final long key)
    {
        final long slot = slotByKey.get(key);
        return slot == NO_SLOT ? -1 : owners.getInt((int)slot);
    }

    /** @param key a key. @return a copy of the entry's canonical encoding, or null when absent. */
    public synchronized byte[] encoded(final long key)
    {
        final long slot = slotByKey.get(key);
        return slot == NO_SLOT ? null : slots.get((int)slot).clone();
    }

    /**
     * @param key     a key.
     * @param visitor given a reader over the entry; valid only during the call.
     * @return true when the entry is present.
     */
    public synchronized boolean read(final long key, final java.util.function.Consumer<R> visitor)
    {
        final long slot = slotByKey.get(key);
        if (slot == NO_SLOT)
        {
            return false;
        }
        @SuppressWarnings("unchecked")
        final R reader = (R)view(slots.get((int)slot), owners.getInt((int)slot));
        visitor.accept(reader);
        return true;
    }

    /** @return a sorted copy of the table: key to canonical encoding. */
    public synchronized Map<Long, byte[]> contents()
    {
        final TreeMap<Long, byte[]> copy = new TreeMap<>();
        final Long2LongHashMap.KeyIterator keys = slotByKey.keySet().iterator();
        while (keys.hasNext())
        {
            final long key = keys.nextValue();
            copy.put(key, slots.get((int)slotByKey.get(key)).clone());
        }
        return copy;
    }

    /**
     * @param other another table.
     * @return true when both hold the same keys with the same field values (owners aside).
     */
    public boolean contentEquals(final SimpleBackupProvider<?> other)
    {
        return describeDifference(other) == null;
    }

    /**
     * @param other another table.
     * @return null when equal, else the first difference in words (for assertion messages).
     */
    public String describeDifference(final SimpleBackupProvider<?> other)
    {
        if (type != other.type)
        {
            return "types differ: " + type + " vs " + other.type;
        }
        final long otherSize = other.size();
        synchronized (this)
        {
            for (int i = 0, n = slots.size(); i < n; i++)
            {
                final byte[] mine = slots.get(i);
                if (mine == null)
                {
                    continue;
                }
                final long key = mine.length >= 16 ? keyOf(i) : 0;
                final byte[] theirs = other.encodedOrNull(key);
                if (theirs == null)
                {
                    return type + " key " + key + " missing in the other table (sizes " + slotByKey.size() + " vs " + otherSize + ")";
                }
                if (!Arrays.equals(mine, theirs))
                {
                    return type + " key " + key + " differs";
                }
            }
            if (slotByKey.size() != otherSize)
            {
                return type + ": the other table holds keys this one does not (sizes " + slotByKey.size() + " vs " + otherSize + ")";
            }
        }
        return null;
    }

    private long keyOf(final int slot)
    {
        return storedView(slots.get(slot)).getLong(FrameDescriptor.ENTRY_HEADER_LENGTH, ByteOrder.LITTLE_ENDIAN);
    }

    private UnsafeBuffer storedView(final byte[] bytes)
    {
        storedView.wrap(bytes);
        return storedView;
    }

    private synchronized byte[] encodedOrNull(final long key)
    {
        final long slot = slotByKey.get(key);
        return slot == NO_SLOT ? null : slots.get((int)slot);
    }

    private void put(final long key, final byte[] bytes, final int owner)
    {
        final long slot = slotByKey.get(key);
        if (slot != NO_SLOT)
        {
            slots.set((int)slot, bytes);
            owners.setInt((int)slot, owner);
            return;
        }
        final int index;
        if (!freeSlots.isEmpty())
        {
            index = freeSlots.removeAt(freeSlots.size() - 1);
            slots.set(index, bytes);
            owners.setInt(index, owner);
        }
        else
        {
            index = slots.size();
            slots.add(bytes);
            owners.addInt(owner);
        }
        slotByKey.put(key, index);
    }

    private EntryReaderFlyweight view(final byte[] bytes, final int owner)
    {
        storedView.wrap(bytes);
        final int blockLength = storedView.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        return storedReader.wrap(storedView, FrameDescriptor.ENTRY_HEADER_LENGTH, blockLength, owner, 0);
    }

    private static EntryReaderFlyweight readerFor(final EntryType type)
    {
        switch (type)
        {
            case FIREWALL_SESSION:
                return new FirewallSessionFlyweightReader();
            case NAT_PORT_BLOCK:
                return new NatPortBlockFlyweightReader();
            case DHCP_LEASE:
                return new DhcpLeaseFlyweightReader();
            case PORTAL_USER:
                return new PortalUserFlyweightReader();
            case LAST_HOP:
                return new LastHopFlyweightReader();
            case CUSTOM:
                return new CustomEntryFlyweightReader();
            default:
                throw new IllegalArgumentException("unknown entry type " + type);
        }
    }

    /** Stores the copier's output for {@link #apply}. */
    private final class StoreTarget implements ClaimTarget
    {
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
        private int owner;

        @Override
        public int claim(final EntryType claimed, final int length)
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
            final byte[] bytes = new byte[writer.messageLength()];
            scratch.getBytes(0, bytes);
            put(writer.keyValue(), bytes, owner);
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
}
