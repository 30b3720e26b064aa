package io.hotstandby.api.status;

import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;

/**
 * What a member knows of its peer (SPEC F1). Immutable.
 *
 * @param nodeId          the peer's node id, 0 when never negotiated.
 * @param address         the peer's control address, as configured.
 * @param state           the peer's last announced state, or null.
 * @param role            the peer's last announced role, or null.
 * @param softwareVersion the peer's software version, or null.
 * @param health          the peer's last reported health, 0..100, or -1.
 * @param priority        the peer's priority, or -1.
 */
public record PeerStatus(int nodeId, String address, FailoverState state, Role role, String softwareVersion,
    int health, int priority)
{
}
