package io.hotstandby.api.transport;

/**
 * Carries frames between the members (SPEC B1). Built in: TCP over IP (Netty) for the control and
 * data channels, and an in-process transport for two boards of one chassis or for tests; a host plugs
 * Layer 2 or any other transport in by implementing this interface and passing it in
 * {@link io.hotstandby.api.NodeContext}.
 *
 * <p>Threading: {@link #open} and {@link #doWork} are called on the conductor or replication agent
 * thread (the one that owns the links) and must not block: {@code open} returns a link in
 * {@link FrameLink.State#CONNECTING}.
 */
public interface FrameTransport extends AutoCloseable
{
    /**
     * @param spec what to open.
     * @return a new link, connecting.
     */
    FrameLink open(LinkSpec spec);

    /**
     * Runs the transport's pending I/O on the calling thread: connects, accepts, reads into the links'
     * inbound buffers, writes what is flushed. The owner of the links calls it once per duty cycle, on
     * the thread that owns them (the replication agent thread, or the host's thread in invoker mode),
     * so a transport without threads of its own is driven with no hop between threads. A transport that
     * runs its own I/O threads does nothing here; that is the default.
     *
     * @return the amount of I/O work done (0 when idle), for the caller's idle strategy.
     */
    default int doWork()
    {
        return 0;
    }

    /** Closes every link and releases the transport's threads and sockets. */
    @Override
    void close();
}
