package io.hotstandby.impl.transport.tcp;

import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.FrameLengths;
import io.hotstandby.impl.transport.StagedFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;


/**
 * One TCP connection between the members, as a {@link FrameLink} (SPEC A2, B1, F3).
 *
 * <p>Outbound (owner's agent thread): claims are written straight into a direct Netty buffer, the
 * current batch, through an {@link UnsafeBuffer} view; {@link #flush()} hands the whole batch to the
 * event loop through a single-producer queue (one preallocated task wakes the loop, which writes every
 * queued batch and flushes once: no lock, no allocation) or, when the owner's thread is the event loop
 * itself (a caller-driven transport), writes and flushes it to the socket at once; the next claim takes a free
 * batch from the link's {@link OutboundBatchPool}. A claim that does not fit the current batch pushes
 * it first. Unsent bytes are bounded by the pool and by the channel's water marks: when no batch is
 * free or the channel is above its high water mark, claims needing a new batch return
 * {@link #BACK_PRESSURED}.
 *
 * <p>Inbound: the event loop copies whole frames into the link's bounded ring
 * ({@link InboundFrameAssembler}); {@link #poll} delivers them in place and, when the event loop had to
 * stop reading for want of space, schedules it to resume.
 *
 * <p>Lifecycle: CONNECTING until the connection is up (a server link first has to accept the one
 * peer address it expects), CONNECTED, then CLOSED once, with the first reason: owner close, peer
 * close or reset, malformed length prefix, bind or connect failure.
 */
final class TcpFrameLink implements FrameLink
{
    private static final Logger LOG = LoggerFactory.getLogger(TcpFrameLink.class);
    private static final byte[] EMPTY = new byte[0];

    /** Longest wait for flushed frames to leave before an owner's close drops the connection, ms. */
    static final long GRACEFUL_CLOSE_MS = 1_000;

    private final TcpFrameTransport transport;
    private final LinkSpec spec;
    private final int batchCapacity;
    private final OutboundBatchPool batchPool;
    private final InboundFrameAssembler assembler;
    private final UnsafeBuffer batchView = new UnsafeBuffer(EMPTY);
    private final AtomicBoolean resumeScheduled = new AtomicBoolean();
    private final Runnable resumeTask = this::resume;
    private final OneToOneConcurrentArrayQueue<ByteBuf> writeQueue;
    private final AtomicBoolean writeScheduled = new AtomicBoolean();
    private final Runnable writeTask = this::drainWrites;

    private volatile State state = State.CONNECTING;
    private volatile String closeReason;
    private volatile Channel channel;
    private volatile Channel serverChannel;
    private volatile TcpLinkHandler handler;
    private volatile boolean suspended;

    private ByteBuf batch;
    private final StagedFrames staged = new StagedFrames();
    private boolean ownerClosed;

    TcpFrameLink(final TcpFrameTransport transport, final LinkSpec spec, final TcpLinkSettings settings)
    {
        this.transport = transport;
        this.spec = spec;
        this.batchCapacity = Math.max(settings.batchCapacity(), spec.maxFrameLength());
        final int batches = Math.max(2, settings.highWaterMark() / batchCapacity + 2);
        this.batchPool = new OutboundBatchPool(batches, batchCapacity);
        this.writeQueue = new OneToOneConcurrentArrayQueue<>(batches);
        this.assembler = new InboundFrameAssembler(settings.inboundCapacity(), spec.maxFrameLength());
    }

    LinkSpec spec()
    {
        return spec;
    }

    InboundFrameAssembler assembler()
    {
        return assembler;
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
        final Channel channel = this.channel;
        if (State.CONNECTED != state || null == channel)
        {
            releaseBatches();
            return NOT_CONNECTED;
        }
        if (null != batch && batchCapacity - staged.limit() < maxLength)
        {
            if (!channel.isWritable())
            {
                return BACK_PRESSURED;
            }
            push(channel);
        }
        if (null == batch && (!channel.isWritable() || !newBatch(channel)))
        {
            return BACK_PRESSURED;
        }
        return staged.claim(maxLength);
    }

    /** {@inheritDoc} */
    @Override
    public MutableDirectBuffer buffer()
    {
        return batchView;
    }

    /** {@inheritDoc} */
    @Override
    public void commit(final int length)
    {
        staged.commit(batchView, length);
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
        final Channel channel = this.channel;
        if (State.CONNECTED != state || null == channel)
        {
            releaseBatches();
            return 0;
        }
        return push(channel);
    }

    /** {@inheritDoc} */
    @Override
    public int poll(final FrameHandler handler, final int frameLimit)
    {
        if (ownerClosed || frameLimit <= 0)
        {
            return 0;
        }
        final int delivered = assembler.poll(handler, frameLimit);
        if (suspended && resumeScheduled.compareAndSet(false, true))
        {
            final Channel channel = this.channel;
            if (null != channel)
            {
                channel.eventLoop().execute(resumeTask);
            }
        }
        return delivered;
    }

    /** {@inheritDoc} */
    @Override
    public void close(final String reason)
    {
        if (!ownerClosed)
        {
            ownerClosed = true;
            assembler.stopPoll();
            releaseBatches();
            staged.abort();
        }
        markClosed(reason, true);
    }

    @Override
    public String toString()
    {
        return "TcpFrameLink{" + spec.channel() + ' ' + spec.local() + (spec.server() ? " <- " : " -> ") +
            spec.remote() + ' ' + state + '}';
    }

    /** Event loop of the listening channel, once bound. */
    synchronized void listening(final Channel serverChannel)
    {
        if (State.CLOSED == state)
        {
            serverChannel.close();
            return;
        }
        this.serverChannel = serverChannel;
        LOG.debug("{} listening", this);
    }

    /** Event loop of a freshly accepted channel: true when it is the one peer this link waits for. */
    synchronized boolean tryAccept(final Channel child)
    {
        final InetSocketAddress from = (InetSocketAddress)child.remoteAddress();
        if (State.CONNECTING != state || null != channel)
        {
            LOG.warn("{}: refused connection from {}: link is {}", this, from, null != channel ? "connected" : state);
            return false;
        }
        if (null == from || !spec.remote().getAddress().equals(from.getAddress()))
        {
            LOG.warn("{}: refused connection from {}: only {} is accepted", this, from,
                spec.remote().getAddress().getHostAddress());
            return false;
        }
        channel = child;
        return true;
    }

    /** Event loop, client side: the connecting channel, so an early close can cancel it. */
    synchronized void connecting(final Channel connecting)
    {
        if (State.CLOSED == state)
        {
            connecting.close();
            return;
        }
        channel = connecting;
    }

    /** Event loop: the connection is up. */
    synchronized void onConnected(final Channel connected, final TcpLinkHandler handler)
    {
        if (State.CLOSED == state)
        {
            connected.close();
            return;
        }
        this.handler = handler;
        this.channel = connected;
        state = State.CONNECTED;
        LOG.info("{} connected {} -> {}", this, connected.localAddress(), connected.remoteAddress());
    }

    /** Event loop or transport: the connection (or the attempt) ended. */
    void onChannelClosed(final String reason)
    {
        markClosed(reason, false);
    }

    /** Event loop: the peer sent a frame this link refuses. */
    void onProtocolError(final String reason)
    {
        LOG.warn("{}: dropping connection: {}", this, reason);
        markClosed(reason, false);
    }

    /** Event loop: reading stopped (true) or resumed (false) for want of inbound space. */
    void suspended(final boolean suspended)
    {
        this.suspended = suspended;
    }

    /** @return true while the event loop has stopped reading for want of inbound space; any thread. */
    boolean readSuspended()
    {
        return suspended;
    }

    /** Event loop: a scheduled resume is running; the next poll may schedule another. */
    void resumeStarted()
    {
        resumeScheduled.set(false);
    }

    /**
     * Any thread: CLOSED at once with this reason unless already closed. The listening socket closes
     * at once; the connection either at once (reset, protocol error, transport closing) or, when
     * {@code graceful}, after the frames already flushed have been written, within
     * {@link #GRACEFUL_CLOSE_MS}, so a last message (a refusal, a goodbye) reaches the peer.
     *
     * @param reason   why.
     * @param graceful true to let flushed frames out first.
     * @return true when this call closed the link.
     */
    boolean markClosed(final String reason, final boolean graceful)
    {
        final Channel channel;
        final Channel serverChannel;
        synchronized (this)
        {
            if (State.CLOSED == state)
            {
                return false;
            }
            closeReason = reason;
            state = State.CLOSED;
            channel = this.channel;
            serverChannel = this.serverChannel;
        }
        LOG.info("{} closed: {}", this, reason);
        if (null != channel)
        {
            if (graceful && channel.isActive())
            {
                channel.eventLoop().execute(() -> closeAfterWrites(channel));
            }
            else
            {
                channel.close();
            }
        }
        if (null != serverChannel)
        {
            serverChannel.close();
        }
        transport.removed(this);
        return true;
    }

    /** Any thread, once closed: closes the sockets without their event loop (which no longer runs). */
    void closeSocketsForcibly()
    {
        final Channel channel = this.channel;
        final Channel serverChannel = this.serverChannel;
        if (null != channel)
        {
            channel.unsafe().closeForcibly();
        }
        if (null != serverChannel)
        {
            serverChannel.unsafe().closeForcibly();
        }
    }

    /** Event loop: writes what is queued, closes once it is on the wire, or after a grace period. */
    private void closeAfterWrites(final Channel channel)
    {
        drainWrites();
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> channel.close(), GRACEFUL_CLOSE_MS, TimeUnit.MILLISECONDS);
    }

    private void resume()
    {
        final TcpLinkHandler handler = this.handler;
        if (null != handler)
        {
            handler.resume();
        }
        else
        {
            resumeStarted();
        }
    }

    private boolean newBatch(final Channel channel)
    {
        batch = batchPool.acquire(channel.alloc());
        if (null == batch)
        {
            return false;
        }
        if (batch.hasMemoryAddress())
        {
            batchView.wrap(batch.memoryAddress(), batchCapacity);
        }
        else
        {
            batchView.wrap(batch.nioBuffer(0, batchCapacity));
        }
        staged.clear();
        return true;
    }

    private int push(final Channel channel)
    {
        final int frames = staged.frames();
        if (0 == frames)
        {
            return 0;
        }
        final ByteBuf out = batch;
        out.writerIndex(staged.limit());
        batch = null;
        staged.clear();
        batchView.wrap(EMPTY);
        if (!writeQueue.offer(out.retain()))
        {
            out.release();
            throw new IllegalStateException("write queue full: more batches in flight than the pool holds");
        }
        if (channel.eventLoop().inEventLoop())
        {
            drainWrites();
        }
        else if (!writeScheduled.get() && writeScheduled.compareAndSet(false, true))
        {
            channel.eventLoop().execute(writeTask);
        }
        return frames;
    }

    /** Event loop: writes every queued batch, then flushes once. */
    private void drainWrites()
    {
        writeScheduled.set(false);
        final Channel channel = this.channel;
        int written = 0;
        ByteBuf out;
        while (null != (out = writeQueue.poll()))
        {
            channel.write(out, channel.voidPromise());
            written++;
        }
        if (written > 0)
        {
            channel.flush();
        }
    }

    private void releaseBatches()
    {
        batch = null;
        batchView.wrap(EMPTY);
        staged.clear();
        batchPool.releaseAll();
    }
}
