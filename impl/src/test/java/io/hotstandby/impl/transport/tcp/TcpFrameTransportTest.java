package io.hotstandby.impl.transport.tcp;

import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameLink.State;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.impl.transport.Await;
import io.hotstandby.impl.transport.Frames;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static io.hotstandby.impl.transport.Frames.SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpFrameTransportTest
{
    private static final InetAddress A = address("127.0.0.1");
    private static final InetAddress B = address("127.0.0.2");
    private static final int MAX = 64 * 1024;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            resources.get(i).close();
        }
    }

    @Test
    void framesRoundTripBothWaysInOrderIncludingAMaxLengthFrame()
    {
        final int max = FrameDescriptor.MAX_FRAME_LENGTH;
        final TcpFrameTransport nodeA = transport(new TcpFrameTransport());
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport());
        final int port = freePort(B);
        final FrameLink server = nodeB.open(serverSpec(port, max));
        final FrameLink client = openClient(nodeA, port, max);
        awaitConnected(server, client);

        final int frames = 2_000;
        final Frames.Collector atServer = new Frames.Collector();
        final Frames.Collector atClient = new Frames.Collector();
        int sentByClient = 0;
        int sentByServer = 0;
        final long deadline = System.nanoTime() + Await.DEFAULT_TIMEOUT_NS;
        while (atServer.seqs.size() < frames || atClient.seqs.size() < frames)
        {
            assertTrue(System.nanoTime() - deadline < 0, "timed out: " + atServer.seqs.size() + "/" +
                atClient.seqs.size());
            if (sentByClient < frames && Frames.offer(client, sentByClient, lengthOf(sentByClient, max)) >= 0)
            {
                sentByClient++;
            }
            if (sentByServer < frames && Frames.offer(server, sentByServer, lengthOf(sentByServer, max)) >= 0)
            {
                sentByServer++;
            }
            client.flush();
            server.flush();
            server.poll(atServer, 10);
            client.poll(atClient, 10);
        }
        for (int i = 0; i < frames; i++)
        {
            assertEquals(i, atServer.seqs.getInt(i));
            assertEquals(i, atClient.seqs.getInt(i));
        }
        assertEquals(0, atServer.badFrames + atClient.badFrames);
    }

    @Test
    void claimCodes()
    {
        final TcpFrameTransport nodeA = transport(new TcpFrameTransport());
        final FrameLink client = nodeA.open(clientSpec(freePort(B), MAX));
        assertEquals(FrameLink.TOO_LONG, client.tryClaim(MAX + 1));
        if (State.CONNECTING == client.state())
        {
            assertEquals(FrameLink.NOT_CONNECTED, client.tryClaim(SMALL));
        }
        Await.until(() -> State.CLOSED == client.state(), "refused connect closes");
        assertTrue(client.closeReason().startsWith("connect to "), client.closeReason());
        assertEquals(FrameLink.NOT_CONNECTED, client.tryClaim(SMALL));
    }

    @Test
    void peerCloseIsSeenAsClosedWithAReason()
    {
        final FrameLink[] pair = connectedPair(MAX);
        pair[1].close("bye");
        assertEquals("bye", pair[1].closeReason());
        Await.until(() -> State.CLOSED == pair[0].state(), "server sees the close");
        assertEquals("connection closed by peer", pair[0].closeReason());
        assertEquals(FrameLink.NOT_CONNECTED, pair[0].tryClaim(SMALL));
    }

    @Test
    void framesFlushedBeforeAnOwnersCloseStillReachThePeer()
    {
        final FrameLink[] pair = connectedPair(MAX);
        for (int i = 0; i < 3; i++)
        {
            Frames.send(pair[1], i, MAX - i);
        }
        assertEquals(3, pair[1].flush());
        pair[1].close("refused: bad key");
        Await.until(() -> State.CLOSED == pair[0].state(), "server sees the close");
        final Frames.Collector collector = new Frames.Collector();
        pair[0].poll(collector, 10);
        assertEquals(3, collector.seqs.size(), "the last frames arrived before the close");
        assertEquals(0, collector.badFrames);
    }

    @Test
    void serverCloseIsSeenByTheClient()
    {
        final FrameLink[] pair = connectedPair(MAX);
        pair[0].close();
        Await.until(() -> State.CLOSED == pair[1].state(), "client sees the close");
        assertNotNull(pair[1].closeReason());
    }

    @Test
    void oversizedLengthPrefixClosesTheLinkAndAllocatesNothingLarge() throws Exception
    {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        resources.add(() -> group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync());
        final long loopThreadId = group.submit(() -> Thread.currentThread().getId()).get();
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport(group));
        final int port = freePort(B);
        final FrameLink server = nodeB.open(serverSpec(port, MAX));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocatedBefore = threads.getThreadAllocatedBytes(loopThreadId);

        try (Socket raw = rawSocket(A, port))
        {
            final OutputStream out = raw.getOutputStream();
            out.write(new byte[]{ (byte)0xFF, (byte)0xFF, (byte)0xFF, 0x7F, 1, 2, 3, 4 });
            out.flush();
            Await.until(() -> State.CLOSED == server.state(), "oversized frame closes the link");
            assertEquals("frame length 2147483647 exceeds max " + (MAX - 4), server.closeReason());
            assertEndOfStream(raw);
        }
        final long allocated = threads.getThreadAllocatedBytes(loopThreadId) - allocatedBefore;
        assertTrue(allocated < 1024 * 1024, "event loop allocated " + allocated + " bytes");
        assertFalse(group.isShuttingDown(), "a host group is not the transport's to shut down");
    }

    @Test
    void zeroOrNegativeLengthPrefixClosesTheLink() throws Exception
    {
        for (final byte[] prefix : new byte[][]{ { 0, 0, 0, 0 }, { (byte)0xFE, (byte)0xFF, (byte)0xFF, (byte)0xFF } })
        {
            final TcpFrameTransport nodeB = transport(new TcpFrameTransport());
            final int port = freePort(B);
            final FrameLink server = nodeB.open(serverSpec(port, MAX));
            try (Socket raw = rawSocket(A, port))
            {
                raw.getOutputStream().write(prefix);
                Await.until(() -> State.CLOSED == server.state(), "bad prefix closes the link");
                assertTrue(server.closeReason().endsWith("is not positive"), server.closeReason());
            }
        }
    }

    @Test
    void lengthPrefixSplitAcrossSegmentsIsReassembled() throws Exception
    {
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport());
        final int port = freePort(B);
        final FrameLink server = nodeB.open(serverSpec(port, MAX));
        try (Socket raw = rawSocket(A, port))
        {
            final OutputStream out = raw.getOutputStream();
            final Frames.Collector collector = new Frames.Collector();
            final byte[] frame = { 12, 0, 0, 0, 7, 0, 0, 0, 12, 0, 0, 0, 19, 20, 21, 22 };
            for (final byte b : frame)
            {
                out.write(b);
                out.flush();
            }
            Await.until(() -> server.poll(collector, 10) > 0 || collector.seqs.size() > 0, "frame arrives");
            assertEquals(7, collector.seqs.getInt(0));
            assertEquals(0, collector.badFrames);
            assertEquals(State.CONNECTED, server.state());
        }
    }

    @Test
    void connectionFromTheWrongAddressIsRefusedAndTheServerKeepsListening() throws Exception
    {
        final TcpFrameTransport nodeA = transport(new TcpFrameTransport());
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport());
        final int port = freePort(B);
        final FrameLink server = nodeB.open(serverSpec(port, MAX));
        try (Socket stranger = rawSocket(address("127.0.0.3"), port))
        {
            assertEndOfStream(stranger);
        }
        assertEquals(State.CONNECTING, server.state());
        final FrameLink client = openClient(nodeA, port, MAX);
        awaitConnected(server, client);
    }

    @Test
    void aSecondConnectionFromThePeerIsRefused() throws Exception
    {
        final FrameLink[] pair = connectedPair(MAX);
        final int port = ((InetSocketAddress)serverSpecOf(pair).local()).getPort();
        try (Socket second = rawSocket(A, port))
        {
            assertEndOfStream(second);
        }
        assertEquals(State.CONNECTED, pair[0].state());
    }

    @Test
    void slowReaderBackPressuresTheWriterWithBoundedMemory()
    {
        final TcpLinkSettings small = new TcpLinkSettings(64 * 1024, 16 * 1024, 64 * 1024, 32 * 1024, 5_000);
        final TcpFrameTransport nodeA = transport(new TcpFrameTransport(small));
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport(small));
        final int port = freePort(B);
        final int max = 4096;
        final FrameLink server = nodeB.open(serverSpec(port, max));
        final FrameLink client = openClient(nodeA, port, max);
        awaitConnected(server, client);

        int sent = 0;
        long bytes = 0;
        int refusedInARow = 0;
        final long deadline = System.nanoTime() + Await.DEFAULT_TIMEOUT_NS;
        while (!((TcpFrameLink)server).readSuspended() || refusedInARow < 100_000)
        {
            assertTrue(System.nanoTime() - deadline < 0, "never held back after " + bytes + " bytes");
            final int result = Frames.offer(client, sent, max);
            if (result >= 0)
            {
                sent++;
                bytes += max;
                refusedInARow = 0;
            }
            else
            {
                assertEquals(FrameLink.BACK_PRESSURED, result);
                refusedInARow++;
            }
            client.flush();
        }
        assertTrue(bytes < 64L * 1024 * 1024, "sender pushed " + bytes + " bytes into a reader that never polls");

        final int total = sent + 1_000;
        final Frames.Collector collector = new Frames.Collector();
        final long drainDeadline = System.nanoTime() + Await.DEFAULT_TIMEOUT_NS;
        while (collector.seqs.size() < total)
        {
            assertTrue(System.nanoTime() - drainDeadline < 0, "stalled at " + collector.seqs.size() + "/" + total);
            if (sent < total && Frames.offer(client, sent, max) >= 0)
            {
                sent++;
            }
            client.flush();
            server.poll(collector, 5);
        }
        for (int i = 0; i < total; i++)
        {
            assertEquals(i, collector.seqs.getInt(i));
        }
        assertEquals(0, collector.badFrames);
    }

    @Test
    void reconnectByOpeningNewLinks()
    {
        final TcpFrameTransport nodeA = transport(new TcpFrameTransport());
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport());
        final int port = freePort(B);
        final FrameLink firstServer = nodeB.open(serverSpec(port, MAX));
        final FrameLink firstClient = openClient(nodeA, port, MAX);
        awaitConnected(firstServer, firstClient);
        firstServer.close("restart");
        Await.until(() -> State.CLOSED == firstClient.state(), "client sees the close");

        final FrameLink[] second = new FrameLink[2];
        Await.until(() ->
        {
            if (null == second[0] || State.CLOSED == second[0].state())
            {
                second[0] = nodeB.open(serverSpec(port, MAX));
            }
            if (null == second[1] || State.CLOSED == second[1].state())
            {
                second[1] = nodeA.open(clientSpec(port, MAX));
            }
            return State.CONNECTED == second[0].state() && State.CONNECTED == second[1].state();
        }, "second links connect");
        Frames.send(second[1], 42, SMALL);
        second[1].flush();
        final Frames.Collector collector = new Frames.Collector();
        Await.until(() -> second[0].poll(collector, 10) > 0, "frame over the new link");
        assertEquals(42, collector.seqs.getInt(0));
    }

    @Test
    void ownedEventLoopIsADaemonNamedHotstandbyTcpAndStopsOnClose()
    {
        final TcpFrameTransport transport = new TcpFrameTransport();
        final FrameLink link = transport.open(serverSpec(freePort(B), MAX));
        final Thread loop = Await.firstThread("hotstandby-tcp-");
        assertTrue(loop.isDaemon());
        transport.close();
        assertEquals(State.CLOSED, link.state());
        assertEquals("transport closed", link.closeReason());
        Await.until(() -> !loop.isAlive(), "event loop thread ends");
    }

    private FrameLink[] connectedPair(final int max)
    {
        final TcpFrameTransport nodeA = transport(new TcpFrameTransport());
        final TcpFrameTransport nodeB = transport(new TcpFrameTransport());
        final int port = freePort(B);
        final FrameLink server = nodeB.open(serverSpec(port, max));
        final FrameLink client = openClient(nodeA, port, max);
        awaitConnected(server, client);
        return new FrameLink[]{ server, client };
    }

    private static LinkSpec serverSpecOf(final FrameLink[] pair)
    {
        return ((TcpFrameLink)pair[0]).spec();
    }

    private static void awaitConnected(final FrameLink server, final FrameLink client)
    {
        Await.until(() -> State.CONNECTED == server.state() && State.CONNECTED == client.state(),
            () -> "connected: server " + server + " client " + client + ": " + client.closeReason());
    }

    /**
     * Opens a client link, reopening it as an owner would while the server link's (asynchronous) bind
     * has not happened yet and the connection is refused.
     */
    private static FrameLink openClient(final TcpFrameTransport transport, final int port, final int max)
    {
        final FrameLink[] client = { transport.open(clientSpec(port, max)) };
        Await.until(() ->
        {
            if (State.CLOSED == client[0].state())
            {
                assertTrue(client[0].closeReason().contains("Connection refused"), client[0].closeReason());
                client[0] = transport.open(clientSpec(port, max));
            }
            return State.CONNECTED == client[0].state();
        }, () -> "client connects: " + client[0]);
        return client[0];
    }

    private TcpFrameTransport transport(final TcpFrameTransport transport)
    {
        resources.add(transport);
        return transport;
    }

    private static int lengthOf(final int seq, final int max)
    {
        if (seq == 100)
        {
            return max;
        }
        return SMALL + (seq * 37) % 3000;
    }

    private static LinkSpec serverSpec(final int port, final int max)
    {
        return new LinkSpec(ChannelKind.DATA, new InetSocketAddress(B, port), new InetSocketAddress(A, port), true, max);
    }

    private static LinkSpec clientSpec(final int port, final int max)
    {
        return new LinkSpec(ChannelKind.DATA, new InetSocketAddress(A, port), new InetSocketAddress(B, port), false, max);
    }

    /** Connects once the server link's listening socket is bound (binding is asynchronous). */
    private static Socket rawSocket(final InetAddress from, final int port) throws IOException
    {
        final long deadline = System.nanoTime() + Await.DEFAULT_TIMEOUT_NS;
        while (true)
        {
            final Socket socket = new Socket();
            try
            {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress(B, port), 5_000);
                socket.setSoTimeout(5_000);
                return socket;
            }
            catch (final java.net.ConnectException ex)
            {
                socket.close();
                if (System.nanoTime() - deadline > 0)
                {
                    throw ex;
                }
                Thread.yield();
            }
        }
    }

    private static void assertEndOfStream(final Socket socket) throws IOException
    {
        final InputStream in = socket.getInputStream();
        try
        {
            assertEquals(-1, in.read(), "the server closes the connection");
        }
        catch (final SocketTimeoutException ex)
        {
            throw new AssertionError("connection not closed within 5 s", ex);
        }
        catch (final java.net.SocketException ex)
        {
            assertTrue(ex.getMessage().contains("reset"), ex.getMessage());
        }
    }

    private static int freePort(final InetAddress address)
    {
        try (ServerSocket probe = new ServerSocket(0, 1, address))
        {
            return probe.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static InetAddress address(final String text)
    {
        try
        {
            return InetAddress.getByName(text);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
