package io.hotstandby.impl.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The pipeline end of one {@link TcpFrameLink}, on the channel's event loop only: reports the
 * connection's lifecycle to the link and feeds received bytes to its {@link InboundFrameAssembler}.
 * When the inbound ring is full it turns auto-read off and keeps the unread bytes (at most what the
 * current read loop already received) until {@link #resume()} runs after the owner polled.
 */
final class TcpLinkHandler extends ChannelInboundHandlerAdapter
{
    private final TcpFrameLink link;
    private final InboundFrameAssembler assembler;
    private ChannelHandlerContext ctx;
    private ByteBuf pending;

    TcpLinkHandler(final TcpFrameLink link)
    {
        this.link = link;
        this.assembler = link.assembler();
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        link.onConnected(ctx.channel(), this);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof ByteBuf in))
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (null != pending)
        {
            appendPending(in);
            return;
        }
        process(in);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        releasePending();
        assembler.abandon();
        link.onChannelClosed("connection closed by peer");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        link.onChannelClosed("connection reset: " + (null != cause.getMessage() ? cause.getMessage() : cause));
        ctx.close();
    }

    /** Event loop, scheduled by the owner's poll once space was freed in the inbound ring. */
    void resume()
    {
        link.resumeStarted();
        if (null == pending || !ctx.channel().isActive())
        {
            return;
        }
        final ByteBuf in = pending;
        pending = null;
        process(in);
        if (null == pending)
        {
            link.suspended(false);
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void process(final ByteBuf in)
    {
        final int result;
        try
        {
            result = assembler.onBytes(in);
        }
        catch (final RuntimeException ex)
        {
            in.release();
            throw ex;
        }
        switch (result)
        {
            case InboundFrameAssembler.CONSUMED -> in.release();
            case InboundFrameAssembler.FULL ->
            {
                pending = in;
                ctx.channel().config().setAutoRead(false);
                link.suspended(true);
            }
            default ->
            {
                in.release();
                link.onProtocolError(assembler.error());
                ctx.close();
            }
        }
    }

    private void appendPending(final ByteBuf in)
    {
        if (pending instanceof CompositeByteBuf composite)
        {
            composite.discardReadComponents();
            composite.addComponent(true, in);
        }
        else
        {
            final CompositeByteBuf composite = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
            composite.addComponent(true, pending);
            composite.addComponent(true, in);
            pending = composite;
        }
    }

    private void releasePending()
    {
        if (null != pending)
        {
            pending.release();
            pending = null;
        }
    }
}
