package io.hotstandby.api.counter;

/**
 * Counters a member keeps (SPEC F2), readable by an external tool without stopping the process (the
 * implementation publishes them in a memory-mapped file). {@link #id()} is the counter's stable id in
 * that file, never the declaration order; {@link #label()} is what a reader prints.
 */
public enum CounterId
{
    /** Entries sent to the peer (real time and bulk). */
    ENTRIES_SENT(0, "Entries sent"),
    /** Entries applied from the peer. */
    ENTRIES_APPLIED(1, "Entries applied"),
    /** Entries the peer acknowledged. */
    ENTRIES_ACKNOWLEDGED(2, "Entries acknowledged"),
    /** Data-channel bytes sent. */
    BYTES_SENT(3, "Bytes sent"),
    /** Data-channel bytes received. */
    BYTES_RECEIVED(4, "Bytes received"),
    /** Keepalives that went unanswered. */
    KEEPALIVES_MISSED(5, "Keepalives missed"),
    /** Entries retransmitted after a gap or reconnect. */
    RETRANSMITS(6, "Retransmits"),
    /** Resyncs and bulk backups started to repair the standby. */
    RESYNCS(7, "Resyncs"),
    /** Offers rejected because a producer ring was full. */
    RING_FULL_REJECTIONS(8, "Ring-full rejections"),
    /** Frames rejected as malformed, hostile or stale. */
    FRAMES_REJECTED(9, "Frames rejected"),
    /** Role changes. */
    ROLE_CHANGES(10, "Role changes"),
    /** Current epoch (G3). */
    EPOCH(11, "Epoch"),
    /** Current failover state code. */
    STATE(12, "Failover state"),
    /** Current role code. */
    ROLE(13, "Role"),
    /** Current replication lag, entries. */
    LAG_ENTRIES(14, "Lag (entries)"),
    /** Takeover hook steps that failed or timed out. */
    HOOK_FAILURES(15, "Hook failures"),
    /** Pairings refused at handshake (incl. failed authentication). */
    PAIRINGS_REFUSED(16, "Pairings refused"),
    /** Entries skipped because they were younger than their delay time (B6). */
    ENTRIES_TOO_YOUNG(17, "Entries too young"),
    /**
     * Entries received from a member deposed after a split brain (A11) and inserted here because this
     * member, the one that stayed active, did not hold their keys.
     */
    ENTRIES_RECONCILED(18, "Entries reconciled");

    private final int id;
    private final String label;

    CounterId(final int id, final String label)
    {
        this.id = id;
        this.label = label;
    }

    /** @return the stable counter id. */
    public int id()
    {
        return id;
    }

    /** @return a human label. */
    public String label()
    {
        return label;
    }
}
