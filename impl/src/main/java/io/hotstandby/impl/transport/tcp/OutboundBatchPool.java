package io.hotstandby.impl.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The fixed set of direct buffers one {@link TcpFrameLink} writes its outbound batches into, reused
 * once Netty has written them (SPEC F3: bounded memory; steady state allocates nothing). The pool
 * keeps one reference to each buffer and a write holds another; a buffer whose count is back to one
 * is free. At most {@code size} batches are ever in flight, so at most {@code size * capacity}
 * outbound bytes per link. Owner's agent thread only.
 */
final class OutboundBatchPool
{
    private final ByteBuf[] buffers;
    private final int capacity;
    private int count;
    private int next;

    /**
     * @param size     most buffers.
     * @param capacity bytes of each buffer.
     */
    OutboundBatchPool(final int size, final int capacity)
    {
        this.buffers = new ByteBuf[size];
        this.capacity = capacity;
    }

    /**
     * @param allocator where a new buffer comes from while the pool is not full.
     * @return an empty buffer of {@code capacity} bytes, or null when every buffer is in flight.
     */
    ByteBuf acquire(final ByteBufAllocator allocator)
    {
        for (int i = 0; i < count; i++)
        {
            final int index = (next + i) % count;
            final ByteBuf buffer = buffers[index];
            if (1 == buffer.refCnt())
            {
                next = (index + 1) % count;
                return buffer.clear();
            }
        }
        if (count < buffers.length)
        {
            final ByteBuf buffer = allocator.directBuffer(capacity, capacity);
            buffers[count++] = buffer;
            return buffer;
        }
        return null;
    }

    /** Gives back the pool's references; buffers still in flight are freed when Netty is done. */
    void releaseAll()
    {
        for (int i = 0; i < count; i++)
        {
            buffers[i].release();
            buffers[i] = null;
        }
        count = 0;
        next = 0;
    }
}
