package io.hotstandby.api.status;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;

import java.util.Map;

/**
 * "display hot-backup" (SPEC F1): one consistent snapshot of a member, as an API object and as JSON
 * ({@link #toJson()}). Immutable; taken by {@link io.hotstandby.api.HotStandbyNode#status()} from any
 * thread.
 *
 * @param timeEpochMs          when the snapshot was taken, epoch ms.
 * @param nodeId               this member's node id.
 * @param groupId              the backup group (E1).
 * @param state                failover state (A4).
 * @param role                 running role (A4).
 * @param mode                 operating mode (A6).
 * @param rolePolicy           role policy (A5).
 * @param epoch                current epoch (G3).
 * @param health               this member's health, 0..100 (A7).
 * @param peer                 what is known of the peer.
 * @param control              control-channel state.
 * @param data                 data-channel state.
 * @param refusalReason        why the last pairing was refused (A3), or null.
 * @param localEntries         entries per type in this member's tables.
 * @param peerEntries          entries per type the peer last reported.
 * @param replication          replication progress and lag (B3, B8).
 * @param ready                true when a standby has completed its bulk and its lag is under the bound (G2).
 * @param authenticationEnabled false when the configuration turned authentication off (G7).
 * @param lastSwitchover       the last role change, or null.
 * @param lastConfigSyncEpochMs when configuration was last backed up, epoch ms, or 0 (C2).
 * @param configConsistent     result of the last consistency check (C3), null if never checked.
 */
public record HotStandbyStatus(long timeEpochMs, int nodeId, int groupId, FailoverState state, Role role, Mode mode,
    RolePolicy rolePolicy, long epoch, int health, PeerStatus peer, ChannelState control, ChannelState data,
    String refusalReason, Map<EntryType, Long> localEntries, Map<EntryType, Long> peerEntries,
    ReplicationStatus replication, boolean ready, boolean authenticationEnabled, Switchover lastSwitchover,
    long lastConfigSyncEpochMs, Boolean configConsistent)
{
    /** @return this snapshot as one line of JSON, field names as in the record. */
    public String toJson()
    {
        final JsonWriter j = new JsonWriter();
        j.begin()
            .field("time", timeEpochMs).field("node", nodeId).field("group", groupId)
            .field("state", state).field("role", role).field("mode", mode).field("rolePolicy", rolePolicy)
            .field("epoch", epoch).field("health", health)
            .field("control", control).field("data", data).field("refusalReason", refusalReason)
            .field("ready", ready).field("authentication", authenticationEnabled);
        j.key("peer");
        if (peer == null)
        {
            j.nullValue();
        }
        else
        {
            j.begin().field("nodeId", peer.nodeId()).field("address", peer.address()).field("state", peer.state())
                .field("role", peer.role()).field("softwareVersion", peer.softwareVersion())
                .field("health", peer.health()).field("priority", peer.priority()).end();
        }
        j.key("entries");
        counts(j, localEntries);
        j.key("peerEntries");
        counts(j, peerEntries);
        final ReplicationStatus r = replication == null ? ReplicationStatus.EMPTY : replication;
        j.field("sentSeq", r.sentSequence()).field("ackedSeq", r.ackedSequence()).field("appliedSeq", r.appliedSequence())
            .field("lagEntries", r.lagEntries()).field("lagMicros", r.lagMicros()).field("bulkInProgress", r.bulkInProgress())
            .field("lastBulkMillis", r.lastBulkMillis()).field("clockSkewMs", r.clockSkewMs());
        j.key("lastSwitchover");
        if (lastSwitchover == null)
        {
            j.nullValue();
        }
        else
        {
            j.begin().field("from", lastSwitchover.from()).field("to", lastSwitchover.to())
                .field("reason", lastSwitchover.reason()).field("detail", lastSwitchover.detail())
                .field("at", lastSwitchover.atEpochMs()).field("epoch", lastSwitchover.epoch()).end();
        }
        j.field("lastConfigSync", lastConfigSyncEpochMs).field("configConsistent", configConsistent);
        return j.end().toString();
    }

    private static void counts(final JsonWriter j, final Map<EntryType, Long> counts)
    {
        j.begin();
        if (counts != null)
        {
            counts.forEach((type, n) -> j.field(type.name(), n));
        }
        j.end();
    }
}
