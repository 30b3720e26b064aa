/**
 * The replication engine (SPEC B1-B9, E3, G1, G2, G5, G6, A6): how entries get from the active's
 * data-plane threads into the standby's tables.
 *
 * <h2>Path of one entry</h2>
 * <ol>
 *   <li>{@code producer}: a data-plane thread claims a slot of its own Agrona one-to-one ring (one ring
 *       per send priority), a flyweight writer ({@code entry}) encodes the SBE entry message in place,
 *       the commit checks the type policy (HTTP/DNS switches, delay time against the clock the agent
 *       caches each cycle). A full ring rejects at once, is counted and raises a flag.</li>
 *   <li>{@code sender}: the agent drains the rings, highest priority first, into the
 *       {@code OutboundLog}, which gives each entry its sequence and keeps the retransmit window; it
 *       copies entries from the log into batch frames ({@code BatchHeader} + entries) claimed on the
 *       data link and flushes once per cycle.</li>
 *   <li>{@code receiver}: the standby validates every frame with the codec's bounded
 *       {@code FrameReader}, then checks epochs and entry operations, and only then applies, strictly in
 *       sequence order, through the providers with flyweight readers decoded in place. It acknowledges
 *       cumulatively; a gap (or no progress while the peer says it has more) asks for a resend from the
 *       first missing sequence.</li>
 * </ol>
 *
 * <h2>Where a stream starts</h2>
 * The receiver always speaks first on a new link: a {@code ResyncRequest} with the next sequence it
 * needs and the epoch of the bulk backup it last completed, or 0 when it needs a bulk backup. The
 * sender resumes from its window when it can, and starts a bulk backup otherwise (entries left the
 * window, the peer was away too long, a ring-full loss, a new stream after a role change).
 *
 * <h2>Bulk backup racing real-time updates</h2>
 * One sequence orders both: a bulk entry takes its sequence when the agent reads it from the host's
 * table, a real-time entry when the agent drains it from a ring, and the standby applies in sequence
 * order. The rules that make races safe:
 * <ul>
 *   <li>The host updates its table before it offers the entry (the producer contract), and offers all
 *       updates of one key from one producer (one data-plane thread per key, as flow hashing gives),
 *       since only each ring is first in, first out.</li>
 *   <li>Barrier: the agent reads a bulk slice only after the drain has reached every ring's write
 *       position captured at the start of that cycle, so every offer committed before the read is
 *       sequenced before it. An older offer therefore never lands after the newer value the read saw,
 *       even when the offer of that newer value was lost to a full ring.</li>
 *   <li>Offers committed after the read carry values at least as new as the read, and get higher
 *       sequences: the last one wins on the standby, as on the active.</li>
 *   <li>A bulk begins after a sequence hole, so a standby that lost the begin marker sees a gap and is
 *       given the marker again; markers are ignored unless newer (epoch, bulk id).</li>
 *   <li>The standby marks every key the bulk or the real-time stream delivers after the bulk began;
 *       when the bulk ends, keys of its tables that were not marked are deleted (stale entries, and
 *       deletes the active made while the standby was away). Deletes during the bulk unmark.</li>
 *   <li>Any ring-full loss during or before a bulk starts another bulk once the current one ends, so
 *       the last bulk has no loss after its barrier.</li>
 * </ul>
 * The seeded simulation in the testkit checks these rules over 500 seeds.
 *
 * <h2>Anti-entropy (G4)</h2>
 * Besides the bulk backup, the active compares digests of key ranges with the standby in the data
 * stream and repairs only the ranges that differ (package {@code antientropy}): periodically, after a
 * standby resumes from the window, and instead of a bulk backup after a ring-full loss once the
 * standby completed a bulk backup (a fresh standby still gets one). Its requests and repairs take
 * sequences like entries, after the same ring barrier as a bulk slice.
 *
 * <p>Threading: everything here runs on the replication agent thread except the producers (one
 * data-plane thread each) and the conductor's calls, which {@code ReplicationEngine} queues.
 */
package io.hotstandby.impl.replication;
