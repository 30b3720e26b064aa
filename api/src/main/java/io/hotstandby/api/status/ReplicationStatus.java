package io.hotstandby.api.status;

/**
 * Replication progress as one member sees it (SPEC B3, B8, G2). Immutable snapshot.
 *
 * @param sentSequence      highest sequence this member has sent.
 * @param ackedSequence     highest sequence the peer has acknowledged as installed (cumulative): every entry
 *                          up to it survives a takeover; it does not advance while a bulk backup is unconfirmed.
 * @param appliedSequence   highest sequence this member has applied from the peer.
 * @param lagEntries        the recovery point, in entries: on the sending member, entries sent but not yet
 *                          acknowledged; on a standby, entries the peer announced that it has not applied yet.
 * @param lagMicros         the recovery point in time, microseconds: on the sending member, the age of the
 *                          oldest unacknowledged entry; on a standby, how long it has been behind the peer's
 *                          announced head without catching up (0 when caught up).
 * @param bulkInProgress    true while a bulk backup runs (B4).
 * @param lastBulkMillis    duration of the last completed bulk backup, ms, or -1.
 * @param clockSkewMs       measured wall-clock difference peer - local, ms (G6).
 */
public record ReplicationStatus(long sentSequence, long ackedSequence, long appliedSequence, long lagEntries,
    long lagMicros, boolean bulkInProgress, long lastBulkMillis, long clockSkewMs)
{
    /** An empty status for a member that has not replicated anything. */
    public static final ReplicationStatus EMPTY = new ReplicationStatus(0, 0, 0, 0, 0, false, -1, 0);
}
