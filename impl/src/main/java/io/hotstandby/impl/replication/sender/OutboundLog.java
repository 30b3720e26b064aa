package io.hotstandby.impl.replication.sender;

import io.hotstandby.impl.replication.entry.FirewallSessionV4Form;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The active's sequenced stream of entry messages and its bounded retransmit window (SPEC B3, B4).
 * Appending an entry assigns its sequence: real-time entries drained from the rings and bulk entries
 * read from a snapshot share one sequence, in the order the agent handled them, which is what keeps
 * bulk and real-time updates of one key in order on the standby.
 *
 * <p>Layout: a byte ring of {@code byteCapacity} bytes holding whole entry messages (an entry never
 * wraps; the tail of the ring is skipped instead), and per-sequence slots (window entries, a power of
 * two) with the absolute byte position, the offset in the ring and length (packed in one long), and
 * the append time of each entry. The ring offset is kept beside the absolute position, so neither an
 * append nor a read divides. Entry {@code s} can be
 * (re)sent while {@link #contains(long)}: it is in the last {@code window} sequences, after the floor,
 * and its bytes have not been overwritten.
 *
 * <p>Threading: replication agent thread only.
 */
public final class OutboundLog
{
    private final UnsafeBuffer bytes;
    private final int byteCapacity;
    private final long[] positions;
    /** Ring offset in the high 32 bits, length in the low 32 bits. */
    private final long[] spans;
    private final long[] appendNs;
    private final int mask;
    private long head;
    private long floor;
    private long bytePosition;
    /** bytePosition modulo byteCapacity. */
    private int physical;

    /**
     * @param windowEntries entries kept for retransmission, rounded up to a power of two.
     * @param byteCapacity  bytes kept for retransmission.
     */
    public OutboundLog(final int windowEntries, final int byteCapacity)
    {
        final int window = BitUtil.findNextPositivePowerOfTwo(Math.max(16, windowEntries));
        this.positions = new long[window];
        this.spans = new long[window];
        this.appendNs = new long[window];
        this.mask = window - 1;
        this.byteCapacity = byteCapacity;
        this.bytes = new UnsafeBuffer(ByteBuffer.allocateDirect(byteCapacity));
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
     * Appends one entry message (entry header included) and gives it the next sequence. An IPv4
     * firewall session is stored, and so sent, in its compact form ({@link FirewallSessionV4Form}).
     *
     * @param src    holds the message.
     * @param offset where it starts.
     * @param length bytes, at most a quarter of the byte capacity.
     * @param nowNs  append time, for the lag in time.
     * @return the entry's sequence.
     */
    public long append(final DirectBuffer src, final int offset, final int length, final long nowNs)
    {
        final boolean compact = FirewallSessionV4Form.fits(src, offset, length);
        final int stored = compact ? FirewallSessionV4Form.LENGTH : length;
        if (physical > byteCapacity - stored)
        {
            bytePosition += byteCapacity - physical;
            physical = 0;
        }
        if (compact)
        {
            FirewallSessionV4Form.compact(src, offset, bytes, physical);
        }
        else
        {
            bytes.putBytes(physical, src, offset, length);
        }
        final long sequence = ++head;
        final int slot = (int)(sequence & mask);
        positions[slot] = bytePosition;
        spans[slot] = ((long)physical << 32) | stored;
        appendNs[slot] = nowNs;
        bytePosition += stored;
        physical += stored;
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
        spans[slot] = (long)physical << 32;
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

    /** @param sequence a contained sequence. @return the offset of its message in {@link #buffer()}. */
    public int offset(final long sequence)
    {
        return (int)(spans[(int)(sequence & mask)] >>> 32);
    }

    /** @param sequence a contained sequence. @return the length of its message as stored (and sent). */
    public int length(final long sequence)
    {
        return (int)spans[(int)(sequence & mask)];
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
