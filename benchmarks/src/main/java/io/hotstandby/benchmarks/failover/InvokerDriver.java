package io.hotstandby.benchmarks.failover;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import io.hotstandby.api.HotStandbyNode;

/**
 * Drives an INVOKER-mode node on its own thread and can make it fall silent: while paused the node's
 * duty cycle does not run, so its socket stays open but nothing is answered (a hung peer).
 */
final class InvokerDriver implements Runnable, AutoCloseable
{
    private final HotStandbyNode node;
    private final Thread thread;
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
    private volatile boolean running = true;
    private volatile boolean pauseRequested;
    private volatile boolean paused;
    private volatile long silentSinceNs;

    InvokerDriver(final HotStandbyNode node, final String name)
    {
        this.node = node;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void run()
    {
        while (running)
        {
            if (pauseRequested)
            {
                if (!paused)
                {
                    silentSinceNs = System.nanoTime();
                    paused = true;
                }
                idle.idle(0);
                continue;
            }
            paused = false;
            idle.idle(node.doWork());
        }
    }

    /** @return when the node ran its last duty cycle, ns; waits until it has stopped. */
    long pause()
    {
        pauseRequested = true;
        while (!paused)
        {
            Thread.onSpinWait();
        }
        return silentSinceNs;
    }

    void resume()
    {
        pauseRequested = false;
    }

    boolean isPaused()
    {
        return paused;
    }

    @Override
    public void close() throws InterruptedException
    {
        running = false;
        thread.join();
    }
}
