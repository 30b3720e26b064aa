package io.hotstandby.examples.firewall;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Long2LongHashMap;

/**
 * Fixed-length records keyed by a {@code long}, stored back to back in one growable buffer and found
 * through an Agrona {@link Long2LongHashMap} (key to slot). Freed slots are reused, so a table of
 * steady size allocates nothing. The building block of the toy firewall's tables.
 *
 * <p>Slot layout (every record has the same length, fields after the header are the owner's):
 * <pre>
 *   0        8        12       16                              recordLength
 *   +--------+--------+--------+-------------------------------+
 *   | key    | used   | unused | fields (owner-defined)        |
 *   +--------+--------+--------+-------------------------------+
 * </pre>
 *
 * <p>Not thread-safe: the owning table synchronises.
 */
final class RecordTable
{
    /** Offset of the first owner-defined field. */
    static final int FIELDS_OFFSET = 16;
    private static final int KEY_OFFSET = 0;
    private static final int USED_OFFSET = 8;
    private static final long NO_SLOT = -1;

    private final int recordLength;
    private final Long2LongHashMap slotByKey = new Long2LongHashMap(NO_SLOT);
    private final IntArrayList freeSlots = new IntArrayList();
    private final ExpandableArrayBuffer records;
    private int slotCount;

    /**
     * @param recordLength bytes per record, including the 16-byte header; a multiple of 8.
     * @param initialSlots slots to reserve up front.
     */
    RecordTable(final int recordLength, final int initialSlots)
    {
        if (recordLength <= FIELDS_OFFSET || (recordLength & 7) != 0)
        {
            throw new IllegalArgumentException("recordLength must be a multiple of 8 above " + FIELDS_OFFSET);
        }
        this.recordLength = recordLength;
        this.records = new ExpandableArrayBuffer(Math.max(1, initialSlots) * recordLength);
    }

    /** @return the buffer holding every record; offsets come from {@link #upsert} and {@link #offsetOf}. */
    MutableDirectBuffer buffer()
    {
        return records;
    }

    /**
     * @param key the record key.
     * @return the offset of the key's record, created (all fields zero) when absent.
     */
    int upsert(final long key)
    {
        final long existing = slotByKey.get(key);
        if (existing != NO_SLOT)
        {
            return slotOffset((int)existing);
        }
        final int slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.popInt();
        final int offset = slotOffset(slot);
        records.checkLimit(offset + recordLength);
        records.setMemory(offset, recordLength, (byte)0);
        records.putLong(offset + KEY_OFFSET, key);
        records.putInt(offset + USED_OFFSET, 1);
        slotByKey.put(key, slot);
        return offset;
    }

    /** @param key the record key. @return true when a record was removed. */
    boolean remove(final long key)
    {
        final long slot = slotByKey.remove(key);
        if (slot == NO_SLOT)
        {
            return false;
        }
        records.putInt(slotOffset((int)slot) + USED_OFFSET, 0);
        freeSlots.addInt((int)slot);
        return true;
    }

    /** @param key the record key. @return the record's offset, or -1 when absent. */
    int offsetOf(final long key)
    {
        final long slot = slotByKey.get(key);
        return slot == NO_SLOT ? -1 : slotOffset((int)slot);
    }

    /** @return the number of records. */
    int size()
    {
        return slotByKey.size();
    }

    /** @return one past the highest slot ever used; slots below it may be free. */
    int slotCount()
    {
        return slotCount;
    }

    /** @param slot a slot below {@link #slotCount()}. @return true when it holds a record. */
    boolean isUsed(final int slot)
    {
        return records.getInt(slotOffset(slot) + USED_OFFSET) != 0;
    }

    /** @param slot a slot. @return its record offset. */
    int slotOffset(final int slot)
    {
        return slot * recordLength;
    }

    /** @param offset a record offset. @return the record's key. */
    long keyAt(final int offset)
    {
        return records.getLong(offset + KEY_OFFSET);
    }

    /** Removes every record. */
    void clear()
    {
        slotByKey.clear();
        freeSlots.clear();
        slotCount = 0;
    }

    /**
     * @param other a table with the same record length.
     * @return true when both hold the same keys with byte-identical records.
     */
    boolean contentEquals(final RecordTable other)
    {
        if (other.recordLength != recordLength || other.size() != size())
        {
            return false;
        }
        for (int slot = 0; slot < slotCount; slot++)
        {
            if (!isUsed(slot))
            {
                continue;
            }
            final int offset = slotOffset(slot);
            final int otherOffset = other.offsetOf(keyAt(offset));
            if (otherOffset < 0 ||
                !sameBytes(records, offset + FIELDS_OFFSET, other.records, otherOffset + FIELDS_OFFSET,
                recordLength - FIELDS_OFFSET))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean sameBytes(final MutableDirectBuffer a, final int aOffset, final MutableDirectBuffer b,
        final int bOffset, final int length)
    {
        for (int i = 0; i < length; i += 8)
        {
            if (a.getLong(aOffset + i) != b.getLong(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }
}
