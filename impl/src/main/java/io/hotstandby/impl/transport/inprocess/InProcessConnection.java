package io.hotstandby.impl.transport.inprocess;

import java.net.InetAddress;

/**
 * One paired server/client link of an {@link InProcessNetwork}: the two ends and whether the pair's
 * addresses are partitioned. Created and changed under the network's lock; {@link #partitioned()} is
 * read lock-free by the senders.
 */
final class InProcessConnection
{
    private final InProcessLink server;
    private final InProcessLink client;
    private volatile boolean partitioned;

    InProcessConnection(final InProcessLink server, final InProcessLink client, final boolean partitioned)
    {
        this.server = server;
        this.client = client;
        this.partitioned = partitioned;
    }

    InProcessLink server()
    {
        return server;
    }

    InProcessLink client()
    {
        return client;
    }

    boolean partitioned()
    {
        return partitioned;
    }

    void partitioned(final boolean partitioned)
    {
        this.partitioned = partitioned;
    }

    /** @return true when this connection joins the two addresses, in either direction. */
    boolean joins(final InetAddress a, final InetAddress b)
    {
        final InetAddress s = server.spec().local().getAddress();
        final InetAddress c = client.spec().local().getAddress();
        return (s.equals(a) && c.equals(b)) || (s.equals(b) && c.equals(a));
    }
}
