package io.hotstandby.testkit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.hotstandby.api.time.Clock;

/**
 * A {@link Clock} that only moves when the test moves it (SPEC F5, G8), Micrometer's MockClock for
 * this library: give it to {@code NodeContext.Builder.clock(...)} and drive timers (keepalives, silence,
 * preempt delay, hook timeouts) without sleeping. The wall clock moves with the monotonic clock from a
 * fixed epoch-millisecond origin.
 *
 * <p>Thread-safe: the test thread advances it, agent threads read it.
 */
public final class ManualClock implements Clock
{
    /** Default wall-clock origin: 2026-01-01T00:00:00Z in epoch ms. */
    public static final long DEFAULT_EPOCH_ORIGIN_MS = 1_767_225_600_000L;

    private final AtomicLong nanos;
    private final long originNs;
    private final long epochOriginMs;

    /** A clock at 1 s of monotonic time, wall clock at {@link #DEFAULT_EPOCH_ORIGIN_MS}. */
    public ManualClock()
    {
        this(TimeUnit.SECONDS.toNanos(1), DEFAULT_EPOCH_ORIGIN_MS);
    }

    /**
     * @param startNs       initial monotonic time, ns.
     * @param epochOriginMs wall-clock time at {@code startNs}, epoch ms.
     */
    public ManualClock(final long startNs, final long epochOriginMs)
    {
        this.nanos = new AtomicLong(startNs);
        this.originNs = startNs;
        this.epochOriginMs = epochOriginMs;
    }

    @Override
    public long nanoTime()
    {
        return nanos.get();
    }

    @Override
    public long epochMillis()
    {
        return epochOriginMs + TimeUnit.NANOSECONDS.toMillis(nanos.get() - originNs);
    }

    /**
     * @param durationNs how far to move, ns, not negative.
     * @return the new time, ns.
     */
    public long advance(final long durationNs)
    {
        if (durationNs < 0)
        {
            throw new IllegalArgumentException("durationNs: must not be negative, was " + durationNs);
        }
        return nanos.addAndGet(durationNs);
    }

    /**
     * @param duration how far to move.
     * @param unit     its unit.
     * @return the new time, ns.
     */
    public long advance(final long duration, final TimeUnit unit)
    {
        return advance(unit.toNanos(duration));
    }

    /**
     * @param timeNs the new monotonic time, ns, not before the current one.
     */
    public void set(final long timeNs)
    {
        final long now = nanos.get();
        if (timeNs - now < 0)
        {
            throw new IllegalArgumentException("timeNs: a monotonic clock cannot go back from " + now + " to " + timeNs);
        }
        nanos.set(timeNs);
    }
}
