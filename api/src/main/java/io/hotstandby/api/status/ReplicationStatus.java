package io.hotstandby.api.status;

/**
 * Replication progress as one member sees it (SPEC B3, B8, G2). Immutable snapshot.
 *
 * @param sentSequence      highest sequence this member has sent.
 * @param ackedSequence     highest sequence the peer has acknowledged as installed (cumulative): every entry
 *                          up to it survives a takeover; it does not advance while a bulk backup is unconfirmed.
 * @param appliedSequence   highest sequence this member has applied from the peer.
 * @param lagEntries        entries sent but not yet acknowledged (the recovery point, in entries).
 * @param lagMicros         age of the oldest unacknowledged entry, microseconds (the recovery point in time).
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
