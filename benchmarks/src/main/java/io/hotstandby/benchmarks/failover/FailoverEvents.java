package io.hotstandby.benchmarks.failover;

import java.util.List;

import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.hook.TakeoverStep;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.SwitchoverReason;

/**
 * Timestamps (System.nanoTime) of the events the failover benchmark measures on one node: the peer
 * declared lost (Synchronization to Silence; the reason is the control channel's last DOWN reason) and
 * the last takeover step finishing. Called on the node's conductor
 * thread; read by the benchmark thread through volatile fields.
 */
final class FailoverEvents implements HotStandbyListener
{
    volatile long lastDownNs;
    volatile String lastDownReason;
    volatile String lossReason;
    volatile long lastAnnounceNs;
    volatile int downCount;
    volatile boolean lossExpected;
    volatile int unexpectedLosses;
    volatile int announceCount;

    @Override
    public void onChannelChange(final ChannelKind channel, final ChannelState state, final String reason)
    {
        if (channel == ChannelKind.CONTROL && state == ChannelState.DOWN)
        {
            lastDownReason = reason;
        }
    }

    @Override
    public void onStateChange(final FailoverState from, final FailoverState to, final SwitchoverReason reason)
    {
        if (from == FailoverState.SYNCHRONIZATION && reason == SwitchoverReason.PEER_LOST)
        {
            lastDownNs = System.nanoTime();
            lossReason = lastDownReason;
            downCount++;
            if (!lossExpected)
            {
                unexpectedLosses++;
            }
        }
    }

    @Override
    public void onTakeoverStep(final TakeoverStep step, final long durationNs, final List<String> failures)
    {
        if (step == TakeoverStep.ANNOUNCE)
        {
            lastAnnounceNs = System.nanoTime();
            announceCount++;
        }
    }
}
