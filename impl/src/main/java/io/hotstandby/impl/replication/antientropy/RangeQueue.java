package io.hotstandby.impl.replication.antientropy;

/**
 * A bounded first-in, first-out queue of key ranges (entry type code, inclusive signed bounds) in
 * parallel primitive arrays (SPEC G4): the ranges the active still has to compare or repair. Never
 * grows: {@link #offer} refuses when full.
 *
 * <p>Threading: replication agent thread only.
 */
final class RangeQueue
{
    private final int[] types;
    private final long[] froms;
    private final long[] tos;
    private int head;
    private int size;

    /** @param capacity most ranges held. */
    RangeQueue(final int capacity)
    {
        types = new int[capacity];
        froms = new long[capacity];
        tos = new long[capacity];
    }

    /** @return ranges queued. */
    int size()
    {
        return size;
    }

    /** @return free places. */
    int remaining()
    {
        return types.length - size;
    }

    /**
     * @param typeCode the entry type's code.
     * @param from     first key, inclusive.
     * @param to       last key, inclusive.
     * @return false when full.
     */
    boolean offer(final int typeCode, final long from, final long to)
    {
        if (size == types.length)
        {
            return false;
        }
        final int i = (head + size) % types.length;
        types[i] = typeCode;
        froms[i] = from;
        tos[i] = to;
        size++;
        return true;
    }

    /** @return the type code of the oldest range; only when not empty. */
    int peekType()
    {
        return types[head];
    }

    /** @return the first key of the oldest range. */
    long peekFrom()
    {
        return froms[head];
    }

    /** @return the last key of the oldest range. */
    long peekTo()
    {
        return tos[head];
    }

    /** Drops the oldest range. */
    void remove()
    {
        head = (head + 1) % types.length;
        size--;
    }

    /** Drops every range. */
    void clear()
    {
        head = 0;
        size = 0;
    }
}
