package io.hotstandby.impl.transport.inprocess;

import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameLink.State;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.Frames;
import io.hotstandby.impl.transport.TestClock;
import org.agrona.collections.IntArrayList;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.List;

import static io.hotstandby.impl.transport.Frames.SMALL;
import static io.hotstandby.impl.transport.Frames.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessNetworkTest
{
    private static final InetAddress A = address("127.0.0.1");
    private static final InetAddress B = address("127.0.0.2");
    private static final int MAX = 4096;

    private final TestClock clock = new TestClock();
    private final InProcessNetwork network = new InProcessNetwork(clock);
    private final FrameTransport nodeA = network.transport();
    private final FrameTransport nodeB = network.transport();

    @Test
    void pairsWhenServerOpensFirst()
    {
        final FrameLink server = nodeB.open(serverSpec(ChannelKind.CONTROL, 7000));
        assertEquals(State.CONNECTING, server.state());
        final FrameLink client = nodeA.open(clientSpec(ChannelKind.CONTROL, 7000, 40001));
        assertEquals(State.CONNECTED, server.state());
        assertEquals(State.CONNECTED, client.state());
        assertNull(client.closeReason());
    }

    @Test
    void pairsWhenClientOpensFirstWhateverItsPort()
    {
        final FrameLink client = nodeA.open(clientSpec(ChannelKind.DATA, 7001, 0));
        assertEquals(State.CONNECTING, client.state());
        final FrameLink otherPort = nodeB.open(serverSpec(ChannelKind.CONTROL, 7000));
        assertEquals(State.CONNECTING, client.state());
        assertEquals(State.CONNECTING, otherPort.state());
        final FrameLink server = nodeB.open(serverSpec(ChannelKind.DATA, 7001));
        assertEquals(State.CONNECTED, server.state());
        assertEquals(State.CONNECTED, client.state());
        assertEquals(State.CONNECTING, otherPort.state());
    }

    @Test
    void refusesClientFromAnAddressTheServerDoesNotAccept()
    {
        final InetAddress stranger = address("127.0.0.3");
        final FrameLink server = nodeB.open(serverSpec(ChannelKind.CONTROL, 7000));
        final FrameLink client = nodeA.open(new LinkSpec(ChannelKind.CONTROL, new InetSocketAddress(stranger, 0),
            new InetSocketAddress(B, 7000), false, MAX));
        assertEquals(State.CLOSED, client.state());
        assertTrue(client.closeReason().startsWith("connection refused"), client.closeReason());
        assertEquals(State.CONNECTING, server.state());
    }

    @Test
    void refusesASecondServerOnTheSameAddressAndPort()
    {
        nodeB.open(serverSpec(ChannelKind.CONTROL, 7000));
        final FrameLink second = nodeB.open(serverSpec(ChannelKind.CONTROL, 7000));
        assertEquals(State.CLOSED, second.state());
        assertTrue(second.closeReason().startsWith("address already in use"));
    }

    @Test
    void deliversFramesInOrderBothWaysOnlyAfterFlush()
    {
        final FrameLink[] pair = connect(ChannelKind.DATA);
        final FrameLink server = pair[0];
        final FrameLink client = pair[1];
        final Frames.Collector atServer = new Frames.Collector();
        final Frames.Collector atClient = new Frames.Collector();
        for (int i = 0; i < 100; i++)
        {
            send(client, i, SMALL + i);
            send(server, 1000 + i, i < 10 ? MAX - i : SMALL + 2 * i);
        }
        assertEquals(0, server.poll(atServer, 1000), "nothing before flush");
        assertEquals(100, client.flush());
        assertEquals(100, server.flush());
        assertEquals(0, client.flush());
        assertEquals(60, server.poll(atServer, 60));
        assertEquals(40, server.poll(atServer, 1000));
        assertEquals(100, client.poll(atClient, 1000));
        assertEquals(range(0, 100), atServer.seqs);
        assertEquals(range(1000, 1100), atClient.seqs);
        assertEquals(0, atServer.badFrames + atClient.badFrames);
    }

    @Test
    void claimCodes()
    {
        final FrameLink client = nodeA.open(clientSpec(ChannelKind.CONTROL, 7000, 0));
        assertEquals(FrameLink.NOT_CONNECTED, client.tryClaim(SMALL));
        assertEquals(FrameLink.TOO_LONG, client.tryClaim(MAX + 1));
        assertThrows(IllegalArgumentException.class, () -> client.tryClaim(4));
        nodeB.open(serverSpec(ChannelKind.CONTROL, 7000));
        final int offset = client.tryClaim(SMALL);
        assertTrue(offset >= 0);
        client.abort();
        assertEquals(0, client.flush(), "an aborted claim sends nothing");
    }

    @Test
    void fullRingBackPressuresTheSenderAndLosesNothing()
    {
        final InProcessNetwork small = new InProcessNetwork(clock, 1024);
        final FrameLink server = small.transport().open(serverSpec(ChannelKind.DATA, 7000, 64));
        final FrameLink client = small.transport().open(clientSpec(ChannelKind.DATA, 7000, 0, 64));
        int sent = 0;
        while (Frames.offer(client, sent, 64) >= 0)
        {
            sent++;
            client.flush();
            assertTrue(sent < 100_000, "never back-pressured");
        }
        assertEquals(FrameLink.BACK_PRESSURED, Frames.offer(client, sent, 64));
        assertTrue(sent > 1024 / 64, "the ring and the staging buffer hold frames before pushing back");

        final Frames.Collector collector = new Frames.Collector();
        while (collector.seqs.size() < sent)
        {
            final int before = collector.seqs.size();
            server.poll(collector, 7);
            client.flush();
            assertTrue(collector.seqs.size() > before, "stalled at " + before + " of " + sent);
        }
        assertEquals(range(0, sent), collector.seqs);
        assertTrue(Frames.offer(client, sent, 64) >= 0, "space again once the receiver polled");
    }

    @Test
    void aClaimThatDoesNotFitTheStagingBufferFlushesTheStagedFramesFirst()
    {
        final int max = InProcessLink.MIN_STAGING_CAPACITY * 3 / 4;
        final FrameLink server = nodeB.open(serverSpec(ChannelKind.DATA, 7000, max));
        final FrameLink client = nodeA.open(clientSpec(ChannelKind.DATA, 7000, 0, max));
        send(client, 1, max);
        final Frames.Collector collector = new Frames.Collector();
        assertEquals(0, server.poll(collector, 10), "staged, not sent");
        send(client, 2, max);
        assertEquals(1, server.poll(collector, 10), "the first frame went out to make room");
        assertEquals(1, client.flush());
        assertEquals(1, server.poll(collector, 10));
        assertEquals(ints(1, 2), collector.seqs);
        assertEquals(0, collector.badFrames);
    }

    @Test
    void framesLargerThanARingRecordArriveWholeAndInOrderEvenWhenDuplicatedOrReordered()
    {
        final int max = 1024 * 1024;
        final FrameLink server = nodeB.open(serverSpec(ChannelKind.DATA, 7000, max));
        final FrameLink client = nodeA.open(clientSpec(ChannelKind.DATA, 7000, 0, max));
        network.faults(scripted(FrameFate.DELIVER, FrameFate.DUPLICATE, FrameFate.REORDER, FrameFate.DELIVER));
        final int[] lengths = { max, SMALL, 300 * 1024, 64 * 1024 + 1, max - 7, SMALL + 1 };
        final Frames.Collector collector = new Frames.Collector();
        int sent = 0;
        int polls = 0;
        while (collector.seqs.size() < lengths.length + 1)
        {
            assertTrue(++polls < 1_000, "stalled at " + collector.seqs);
            if (sent < lengths.length && Frames.offer(client, sent, lengths[sent]) >= 0)
            {
                sent++;
            }
            client.flush();
            server.poll(collector, 3);
        }
        assertEquals(ints(0, 1, 1, 3, 2, 4, 5), collector.seqs);
        assertEquals(0, collector.badFrames);
    }

    @Test
    void steadyStateSendAndReceiveAllocateNothing()
    {
        final FrameLink[] pair = connect(ChannelKind.DATA);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final int[] received = new int[1];
        final io.hotstandby.api.transport.FrameHandler handler = (buffer, offset, length) -> received[0]++;
        for (int round = 0; round < 2; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++)
            {
                final int offset = pair[1].tryClaim(64);
                pair[1].buffer().putLong(offset + 4, i);
                pair[1].commit(64);
                pair[1].flush();
                pair[0].poll(handler, 10);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (1 == round)
            {
                assertTrue(allocated < 20_000, allocated + " bytes allocated for 20,000 frames: allocation per frame");
            }
        }
        assertEquals(40_000, received[0]);
    }

    @Test
    void ownerCloseIsSeenByThePeerWhichStillReadsWhatWasSent()
    {
        final FrameLink[] pair = connect(ChannelKind.CONTROL);
        send(pair[1], 1, SMALL);
        pair[1].flush();
        pair[1].close("going away");
        assertEquals(State.CLOSED, pair[1].state());
        assertEquals("going away", pair[1].closeReason());
        assertEquals(State.CLOSED, pair[0].state());
        assertEquals("closed by peer: going away", pair[0].closeReason());
        assertEquals(FrameLink.NOT_CONNECTED, pair[0].tryClaim(SMALL));
        final Frames.Collector collector = new Frames.Collector();
        assertEquals(1, pair[0].poll(collector, 10));
        pair[0].close("again");
        assertEquals("closed by peer: going away", pair[0].closeReason(), "closes once");
    }

    @Test
    void reconnectAfterCloseWithNewLinks()
    {
        final FrameLink[] first = connect(ChannelKind.CONTROL);
        first[0].close();
        final FrameLink[] second = connect(ChannelKind.CONTROL);
        send(second[1], 5, SMALL);
        second[1].flush();
        final Frames.Collector collector = new Frames.Collector();
        assertEquals(1, second[0].poll(collector, 10));
        assertEquals(State.CLOSED, first[1].state());
    }

    @Test
    void transportCloseClosesItsLinks()
    {
        final FrameLink[] pair = connect(ChannelKind.CONTROL);
        final FrameLink pending = nodeA.open(clientSpec(ChannelKind.DATA, 7001, 0));
        nodeA.close();
        assertEquals(State.CLOSED, pair[1].state());
        assertEquals(State.CLOSED, pending.state());
        assertEquals("closed by peer: transport closed", pair[0].closeReason());
    }

    @Test
    void dropFaultLosesExactlyThatFrame()
    {
        final FrameLink[] pair = connect(ChannelKind.DATA);
        network.faults(scripted(FrameFate.DELIVER, FrameFate.DROP, FrameFate.DELIVER));
        sendAll(pair[1], 0, 3);
        assertEquals(ints(0, 2), receive(pair[0]));
    }

    @Test
    void delayFaultDeliversAtTheDeadlineAndHoldsBackLaterFrames()
    {
        final FrameLink[] pair = connect(ChannelKind.DATA);
        network.faults(new LinkFaults()
        {
            private int n;

            public FrameFate fate(final LinkSpec sender, final long nowNs)
            {
                return 1 == n++ ? FrameFate.DELAY : FrameFate.DELIVER;
            }

            public long delayUntilNs(final LinkSpec sender, final long nowNs)
            {
                return nowNs + 5_000_000L;
            }
        });
        sendAll(pair[1], 0, 3);
        assertEquals(ints(0), receive(pair[0]));
        clock.advance(4_999_999L);
        assertEquals(ints(), receive(pair[0]));
        clock.advance(1L);
        assertEquals(ints(1, 2), receive(pair[0]));
    }

    @Test
    void reorderFaultDeliversTheHeldFrameAfterTheNextOne()
    {
        final FrameLink[] pair = connect(ChannelKind.DATA);
        network.faults(scripted(FrameFate.REORDER, FrameFate.DELIVER, FrameFate.DELIVER));
        send(pair[1], 0, SMALL);
        pair[1].flush();
        assertEquals(ints(), receive(pair[0]), "held");
        sendAll(pair[1], 1, 3);
        assertEquals(ints(1, 0, 2), receive(pair[0]));
    }

    @Test
    void duplicateFaultDeliversTwice()
    {
        final FrameLink[] pair = connect(ChannelKind.CONTROL);
        network.faults(scripted(FrameFate.DUPLICATE, FrameFate.DELIVER));
        sendAll(pair[0], 0, 2);
        assertEquals(ints(0, 0, 1), receive(pair[1]));
    }

    @Test
    void faultsSeeTheSendersSpecAndTheNetworkTime()
    {
        final FrameLink[] pair = connect(ChannelKind.DATA);
        final long[] seen = new long[2];
        network.faults((sender, nowNs) ->
        {
            seen[0] = nowNs;
            seen[1] = sender.server() ? 1 : 2;
            return FrameFate.DELIVER;
        });
        clock.advance(123);
        sendAll(pair[1], 0, 1);
        assertEquals(clock.nanoTime(), seen[0]);
        assertEquals(2, seen[1]);
    }

    @Test
    void partitionSilentlyDropsBothWaysAndKeepsLinksConnectedUntilHealed()
    {
        final FrameLink[] pair = connect(ChannelKind.CONTROL);
        network.partition(B, A);
        sendAll(pair[0], 0, 2);
        sendAll(pair[1], 0, 2);
        assertEquals(ints(), receive(pair[0]));
        assertEquals(ints(), receive(pair[1]));
        assertEquals(State.CONNECTED, pair[0].state());
        assertEquals(State.CONNECTED, pair[1].state());
        final FrameLink[] later = connect(ChannelKind.DATA);
        sendAll(later[1], 0, 1);
        assertEquals(ints(), receive(later[0]), "a link opened during the partition is cut too");

        network.heal(A, B);
        sendAll(pair[1], 7, 8);
        sendAll(later[1], 9, 10);
        assertEquals(ints(7), receive(pair[0]));
        assertEquals(ints(9), receive(later[0]));
    }

    @Test
    void severResetsBothEndsAndLosesUnreadFrames()
    {
        final FrameLink[] control = connect(ChannelKind.CONTROL);
        final FrameLink[] data = connect(ChannelKind.DATA);
        sendAll(control[1], 0, 3);
        assertEquals(2, network.sever(A, B));
        for (final FrameLink link : List.of(control[0], control[1], data[0], data[1]))
        {
            assertEquals(State.CLOSED, link.state());
            assertEquals("connection reset", link.closeReason());
        }
        assertEquals(ints(), receive(control[0]));
        assertEquals(0, network.connectedCount());
    }

    @Test
    void crashClosesTheNodesLinksAndRefusesNewOnesUntilRestart()
    {
        final FrameLink[] pair = connect(ChannelKind.CONTROL);
        final FrameLink pendingToB = nodeA.open(clientSpec(ChannelKind.DATA, 7001, 0));
        network.crash(B);
        assertEquals("node crashed", pair[0].closeReason());
        assertEquals("connection reset", pair[1].closeReason());
        assertTrue(pendingToB.closeReason().startsWith("connection refused"), pendingToB.closeReason());
        final FrameLink refused = nodeA.open(clientSpec(ChannelKind.CONTROL, 7000, 0));
        assertEquals(State.CLOSED, refused.state());
        assertEquals(State.CLOSED, nodeB.open(serverSpec(ChannelKind.CONTROL, 7000)).state());

        network.restart(B);
        final FrameLink[] again = connect(ChannelKind.CONTROL);
        assertEquals(State.CONNECTED, again[0].state());
    }

    @Test
    void twoThreadsKeepOrderWithoutLoss() throws Exception
    {
        final InProcessNetwork shared = new InProcessNetwork(io.hotstandby.api.time.SystemClock.INSTANCE, 64 * 1024);
        final FrameLink server = shared.transport().open(serverSpec(ChannelKind.DATA, 7000, 1024));
        final FrameLink client = shared.transport().open(clientSpec(ChannelKind.DATA, 7000, 0, 1024));
        final int total = 100_000;
        final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        final Thread sender = new Thread(() ->
        {
            int seq = 0;
            while (!done.get() && client.state() == State.CONNECTED)
            {
                if (seq < total && Frames.offer(client, seq, SMALL + (seq & 255)) >= 0)
                {
                    seq++;
                }
                client.flush();
            }
        }, "sender");
        sender.start();
        final Frames.Collector collector = new Frames.Collector();
        // a safety net, not a timing bound: the two threads share the machine with whatever else runs
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (collector.seqs.size() < total && System.nanoTime() - deadline < 0)
        {
            server.poll(collector, 100);
        }
        done.set(true);
        sender.join(5_000);
        assertEquals(total, collector.seqs.size());
        for (int i = 0; i < total; i++)
        {
            assertEquals(i, collector.seqs.getInt(i));
        }
        assertEquals(0, collector.badFrames);
    }

    private void sendAll(final FrameLink link, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            send(link, i, SMALL);
        }
        link.flush();
    }

    private static IntArrayList receive(final FrameLink link)
    {
        final Frames.Collector collector = new Frames.Collector();
        link.poll(collector, 1000);
        assertEquals(0, collector.badFrames);
        return collector.seqs;
    }

    private FrameLink[] connect(final ChannelKind channel)
    {
        final int port = ChannelKind.CONTROL == channel ? 7000 : 7001;
        final FrameLink server = nodeB.open(serverSpec(channel, port));
        final FrameLink client = nodeA.open(clientSpec(channel, port, 0));
        assertEquals(State.CONNECTED, client.state());
        return new FrameLink[]{ server, client };
    }

    private static LinkFaults scripted(final FrameFate... fates)
    {
        final ArrayDeque<FrameFate> queue = new ArrayDeque<>(List.of(fates));
        return (sender, nowNs) -> queue.isEmpty() ? FrameFate.DELIVER : queue.poll();
    }

    private static IntArrayList ints(final int... values)
    {
        final IntArrayList list = new IntArrayList();
        for (final int value : values)
        {
            list.addInt(value);
        }
        return list;
    }

    private static IntArrayList range(final int from, final int to)
    {
        final IntArrayList list = new IntArrayList();
        for (int i = from; i < to; i++)
        {
            list.addInt(i);
        }
        return list;
    }

    static LinkSpec serverSpec(final ChannelKind channel, final int port)
    {
        return serverSpec(channel, port, MAX);
    }

    static LinkSpec serverSpec(final ChannelKind channel, final int port, final int max)
    {
        return new LinkSpec(channel, new InetSocketAddress(B, port), new InetSocketAddress(A, port), true, max);
    }

    static LinkSpec clientSpec(final ChannelKind channel, final int port, final int localPort)
    {
        return clientSpec(channel, port, localPort, MAX);
    }

    static LinkSpec clientSpec(final ChannelKind channel, final int port, final int localPort, final int max)
    {
        return new LinkSpec(channel, new InetSocketAddress(A, localPort), new InetSocketAddress(B, port), false, max);
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
