package io.hotstandby.impl.transport.tcp;

import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.FrameDescriptor;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The built-in TCP transport of the control and data channels (SPEC A2, B1, F3), on Netty's NIO
 * transport. Each link is one TCP connection carrying length-prefixed frames (layout of
 * {@link FrameDescriptor}; prefix included in claims, body delivered, as described in
 * {@code io.hotstandby.impl.transport}).
 *
 * <p>A server link ({@code spec.server()}) binds {@code spec.local()} with SO_REUSEADDR and accepts
 * exactly one connection, from {@code spec.remote()}'s address; others are logged and closed while it
 * keeps listening, and the listening socket closes with the link. A client link connects from
 * {@code spec.local()}'s address (ephemeral port) to {@code spec.remote()}. TCP_NODELAY is on.
 *
 * <p>Threading: {@link #open} is called on an agent thread and never blocks; the I/O runs on the
 * event-loop group, either owned (no-arg constructor: one daemon thread "hotstandby-tcp-N", released by
 * {@link #close()}) or supplied by the host (an NIO group, never shut down here). The event loop
 * never calls the owner's code: frames wait in each link's bounded inbound ring until the owner polls.
 */
public final class TcpFrameTransport implements FrameTransport
{
    private static final Logger LOG = LoggerFactory.getLogger(TcpFrameTransport.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 2_000;

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final TcpLinkSettings settings;
    private final Set<TcpFrameLink> links = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Owns one NIO event loop on a daemon thread named "hotstandby-tcp-N"; default settings. */
    public TcpFrameTransport()
    {
        this(TcpLinkSettings.DEFAULTS);
    }

    /**
     * Owns one NIO event loop on a daemon thread named "hotstandby-tcp-N".
     *
     * @param settings memory bounds and timeouts of every link.
     */
    public TcpFrameTransport(final TcpLinkSettings settings)
    {
        this(new MultiThreadIoEventLoopGroup(1, new TcpThreadFactory(), NioIoHandler.newFactory()), true, settings);
    }

    /**
     * Runs on the host's NIO event-loop group, which stays the host's to shut down.
     *
     * @param group the host's group.
     */
    public TcpFrameTransport(final EventLoopGroup group)
    {
        this(group, TcpLinkSettings.DEFAULTS);
    }

    /**
     * Runs on the host's NIO event-loop group, which stays the host's to shut down.
     *
     * @param group    the host's group.
     * @param settings memory bounds and timeouts of every link.
     */
    public TcpFrameTransport(final EventLoopGroup group, final TcpLinkSettings settings)
    {
        this(group, false, settings);
    }

    private TcpFrameTransport(final EventLoopGroup group, final boolean ownsGroup, final TcpLinkSettings settings)
    {
        this.group = Objects.requireNonNull(group, "group");
        this.ownsGroup = ownsGroup;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the settings every link uses. */
    public TcpLinkSettings settings()
    {
        return settings;
    }

    /** {@inheritDoc} */
    @Override
    public FrameLink open(final LinkSpec spec)
    {
        validate(spec);
        final TcpFrameLink link = new TcpFrameLink(this, spec, settings);
        if (closed)
        {
            link.markClosed("transport closed", false);
            return link;
        }
        links.add(link);
        if (spec.server())
        {
            listen(link);
        }
        else
        {
            connect(link);
        }
        return link;
    }

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        closed = true;
        for (final TcpFrameLink link : new ArrayList<>(links))
        {
            link.markClosed("transport closed", false);
        }
        if (ownsGroup)
        {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS * 2);
        }
    }

    void removed(final TcpFrameLink link)
    {
        links.remove(link);
    }

    private void listen(final TcpFrameLink link)
    {
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel child)
                {
                    if (link.tryAccept(child))
                    {
                        child.pipeline().addLast(new TcpLinkHandler(link));
                    }
                    else
                    {
                        child.close();
                    }
                }
            });
        final ChannelFuture bind = bootstrap.bind(link.spec().local());
        bind.addListener(future ->
        {
            if (future.isSuccess())
            {
                link.listening(bind.channel());
            }
            else
            {
                link.onChannelClosed("bind " + link.spec().local() + " failed: " + future.cause());
            }
        });
    }

    private void connect(final TcpFrameLink link)
    {
        final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMs())
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .handler(new TcpLinkHandler(link));
        final InetSocketAddress from = new InetSocketAddress(link.spec().local().getAddress(), 0);
        final ChannelFuture connect = bootstrap.connect(link.spec().remote(), from);
        final Channel channel = connect.channel();
        link.connecting(channel);
        connect.addListener(future ->
        {
            if (!future.isSuccess())
            {
                link.onChannelClosed("connect to " + link.spec().remote() + " failed: " + future.cause());
            }
        });
    }

    private WriteBufferWaterMark waterMark()
    {
        return new WriteBufferWaterMark(settings.lowWaterMark(), settings.highWaterMark());
    }

    private static void validate(final LinkSpec spec)
    {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.local(), "spec.local");
        Objects.requireNonNull(spec.remote(), "spec.remote");
        if (spec.local().isUnresolved() || spec.remote().isUnresolved())
        {
            throw new IllegalArgumentException("unresolved address in " + spec);
        }
        if (spec.maxFrameLength() <= FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH ||
            spec.maxFrameLength() > FrameDescriptor.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength " + spec.maxFrameLength() + " outside " +
                (FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH + 1) + ".." + FrameDescriptor.MAX_FRAME_LENGTH);
        }
    }
}
