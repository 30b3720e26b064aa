package io.hotstandby.impl.transport;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Polls a condition until it holds or a deadline passes; never sleeps. */
public final class Await
{
    /** Default deadline, ns. */
    public static final long DEFAULT_TIMEOUT_NS = 5_000_000_000L;

    private Await()
    {
    }

    /**
     * @param condition polled, possibly doing work (e.g. a poll) as a side effect.
     * @param what      described on failure.
     */
    public static void until(final BooleanSupplier condition, final String what)
    {
        until(condition, () -> what);
    }

    /**
     * @param condition polled, possibly doing work (e.g. a poll) as a side effect.
     * @param what      described on failure, evaluated then.
     */
    public static void until(final BooleanSupplier condition, final Supplier<String> what)
    {
        final long deadline = System.nanoTime() + DEFAULT_TIMEOUT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("not within 5 s: " + what.get());
            }
            Thread.yield();
        }
    }

    /**
     * @param namePrefix start of the thread's name.
     * @return the first live thread so named, awaited.
     */
    public static Thread firstThread(final String namePrefix)
    {
        final Thread[] found = new Thread[1];
        until(() ->
        {
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (thread.getName().startsWith(namePrefix) && thread.isAlive())
                {
                    found[0] = thread;
                    return true;
                }
            }
            return false;
        }, "a thread named " + namePrefix + "*");
        return found[0];
    }
}
