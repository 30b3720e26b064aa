package io.hotstandby.impl.pairing;

import java.util.concurrent.atomic.AtomicLong;

import io.hotstandby.api.time.Clock;

/** A clock the test moves. */
final class TestClock implements Clock
{
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime()
    {
        return nanos.get();
    }

    @Override
    public long epochMillis()
    {
        return 1_767_225_600_000L + nanos.get() / 1_000_000;
    }

    void advance(final long ns)
    {
        nanos.addAndGet(ns);
    }
}
