package io.hotstandby.examples.demo;

import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.hook.TakeoverStep;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One member's events as the demo sees them: each event becomes a line of narration queued for the
 * demo's main thread (the listener must return at once, so it never prints), and the moments the
 * demo measures are kept: when the peer was lost, when the member became active, when the takeover's
 * last step finished, and the last bulk backup. Called on the library's agent threads; read on the
 * demo's main thread. Times are {@link System#nanoTime()}, the demo's clock.
 */
final class DemoEvents implements HotStandbyListener
{
    private final String name;
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    volatile long peerLostNs;
    volatile long becameActiveNs;
    volatile long takeoverDoneNs;
    volatile long bulkEntries = -1;
    volatile long bulkNs;
    volatile Role role = Role.UNDECIDED;
    volatile FailoverState state = FailoverState.SILENCE;
    private volatile long protocolErrors;

    DemoEvents(final String name)
    {
        this.name = name;
    }

    @Override
    public void onStateChange(final FailoverState from, final FailoverState to, final SwitchoverReason reason)
    {
        state = to;
        lines.add(name + ": state " + from + " -> " + to + " (" + reason + ")");
    }

    @Override
    public void onRoleChange(final Role from, final Role to, final long epoch, final SwitchoverReason reason,
        final String detail)
    {
        final long now = System.nanoTime();
        if (to == Role.ACTIVE && from != Role.ACTIVE)
        {
            becameActiveNs = now;
        }
        if (reason == SwitchoverReason.PEER_LOST && peerLostNs == 0)
        {
            peerLostNs = now;
        }
        role = to;
        lines.add(name + ": role " + from + " -> " + to + " at epoch " + epoch + " (" + reason +
            (detail == null || detail.isEmpty() ? "" : ": " + detail) + ")");
    }

    @Override
    public void onChannelChange(final ChannelKind channel, final ChannelState channelState, final String reason)
    {
        if (channel == ChannelKind.CONTROL && channelState == ChannelState.DOWN && role != Role.UNDECIDED &&
            peerLostNs == 0)
        {
            peerLostNs = System.nanoTime();
        }
        lines.add(name + ": " + channel.name().toLowerCase() + " channel " + channelState +
            (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
    }

    @Override
    public void onTakeoverStep(final TakeoverStep step, final long durationNs, final List<String> failures)
    {
        if (step == TakeoverStep.ANNOUNCE && becameActiveNs != 0)
        {
            takeoverDoneNs = System.nanoTime();
        }
        lines.add(name + ": takeover step " + step + " done in " + durationNs / 1_000 + " us" +
            (failures.isEmpty() ? "" : ", failures: " + failures));
    }

    @Override
    public void onBulkComplete(final long entries, final long durationNs)
    {
        bulkNs = durationNs;
        bulkEntries = entries;
        lines.add(name + ": bulk backup complete: " + entries + " entries in " + durationNs / 1_000_000 + " ms");
    }

    @Override
    public void onResync(final String reason)
    {
        lines.add(name + ": resync: " + reason);
    }

    @Override
    public void onPairingRefused(final String reason)
    {
        lines.add(name + ": pairing refused: " + reason);
    }

    @Override
    public void onProtocolError(final ChannelKind channel, final String reason)
    {
        if (protocolErrors++ == 0)
        {
            lines.add(name + ": " + channel + " protocol error: " + reason + " (further ones are counted in the summary)");
        }
    }

    /** @return protocol errors reported so far. */
    long protocolErrors()
    {
        return protocolErrors;
    }

    /** Forgets the measured moments of earlier phases. */
    void resetTakeover()
    {
        peerLostNs = 0;
        becameActiveNs = 0;
        takeoverDoneNs = 0;
    }

    /** @param printer prints every queued line. */
    void drainTo(final ConsolePrinter printer)
    {
        String line;
        while ((line = lines.poll()) != null)
        {
            printer.line(line);
        }
    }
}
