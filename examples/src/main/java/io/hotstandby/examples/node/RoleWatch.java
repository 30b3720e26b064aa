package io.hotstandby.examples.node;

import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listener that remembers the member's latest failover state and role and raises a flag on every
 * change, so that the launcher's main thread prints a status line for each change without polling
 * the full status. Called on the library's conductor thread; read from the main thread.
 */
final class RoleWatch implements HotStandbyListener
{
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private volatile FailoverState state = FailoverState.SILENCE;
    private volatile Role role = Role.UNDECIDED;

    @Override
    public void onStateChange(final FailoverState from, final FailoverState to, final SwitchoverReason reason)
    {
        state = to;
        changed.set(true);
    }

    @Override
    public void onRoleChange(final Role from, final Role to, final long epoch, final SwitchoverReason reason,
        final String detail)
    {
        role = to;
        changed.set(true);
    }

    /** @return true once after each change. */
    boolean takeChanged()
    {
        return changed.getAndSet(false);
    }

    /** @return true while this member is active and paired with a synchronized peer. */
    boolean activeAndPaired()
    {
        return role == Role.ACTIVE && state == FailoverState.SYNCHRONIZATION;
    }
}
