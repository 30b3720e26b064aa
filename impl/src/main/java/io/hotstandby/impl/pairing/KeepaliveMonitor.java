package io.hotstandby.impl.pairing;

/**
 * Detects a silent peer on the control channel (SPEC A2), Netty's IdleStateHandler idea: it only
 * detects, the state machine decides. Every keepalive interval without a frame from the peer counts
 * as one missed keepalive; {@code retries} missed in a row declare the peer lost. A member that was itself
 * not scheduled for longer than an interval (its own stall, when the peer's frames may still sit unread
 * in its socket) does not blame the peer for it: after such a gap the peer gets one more interval.
 *
 * <p>Threading: conductor thread only. Times in nanoseconds, compared wrap-safely.
 */
public final class KeepaliveMonitor
{
    private final long intervalNs;
    private final int retries;
    private long lastHeardNs;
    private long nextSendNs;
    private long lastPollNs;
    private int missed;

    /**
     * @param intervalNs keepalive interval, ns.
     * @param retries    missed keepalives that declare the peer lost.
     */
    public KeepaliveMonitor(final long intervalNs, final int retries)
    {
        this.intervalNs = intervalNs;
        this.retries = retries;
    }

    /** @param nowNs the channel came up: start counting from now. */
    public void reset(final long nowNs)
    {
        lastHeardNs = nowNs;
        nextSendNs = nowNs;
        lastPollNs = nowNs;
        missed = 0;
    }

    /** @param nowNs a valid frame arrived from the peer. */
    public void onHeard(final long nowNs)
    {
        lastHeardNs = nowNs;
        missed = 0;
    }

    /**
     * @param nowNs time, ns.
     * @return true when a keepalive is due; the caller sends it and calls {@link #onSent(long)}.
     */
    public boolean isSendDue(final long nowNs)
    {
        return nowNs - nextSendNs >= 0;
    }

    /** @param nowNs a keepalive was sent. */
    public void onSent(final long nowNs)
    {
        nextSendNs = nowNs + intervalNs;
    }

    /**
     * Updates the count of missed keepalives.
     *
     * @param nowNs time, ns.
     * @return how many keepalives became missed in this call (0 most of the time).
     */
    public int poll(final long nowNs)
    {
        if (nowNs - lastPollNs > intervalNs)
        {
            final long graceFrom = nowNs - intervalNs * Math.max(0, retries - 1);
            if (graceFrom - lastHeardNs > 0)
            {
                lastHeardNs = graceFrom;
            }
        }
        lastPollNs = nowNs;
        final long silentNs = nowNs - lastHeardNs;
        final int nowMissed = silentNs <= 0 ? 0 : (int)Math.min(Integer.MAX_VALUE, silentNs / intervalNs);
        final int newlyMissed = Math.max(0, nowMissed - missed);
        missed = nowMissed;
        return newlyMissed;
    }

    /** @return true when {@code retries} keepalive intervals have passed without a frame from the peer. */
    public boolean isPeerLost()
    {
        return missed >= retries;
    }

    /** @return keepalives missed in a row. */
    public int missed()
    {
        return missed;
    }

    /** @return nanoseconds since the peer was last heard, at {@code nowNs}. */
    public long silentNs(final long nowNs)
    {
        return nowNs - lastHeardNs;
    }
}
