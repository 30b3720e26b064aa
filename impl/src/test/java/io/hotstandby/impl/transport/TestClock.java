package io.hotstandby.impl.transport;

import io.hotstandby.api.time.Clock;

/** A clock the test moves by hand; thread-safe. */
public final class TestClock implements Clock
{
    private volatile long nowNs = 1_000_000_000L;

    @Override
    public long nanoTime()
    {
        return nowNs;
    }

    @Override
    public long epochMillis()
    {
        return nowNs / 1_000_000L;
    }

    /** @param deltaNs how far to move time forward, ns. */
    public void advance(final long deltaNs)
    {
        nowNs += deltaNs;
    }
}
