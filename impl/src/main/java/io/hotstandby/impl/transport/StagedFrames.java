package io.hotstandby.impl.transport;

import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;

/**
 * The claim/commit bookkeeping of a built-in link's outbound staging buffer (frame contract in the
 * package documentation): where the next claim starts, the open claim, and how many whole frames are
 * staged. The link owns the buffer and decides capacity and back pressure; this class only tracks
 * offsets and writes each committed frame's length prefix. Single-threaded: the link's owning agent.
 */
public final class StagedFrames
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private int limit;
    private int frames;
    private int claimOffset = -1;
    private int claimLength;

    /** @throws IllegalStateException when a claim is already open (a caller bug). */
    public void checkNoOpenClaim()
    {
        if (claimOffset >= 0)
        {
            throw new IllegalStateException("a claim is already open");
        }
    }

    /**
     * Opens a claim at the end of the staged frames; the caller has checked that it fits.
     *
     * @param maxLength bytes claimed, prefix included.
     * @return the claim's offset in the staging buffer.
     */
    public int claim(final int maxLength)
    {
        claimOffset = limit;
        claimLength = maxLength;
        return claimOffset;
    }

    /**
     * Commits the open claim: writes the body length into its prefix and stages the frame.
     *
     * @param buffer the staging buffer the claim points into.
     * @param length bytes written, prefix included; 0 aborts.
     * @throws IllegalStateException    when no claim is open.
     * @throws IllegalArgumentException when the length is outside the claim.
     */
    public void commit(final MutableDirectBuffer buffer, final int length)
    {
        if (claimOffset < 0)
        {
            throw new IllegalStateException("no open claim");
        }
        if (0 == length)
        {
            abort();
            return;
        }
        FrameLengths.checkCommit(length, claimLength);
        buffer.putInt(claimOffset, length - FRAME_LENGTH_FIELD_LENGTH, ORDER);
        limit += length;
        frames++;
        claimOffset = -1;
    }

    /** Drops the open claim, if any. */
    public void abort()
    {
        claimOffset = -1;
    }

    /** @return bytes of staged frames, from offset 0. */
    public int limit()
    {
        return limit;
    }

    /** @return whole frames staged. */
    public int frames()
    {
        return frames;
    }

    /** Forgets every staged frame (sent or discarded). */
    public void clear()
    {
        limit = 0;
        frames = 0;
    }

    /**
     * The first {@code bytes} of staged frames, {@code count} frames, were sent: the rest moves to the
     * start of the buffer.
     *
     * @param buffer the staging buffer.
     * @param bytes  bytes sent from offset 0.
     * @param count  frames sent.
     */
    public void consumed(final MutableDirectBuffer buffer, final int bytes, final int count)
    {
        if (bytes >= limit)
        {
            clear();
            return;
        }
        buffer.putBytes(0, buffer, bytes, limit - bytes);
        limit -= bytes;
        frames -= count;
    }
}
