package io.hotstandby.api.transport;

import org.agrona.DirectBuffer;

/**
 * Receives frames from {@link FrameLink#poll}. Called on the polling agent's thread; the buffer is
 * valid only during the call (decode in place, never keep a reference).
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * @param buffer holds the frame.
     * @param offset where the frame starts (after any transport length prefix).
     * @param length frame length, bytes.
     */
    void onFrame(DirectBuffer buffer, int offset, int length);
}
