package io.hotstandby.impl.transport;

import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.api.transport.FrameLink;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntArrayList;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers writing and reading numbered frames through a {@link FrameLink}. */
public final class Frames
{
    /** Bytes of a numbered frame, prefix included. */
    public static final int SMALL = 4 + 12;

    private Frames()
    {
    }

    /**
     * Claims, writes body {@code [seq int32][length int32][pattern...]} and commits.
     *
     * @return the claim result: the offset, or a negative code when nothing was written.
     */
    public static int offer(final FrameLink link, final int seq, final int frameLength)
    {
        final int offset = link.tryClaim(frameLength);
        if (offset < 0)
        {
            return offset;
        }
        final var buffer = link.buffer();
        buffer.putInt(offset, 0x7fffffff); // garbage prefix: the transport must rewrite it
        buffer.putInt(offset + 4, seq, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(offset + 8, frameLength - 4, ByteOrder.LITTLE_ENDIAN);
        for (int i = 12; i < frameLength; i++)
        {
            buffer.putByte(offset + i, (byte)(seq + i));
        }
        link.commit(frameLength);
        return offset;
    }

    /** Offers and asserts it was accepted. */
    public static void send(final FrameLink link, final int seq, final int frameLength)
    {
        final int result = offer(link, seq, frameLength);
        assertTrue(result >= 0, "tryClaim returned " + result);
    }

    /** Collects the sequence numbers of received frames, checking each body's length and pattern. */
    public static final class Collector implements FrameHandler
    {
        public final IntArrayList seqs = new IntArrayList();
        public int badFrames;

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            final int seq = buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
            final int bodyLength = buffer.getInt(offset + 4, ByteOrder.LITTLE_ENDIAN);
            boolean ok = bodyLength == length;
            for (int i = 8; ok && i < length; i++)
            {
                ok = buffer.getByte(offset + i) == (byte)(seq + i + 4);
            }
            if (!ok)
            {
                badFrames++;
            }
            seqs.addInt(seq);
        }
    }
}
