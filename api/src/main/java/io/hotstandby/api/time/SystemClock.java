package io.hotstandby.api.time;

/** The JVM's clocks: {@link System#nanoTime()} and {@link System#currentTimeMillis()}. Thread-safe. */
public final class SystemClock implements Clock
{
    /** The shared instance. */
    public static final SystemClock INSTANCE = new SystemClock();

    private SystemClock()
    {
    }

    @Override
    public long nanoTime()
    {
        return System.nanoTime();
    }

    @Override
    public long epochMillis()
    {
        return System.currentTimeMillis();
    }
}
