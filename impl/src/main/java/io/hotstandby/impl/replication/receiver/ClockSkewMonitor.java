package io.hotstandby.impl.replication.receiver;

import io.hotstandby.api.event.HotStandbyListener;

/**
 * Measures the peer's wall clock against ours from its heartbeats (SPEC G6) and tells the listener
 * when the difference crosses {@code maxClockSkewMs} (once per crossing). The measured value includes
 * the one-way transit, which on the data channel is far below the millisecond resolution.
 *
 * <p>Threading: replication agent thread; {@link #skewMs()} may be read from any thread.
 */
public final class ClockSkewMonitor
{
    private final long maxSkewMs;
    private final HotStandbyListener listener;
    private volatile long skewMs;
    private boolean reported;

    /**
     * @param maxSkewMs largest tolerated difference, ms.
     * @param listener  told of a larger one.
     */
    public ClockSkewMonitor(final long maxSkewMs, final HotStandbyListener listener)
    {
        this.maxSkewMs = maxSkewMs;
        this.listener = listener;
    }

    /**
     * @param peerWallClockMs the peer's clock in its heartbeat, epoch ms.
     * @param localWallClockMs our clock now, epoch ms.
     */
    public void onPeerClock(final long peerWallClockMs, final long localWallClockMs)
    {
        final long skew = peerWallClockMs - localWallClockMs;
        skewMs = skew;
        if (Math.abs(skew) > maxSkewMs)
        {
            if (!reported)
            {
                reported = true;
                listener.onClockSkew(skew);
            }
        }
        else
        {
            reported = false;
        }
    }

    /** @return the last measured difference peer - local, ms. */
    public long skewMs()
    {
        return skewMs;
    }
}
