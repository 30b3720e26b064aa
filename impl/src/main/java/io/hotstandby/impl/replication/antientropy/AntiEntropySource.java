package io.hotstandby.impl.replication.antientropy;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.replication.RangeAction;
import io.hotstandby.codec.replication.RangeDigestRequestEncoder;
import io.hotstandby.impl.replication.producer.ProducerGate;
import io.hotstandby.impl.replication.sender.OutboundLog;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The active's half of anti-entropy (SPEC G4): compares digests of key ranges with the standby and
 * repairs only the ranges that differ.
 *
 * <p>A round puts the whole signed key space of every replicated type in the queue of ranges to
 * compare. For each, the sender's agent (once the drain has reached the rings' positions captured at
 * the start of the cycle, as for a bulk slice) digests its own table and appends a
 * {@code RangeDigestRequest(DIGEST)} to the {@link OutboundLog}: the request takes a sequence, so the
 * standby digests its table when it applies the request, at the same stream position. The standby's
 * {@code RangeDigest} comes back to {@link #onRangeDigest}; a difference splits the range into 16
 * sub-ranges, down to ranges of at most {@link #LEAF_ENTRIES} entries on either side, which are
 * repaired: {@code REPAIR_BEGIN}, the active's entries of the range (sequenced upserts), then
 * {@code REPAIR_END}, at which the standby deletes the keys of the range it did not receive since
 * {@code REPAIR_BEGIN}. All three are appended in one cycle, so nothing interleaves. A difference
 * caused by entries in flight only costs a repair that re-sends current values.
 *
 * <p>Bounds: at most {@link #MAX_OUTSTANDING} requests unanswered, {@link #REQUESTS_PER_CYCLE} digests
 * and one repair per duty cycle, fixed queues; an unanswered request is forgotten after
 * {@link #REQUEST_TIMEOUT_NS} and its range compared again. Rounds start every {@link PairConfig#antiEntropyIntervalMs()}, and when
 * the sender asks ({@link #requestRound}: a standby resumed from the window, offers were lost to full
 * rings). Off in dual-active mode, where each table also holds the member's own entries.
 *
 * <p>Threading: replication agent thread only (called by the {@code Sender} and, for answers, by the
 * {@code Receiver}).
 */
public final class AntiEntropySource
{
    /**
     * Ranges with at most this many entries on both sides are repaired rather than split (less with a
     * retransmit window under four times this: a quarter of the window).
     */
    public static final int LEAF_ENTRIES = 1024;
    /** Most digest requests awaiting an answer: room for four splits' sub-ranges. */
    public static final int MAX_OUTSTANDING = 64;
    /**
     * Most table walks per duty cycle: each is one {@code BackupProvider.scanRange} call (the whole
     * table for a host that keeps the default) that digests a run of up to
     * {@link RangeDigester#MAX_RANGES} contiguous ranges of one type (the sub-ranges of a split), so one
     * per cycle keeps the agent's cycle bounded by one walk.
     */
    public static final int WALKS_PER_CYCLE = 1;
    /**
     * Largest table, in entries, compared by anti-entropy when its provider keeps the default
     * {@code BackupProvider.scanRange}, which walks the whole table for every range: one walk of this
     * many entries costs the agent about 16 ms (some 240 ns an entry, measured with the testkit's
     * table). A larger table of that kind is left out of the rounds, and an offer lost to a full ring
     * is repaired by a bulk backup instead, which reads it once. A provider that overrides
     * {@code scanRange} (an ordered table) is always compared.
     */
    public static final long UNORDERED_WALK_LIMIT = 65_536;
    /** An unanswered request is given up after this, ns, and its range compared again. */
    public static final long REQUEST_TIMEOUT_NS = 2_000_000_000L;
    private static final int FANOUT = 16;
    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropySource.class);
    private static final int REQUEST_LENGTH = FrameDescriptor.ENTRY_HEADER_LENGTH + RangeDigestRequestEncoder.BLOCK_LENGTH;

    private final BackupProvider<?>[] providers = new BackupProvider<?>[8];
    /** Per type code: the provider overrides scanRange, so a range costs only its own entries. */
    private final boolean[] rangeScans = new boolean[8];
    private final boolean[] skipLogged = new boolean[8];
    private final boolean enabled;
    private final int leafEntries;
    private final long intervalNs;
    private final RangeDigester digester;
    private final RepairSource repairSource;
    private final OutboundLog log;
    private final HotStandbyListener listener;
    private final AtomicCounter repairsCounter;
    private final RangeQueue checks = new RangeQueue(4096);
    private final RangeQueue repairs = new RangeQueue(256);
    private final long[] pendingIds = new long[MAX_OUTSTANDING];
    private final int[] pendingTypes = new int[MAX_OUTSTANDING];
    private final long[] pendingFroms = new long[MAX_OUTSTANDING];
    private final long[] pendingTos = new long[MAX_OUTSTANDING];
    private final long[] pendingDigests = new long[MAX_OUTSTANDING];
    private final long[] pendingCounts = new long[MAX_OUTSTANDING];
    private final long[] pendingSentNs = new long[MAX_OUTSTANDING];
    private final long[] runFroms = new long[RangeDigester.MAX_RANGES];
    private final long[] runTos = new long[RangeDigester.MAX_RANGES];
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[REQUEST_LENGTH]);
    private final RangeDigestRequestEncoder request = new RangeDigestRequestEncoder();

    private int outstanding;
    private long nextRequestId = 1;
    private boolean roundRequested;
    private String roundReason = "";
    private boolean roundActive;
    private long nextRoundNs = Long.MIN_VALUE;
    private long rounds;
    private long requestsSent;
    private long walks;
    private long mismatches;
    private long repairCount;
    private long entriesResent;

    /**
     * @param config    the configuration (interval, mode).
     * @param providers the host's providers.
     * @param gate      the type policies: only what a bulk backup would send is digested and re-sent.
     * @param log       the sender's log, where requests and repairs take their sequences.
     * @param listener  told of each repair ({@code onResync}).
     * @param repairs   counts repairs (RESYNCS).
     */
    public AntiEntropySource(
        final PairConfig config,
        final Map<EntryType, BackupProvider<?>> providers,
        final ProducerGate gate,
        final OutboundLog log,
        final HotStandbyListener listener,
        final AtomicCounter repairs)
    {
        for (final BackupProvider<?> p : providers.values())
        {
            if (gate.enabled(p.type()))
            {
                this.providers[p.type().code()] = p;
                this.rangeScans[p.type().code()] = scansRanges(p);
            }
        }
        this.enabled = config.mode() != Mode.DUAL_ACTIVE;
        this.intervalNs = config.antiEntropyIntervalMs() * 1_000_000L;
        this.digester = new RangeDigester(gate);
        this.repairSource = new RepairSource(gate, log);
        this.log = log;
        this.leafEntries = Math.max(1, Math.min(LEAF_ENTRIES, log.window() / 4));
        this.listener = listener;
        this.repairsCounter = repairs;
    }

    /** @return true unless the mode rules anti-entropy out (dual-active). */
    public boolean enabled()
    {
        return enabled;
    }

    /**
     * @return true when a round can compare every table at a bounded cost per duty cycle: each provider
     * scans ranges, or holds at most {@link #UNORDERED_WALK_LIMIT} entries. Otherwise a loss is better
     * repaired by a bulk backup.
     */
    public boolean coversEveryTable()
    {
        for (int code = 0; code < providers.length; code++)
        {
            if (providers[code] != null && !affordable(code))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param provider a host's provider.
     * @return true when it overrides {@code BackupProvider.scanRange} (it can emit just a range).
     */
    static boolean scansRanges(final BackupProvider<?> provider)
    {
        try
        {
            return provider.getClass().getMethod("scanRange", long.class, long.class, EntrySink.class)
                .getDeclaringClass() != BackupProvider.class;
        }
        catch (final NoSuchMethodException ex)
        {
            throw new IllegalStateException("BackupProvider.scanRange not found", ex);
        }
    }

    private boolean affordable(final int code)
    {
        if (rangeScans[code])
        {
            return true;
        }
        final long size = providers[code].size();
        return size >= 0 && size <= UNORDERED_WALK_LIMIT;
    }

    /**
     * Asks for a round as soon as the stream allows (a resume from the window, a ring-full loss).
     *
     * @param reason for the log.
     */
    public void requestRound(final String reason)
    {
        if (enabled)
        {
            roundRequested = true;
            roundReason = reason;
        }
    }

    /**
     * @param nowNs the agent's time.
     * @return true when this cycle would append requests or repairs, so the sender must capture and
     * reach the ring barrier first.
     */
    public boolean wantsBarrier(final long nowNs)
    {
        if (!enabled)
        {
            return false;
        }
        if (nextRoundNs == Long.MIN_VALUE)
        {
            nextRoundNs = nowNs + intervalNs;
        }
        expire(nowNs);
        finishIfDone(nowNs);
        return repairs.size() > 0 || (checks.size() > 0 && outstanding < MAX_OUTSTANDING) ||
            (!roundActive && (roundRequested || (intervalNs > 0 && nowNs - nextRoundNs >= 0)));
    }

    /**
     * One duty cycle, after the drain reached the ring barrier: starts a due round, appends repairs
     * and digest requests to the log.
     *
     * @param nowNs the agent's time.
     * @param room  entries the log may still take under flow control.
     * @return work done.
     */
    public int doWork(final long nowNs, final long room)
    {
        if (!enabled)
        {
            return 0;
        }
        if (nextRoundNs == Long.MIN_VALUE)
        {
            nextRoundNs = nowNs + intervalNs;
        }
        expire(nowNs);
        if (!roundActive && (roundRequested || (intervalNs > 0 && nowNs - nextRoundNs >= 0)))
        {
            startRound();
        }
        int work = 0;
        long left = room;
        if (repairs.size() > 0 && left > 2)
        {
            left -= repair(nowNs, left);
            work++;
        }
        for (int i = 0; i < WALKS_PER_CYCLE && checks.size() > 0 && outstanding < MAX_OUTSTANDING && left > 0; i++)
        {
            final int sent = sendRequests(nowNs, (int)Math.min(left, MAX_OUTSTANDING - outstanding));
            left -= sent;
            work += sent;
        }
        finishIfDone(nowNs);
        return work;
    }

    private void finishIfDone(final long nowNs)
    {
        if (roundActive && checks.size() == 0 && repairs.size() == 0 && outstanding == 0)
        {
            roundActive = false;
            nextRoundNs = nowNs + intervalNs;
            LOG.debug("anti-entropy round {} done: {} requests, {} repairs so far", rounds, requestsSent, repairCount);
        }
    }

    /**
     * The standby's digest of a range, at the stream position of the request.
     *
     * @param requestId the request answered.
     * @param typeCode  the entry type's code.
     * @param from      first key.
     * @param to        last key.
     * @param digest    the standby's digest.
     * @param count     the standby's entry count.
     */
    public void onRangeDigest(
        final long requestId, final int typeCode, final long from, final long to, final long digest, final long count)
    {
        if (LOG.isDebugEnabled())
        {
            LOG.debug("anti-entropy answer {}: type {} keys [{}, {}] digest {} count {}", requestId, typeCode, from, to, digest, count);
        }
        for (int i = 0; i < outstanding; i++)
        {
            if (pendingIds[i] == requestId)
            {
                if (pendingTypes[i] == typeCode && pendingFroms[i] == from && pendingTos[i] == to)
                {
                    compare(typeCode, from, to, pendingDigests[i], pendingCounts[i], digest, count);
                }
                removePending(i);
                return;
            }
        }
    }

    /**
     * The data link is gone: requests in flight are forgotten, and a round under way starts over once
     * the standby is back (unless it then needs a bulk backup, see {@link #reset()}).
     */
    public void onLinkDown()
    {
        final boolean pending = roundActive || roundRequested;
        reset();
        roundRequested = enabled && pending;
    }

    /** Forgets every round, queue and request (stream reset, bulk backup started: the bulk repairs all). */
    public void reset()
    {
        checks.clear();
        repairs.clear();
        outstanding = 0;
        roundActive = false;
        roundRequested = false;
    }

    /** @return rounds started. */
    public long rounds()
    {
        return rounds;
    }

    /** @return digest requests sent. */
    public long requestsSent()
    {
        return requestsSent;
    }

    /** @return table walks made to digest the requests sent (several contiguous ranges per walk). */
    public long walks()
    {
        return walks;
    }

    /** @return ranges whose digests differed. */
    public long mismatches()
    {
        return mismatches;
    }

    /** @return ranges repaired. */
    public long repairs()
    {
        return repairCount;
    }

    /** @return entries re-sent by repairs. */
    public long entriesResent()
    {
        return entriesResent;
    }

    /** @return true while a round is under way or requested. */
    public boolean roundPending()
    {
        return roundActive || roundRequested;
    }

    private void startRound()
    {
        roundRequested = false;
        roundActive = true;
        rounds++;
        for (int code = 0; code < providers.length; code++)
        {
            final BackupProvider<?> p = providers[code];
            if (p == null)
            {
                continue;
            }
            if (affordable(code))
            {
                checks.offer(code, Long.MIN_VALUE, Long.MAX_VALUE);
                skipLogged[code] = false;
            }
            else if (!skipLogged[code])
            {
                skipLogged[code] = true;
                LOG.info("anti-entropy leaves {} out: {} entries, and its provider walks the whole table for every " +
                    "range (override BackupProvider.scanRange to compare it); a loss is repaired by a bulk backup",
                    p.type(), p.size());
            }
        }
        LOG.debug("anti-entropy round {} begins ({})", rounds, roundReason);
        roundReason = "periodic";
    }

    /**
     * Takes the next run of contiguous ranges of one type from the check queue (at most {@code limit}),
     * digests them in one walk and appends a request for each, back to back, so the standby digests
     * them at the same stream position, in one walk too.
     *
     * @return requests appended.
     */
    private int sendRequests(final long nowNs, final int limit)
    {
        final int typeCode = checks.peekType();
        final int max = Math.min(limit, RangeDigester.MAX_RANGES);
        int n = 0;
        do
        {
            runFroms[n] = checks.peekFrom();
            runTos[n] = checks.peekTo();
            checks.remove();
            n++;
        }
        while (n < max && checks.size() > 0 && checks.peekType() == typeCode &&
            runTos[n - 1] != Long.MAX_VALUE && checks.peekFrom() == runTos[n - 1] + 1);
        final BackupProvider<?> provider = providers[typeCode];
        if (provider == null)
        {
            return 0;
        }
        digester.digestAll(provider, runFroms, runTos, n);
        for (int r = 0; r < n; r++)
        {
            final long requestId = nextRequestId++;
            append(requestId, typeCode, runFroms[r], runTos[r], RangeAction.DIGEST, nowNs);
            final int i = outstanding++;
            pendingIds[i] = requestId;
            pendingTypes[i] = typeCode;
            pendingFroms[i] = runFroms[r];
            pendingTos[i] = runTos[r];
            pendingDigests[i] = digester.digest(r);
            pendingCounts[i] = digester.count(r);
            pendingSentNs[i] = nowNs;
            requestsSent++;
            if (LOG.isDebugEnabled())
            {
                LOG.debug("anti-entropy request {}: type {} keys [{}, {}] digest {} count {}",
                    requestId, typeCode, runFroms[r], runTos[r], digester.digest(r), digester.count(r));
            }
        }
        walks++;
        return n;
    }

    private long repair(final long nowNs, final long room)
    {
        final int typeCode = repairs.peekType();
        final long from = repairs.peekFrom();
        final long to = repairs.peekTo();
        repairs.remove();
        final BackupProvider<?> provider = providers[typeCode];
        if (provider == null)
        {
            return 0;
        }
        final long requestId = nextRequestId++;
        append(requestId, typeCode, from, to, RangeAction.REPAIR_BEGIN, nowNs);
        final long sent = repairSource.resend(provider, from, to, room - 2, nowNs);
        entriesResent += sent;
        if (repairSource.truncated())
        {
            // the range holds more than the log can take now: repair its sub-ranges one by one (what
            // was sent is harmless, the standby's open repair ends with the next REPAIR_BEGIN)
            if (repairs.remaining() < FANOUT || !split(repairs, typeCode, from, to))
            {
                checks.offer(typeCode, from, to);
            }
            return sent + 1;
        }
        append(requestId, typeCode, from, to, RangeAction.REPAIR_END, nowNs);
        repairCount++;
        repairsCounter.increment();
        if (LOG.isDebugEnabled())
        {
            LOG.debug("anti-entropy repair {}: type {} keys [{}, {}], {} entries", requestId, typeCode, from, to, sent);
        }
        listener.onResync("anti-entropy repair of " + provider.type() + " keys [" + from + ", " + to + "]: " + sent + " entries");
        return sent + 2;
    }

    private void compare(
        final int typeCode,
        final long from,
        final long to,
        final long localDigest,
        final long localCount,
        final long peerDigest,
        final long peerCount)
    {
        if (localDigest == peerDigest && localCount == peerCount)
        {
            return;
        }
        mismatches++;
        if (Math.max(localCount, peerCount) > leafEntries && from != to && checks.remaining() < FANOUT)
        {
            LOG.debug("anti-entropy queue full; range [{}, {}] waits for the next round", from, to);
            return;
        }
        if (Math.max(localCount, peerCount) <= leafEntries || from == to)
        {
            if (!repairs.offer(typeCode, from, to))
            {
                LOG.debug("anti-entropy repair queue full; range [{}, {}] waits for the next round", from, to);
            }
            return;
        }
        split(checks, typeCode, from, to);
    }

    /** Queues the FANOUT sub-ranges of [from, to] (fewer when it holds fewer keys); false for one key. */
    private static boolean split(final RangeQueue queue, final int typeCode, final long from, final long to)
    {
        if (from == to)
        {
            return false;
        }
        final long step = Long.divideUnsigned(to - from, FANOUT) + 1;
        long lo = from;
        while (true)
        {
            final long hi = Long.compareUnsigned(to - lo, step - 1) <= 0 ? to : lo + step - 1;
            queue.offer(typeCode, lo, hi);
            if (hi == to)
            {
                return true;
            }
            lo = hi + 1;
        }
    }

    private void append(
        final long requestId, final int typeCode, final long from, final long to, final RangeAction action, final long nowNs)
    {
        EntryHeader.wrap(request, scratch, 0)
            .requestId(requestId).fromKey(from).toKey(to)
            .entryType(io.hotstandby.codec.replication.EntryType.get((short)typeCode)).action(action);
        log.append(scratch, 0, REQUEST_LENGTH, nowNs);
    }

    private void expire(final long nowNs)
    {
        for (int i = outstanding - 1; i >= 0; i--)
        {
            if (nowNs - pendingSentNs[i] > REQUEST_TIMEOUT_NS)
            {
                LOG.debug("anti-entropy request {} unanswered; the range is compared again", pendingIds[i]);
                checks.offer(pendingTypes[i], pendingFroms[i], pendingTos[i]);
                removePending(i);
            }
        }
    }

    private void removePending(final int i)
    {
        final int last = --outstanding;
        pendingIds[i] = pendingIds[last];
        pendingTypes[i] = pendingTypes[last];
        pendingFroms[i] = pendingFroms[last];
        pendingTos[i] = pendingTos[last];
        pendingDigests[i] = pendingDigests[last];
        pendingCounts[i] = pendingCounts[last];
        pendingSentNs[i] = pendingSentNs[last];
    }
}
