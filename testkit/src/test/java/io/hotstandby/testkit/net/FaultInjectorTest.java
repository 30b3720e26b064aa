package io.hotstandby.testkit.net;

import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.time.Clock;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.inprocess.FrameFate;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;
import org.agrona.collections.IntArrayList;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class FaultInjectorTest
{
    private static final long SEED = 0x5eedL;
    private static final InetSocketAddress A = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final InetSocketAddress B = new InetSocketAddress(address("127.0.0.2"), 7100);
    private static final LinkSpec DATA = new LinkSpec(ChannelKind.DATA, A, B, false, 1024);
    private static final LinkSpec CONTROL = new LinkSpec(ChannelKind.CONTROL, A, B, false, 1024);
    private static final FaultProfile MIXED = FaultProfile.NONE.withDrop(0.1).withDelay(0.1, 1_000, 5_000)
        .withReorder(0.1).withDuplicate(0.1);

    @Test
    void sameSeedGivesTheSameFatesAndDelays()
    {
        qt().withFixedSeed(SEED).withExamples(50).forAll(longs().all()).checkAssert(seed ->
        {
            final FaultInjector first = FaultInjector.builder(seed).all(MIXED).build();
            final FaultInjector second = FaultInjector.builder(seed).all(MIXED).build();
            for (int i = 0; i < 500; i++)
            {
                final FrameFate fate = first.fate(DATA, i);
                assertEquals(fate, second.fate(DATA, i), "seed " + seed + " frame " + i);
                if (FrameFate.DELAY == fate)
                {
                    final long until = first.delayUntilNs(DATA, i);
                    assertEquals(until, second.delayUntilNs(DATA, i));
                    assertTrue(until >= i + 1_000 && until <= i + 5_000, "delay within range: " + (until - i));
                }
            }
        });
    }

    @Test
    void differentSeedsGiveDifferentSequences()
    {
        final FaultInjector first = FaultInjector.builder(1).all(MIXED).build();
        final FaultInjector second = FaultInjector.builder(2).all(MIXED).build();
        final StringBuilder a = new StringBuilder();
        final StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            a.append(first.fate(DATA, 0).ordinal());
            b.append(second.fate(DATA, 0).ordinal());
        }
        assertNotEquals(a.toString(), b.toString());
    }

    @Test
    void frequenciesFollowTheProfile()
    {
        final FaultInjector injector = FaultInjector.builder(SEED).all(MIXED).build();
        final int frames = 20_000;
        for (int i = 0; i < frames; i++)
        {
            injector.fate(DATA, 0);
        }
        for (final FrameFate fate : new FrameFate[]{ FrameFate.DROP, FrameFate.DELAY, FrameFate.REORDER,
            FrameFate.DUPLICATE })
        {
            final long count = injector.count(fate);
            assertTrue(count > frames * 0.08 && count < frames * 0.12, fate + " " + count);
        }
        final long delivered = injector.count(FrameFate.DELIVER);
        assertTrue(delivered > frames * 0.56 && delivered < frames * 0.64, "deliver " + delivered);
    }

    @Test
    void profilesArePerChannelKind()
    {
        final FaultInjector injector = FaultInjector.builder(SEED)
            .profile(ChannelKind.DATA, FaultProfile.NONE.withDrop(1.0))
            .build();
        for (int i = 0; i < 100; i++)
        {
            assertEquals(FrameFate.DELIVER, injector.fate(CONTROL, 0));
            assertEquals(FrameFate.DROP, injector.fate(DATA, 0));
        }
    }

    @Test
    void rejectsImpossibleProfiles()
    {
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withDrop(-0.1));
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withDrop(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withDrop(0.6).withDuplicate(0.5));
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withDelay(0.1, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withDelay(0.1, -1, 5));
    }

    @Test
    void dropsOnARealInProcessLinkMatchTheInjectorsCount()
    {
        final long[] now = { 0 };
        final Clock clock = new Clock()
        {
            public long nanoTime()
            {
                return now[0];
            }

            public long epochMillis()
            {
                return 0;
            }
        };
        final InProcessNetwork network = new InProcessNetwork(clock);
        final FaultInjector injector = FaultInjector.builder(SEED)
            .profile(ChannelKind.DATA, FaultProfile.NONE.withDrop(0.3)).build();
        network.faults(injector);
        final FrameLink server = network.transport().open(new LinkSpec(ChannelKind.DATA, B,
            new InetSocketAddress(A.getAddress(), 0), true, 1024));
        final FrameLink client = network.transport().open(DATA);
        final IntArrayList received = new IntArrayList();
        final int frames = 1000;
        for (int i = 0; i < frames; i++)
        {
            final int offset = client.tryClaim(8);
            assertTrue(offset >= 0, "claim " + offset);
            client.buffer().putInt(offset + 4, i, ByteOrder.LITTLE_ENDIAN);
            client.commit(8);
            client.flush();
            server.poll((buffer, o, length) -> received.addInt(buffer.getInt(o, ByteOrder.LITTLE_ENDIAN)), 10);
        }
        assertEquals(frames - injector.count(FrameFate.DROP), received.size(), "seed " + SEED);
        for (int i = 1; i < received.size(); i++)
        {
            assertTrue(received.getInt(i) > received.getInt(i - 1), "in order, seed " + SEED);
        }
        assertTrue(injector.count(FrameFate.DROP) > 200, "drops happened");
    }

    private static InetAddress address(final String text)
    {
        try
        {
            return InetAddress.getByName(text);
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
