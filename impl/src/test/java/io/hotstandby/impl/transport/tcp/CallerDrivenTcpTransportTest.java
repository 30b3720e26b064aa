package io.hotstandby.impl.transport.tcp;

import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameLink.State;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.Await;
import io.hotstandby.impl.transport.Frames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static io.hotstandby.impl.transport.Frames.SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller-driven TCP transport: all I/O in {@link TcpFrameTransport#doWork()} on the owner's thread,
 * here the test thread, which drives both members.
 */
class CallerDrivenTcpTransportTest
{
    private static final InetAddress A = address("127.0.0.1");
    private static final InetAddress B = address("127.0.0.2");
    private static final int MAX = 64 * 1024;

    private final TcpFrameTransport nodeA = TcpFrameTransport.callerDriven(TcpLinkSettings.DEFAULTS);
    private final TcpFrameTransport nodeB = TcpFrameTransport.callerDriven(TcpLinkSettings.DEFAULTS);

    @AfterEach
    void close()
    {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void framesRoundTripBothWaysWithNoThreadOfItsOwn()
    {
        final Set<String> before = threadNames();
        final FrameLink[] pair = connectedPair();
        final FrameLink server = pair[0];
        final FrameLink client = pair[1];
        final int frames = 5_000;
        final Frames.Collector atServer = new Frames.Collector();
        final Frames.Collector atClient = new Frames.Collector();
        int sentByClient = 0;
        int sentByServer = 0;
        final long deadline = System.nanoTime() + Await.DEFAULT_TIMEOUT_NS;
        while (atServer.seqs.size() < frames || atClient.seqs.size() < frames)
        {
            assertTrue(System.nanoTime() - deadline < 0, "timed out: " + atServer.seqs.size() + "/" + atClient.seqs.size());
            if (sentByClient < frames && Frames.offer(client, sentByClient, SMALL + sentByClient % 2000) >= 0)
            {
                sentByClient++;
            }
            if (sentByServer < frames && Frames.offer(server, sentByServer, SMALL + sentByServer % 1000) >= 0)
            {
                sentByServer++;
            }
            client.flush();
            server.flush();
            drive();
            server.poll(atServer, 64);
            client.poll(atClient, 64);
        }
        for (int i = 0; i < frames; i++)
        {
            assertEquals(i, atServer.seqs.getInt(i));
            assertEquals(i, atClient.seqs.getInt(i));
        }
        assertEquals(0, atServer.badFrames + atClient.badFrames);
        final Set<String> added = threadNames();
        added.removeAll(before);
        assertEquals(Set.of(), added.stream().filter(n -> !n.startsWith("ForkJoinPool")).collect(Collectors.toSet()),
            "no thread started by the transport");
    }

    @Test
    void framesFlushedBeforeAnOwnersCloseReachThePeerAndTheCloseIsSeen()
    {
        final FrameLink[] pair = connectedPair();
        for (int i = 0; i < 3; i++)
        {
            Frames.send(pair[1], i, MAX - i);
        }
        assertEquals(3, pair[1].flush());
        pair[1].close("refused: bad key");
        final Frames.Collector collector = new Frames.Collector();
        Await.until(() ->
        {
            drive();
            pair[0].poll(collector, 10);
            return State.CLOSED == pair[0].state();
        }, "server sees the close");
        pair[0].poll(collector, 10);
        assertEquals(3, collector.seqs.size(), "the last frames arrived before the close");
        assertEquals("connection closed by peer", pair[0].closeReason());
    }

    @Test
    void theTransportIsBoundToTheFirstThreadThatDrivesIt() throws Exception
    {
        nodeA.doWork();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread other = new Thread(() ->
        {
            try
            {
                nodeA.doWork();
            }
            catch (final Throwable t)
            {
                failure.set(t);
            }
        }, "not-the-owner");
        other.start();
        other.join();
        assertInstanceOf(IllegalStateException.class, failure.get());
        assertTrue(failure.get().getMessage().contains("not-the-owner"), failure.get().getMessage());
    }

    @Test
    void closeOnTheDrivingThreadClosesTheListenerAndTheLinks()
    {
        final FrameLink[] pair = connectedPair();
        final int port = ((TcpFrameLink)pair[0]).spec().local().getPort();
        nodeB.close();
        assertEquals(State.CLOSED, pair[0].state());
        assertEquals("transport closed", pair[0].closeReason());
        Await.until(() ->
        {
            drive();
            return State.CLOSED == pair[1].state();
        }, "the peer sees the connection closed");
        Await.until(() -> canBind(B, port), "the listening port is released");
    }

    private FrameLink[] connectedPair()
    {
        final int port = freePort(B);
        final FrameLink server = nodeB.open(spec(true, port));
        final FrameLink[] client = { nodeA.open(spec(false, port)) };
        Await.until(() ->
        {
            drive();
            if (State.CLOSED == client[0].state())
            {
                client[0] = nodeA.open(spec(false, port));
            }
            return State.CONNECTED == server.state() && State.CONNECTED == client[0].state();
        }, () -> "connected: " + server + " " + client[0]);
        return new FrameLink[]{ server, client[0] };
    }

    private void drive()
    {
        nodeA.doWork();
        nodeB.doWork();
    }

    private static LinkSpec spec(final boolean server, final int port)
    {
        final InetSocketAddress a = new InetSocketAddress(A, port);
        final InetSocketAddress b = new InetSocketAddress(B, port);
        return server ? new LinkSpec(ChannelKind.DATA, b, a, true, MAX) : new LinkSpec(ChannelKind.DATA, a, b, false, MAX);
    }

    private static Set<String> threadNames()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
            .collect(Collectors.toSet());
    }

    private static boolean canBind(final InetAddress address, final int port)
    {
        try (ServerSocket probe = new ServerSocket())
        {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
            return true;
        }
        catch (final IOException ex)
        {
            return false;
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

    private static InetAddress address(final String literal)
    {
        try
        {
            return InetAddress.getByName(literal);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
