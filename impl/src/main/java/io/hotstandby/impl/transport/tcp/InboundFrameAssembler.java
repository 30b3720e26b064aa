package io.hotstandby.impl.transport.tcp;

import io.hotstandby.api.transport.FrameHandler;
import io.netty.buffer.ByteBuf;
import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;

/**
 * Cuts a TCP byte stream into frames (layout of {@code io.hotstandby.codec.FrameDescriptor}: int32 LE
 * body length, then the body) straight into a bounded inbound {@link OneToOneRingBuffer}, and hands
 * them to the owner in place (SPEC B2, F3).
 *
 * <p>Producer side, {@link #onBytes}: the link's event-loop thread only. The length prefix is checked
 * against the link's largest frame before anything else; the body is copied into a ring claim as its
 * bytes arrive, so nothing is ever allocated from a wire length and a partial frame costs no extra
 * buffer. When the ring has no room for the next frame it says {@link #FULL} and the caller stops
 * reading until the owner has polled.
 *
 * <p>Consumer side, {@link #poll}: the owning agent's thread only.
 */
final class InboundFrameAssembler
{
    /** {@link #onBytes} result: every readable byte was taken. */
    static final int CONSUMED = 0;
    /** {@link #onBytes} result: the ring is full; bytes remain readable in the buffer. */
    static final int FULL = 1;
    /** {@link #onBytes} result: the stream is malformed; see {@link #error()}. */
    static final int ERROR = 2;

    private static final int FRAME_MSG_TYPE_ID = 1;

    private final OneToOneRingBuffer ring;
    private final byte[] ringBytes;
    private final int maxFrameLength;
    private final ControlledMessageHandler recordHandler = this::onRecord;

    private int prefix;
    private int prefixBytes;
    private int bodyLength = -1;
    private int claimIndex = -1;
    private int bodyWritten;
    private String error;

    private FrameHandler pollHandler;
    private boolean stopped;

    /**
     * @param minCapacity    least ring capacity, bytes.
     * @param maxFrameLength largest frame, prefix included, bytes.
     */
    InboundFrameAssembler(final int minCapacity, final int maxFrameLength)
    {
        this.maxFrameLength = maxFrameLength;
        final int record = BitUtil.align(RecordDescriptor.HEADER_LENGTH + maxFrameLength, RecordDescriptor.ALIGNMENT);
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(minCapacity, record * 8));
        this.ringBytes = new byte[capacity + RingBufferDescriptor.TRAILER_LENGTH];
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(ringBytes));
    }

    /** @return the ring's capacity, bytes. */
    int capacity()
    {
        return ring.capacity();
    }

    /** @return why the stream was refused, after {@link #ERROR}. */
    String error()
    {
        return error;
    }

    /**
     * Event loop: takes bytes from {@code in} (advancing its reader index) into complete frames.
     *
     * @param in received bytes.
     * @return {@link #CONSUMED}, {@link #FULL} or {@link #ERROR}.
     */
    int onBytes(final ByteBuf in)
    {
        while (in.isReadable())
        {
            if (bodyLength < 0 && !readPrefix(in))
            {
                return null == error ? CONSUMED : ERROR;
            }
            if (claimIndex < 0)
            {
                final int index = ring.tryClaim(FRAME_MSG_TYPE_ID, bodyLength);
                if (index < 0)
                {
                    return FULL;
                }
                claimIndex = index;
                bodyWritten = 0;
            }
            final int n = Math.min(bodyLength - bodyWritten, in.readableBytes());
            in.readBytes(ringBytes, claimIndex + bodyWritten, n);
            bodyWritten += n;
            if (bodyWritten == bodyLength)
            {
                ring.commit(claimIndex);
                claimIndex = -1;
                bodyLength = -1;
            }
        }
        return CONSUMED;
    }

    /** Event loop, when the link is gone: gives back a half-written claim. */
    void abandon()
    {
        if (claimIndex >= 0)
        {
            ring.abort(claimIndex);
            claimIndex = -1;
        }
    }

    /**
     * Agent: delivers complete frames in arrival order.
     *
     * @param handler    receives each frame body.
     * @param frameLimit most frames.
     * @return frames delivered.
     */
    int poll(final FrameHandler handler, final int frameLimit)
    {
        pollHandler = handler;
        stopped = false;
        try
        {
            // one read stops at the end of the ring; a second continues from its start
            int delivered = ring.controlledRead(recordHandler, frameLimit);
            if (delivered < frameLimit && !stopped)
            {
                delivered += ring.controlledRead(recordHandler, frameLimit - delivered);
            }
            return delivered;
        }
        finally
        {
            pollHandler = null;
        }
    }

    /** Agent, from inside a handler: delivers nothing more in the current poll. */
    void stopPoll()
    {
        stopped = true;
    }

    private boolean readPrefix(final ByteBuf in)
    {
        if (0 == prefixBytes && in.readableBytes() >= FRAME_LENGTH_FIELD_LENGTH)
        {
            prefix = in.readIntLE();
        }
        else
        {
            while (prefixBytes < FRAME_LENGTH_FIELD_LENGTH && in.isReadable())
            {
                prefix |= (in.readByte() & 0xFF) << (8 * prefixBytes);
                prefixBytes++;
            }
            if (prefixBytes < FRAME_LENGTH_FIELD_LENGTH)
            {
                return false;
            }
        }
        final int length = prefix;
        prefix = 0;
        prefixBytes = 0;
        if (length <= 0)
        {
            error = "frame length " + length + " is not positive";
            return false;
        }
        if (length > maxFrameLength - FRAME_LENGTH_FIELD_LENGTH)
        {
            error = "frame length " + length + " exceeds max " + (maxFrameLength - FRAME_LENGTH_FIELD_LENGTH);
            return false;
        }
        bodyLength = length;
        return true;
    }

    private ControlledMessageHandler.Action onRecord(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (stopped)
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        pollHandler.onFrame(buffer, index, length);
        return ControlledMessageHandler.Action.CONTINUE;
    }
}
