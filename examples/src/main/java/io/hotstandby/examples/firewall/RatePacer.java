package io.hotstandby.examples.firewall;

/**
 * Paces work at a fixed rate on a caller-supplied clock: tells how many operations are due at
 * {@code nowNs} so that the total since {@link #start} follows {@code rate} per second, with a bound per
 * call so a late caller catches up over several duty cycles instead of in one burst.
 *
 * <p>Not thread-safe: used by the thread that drives the work.
 */
public final class RatePacer
{
    private final long ratePerSecond;
    private final int maxPerCall;
    private long startNs;
    private long done;
    private boolean started;

    /**
     * @param ratePerSecond operations per second, 0 for none.
     * @param maxPerCall    most operations one call may return, positive.
     */
    public RatePacer(final long ratePerSecond, final int maxPerCall)
    {
        if (ratePerSecond < 0 || maxPerCall <= 0)
        {
            throw new IllegalArgumentException("rate must be >= 0 and maxPerCall > 0");
        }
        this.ratePerSecond = ratePerSecond;
        this.maxPerCall = maxPerCall;
    }

    /** @param nowNs the time the pacing starts from, ns. */
    public void start(final long nowNs)
    {
        startNs = nowNs;
        done = 0;
        started = true;
    }

    /** @return true once {@link #start} was called. */
    public boolean started()
    {
        return started;
    }

    /**
     * @param nowNs the current time, ns.
     * @return operations due now (0 before {@link #start}); the caller runs them, and they count as done.
     */
    public int due(final long nowNs)
    {
        if (!started || ratePerSecond == 0)
        {
            return 0;
        }
        final long elapsedNs = nowNs - startNs;
        final long target = elapsedNs <= 0 ? 0 : (long)(elapsedNs * (ratePerSecond / 1e9));
        final int n = (int)Math.min(maxPerCall, Math.max(0, target - done));
        done += n;
        return n;
    }
}
