package io.hotstandby.api.transport;

/**
 * Carries frames between the members (SPEC B1). Built in: TCP over IP (Netty) for the control and
 * data channels, and an in-process transport for two boards of one chassis or for tests; a host plugs
 * Layer 2 or any other transport in by implementing this interface and passing it in
 * {@link io.hotstandby.api.NodeContext}.
 *
 * <p>Threading: {@link #open} is called on the conductor or replication agent thread and must not block:
 * it returns a link in {@link FrameLink.State#CONNECTING}.
 */
public interface FrameTransport extends AutoCloseable
{
    /**
     * @param spec what to open.
     * @return a new link, connecting.
     */
    FrameLink open(LinkSpec spec);

    /** Closes every link and releases the transport's threads and sockets. */
    @Override
    void close();
}
