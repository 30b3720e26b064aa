package io.hotstandby.api.status;

import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

/**
 * The last role change of a member and why (SPEC F1). Immutable.
 *
 * @param from        role before.
 * @param to          role after.
 * @param reason      why.
 * @param detail      free text, e.g. "track 3 negative".
 * @param atEpochMs   when, epoch ms.
 * @param epoch       the epoch the change raised (G3).
 */
public record Switchover(Role from, Role to, SwitchoverReason reason, String detail, long atEpochMs, long epoch)
{
}
