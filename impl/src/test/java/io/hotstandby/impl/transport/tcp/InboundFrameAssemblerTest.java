package io.hotstandby.impl.transport.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.agrona.collections.IntArrayList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class InboundFrameAssemblerTest
{
    private static final long SEED = 20261122L;
    private static final int MAX = 4096;

    @Test
    void anyChunkingOfTheStreamYieldsTheSameFramesEvenWhenTheRingFillsUp()
    {
        qt().withFixedSeed(SEED).withExamples(200).forAll(longs().all()).checkAssert(seed ->
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final int frames = 1 + random.nextInt(200);
            final ByteBuf stream = Unpooled.buffer();
            final List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < frames; i++)
            {
                final byte[] body = new byte[1 + (random.nextBoolean() ? random.nextInt(600) : random.nextInt(MAX - 4))];
                random.nextBytes(body);
                sent.add(body);
                stream.writeIntLE(body.length).writeBytes(body);
            }

            // bodies over 256 bytes may be fragmented: the ring's records hold 504 bytes of body
            final InboundFrameAssembler assembler = new InboundFrameAssembler(4096, MAX, 256);
            final List<byte[]> received = new ArrayList<>();
            while (stream.isReadable())
            {
                final int chunk = Math.min(stream.readableBytes(), 1 + random.nextInt(random.nextBoolean() ? 16 : 2 * MAX));
                final ByteBuf in = stream.readSlice(chunk);
                int rounds = 0;
                while (InboundFrameAssembler.FULL == assembler.onBytes(in))
                {
                    // polling frees records (whole frames, or fragments of one), so reading resumes
                    assertTrue(++rounds < 1_000, "reading never resumed, seed " + seed);
                    assembler.poll((buffer, offset, length) ->
                    {
                        final byte[] copy = new byte[length];
                        buffer.getBytes(offset, copy);
                        received.add(copy);
                    }, 1 + random.nextInt(4));
                }
                assertEquals(0, in.readableBytes());
                if (random.nextBoolean())
                {
                    assembler.poll((buffer, offset, length) ->
                    {
                        final byte[] copy = new byte[length];
                        buffer.getBytes(offset, copy);
                        received.add(copy);
                    }, 3);
                }
            }
            assembler.poll((buffer, offset, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(offset, copy);
                received.add(copy);
            }, Integer.MAX_VALUE);
            assertEquals(sent.size(), received.size(), "seed " + seed);
            for (int i = 0; i < sent.size(); i++)
            {
                assertTrue(java.util.Arrays.equals(sent.get(i), received.get(i)), "frame " + i + " seed " + seed);
            }
        });
    }

    @Test
    void refusesOutOfRangeLengthsWithoutConsumingTheBody()
    {
        final int[] lengths = { 0, -1, Integer.MIN_VALUE, MAX - 3, Integer.MAX_VALUE };
        final IntArrayList refused = new IntArrayList();
        for (final int length : lengths)
        {
            // bodies over 256 bytes may be fragmented: the ring's records hold 504 bytes of body
            final InboundFrameAssembler assembler = new InboundFrameAssembler(4096, MAX, 256);
            final ByteBuf in = Unpooled.buffer().writeIntLE(length).writeZero(16);
            assertEquals(InboundFrameAssembler.ERROR, assembler.onBytes(in), "length " + length);
            assertEquals(16, in.readableBytes());
            assertEquals(0, assembler.poll((buffer, offset, l) -> refused.addInt(l), 10));
        }
        assertEquals(0, refused.size());
        final InboundFrameAssembler assembler = new InboundFrameAssembler(4096, MAX);
        assertEquals(InboundFrameAssembler.CONSUMED,
            assembler.onBytes(Unpooled.buffer().writeIntLE(MAX - 4).writeZero(MAX - 4)), "the largest frame fits");
        assertEquals(1, assembler.poll((buffer, offset, l) -> refused.addInt(l), 10));
        assertEquals(MAX - 4, refused.getInt(0));
    }
}
