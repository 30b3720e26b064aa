package io.hotstandby.impl.pairing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.hook.TakeoverStep;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

/** Records events as short strings. */
final class RecordingListener implements HotStandbyListener
{
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onStateChange(final FailoverState from, final FailoverState to, final SwitchoverReason reason)
    {
        events.add("state " + from + "->" + to + " " + reason);
    }

    @Override
    public void onRoleChange(final Role from, final Role to, final long epoch, final SwitchoverReason reason,
        final String detail)
    {
        events.add("role " + from + "->" + to + " " + reason);
    }

    @Override
    public void onChannelChange(final ChannelKind channel, final ChannelState state, final String reason)
    {
        events.add("channel " + state);
    }

    @Override
    public void onPairingRefused(final String reason)
    {
        events.add("refused " + reason);
    }

    @Override
    public void onTakeoverStep(final TakeoverStep step, final long durationNs, final List<String> failures)
    {
        events.add("step " + step + (failures.isEmpty() ? "" : " failures " + failures));
    }

    @Override
    public void onCommandResult(final CommandResult result)
    {
        events.add("command " + result);
    }

    @Override
    public void onProtocolError(final ChannelKind channel, final String reason)
    {
        events.add("protocol " + channel + " " + reason);
    }

    @Override
    public void onConfigInconsistent(final List<String> modules)
    {
        events.add("inconsistent " + modules);
    }

    boolean has(final String prefix)
    {
        return events.stream().anyMatch(e -> e.startsWith(prefix));
    }

    int indexOf(final String prefix)
    {
        for (int i = 0; i < events.size(); i++)
        {
            if (events.get(i).startsWith(prefix))
            {
                return i;
            }
        }
        return -1;
    }
}
