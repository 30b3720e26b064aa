package io.hotstandby.impl.replication.sender;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.spi.AcknowledgementListener;
import org.agrona.BitUtil;

/**
 * Bounded queue of (sequence, type, key) for entries of types in {@link
 * io.hotstandby.api.config.DeliveryMode#ACKNOWLEDGED} mode (SPEC B8): when the standby's cumulative
 * acknowledgement passes an entry, the host's {@link AcknowledgementListener} is told. Only
 * acknowledged-mode entries are queued; when the queue is full the oldest notification is given up
 * (and counted in {@link #dropped()}) rather than blocking the sender.
 *
 * <p>Threading: replication agent thread only.
 */
public final class AckTracker
{
    private final long[] sequences;
    private final long[] keys;
    private final byte[] types;
    private final int mask;
    private long head;
    private long tail;
    private long dropped;

    /** @param capacity entries queued at most, rounded up to a power of two. */
    public AckTracker(final int capacity)
    {
        final int size = BitUtil.findNextPositivePowerOfTwo(Math.max(16, capacity));
        sequences = new long[size];
        keys = new long[size];
        types = new byte[size];
        mask = size - 1;
    }

    /**
     * @param sequence the entry's sequence.
     * @param type     its type.
     * @param key      its key.
     */
    public void add(final long sequence, final EntryType type, final long key)
    {
        if (head - tail > mask)
        {
            tail++;
            dropped++;
        }
        final int slot = (int)(head & mask);
        sequences[slot] = sequence;
        keys[slot] = key;
        types[slot] = (byte)type.code();
        head++;
    }

    /**
     * @param acked    the cumulative acknowledgement.
     * @param listener told of every queued entry up to {@code acked}; may be null.
     * @param limit    most notifications in this call.
     * @return notifications made.
     */
    public int onAck(final long acked, final AcknowledgementListener listener, final int limit)
    {
        int count = 0;
        while (tail < head && count < limit)
        {
            final int slot = (int)(tail & mask);
            if (sequences[slot] > acked)
            {
                break;
            }
            if (listener != null)
            {
                listener.onAcknowledged(EntryType.fromCodeOrNull(types[slot]), keys[slot], sequences[slot]);
            }
            tail++;
            count++;
        }
        return count;
    }

    /** @return entries waiting for an acknowledgement. */
    public long pending()
    {
        return head - tail;
    }

    /** @return notifications given up because the queue was full. */
    public long dropped()
    {
        return dropped;
    }
}
