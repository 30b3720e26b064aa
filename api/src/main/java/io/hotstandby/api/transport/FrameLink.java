package io.hotstandby.api.transport;

import org.agrona.MutableDirectBuffer;

/**
 * One connection attempt between the two members, carrying whole frames both ways (SPEC B1, B2). A
 * link goes CONNECTING, then CONNECTED, then CLOSED once, never back; the owner opens a new link after
 * its reconnect backoff.
 *
 * <p>Zero-copy send (Aeron's tryClaim pattern):
 * <pre>{@code
 * int offset = link.tryClaim(maxLength);
 * if (offset >= 0) {
 *     int length = encode(link.buffer(), offset);   // write in place, at most maxLength bytes
 *     link.commit(length);                          // or link.abort()
 * }
 * ...
 * link.flush();   // once per duty cycle: one syscall for the whole batch
 * }</pre>
 *
 * <p>Threading: one agent thread owns a link and calls everything but {@link #state()} and
 * {@link #closeReason()}, which are safe from any thread. The transport may run its own I/O threads
 * behind the link (e.g. a Netty event loop) but never calls the owner's code on them.
 */
public interface FrameLink extends AutoCloseable
{
    /** {@link #tryClaim} result: the outbound buffer is full; flush and retry later. */
    int BACK_PRESSURED = -1;
    /** {@link #tryClaim} result: the link is not connected (yet, or any more). */
    int NOT_CONNECTED = -2;
    /** {@link #tryClaim} result: the requested length exceeds the link's maximum frame length. */
    int TOO_LONG = -3;

    /** Lifecycle of a link. */
    enum State
    {
        /** Connecting, or listening for the peer. */
        CONNECTING,
        /** Connected both ways. */
        CONNECTED,
        /** Closed for good; see {@link #closeReason()}. */
        CLOSED
    }

    /** @return the current state; safe from any thread. */
    State state();

    /** @return why the link closed (peer reset, timeout, protocol error...), or null while open. */
    String closeReason();

    /**
     * Reserves space for one outbound frame.
     *
     * @param maxLength most bytes the caller will write, 1..maxFrameLength.
     * @return the offset in {@link #buffer()} to write at, or a negative code: {@link #BACK_PRESSURED},
     * {@link #NOT_CONNECTED}, {@link #TOO_LONG}.
     */
    int tryClaim(int maxLength);

    /** @return the buffer the last successful claim points into. */
    MutableDirectBuffer buffer();

    /** @param length bytes actually written at the claimed offset, 0..maxLength; 0 aborts. */
    void commit(int length);

    /** Gives back the claimed space; nothing is sent. */
    void abort();

    /**
     * Pushes committed frames to the wire.
     *
     * @return number of frames flushed (0 when nothing was pending).
     */
    int flush();

    /**
     * Delivers received frames to {@code handler} on the calling thread.
     *
     * @param handler    receives each frame.
     * @param frameLimit most frames to deliver in this call (bounded duty cycle).
     * @return number of frames delivered.
     */
    int poll(FrameHandler handler, int frameLimit);

    /** @param reason why the owner closes the link, logged and kept in {@link #closeReason()}. */
    void close(String reason);

    /** Closes with reason "closed by owner". */
    @Override
    default void close()
    {
        close("closed by owner");
    }
}
