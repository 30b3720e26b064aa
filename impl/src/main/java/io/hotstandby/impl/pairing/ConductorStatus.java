package io.hotstandby.impl.pairing;

import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.PeerStatus;
import io.hotstandby.api.status.Switchover;

/**
 * The conductor's part of the status (SPEC F1), published as one immutable object through a volatile
 * field whenever something in it changes, so any thread reads a consistent snapshot.
 *
 * @param state                 failover state.
 * @param role                  running role.
 * @param epoch                 current epoch.
 * @param health                effective health.
 * @param peer                  what is known of the peer.
 * @param control               control-channel state.
 * @param refusalReason         last pairing refusal, or null.
 * @param lastSwitchover        last role change, or null.
 * @param lastConfigSyncEpochMs last configuration backup, epoch ms, or 0.
 * @param configConsistent      result of the last consistency check, or null.
 * @param peerUp                true while the peer is negotiated.
 * @param staleMessages         control messages ignored for a stale epoch.
 */
public record ConductorStatus(FailoverState state, Role role, long epoch, int health, PeerStatus peer,
    ChannelState control, String refusalReason, Switchover lastSwitchover, long lastConfigSyncEpochMs,
    Boolean configConsistent, boolean peerUp, long staleMessages)
{
}
