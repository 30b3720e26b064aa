package io.hotstandby.impl.transport.inprocess;

import io.hotstandby.api.time.Clock;
import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.FrameLengths;
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
 * <p>Ring record layout: {@code deliverAtNs} (int64), then the frame body (prefix stripped). A record
 * whose time has not come stops the poll, so a delayed frame holds back the frames behind it.
 */
final class InProcessLink implements FrameLink
{
    static final int FRAME_MSG_TYPE_ID = 1;
    static final int DELIVER_AT_OFFSET = 0;
    static final int RECORD_BODY_OFFSET = Long.BYTES;
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

    private int stagingLimit;
    private int stagedFrames;
    private int claimOffset = -1;
    private int claimLength;

    private UnsafeBuffer held;
    private int heldBodyLength = -1;

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
        this.staging = new UnsafeBuffer(new byte[Math.max(MIN_STAGING_CAPACITY, spec.maxFrameLength())]);
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
        if (claimOffset >= 0)
        {
            throw new IllegalStateException("a claim is already open");
        }
        if (State.CONNECTED != state)
        {
            return NOT_CONNECTED;
        }
        if (staging.capacity() - stagingLimit < maxLength)
        {
            flush();
            if (staging.capacity() - stagingLimit < maxLength)
            {
                return BACK_PRESSURED;
            }
        }
        claimOffset = stagingLimit;
        claimLength = maxLength;
        return claimOffset;
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
        if (claimOffset < 0)
        {
            throw new IllegalStateException("no open claim");
        }
        if (0 == length)
        {
            abort();
            return;
        }
        FrameLengths.checkCommit(length, claimLength);
        staging.putInt(claimOffset, length - FRAME_LENGTH_FIELD_LENGTH, ORDER);
        stagingLimit += length;
        stagedFrames++;
        claimOffset = -1;
    }

    /** {@inheritDoc} */
    @Override
    public void abort()
    {
        claimOffset = -1;
    }

    /** {@inheritDoc} */
    @Override
    public int flush()
    {
        if (0 == stagedFrames)
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
            final int lost = stagedFrames;
            discardStaged();
            return lost;
        }

        final OneToOneRingBuffer ring = outbound;
        final LinkFaults faults = network.faults();
        final long nowNs = clock.nanoTime();
        final int writesPerFrame = LinkFaults.NONE == faults ? 1 : 3;
        int offset = 0;
        int flushed = 0;
        while (offset < stagingLimit)
        {
            final int bodyLength = staging.getInt(offset, ORDER);
            final int bodyOffset = offset + FRAME_LENGTH_FIELD_LENGTH;
            if (!hasRoom(ring, Math.max(bodyLength, heldBodyLength), writesPerFrame))
            {
                break;
            }
            send(ring, faults, nowNs, bodyOffset, bodyLength);
            offset = bodyOffset + bodyLength;
            flushed++;
        }

        if (offset < stagingLimit)
        {
            staging.putBytes(0, staging, offset, stagingLimit - offset);
            stagingLimit -= offset;
            stagedFrames -= flushed;
        }
        else
        {
            stagingLimit = 0;
            stagedFrames = 0;
        }
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
        delivered++;
        pollHandler.onFrame(buffer, index + RECORD_BODY_OFFSET, length - RECORD_BODY_OFFSET);
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
                write(ring, nowNs, staging, bodyOffset, bodyLength);
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
        if (heldBodyLength >= 0)
        {
            write(ring, nowNs, held, 0, heldBodyLength);
            heldBodyLength = -1;
        }
    }

    private void hold(final int bodyOffset, final int bodyLength)
    {
        if (null == held)
        {
            held = new UnsafeBuffer(new byte[spec.maxFrameLength()]);
        }
        held.putBytes(0, staging, bodyOffset, bodyLength);
        heldBodyLength = bodyLength;
    }

    private void write(
        final OneToOneRingBuffer ring, final long deliverAtNs, final DirectBuffer src, final int srcOffset,
        final int bodyLength)
    {
        final int index = ring.tryClaim(FRAME_MSG_TYPE_ID, RECORD_BODY_OFFSET + bodyLength);
        if (index < 0)
        {
            network.lostForSpace(this);
            return;
        }
        final MutableDirectBuffer buffer = ring.buffer();
        buffer.putLong(index + DELIVER_AT_OFFSET, deliverAtNs);
        buffer.putBytes(index + RECORD_BODY_OFFSET, src, srcOffset, bodyLength);
        ring.commit(index);
    }

    private static boolean hasRoom(final OneToOneRingBuffer ring, final int bodyLength, final int writes)
    {
        final int aligned = BitUtil.align(
            RecordDescriptor.HEADER_LENGTH + RECORD_BODY_OFFSET + bodyLength, RecordDescriptor.ALIGNMENT);
        // each write may need up to one record's worth of padding at the end of the ring
        return ring.capacity() - ring.size() >= 2L * aligned * writes;
    }

    private void discardStaged()
    {
        stagingLimit = 0;
        stagedFrames = 0;
        heldBodyLength = -1;
    }
}
