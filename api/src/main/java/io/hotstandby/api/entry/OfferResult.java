package io.hotstandby.api.entry;

/**
 * Outcome of offering an entry for replication (SPEC B7). Never blocks; every non-accepted outcome is
 * counted, and the ones that lose an update ({@link #RING_FULL}) make the engine repair the standby
 * later by resync, so nothing is lost silently.
 */
public enum OfferResult
{
    /** Written to the ring; it will reach the standby. */
    ACCEPTED,
    /** The producer's ring is full: dropped now, repaired later by resync (counted). */
    RING_FULL,
    /** The entry's type (or its HTTP/DNS switch) is disabled: not replicated, by configuration. */
    TYPE_DISABLED,
    /** A session younger than its type's delay time (B6): not replicated yet; a later update will be. */
    TOO_YOUNG,
    /** This member is not replicating (not active, or no peer): nothing to send (counted). */
    NOT_REPLICATING,
    /** A variable-length field exceeds its bound (e.g. custom payload over 4096 bytes). */
    TOO_LONG,
    /** The node is closed. */
    CLOSED
}
