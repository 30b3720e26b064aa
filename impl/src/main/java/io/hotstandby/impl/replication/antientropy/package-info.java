/**
 * Anti-entropy (SPEC G4): besides the full bulk backup, the active and the standby compare digests of
 * key ranges and repair only the entries that differ, periodically
 * ({@code PairConfig.antiEntropyIntervalMs()}), after a standby resumes from the retransmit window,
 * and instead of a bulk backup after a ring-full loss once the standby has completed a bulk backup.
 *
 * <h2>Protocol, in the data stream</h2>
 * <ol>
 *   <li>The active ({@link io.hotstandby.impl.replication.antientropy.AntiEntropySource}, driven by the
 *       sender once the drain reached the rings' captured positions) digests a range of its table and
 *       appends {@code RangeDigestRequest(DIGEST, requestId, type, from, to)} to the outbound log: the
 *       request takes a sequence after the entries already sequenced.</li>
 *   <li>The standby ({@link io.hotstandby.impl.replication.antientropy.AntiEntropyReplica}, called by the
 *       receiver in sequence order) digests the same range when it applies the request, so both
 *       digests describe the same stream position, and answers {@code RangeDigest(requestId, digest,
 *       count)}.</li>
 *   <li>A mismatch splits the range into 16 sub-ranges of the signed key space, down to ranges of a
 *       few hundred to a thousand entries, which are repaired: {@code REPAIR_BEGIN}, the active's
 *       entries of the range as sequenced upserts, {@code REPAIR_END}; at the end the standby deletes
 *       the keys of the range it did not receive since the begin marker.</li>
 * </ol>
 * The digest ({@link io.hotstandby.impl.replication.antientropy.RangeDigester}) is the sum of a 64-bit
 * hash of each entry's canonical SBE encoding, plus a count: independent of the order a table emits
 * its entries, and free of per-transmission fields (sequence, owner). A mismatch caused by entries in
 * flight costs only a repair that re-sends current values. The sixteen sub-ranges of a split are
 * digested in one walk of the table on each member: the active appends their requests back to back,
 * and the standby digests a run of consecutive requests just before it next changes the table, still
 * at their stream position. Work per duty cycle (one walk), outstanding requests and queues are
 * bounded; nothing allocates per entry.
 *
 * <p>Threading: replication agent thread only.
 */
package io.hotstandby.impl.replication.antientropy;
