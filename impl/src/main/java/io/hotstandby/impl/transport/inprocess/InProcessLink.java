package io.hotstandby.impl.transport.inprocess;

import io.hotstandby.api.time.Clock;
import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.FrameLengths;
import io.hotstandby.impl.transport.StagedFrames;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;

/**
 * One end of an in-process link (SPEC B1, F5). The owner's agent claims frames in a private staging
 * buffer (a claim that does not fit flushes first, as the TCP link pushes a full batch);
 * {@link #flush()} moves them, through the network's {@link LinkFaults}, into the peer's
 * inbound {@link OneToOneRingBuffer}; {@link #poll} reads this end's inbound ring in place. Each ring
 * has one producer (the peer's agent) and one consumer (this agent), so two agents on two threads
 * need no lock on the frame path; lifecycle changes go through the network's lock.
 *
 * <p>Ring record layout: {@code deliverAtNs} (int64), {@code frameLength} (int32, the whole body),
 * {@code fragmentOffset} (int32), then body bytes (prefix stripped). A body longer than the ring's
 * largest record travels as several fragments and is reassembled by the receiver in a buffer grown on
 * demand, so a ring needs to hold about one largest frame, not eight. A record whose time has not come
 * stops the poll, so a delayed frame holds back the frames behind it.
 */
final class InProcessLink implements FrameLink
{
    static final int FRAME_MSG_TYPE_ID = 1;
    static final int DELIVER_AT_OFFSET = 0;
    static final int FRAME_LENGTH_OFFSET = 8;
    static final int FRAGMENT_OFFSET_OFFSET = 12;
    static final int RECORD_BODY_OFFSET = 16;
    static final int MIN_STAGING_CAPACITY = 256 * 1024;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final InProcessNetwork network;
    private final InProcessTransport transport;
    private final LinkSpec spec;
    private final Clock clock;
    private final UnsafeBuffer staging;
    private final ControlledMessageHandler recordHandler = this::onRecord;

    private volatile State state = State.CONNECTING;
    private volatile String closeReason;
    private volatile boolean discardInbound;
    private volatile OneToOneRingBuffer inbound;
    private volatile OneToOneRingBuffer outbound;
    private volatile InProcessConnection connection;
    private InProcessLink peer;

    private final StagedFrames staged = new StagedFrames();

    private UnsafeBuffer held;
    private int heldBodyLength = -1;
    private UnsafeBuffer reassembly;
    private int reassembled = -1;

    private FrameHandler pollHandler;
    private long pollNowNs;
    private int delivered;
    private boolean pollBlocked;

    InProcessLink(final InProcessNetwork network, final InProcessTransport transport, final LinkSpec spec,
        final Clock clock)
    {
        this.network = network;
        this.transport = transport;
        this.spec = spec;
        this.clock = clock;
        this.staging = new UnsafeBuffer(new byte[MIN_STAGING_CAPACITY]);
    }

    LinkSpec spec()
    {
        return spec;
    }

    InProcessTransport transport()
    {
        return transport;
    }

    InProcessLink peer()
    {
        return peer;
    }

    InProcessConnection connection()
    {
        return connection;
    }

    /** Under the network lock: joins this end to its peer; the state write publishes the rings. */
    void connected(final InProcessLink peer, final InProcessConnection connection,
        final OneToOneRingBuffer inbound, final OneToOneRingBuffer outbound)
    {
        this.peer = peer;
        this.connection = connection;
        this.inbound = inbound;
        this.outbound = outbound;
        state = State.CONNECTED;
    }

    /** Under the network lock. */
    void closed(final String reason, final boolean reset)
    {
        if (reset)
        {
            discardInbound = true;
        }
        closeReason = reason;
        state = State.CLOSED;
    }

    /** {@inheritDoc} */
    @Override
    public State state()
    {
        return state;
    }

    /** {@inheritDoc} */
    @Override
    public String closeReason()
    {
        return closeReason;
    }

    /** {@inheritDoc} */
    @Override
    public int tryClaim(final int maxLength)
    {
        if (maxLength > spec.maxFrameLength())
        {
            return TOO_LONG;
        }
        FrameLengths.checkClaim(maxLength);
        staged.checkNoOpenClaim();
        if (State.CONNECTED != state)
        {
            return NOT_CONNECTED;
        }
        if (staging.capacity() - staged.limit() < maxLength)
        {
            flush();
            if (0 == staged.limit() && staging.capacity() < maxLength)
            {
                staging.wrap(new byte[BitUtil.findNextPositivePowerOfTwo(maxLength)]);
            }
            if (staging.capacity() - staged.limit() < maxLength)
            {
                return BACK_PRESSURED;
            }
        }
        return staged.claim(maxLength);
    }

    /** {@inheritDoc} */
    @Override
    public MutableDirectBuffer buffer()
    {
        return staging;
    }

    /** {@inheritDoc} */
    @Override
    public void commit(final int length)
    {
        staged.commit(staging, length);
    }

    /** {@inheritDoc} */
    @Override
    public void abort()
    {
        staged.abort();
    }

    /** {@inheritDoc} */
    @Override
    public int flush()
    {
        if (0 == staged.frames())
        {
            return 0;
        }
        if (State.CONNECTED != state)
        {
            discardStaged();
            return 0;
        }
        if (connection.partitioned())
        {
            final int lost = staged.frames();
            discardStaged();
            return lost;
        }

        final OneToOneRingBuffer ring = outbound;
        final LinkFaults faults = network.faults();
        final long nowNs = clock.nanoTime();
        int offset = 0;
        int flushed = 0;
        final int stagedBytes = staged.limit();
        while (offset < stagedBytes)
        {
            final int bodyLength = staging.getInt(offset, ORDER);
            final int bodyOffset = offset + FRAME_LENGTH_FIELD_LENGTH;
            if (!hasRoom(ring, bodyLength))
            {
                break;
            }
            send(ring, faults, nowNs, bodyOffset, bodyLength);
            offset = bodyOffset + bodyLength;
            flushed++;
        }

        staged.consumed(staging, offset, flushed);
        return flushed;
    }

    /** {@inheritDoc} */
    @Override
    public int poll(final FrameHandler handler, final int frameLimit)
    {
        final OneToOneRingBuffer ring = inbound;
        if (null == ring || discardInbound || frameLimit <= 0)
        {
            return 0;
        }
        pollHandler = handler;
        pollNowNs = clock.nanoTime();
        delivered = 0;
        pollBlocked = false;
        try
        {
            // one read stops at the end of the ring; a second continues from its start
            ring.controlledRead(recordHandler, frameLimit);
            if (delivered < frameLimit && !pollBlocked)
            {
                ring.controlledRead(recordHandler, frameLimit - delivered);
            }
        }
        finally
        {
            pollHandler = null;
        }
        return delivered;
    }

    /** {@inheritDoc} */
    @Override
    public void close(final String reason)
    {
        network.close(this, reason);
    }

    @Override
    public String toString()
    {
        return "InProcessLink{" + spec.channel() + ' ' + spec.local() + (spec.server() ? " <- " : " -> ") +
            spec.remote() + ' ' + state + '}';
    }

    private ControlledMessageHandler.Action onRecord(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (discardInbound || buffer.getLong(index + DELIVER_AT_OFFSET) - pollNowNs > 0)
        {
            pollBlocked = true;
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
            reassembled = -1;   // a fragment of a frame whose start was lost: skip the rest of it
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

    private void send(
        final OneToOneRingBuffer ring, final LinkFaults faults, final long nowNs, final int bodyOffset,
        final int bodyLength)
    {
        final FrameFate fate = faults.fate(spec, nowNs);
        switch (fate)
        {
            case DELIVER -> write(ring, nowNs, staging, bodyOffset, bodyLength);
            case DROP ->
            {
            }
            case DELAY -> write(ring, faults.delayUntilNs(spec, nowNs), staging, bodyOffset, bodyLength);
            case DUPLICATE ->
            {
                write(ring, nowNs, staging, bodyOffset, bodyLength);
                if (hasRoom(ring, bodyLength))
                {
                    write(ring, nowNs, staging, bodyOffset, bodyLength);
                }
            }
            case REORDER ->
            {
                if (heldBodyLength < 0)
                {
                    hold(bodyOffset, bodyLength);
                    return;
                }
                write(ring, nowNs, staging, bodyOffset, bodyLength);
            }
            default -> throw new IllegalStateException("unknown fate " + fate);
        }
        if (heldBodyLength >= 0 && hasRoom(ring, heldBodyLength))
        {
            write(ring, nowNs, held, 0, heldBodyLength);
            heldBodyLength = -1;
        }
    }

    private void hold(final int bodyOffset, final int bodyLength)
    {
        if (null == held || held.capacity() < bodyLength)
        {
            held = new UnsafeBuffer(new byte[BitUtil.findNextPositivePowerOfTwo(bodyLength)]);
        }
        held.putBytes(0, staging, bodyOffset, bodyLength);
        heldBodyLength = bodyLength;
    }

    /** Writes one frame body as one record, or as fragments when it exceeds the ring's largest record. */
    private void write(
        final OneToOneRingBuffer ring, final long deliverAtNs, final DirectBuffer src, final int srcOffset,
        final int bodyLength)
    {
        final int maxFragment = ring.maxMsgLength() - RECORD_BODY_OFFSET;
        final MutableDirectBuffer buffer = ring.buffer();
        int fragmentOffset = 0;
        do
        {
            final int fragmentLength = Math.min(maxFragment, bodyLength - fragmentOffset);
            final int index = ring.tryClaim(FRAME_MSG_TYPE_ID, RECORD_BODY_OFFSET + fragmentLength);
            if (index < 0)
            {
                network.lostForSpace(this);
                return;
            }
            buffer.putLong(index + DELIVER_AT_OFFSET, deliverAtNs);
            buffer.putInt(index + FRAME_LENGTH_OFFSET, bodyLength);
            buffer.putInt(index + FRAGMENT_OFFSET_OFFSET, fragmentOffset);
            buffer.putBytes(index + RECORD_BODY_OFFSET, src, srcOffset + fragmentOffset, fragmentLength);
            ring.commit(index);
            fragmentOffset += fragmentLength;
        }
        while (fragmentOffset < bodyLength);
    }

    /** @return true when the ring surely has room for the body's records and the padding of one wrap. */
    private static boolean hasRoom(final OneToOneRingBuffer ring, final int bodyLength)
    {
        final int maxRecord = ring.maxMsgLength();
        final int maxFragment = maxRecord - RECORD_BODY_OFFSET;
        final int fragments = Math.max(1, (bodyLength + maxFragment - 1) / maxFragment);
        final long perRecord = RecordDescriptor.HEADER_LENGTH + RECORD_BODY_OFFSET + RecordDescriptor.ALIGNMENT;
        final long need = bodyLength + fragments * perRecord + RecordDescriptor.HEADER_LENGTH + maxRecord;
        return ring.capacity() - ring.size() >= need;
    }

    private void discardStaged()
    {
        staged.clear();
        heldBodyLength = -1;
    }
}
