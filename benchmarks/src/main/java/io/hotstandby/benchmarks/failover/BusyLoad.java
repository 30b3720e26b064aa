package io.hotstandby.benchmarks.failover;

/**
 * A separate process that keeps every core busy (the failover benchmark's soak mode): one spinning
 * thread per available processor until the process is destroyed.
 */
public final class BusyLoad
{
    private BusyLoad()
    {
    }

    /**
     * @param args ignored.
     */
    public static void main(final String[] args)
    {
        final int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < threads; i++)
        {
            final Thread t = new Thread(() ->
            {
                long x = 0;
                while (!Thread.currentThread().isInterrupted())
                {
                    x += System.nanoTime() & 1;
                }
                System.err.println(x);
            }, "busy-" + i);
            t.start();
        }
    }
}
