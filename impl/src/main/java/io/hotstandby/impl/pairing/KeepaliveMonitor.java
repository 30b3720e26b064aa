package io.hotstandby.impl.pairing;

/**
 * Detects a silent peer on the control channel (SPEC A2), Netty's IdleStateHandler idea: it only
 * detects, the state machine decides. Every keepalive interval without a frame from the peer counts
 * as one missed keepalive; {@code retries} missed in a row declare the peer lost.
 *
 * <p>Stall rule: time during which this member itself was not running is not counted against the
 * peer. A gap between two consecutive {@link #poll(long)} calls longer than one interval is this
 * member's own stall (the peer's frames may be waiting unread in its socket, its keepalives were not
 * sent, or the whole host was descheduled): only the first interval of such a gap counts as silence,
 * the rest is excused; and after the stall the peer gets at least one more interval to be heard (the
 * silence counted is cut back to {@code retries - 1} intervals). Bound: that second grace is given at
 * most {@code retries} times per silence, and every poll counts at least {@code min(gap, interval)},
 * so a member that is permanently starved, however long its gaps, still declares a silent peer lost
 * at its {@code 2 x retries}-th poll after the peer's last frame at the latest. A member that polls
 * at least once per interval declares a silent peer lost after exactly interval x retries of silence
 * (at its first poll from then on).
 *
 * <p>Threading: conductor thread only. Times in nanoseconds of the node's clock, compared wrap-safely.
 */
public final class KeepaliveMonitor
{
    private final long intervalNs;
    private final int retries;
    private long lastHeardNs;
    private long excusedNs;
    private int gracesGiven;
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
        excusedNs = 0;
        gracesGiven = 0;
        missed = 0;
    }

    /**
     * A frame from the peer was read. A time older than one already known changes nothing.
     *
     * @param arrivalNs when it was read, ns.
     */
    public void onHeard(final long arrivalNs)
    {
        if (arrivalNs - lastHeardNs > 0)
        {
            lastHeardNs = arrivalNs;
            excusedNs = 0;
            gracesGiven = 0;
            missed = 0;
        }
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
     * Updates the count of missed keepalives, excusing this member's own stall since the last poll.
     *
     * @param nowNs time, ns.
     * @return how many keepalives became missed in this call (0 most of the time).
     */
    public int poll(final long nowNs)
    {
        final long gapNs = nowNs - lastPollNs;
        lastPollNs = nowNs;
        if (gapNs > intervalNs)
        {
            // this member's own stall: beyond its first interval, as far as the silence covers it
            final long stallNs = Math.min(gapNs - intervalNs, nowNs - lastHeardNs - excusedNs);
            if (stallNs > 0)
            {
                excusedNs += stallNs;
            }
            // one more interval for the peer after this member's stall, a bounded number of times
            final long graceSilenceNs = intervalNs * (retries - 1);
            final long overNs = nowNs - lastHeardNs - excusedNs - graceSilenceNs;
            if (overNs > 0 && gracesGiven < retries)
            {
                excusedNs += overNs;
                gracesGiven++;
            }
        }
        final long silentNs = nowNs - lastHeardNs - excusedNs;
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

    /** @return nanoseconds since the peer was last heard, at {@code nowNs}, own stalls included. */
    public long silentNs(final long nowNs)
    {
        return nowNs - lastHeardNs;
    }

    /** @return own stall time excused from the current silence, ns. */
    public long excusedNs()
    {
        return excusedNs;
    }
}
