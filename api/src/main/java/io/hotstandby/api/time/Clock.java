package io.hotstandby.api.time;

/**
 * The only source of time for the library (SPEC F5, G8): agents read it once per duty cycle and pass
 * {@code nowNs} down; logic never reads a clock itself. {@link SystemClock} in production, a manual
 * clock in the testkit. Implementations must be thread-safe.
 */
public interface Clock
{
    /** @return monotonic time in nanoseconds, for timers and deadlines (compare wrap-safely: a - b). */
    long nanoTime();

    /** @return wall-clock time in epoch milliseconds, for absolute entry deadlines (G6) and status. */
    long epochMillis();
}
