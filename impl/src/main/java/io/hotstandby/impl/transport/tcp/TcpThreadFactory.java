package io.hotstandby.impl.transport.tcp;

import io.netty.util.concurrent.FastThreadLocalThread;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the event-loop threads a {@link TcpFrameTransport} owns "hotstandby-tcp-N" (N counts across
 * the process) and makes them daemons, so an embedding host can tell them apart and never waits on
 * them at exit.
 */
final class TcpThreadFactory implements ThreadFactory
{
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    @Override
    public Thread newThread(final Runnable task)
    {
        final Thread thread = new FastThreadLocalThread(task, "hotstandby-tcp-" + NEXT.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    }
}
