package io.hotstandby.impl.pairing;

/**
 * Bounded exponential backoff between connection attempts of the control channel (SPEC A2): the
 * first retry waits the minimum, each failure doubles the wait up to the maximum, a negotiated
 * channel resets it. Deterministic (no jitter), so the pair simulation replays exactly.
 *
 * <p>Threading: conductor thread only. Times in nanoseconds.
 */
public final class ReconnectBackoff
{
    private final long minNs;
    private final long maxNs;
    private long nextNs;

    /**
     * @param minNs shortest wait, ns.
     * @param maxNs longest wait, ns, at least minNs.
     */
    public ReconnectBackoff(final long minNs, final long maxNs)
    {
        this.minNs = minNs;
        this.maxNs = Math.max(minNs, maxNs);
        this.nextNs = minNs;
    }

    /** @return the wait before the next attempt, ns; doubles the following one up to the maximum. */
    public long nextDelayNs()
    {
        final long delay = nextNs;
        nextNs = Math.min(maxNs, nextNs * 2);
        return delay;
    }

    /** The channel was negotiated: the next failure waits the minimum again. */
    public void reset()
    {
        nextNs = minNs;
    }
}
