package io.hotstandby.impl.transport.tcp;

import io.hotstandby.api.transport.FrameHandler;
import io.netty.buffer.ByteBuf;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;

/**
 * Cuts a TCP byte stream into frames (layout of {@code io.hotstandby.codec.FrameDescriptor}: int32 LE
 * body length, then the body) straight into a bounded inbound {@link OneToOneRingBuffer}, and hands
 * them to the owner in place (SPEC B2, F3).
 *
 * <p>Producer side, {@link #onBytes}: the link's event-loop thread only. The length prefix is checked
 * against the link's largest frame before anything else; the body is copied into ring claims as its
 * bytes arrive, so nothing is ever allocated from a wire length and a partial frame costs no extra
 * buffer. A body longer than the ring's largest record is stored as several fragment records, so the
 * ring need not be eight times the largest frame. When the ring has no room for the next record it
 * says {@link #FULL} and the caller stops reading until the owner has polled.
 *
 * <p>Record layout: {@code frameLength} (int32, whole body), {@code fragmentOffset} (int32), then body
 * bytes.
 *
 * <p>Consumer side, {@link #poll}: the owning agent's thread only. A frame stored as one record is
 * delivered in place; a fragmented one is reassembled into a buffer grown on demand up to the
 * largest frame.
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
    private static final int FRAME_LENGTH_OFFSET = 0;
    private static final int FRAGMENT_OFFSET_OFFSET = 4;
    private static final int RECORD_BODY_OFFSET = 8;

    /** Bodies up to this length are sized into the ring as one record each. */
    static final int UNFRAGMENTED_BODY_LENGTH = 64 * 1024;

    private final OneToOneRingBuffer ring;
    private final UnsafeBuffer ringBuffer;
    private final ByteBuffer ringView;
    private final int maxFrameLength;
    private final int maxFragmentLength;
    private final ControlledMessageHandler recordHandler = this::onRecord;

    private int prefix;
    private int prefixBytes;
    private int bodyLength = -1;
    private int bodyDone;
    private int claimIndex = -1;
    private int claimLength;
    private int claimWritten;
    private String error;

    private UnsafeBuffer reassembly;
    private int reassembled = -1;

    private FrameHandler pollHandler;
    private boolean stopped;
    private int delivered;

    /**
     * @param minCapacity    least ring capacity, bytes.
     * @param maxFrameLength largest frame, prefix included, bytes.
     */
    InboundFrameAssembler(final int minCapacity, final int maxFrameLength)
    {
        this(minCapacity, maxFrameLength, UNFRAGMENTED_BODY_LENGTH);
    }

    /**
     * @param minCapacity          least ring capacity, bytes.
     * @param maxFrameLength       largest frame, prefix included, bytes.
     * @param unfragmentedLength   bodies up to this length must fit one record (sizes the ring).
     */
    InboundFrameAssembler(final int minCapacity, final int maxFrameLength, final int unfragmentedLength)
    {
        this.maxFrameLength = maxFrameLength;
        final int record = BitUtil.align(
            RecordDescriptor.HEADER_LENGTH + RECORD_BODY_OFFSET + Math.min(maxFrameLength, unfragmentedLength),
            RecordDescriptor.ALIGNMENT);
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(minCapacity, record * 8));
        final ByteBuffer ringMemory = BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH);
        this.ringView = ringMemory.duplicate();
        this.ringBuffer = new UnsafeBuffer(ringMemory);
        this.ring = new OneToOneRingBuffer(ringBuffer);
        this.maxFragmentLength = ring.maxMsgLength() - RECORD_BODY_OFFSET;
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
                final int fragmentLength = Math.min(maxFragmentLength, bodyLength - bodyDone);
                final int index = ring.tryClaim(FRAME_MSG_TYPE_ID, RECORD_BODY_OFFSET + fragmentLength);
                if (index < 0)
                {
                    return FULL;
                }
                ringBuffer.putInt(index + FRAME_LENGTH_OFFSET, bodyLength);
                ringBuffer.putInt(index + FRAGMENT_OFFSET_OFFSET, bodyDone);
                claimIndex = index;
                claimLength = fragmentLength;
                claimWritten = 0;
            }
            final int n = Math.min(claimLength - claimWritten, in.readableBytes());
            final int at = claimIndex + RECORD_BODY_OFFSET + claimWritten;
            ringView.clear();
            ringView.position(at).limit(at + n);
            in.readBytes(ringView);
            claimWritten += n;
            if (claimWritten == claimLength)
            {
                ring.commit(claimIndex);
                claimIndex = -1;
                bodyDone += claimLength;
                if (bodyDone == bodyLength)
                {
                    bodyLength = -1;
                }
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
            delivered = 0;
            ring.controlledRead(recordHandler, frameLimit);
            if (delivered < frameLimit && !stopped)
            {
                ring.controlledRead(recordHandler, frameLimit - delivered);
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
        bodyDone = 0;
        return true;
    }

    private ControlledMessageHandler.Action onRecord(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (stopped)
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        final int frameLength = buffer.getInt(index + FRAME_LENGTH_OFFSET);
        final int fragmentOffset = buffer.getInt(index + FRAGMENT_OFFSET_OFFSET);
        final int fragmentLength = length - RECORD_BODY_OFFSET;
        if (0 == fragmentOffset && fragmentLength == frameLength)
        {
            delivered++;
            pollHandler.onFrame(buffer, index + RECORD_BODY_OFFSET, fragmentLength);
            return ControlledMessageHandler.Action.CONTINUE;
        }
        if (0 == fragmentOffset)
        {
            if (null == reassembly || reassembly.capacity() < frameLength)
            {
                reassembly = new UnsafeBuffer(new byte[BitUtil.findNextPositivePowerOfTwo(frameLength)]);
            }
            reassembled = 0;
        }
        if (fragmentOffset != reassembled)
        {
            reassembled = -1;
            return ControlledMessageHandler.Action.CONTINUE;
        }
        reassembly.putBytes(fragmentOffset, buffer, index + RECORD_BODY_OFFSET, fragmentLength);
        reassembled += fragmentLength;
        if (reassembled == frameLength)
        {
            reassembled = -1;
            delivered++;
            pollHandler.onFrame(reassembly, 0, frameLength);
        }
        return ControlledMessageHandler.Action.CONTINUE;
    }
}
