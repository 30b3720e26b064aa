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
import io.netty.channel.ManualIoEventLoop;
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
 * <p>Threading: {@link #open} is called on an agent thread and never blocks. The I/O runs in one of
 * three places:
 * <ul>
 *   <li>{@link #callerDriven(TcpLinkSettings)}: on the thread that owns the links, inside
 *   {@link #doWork()}, through a Netty {@link ManualIoEventLoop} and no thread of its own (Aeron's way:
 *   the agent does its own I/O, so a flushed batch goes to the socket at once, with no hand-off to
 *   another thread and no wake-up). The first call of {@link #open} or {@link #doWork} binds the
 *   transport to its thread for good; {@link #close()} belongs on that thread too. The built-in data
 *   channel uses this.</li>
 *   <li>the no-arg constructor: one owned daemon event-loop thread "hotstandby-tcp-N", released by
 *   {@link #close()};</li>
 *   <li>the host's NIO event-loop group, never shut down here.</li>
 * </ul>
 * The event loop never calls the owner's code: frames wait in each link's bounded inbound ring until
 * the owner polls.
 */
public final class TcpFrameTransport implements FrameTransport
{
    private static final Logger LOG = LoggerFactory.getLogger(TcpFrameTransport.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 2_000;

    private final EventLoopGroup group;
    private final ManualIoEventLoop manualLoop;
    private final boolean ownsGroup;
    private final TcpLinkSettings settings;
    private final Set<TcpFrameLink> links = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Thread driver;

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
        this.manualLoop = group instanceof ManualIoEventLoop manual ? manual : null;
        this.ownsGroup = ownsGroup;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A transport with no thread of its own: its I/O runs inside {@link #doWork()}, on the thread that
     * owns its links (see the class comment).
     *
     * @param settings memory bounds and timeouts of every link.
     * @return a new transport, bound to the first thread that opens a link or calls {@link #doWork()}.
     */
    public static TcpFrameTransport callerDriven(final TcpLinkSettings settings)
    {
        return new TcpFrameTransport(new ManualIoEventLoop(null, NioIoHandler.newFactory()), true, settings);
    }

    /** @return true when the I/O runs in {@link #doWork()} on the owner's thread. */
    public boolean isCallerDriven()
    {
        return null != manualLoop;
    }

    /**
     * Caller-driven transports: runs every I/O event and task that is ready, without blocking. Other
     * transports: nothing.
     *
     * @return the number of I/O events and tasks processed.
     * @throws IllegalStateException when called from another thread than the one the transport is bound to.
     */
    @Override
    public int doWork()
    {
        if (null == manualLoop || closed)
        {
            return 0;
        }
        bindDriver();
        return manualLoop.runNow();
    }

    private void bindDriver()
    {
        final Thread current = Thread.currentThread();
        if (driver == current)
        {
            return;
        }
        if (null != driver)
        {
            throw new IllegalStateException("transport is driven by thread " + driver.getName() +
                ", not by " + current.getName());
        }
        manualLoop.setOwningThread(current);
        driver = current;
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
        if (null != manualLoop && !closed)
        {
            bindDriver();
        }
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
        final ArrayList<TcpFrameLink> open = new ArrayList<>(links);
        for (final TcpFrameLink link : open)
        {
            link.markClosed("transport closed", false);
        }
        if (null != manualLoop)
        {
            closeManualLoop(open);
        }
        else if (ownsGroup)
        {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS * 2);
        }
    }

    /**
     * Runs the caller-driven loop until its channels are closed and it terminated. On a thread other
     * than the driver (the driver has stopped, e.g. a host that closes from another thread), the
     * sockets are closed directly instead and the loop is abandoned.
     */
    private void closeManualLoop(final ArrayList<TcpFrameLink> open)
    {
        if (null == driver)
        {
            bindDriver();
        }
        manualLoop.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!manualLoop.inEventLoop())
        {
            LOG.warn("transport closed from thread {} while bound to {}: sockets closed directly",
                Thread.currentThread().getName(), driver.getName());
            for (final TcpFrameLink link : open)
            {
                link.closeSocketsForcibly();
            }
            return;
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_TIMEOUT_MS);
        while (!manualLoop.isTerminated() && System.nanoTime() - deadline < 0)
        {
            manualLoop.run(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (!manualLoop.isTerminated())
        {
            LOG.warn("transport event loop did not terminate within {} ms", SHUTDOWN_TIMEOUT_MS);
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
