package io.hotstandby.impl.replication.sender;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The active's sequenced stream of entry messages and its bounded retransmit window (SPEC B3, B4).
 * Appending an entry assigns its sequence: real-time entries drained from the rings and bulk entries
 * read from a snapshot share one sequence, in the order the agent handled them, which is what keeps
 * bulk and real-time updates of one key in order on the standby.
 *
 * <p>Layout: a byte ring of {@code byteCapacity} bytes (a power of two) holding whole entry messages
 * (an entry never wraps; the tail of the ring is skipped instead), and per-sequence slots (window entries, a power of
 * two) with the absolute byte position, length and append time of each entry. Entry {@code s} can be
 * (re)sent while {@link #contains(long)}: it is in the last {@code window} sequences, after the floor,
 * and its bytes have not been overwritten.
 *
 * <p>Threading: replication agent thread only.
 */
public final class OutboundLog
{
    private final UnsafeBuffer bytes;
    private final int byteCapacity;
    private final int byteMask;
    private final long[] positions;
    private final int[] lengths;
    private final long[] appendNs;
    private final int mask;
    private long head;
    private long floor;
    private long bytePosition;

    /**
     * @param windowEntries entries kept for retransmission, rounded up to a power of two.
     * @param byteCapacity  bytes kept for retransmission, rounded up to a power of two.
     */
    public OutboundLog(final int windowEntries, final int byteCapacity)
    {
        final int window = BitUtil.findNextPositivePowerOfTwo(Math.max(16, windowEntries));
        this.positions = new long[window];
        this.lengths = new int[window];
        this.appendNs = new long[window];
        this.mask = window - 1;
        this.byteCapacity = BitUtil.findNextPositivePowerOfTwo(byteCapacity);
        this.byteMask = this.byteCapacity - 1;
        this.bytes = new UnsafeBuffer(ByteBuffer.allocateDirect(this.byteCapacity));
    }

    /** @return entries the window holds. */
    public int window()
    {
        return mask + 1;
    }

    /** @return bytes the window holds. */
    public int byteCapacity()
    {
        return byteCapacity;
    }

    /** @return the last sequence appended, 0 before the first. */
    public long head()
    {
        return head;
    }

    /**
     * Appends one entry message (SBE header included) and gives it the next sequence.
     *
     * @param src    holds the message.
     * @param offset where it starts.
     * @param length bytes, at most a quarter of the byte capacity.
     * @param nowNs  append time, for the lag in time.
     * @return the entry's sequence.
     */
    public long append(final DirectBuffer src, final int offset, final int length, final long nowNs)
    {
        final int physical = claim(length);
        bytes.putBytes(physical, src, offset, length);
        return commit(length, nowNs);
    }

    /**
     * Reserves room for one entry message written in place at the returned offset of {@link #buffer()}
     * (a bulk read writes the host's entry there directly); {@link #commit} sequences it, and a claim
     * never committed takes nothing.
     *
     * @param maxLength most bytes the entry will take, at most a quarter of the byte capacity.
     * @return the offset to write at.
     */
    public int claim(final int maxLength)
    {
        final int physical = (int)(bytePosition & byteMask);
        if (physical + maxLength > byteCapacity)
        {
            bytePosition += byteCapacity - physical;
            return 0;
        }
        return physical;
    }

    /**
     * Sequences the entry written at the last {@link #claim}.
     *
     * @param length bytes actually written, at most the claimed length.
     * @param nowNs  append time, for the lag in time.
     * @return the entry's sequence.
     */
    public long commit(final int length, final long nowNs)
    {
        final long sequence = ++head;
        final int slot = (int)(sequence & mask);
        positions[slot] = bytePosition;
        lengths[slot] = length;
        appendNs[slot] = nowNs;
        bytePosition += length;
        return sequence;
    }

    /**
     * Takes one sequence without an entry (length 0): a hole the sender never transmits. A bulk backup
     * begins after a hole, so a standby that missed the bulk's begin marker sees a gap and asks again.
     *
     * @param nowNs append time.
     * @return the hole's sequence.
     */
    public long appendHole(final long nowNs)
    {
        final long sequence = ++head;
        final int slot = (int)(sequence & mask);
        positions[slot] = bytePosition;
        lengths[slot] = 0;
        appendNs[slot] = nowNs;
        return sequence;
    }

    /**
     * @param sequence a sequence.
     * @return true when the entry can still be read (and so resent).
     */
    public boolean contains(final long sequence)
    {
        if (sequence <= floor || sequence > head || sequence <= head - (mask + 1))
        {
            return false;
        }
        return bytePosition - positions[(int)(sequence & mask)] <= byteCapacity;
    }

    /** @return the first sequence still held, or head + 1 when none. */
    public long lowest()
    {
        final long low = Math.max(floor + 1, Math.max(1, head - mask));
        for (long s = low; s <= head; s++)
        {
            if (contains(s))
            {
                return s;
            }
        }
        return head + 1;
    }

    /** @return the buffer holding the entries. */
    public DirectBuffer buffer()
    {
        return bytes;
    }

    /** @return the buffer a {@link #claim} points into, for writing in place. */
    public MutableDirectBuffer claimBuffer()
    {
        return bytes;
    }

    /** @param sequence a contained sequence. @return the offset of its message in {@link #buffer()}. */
    public int offset(final long sequence)
    {
        return (int)(positions[(int)(sequence & mask)] & byteMask);
    }

    /** @param sequence a contained sequence. @return the length of its message. */
    public int length(final long sequence)
    {
        return lengths[(int)(sequence & mask)];
    }

    /** @param sequence a contained sequence. @return when it was appended, ns. */
    public long appendNs(final long sequence)
    {
        return appendNs[(int)(sequence & mask)];
    }

    /** @return bytes appended after the entry of {@code sequence} began; for unsent-byte bounds. */
    public long bytesSince(final long sequence)
    {
        if (sequence > head)
        {
            return 0;
        }
        if (sequence <= floor || sequence <= head - (mask + 1))
        {
            return Long.MAX_VALUE;
        }
        return bytePosition - positions[(int)(sequence & mask)];
    }

    /** Forgets every entry so far: a new stream begins (the member stopped being the sender). */
    public void reset()
    {
        floor = head;
    }
}
