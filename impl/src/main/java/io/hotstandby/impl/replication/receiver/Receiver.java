package io.hotstandby.impl.replication.receiver;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.codec.FrameReader;
import io.hotstandby.codec.FrameRejection;
import io.hotstandby.codec.WireSchema;
import io.hotstandby.codec.replication.AckDecoder;
import io.hotstandby.codec.replication.BatchHeaderDecoder;
import io.hotstandby.codec.replication.BulkBeginDecoder;
import io.hotstandby.codec.replication.BulkEndDecoder;
import io.hotstandby.codec.replication.CustomEntryDecoder;
import io.hotstandby.codec.replication.DhcpLeaseDecoder;
import io.hotstandby.codec.replication.EntryDeleteDecoder;
import io.hotstandby.codec.replication.EntryOp;
import io.hotstandby.codec.replication.FirewallSessionDecoder;
import io.hotstandby.codec.replication.FirewallSessionV4Decoder;
import io.hotstandby.codec.replication.LastHopDecoder;
import io.hotstandby.codec.replication.NatPortBlockDecoder;
import io.hotstandby.codec.replication.PortalUserDecoder;
import io.hotstandby.codec.replication.RangeAction;
import io.hotstandby.codec.replication.RangeDigestDecoder;
import io.hotstandby.codec.replication.RangeDigestRequestDecoder;
import io.hotstandby.codec.replication.ReconcileAckDecoder;
import io.hotstandby.codec.replication.ReconcileBeginDecoder;
import io.hotstandby.codec.replication.ReconcileEndDecoder;
import io.hotstandby.codec.replication.ReplicationHeartbeatDecoder;
import io.hotstandby.codec.replication.ResyncReason;
import io.hotstandby.codec.replication.ResyncRequestDecoder;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.antientropy.AntiEntropyReplica;
import io.hotstandby.impl.replication.entry.CustomEntryFlyweightReader;
import io.hotstandby.impl.replication.entry.DhcpLeaseFlyweightReader;
import io.hotstandby.impl.replication.entry.EntryReaderFlyweight;
import io.hotstandby.impl.replication.entry.FirewallSessionFlyweightReader;
import io.hotstandby.impl.replication.entry.FirewallSessionV4FlyweightReader;
import io.hotstandby.impl.replication.entry.LastHopFlyweightReader;
import io.hotstandby.impl.replication.entry.NatPortBlockFlyweightReader;
import io.hotstandby.impl.replication.entry.PortalUserFlyweightReader;
import io.hotstandby.impl.replication.link.DataPublisher;
import io.hotstandby.impl.replication.reconcile.ReconcileSink;
import io.hotstandby.impl.replication.sender.Sender;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The receiving side of the data channel (SPEC B3, B4, G2, G3, G6), and the adapter of every message
 * the peer sends on it. Each frame is validated by the {@link FrameReader} and then checked for stale
 * epochs and bad entry operations before anything is applied; a refused frame drops the link with a
 * logged reason (counted in FRAMES_REJECTED) and leaves the tables untouched. Entries are applied
 * strictly in sequence order through the providers, decoded in place by flyweight readers; a gap
 * asks the sender to resend from the first missing sequence, and duplicates are skipped.
 * Acknowledgements are cumulative, at most one per duty cycle.
 *
 * <p>Split brain (A11): on the member that stays active, the batches between a deposed peer's
 * {@code ReconcileBegin} and {@code ReconcileEnd} go to the {@link ReconcileSink} (insert if absent),
 * and the peer's resync request waits until the reconciliation is over, so that its bulk backup
 * carries the merged entries back. A reconciliation is refused, dropping the link, when its epoch is
 * stale, when this member is not the active one, when the peer already follows this member's stream
 * (it was not deposed), or when it carries deletes. On the deposed member the receiver holds its own
 * resync request ({@link #hold(boolean)}) until its reconciliation is acknowledged.
 *
 * <p>Threading: replication agent thread only; {@link #ready()} from any thread.
 */
public final class Receiver implements FrameHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final long GAP_RETRY_NS = 100_000_000L;
    private static final long RESYNC_RETRY_NS = 500_000_000L;
    /** A synchronised standby repeats its resume request at most this many times, until the stream flows again. */
    private static final int RESUME_RETRIES = 20;
    private static final long ACK_INTERVAL_NS = 50_000_000L;
    /** Acks are cumulative: at most one per this interval keeps the ack traffic small at high rates. */
    private static final long ACK_MIN_INTERVAL_NS = 100_000L;

    private final FrameReader reader;
    private final BackupProvider<?>[] providers = new BackupProvider<?>[8];
    private final BackupProvider<?>[] providerList;
    /** Flyweight reader of each entry template, indexed by template id (two forms of firewall session). */
    private final EntryReaderFlyweight[] readers = new EntryReaderFlyweight[FirewallSessionV4Decoder.TEMPLATE_ID + 1];
    private final DataPublisher publisher;
    private final Sender sender;
    private final HotStandbyListener listener;
    private final StaleEntrySweeper sweeper = new StaleEntrySweeper();
    private final AntiEntropyReplica antiEntropy;
    private final RangeDigestDecoder rangeDigestDecoder = new RangeDigestDecoder();
    private final ClockSkewMonitor skew;
    private final long readyMaxLag;
    private final BatchHeaderDecoder batchDecoder = new BatchHeaderDecoder();
    private final AckDecoder ackDecoder = new AckDecoder();
    private final ResyncRequestDecoder resyncDecoder = new ResyncRequestDecoder();
    private final BulkBeginDecoder bulkBeginDecoder = new BulkBeginDecoder();
    private final BulkEndDecoder bulkEndDecoder = new BulkEndDecoder();
    private final ReplicationHeartbeatDecoder heartbeatDecoder = new ReplicationHeartbeatDecoder();
    /** The peer's table sizes from its last heartbeat, by type code, -1 where it has none (F1). */
    private final AtomicLongArray peerCounts = new AtomicLongArray(ReplicationHeartbeatDecoder.entryCountsLength());
    private volatile boolean peerCountsKnown;
    private final ReconcileBeginDecoder reconcileBeginDecoder = new ReconcileBeginDecoder();
    private final ReconcileEndDecoder reconcileEndDecoder = new ReconcileEndDecoder();
    private final ReconcileAckDecoder reconcileAckDecoder = new ReconcileAckDecoder();
    private final ReconcileSink reconcileSink;
    private final AtomicCounter entriesApplied;
    private final AtomicCounter bytesReceived;
    private final AtomicCounter framesRejected;

    private long localEpoch;
    private long streamEpoch = -1;
    private long expected;
    private boolean synced;
    private boolean inBulk;
    private boolean sweepOnBulkEnd = true;
    private long bulkEndSequence = -1;
    private long bulkId = -1;
    private long bulkEpoch = -1;
    private long resyncSentNs;
    private long progressExpected = -1;
    private long progressNs;
    private long bulkStartNs;
    private long bulkEntries;
    private long peerHead;
    private long behindSinceNs = Long.MIN_VALUE;
    private long gapRequestedAt = -1;
    private long gapRequestNs;
    private boolean resyncPending;
    private int resumeRetries;
    private ResyncReason resyncReason = ResyncReason.RECONNECT;
    private long lastAckSent = -1;
    private long lastAckNs;
    private boolean receiving;
    private String rejection;
    private long nowNs;
    private long nowMs;
    private volatile boolean ready;
    /** Published once per frame from {@link #applied}: one ordered store per frame, not per entry. */
    private volatile long appliedSequence;
    private long applied;
    private long appliedInFrame;

    private long batchSequence;
    private int batchOwner;
    private boolean skipBatch;
    private boolean reconcileBatch;
    private boolean acceptsReconciliation;
    private boolean held;
    private boolean resyncDeferred;
    private long deferredEpoch;
    private long deferredFrom;
    private String deferredReason;

    /**
     * @param providers   the host's providers.
     * @param publisher   writes acks and resync requests.
     * @param sender      receives the peer's acks and resync requests.
     * @param listener    the node's listener.
     * @param counters    the node counters.
     * @param readyMaxLag lag in entries under which a synchronised standby is ready (G2).
     * @param maxSkewMs   clock skew reported above this, ms (G6).
     * @param maxFrame    largest frame accepted, bytes.
     */
    public Receiver(
        final Map<EntryType, BackupProvider<?>> providers,
        final DataPublisher publisher,
        final Sender sender,
        final HotStandbyListener listener,
        final NodeCounters counters,
        final long readyMaxLag,
        final long maxSkewMs,
        final int maxFrame)
    {
        for (final BackupProvider<?> p : providers.values())
        {
            this.providers[p.type().code()] = p;
        }
        this.providerList = providers.values().toArray(new BackupProvider<?>[0]);
        this.antiEntropy = new AntiEntropyReplica(this.providers, publisher);
        readers[FirewallSessionDecoder.TEMPLATE_ID] = new FirewallSessionFlyweightReader();
        readers[FirewallSessionV4Decoder.TEMPLATE_ID] = new FirewallSessionV4FlyweightReader();
        readers[NatPortBlockDecoder.TEMPLATE_ID] = new NatPortBlockFlyweightReader();
        readers[DhcpLeaseDecoder.TEMPLATE_ID] = new DhcpLeaseFlyweightReader();
        readers[PortalUserDecoder.TEMPLATE_ID] = new PortalUserFlyweightReader();
        readers[LastHopDecoder.TEMPLATE_ID] = new LastHopFlyweightReader();
        readers[CustomEntryDecoder.TEMPLATE_ID] = new CustomEntryFlyweightReader();
        this.reader = new FrameReader(WireSchema.REPLICATION, maxFrame);
        this.publisher = publisher;
        this.sender = sender;
        this.listener = listener;
        this.readyMaxLag = readyMaxLag;
        this.skew = new ClockSkewMonitor(maxSkewMs, listener);
        this.entriesApplied = counters.get(CounterId.ENTRIES_APPLIED);
        this.bytesReceived = counters.get(CounterId.BYTES_RECEIVED);
        this.framesRejected = counters.get(CounterId.FRAMES_REJECTED);
        this.reconcileSink = new ReconcileSink(publisher, counters.get(CounterId.ENTRIES_RECONCILED), sender.journal());
    }

    /**
     * @param accepts true when this member may take a deposed peer's reconciliation (A11): it is the
     *                active member of an active/standby or mirroring pair.
     */
    public void acceptsReconciliation(final boolean accepts)
    {
        this.acceptsReconciliation = accepts;
        if (!accepts)
        {
            reconcileSink.abandon("this member is no longer the active one");
            resyncDeferred = false;
        }
    }

    /**
     * @param held true while this member, deposed, reconciles with the winner (A11): no resync request
     *             and no acknowledgement go out, so the winner's bulk backup waits for the merge.
     */
    public void hold(final boolean held)
    {
        this.held = held;
    }

    /** @param epoch the member's epoch; frames from a lower one are refused (G3). */
    public void epoch(final long epoch)
    {
        this.localEpoch = epoch;
    }

    /**
     * @param receiving true when this member applies the peer's entries (standby, or dual-active).
     * @param sweep     true when a bulk may delete local entries the peer does not have (standby only:
     *                  in dual-active the local table also holds this member's own entries).
     */
    public void mode(final boolean receiving, final boolean sweep)
    {
        if (receiving && !this.receiving)
        {
            resyncPending = true;
            resyncReason = ResyncReason.EPOCH_CHANGE;
        }
        this.receiving = receiving;
        this.sweepOnBulkEnd = sweep;
    }

    /** Forgets the peer's stream: the next one starts with a bulk backup (this member became the sender). */
    public void resetStream()
    {
        synced = false;
        inBulk = false;
        sweeper.cancel();
        streamEpoch = -1;
        bulkEpoch = -1;
        bulkId = -1;
        ready = false;
        antiEntropy.reset();
    }

    /** The data link is connected: ask the sender where to start. */
    public void onLinkUp()
    {
        resyncPending = true;
        resyncReason = ResyncReason.RECONNECT;
        resumeRetries = RESUME_RETRIES;
        lastAckSent = -1;
    }

    /** The data link is gone: a bulk in progress is abandoned (the next one starts over). */
    public void onLinkDown()
    {
        if (inBulk)
        {
            inBulk = false;
            sweeper.cancel();
        }
        gapRequestedAt = -1;
        rejection = null;
        antiEntropy.reset();
        reconcileSink.abandon("the data link went down");
        resyncDeferred = false;
    }

    /**
     * @param nowNs the agent's time.
     * @param nowMs the agent's wall clock, epoch ms.
     */
    public void time(final long nowNs, final long nowMs)
    {
        this.nowNs = nowNs;
        this.nowMs = nowMs;
    }

    /** @return the reason the last frame was refused, or null; cleared by {@link #takeRejection()}. */
    public String takeRejection()
    {
        final String r = rejection;
        rejection = null;
        return r;
    }

    /**
     * Acks, resync requests and gap retries.
     *
     * @param nowNs the agent's time.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        int work = 0;
        if (reconcileSink.doWork(nowNs) || (resyncDeferred && !reconcileSink.open()))
        {
            work += releaseDeferredResync();
        }
        if (!receiving || !publisher.connected() || held)
        {
            updateReady();
            return 0;
        }
        if (!resyncPending && !synced && !inBulk && nowNs - resyncSentNs > RESYNC_RETRY_NS)
        {
            resyncPending = true;
        }
        else if (!resyncPending && synced && resumeRetries > 0 && nowNs - resyncSentNs > RESYNC_RETRY_NS)
        {
            // a lost resume request would leave an idle sender waiting forever: repeat it until a batch
            // or a bulk backup shows that the stream flows again
            resumeRetries--;
            resyncPending = true;
        }
        if (resyncPending)
        {
            final long from = synced ? expected : 0;
            if (publisher.resync(streamEpoch, from, resyncReason))
            {
                resyncPending = false;
                resyncSentNs = nowNs;
                work++;
            }
        }
        if ((synced || inBulk) && peerHead >= expected)
        {
            if (expected != progressExpected)
            {
                progressExpected = expected;
                progressNs = nowNs;
            }
            else if (nowNs - progressNs > GAP_RETRY_NS && publisher.resync(streamEpoch, expected, ResyncReason.GAP))
            {
                LOG.debug("no progress at sequence {} (peer has {}); asking for a resend", expected, peerHead);
                progressNs = nowNs;
                work++;
            }
        }
        work += antiEntropy.doWork(localEpoch);
        final long acked = expected - 1;
        if ((synced || inBulk) && ((acked != lastAckSent && nowNs - lastAckNs >= ACK_MIN_INTERVAL_NS) ||
            nowNs - lastAckNs > ACK_INTERVAL_NS))
        {
            if (publisher.ack(localEpoch, acked, acked))
            {
                lastAckSent = acked;
                lastAckNs = nowNs;
                work++;
            }
        }
        updateReady();
        return work;
    }

    /** @return true when synchronised and within the lag bound (G2). */
    public boolean ready()
    {
        return ready;
    }

    /** @return the last sequence applied from the peer. */
    public long appliedSequence()
    {
        return appliedSequence;
    }

    /** @return the last sequence the peer said it has. */
    public long peerHead()
    {
        return peerHead;
    }

    /** @return true while a bulk backup is being received. */
    public boolean inBulk()
    {
        return inBulk;
    }

    /** @return the measured clock skew peer - local, ms. */
    public long clockSkewMs()
    {
        return skew.skewMs();
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (rejection != null)
        {
            return;
        }
        bytesReceived.getAndAdd(length);
        final FrameRejection verdict = reader.validateBody(buffer, offset, length);
        if (verdict != FrameRejection.OK)
        {
            reject("malformed frame: " + verdict + " at offset " + (reader.errorOffset() - offset));
            return;
        }
        final String semantic = checkSemantics();
        if (semantic != null)
        {
            reject(semantic);
            return;
        }
        reader.rewind();
        while (reader.nextMessage())
        {
            onMessage(reader.templateId(), reader.bodyOffset(), reader.actingBlockLength(), reader.actingVersion(), buffer);
        }
        antiEntropy.digestDeferred();
        appliedSequence = applied;
        if (appliedInFrame > 0)
        {
            entriesApplied.getAndAddRelease(appliedInFrame);
            appliedInFrame = 0;
        }
        tryCompleteBulk();
    }

    private String checkSemantics()
    {
        final DirectBuffer buffer = reader.buffer();
        boolean reconcileOpen = reconcileSink.open();
        long reconcileId = reconcileSink.reconcileId();
        boolean inReconcileBatch = false;
        while (reader.nextMessage())
        {
            final int body = reader.bodyOffset();
            final int template = reader.templateId();
            switch (template)
            {
                case BatchHeaderDecoder.TEMPLATE_ID:
                {
                    final long epoch = buffer.getLong(body + BatchHeaderDecoder.epochEncodingOffset(), LE);
                    if (epoch < localEpoch)
                    {
                        return "stale epoch " + epoch + " < " + localEpoch;
                    }
                    inReconcileBatch = reconcileOpen;
                    break;
                }
                case ReconcileBeginDecoder.TEMPLATE_ID:
                {
                    final String refusal = checkReconcileBegin(
                        buffer.getLong(body + ReconcileBeginDecoder.epochEncodingOffset(), LE));
                    if (refusal != null)
                    {
                        return refusal;
                    }
                    reconcileOpen = true;
                    reconcileId = buffer.getLong(body + ReconcileBeginDecoder.reconcileIdEncodingOffset(), LE);
                    break;
                }
                case ReconcileEndDecoder.TEMPLATE_ID:
                {
                    final long epoch = buffer.getLong(body + ReconcileEndDecoder.epochEncodingOffset(), LE);
                    if (epoch < localEpoch)
                    {
                        return "stale epoch " + epoch + " < " + localEpoch + " on a reconciliation end";
                    }
                    if (!reconcileOpen ||
                        buffer.getLong(body + ReconcileEndDecoder.reconcileIdEncodingOffset(), LE) != reconcileId)
                    {
                        return "reconciliation end without its begin";
                    }
                    reconcileOpen = false;
                    break;
                }
                case EntryDeleteDecoder.TEMPLATE_ID:
                {
                    if (inReconcileBatch)
                    {
                        return "delete inside a reconciliation";
                    }
                    final int code = buffer.getByte(body + EntryDeleteDecoder.entryTypeEncodingOffset()) & 0xFF;
                    if (EntryType.fromCodeOrNull(code) == null)
                    {
                        return "unknown entry type " + code;
                    }
                    break;
                }
                case FirewallSessionDecoder.TEMPLATE_ID:
                case FirewallSessionV4Decoder.TEMPLATE_ID:
                case NatPortBlockDecoder.TEMPLATE_ID:
                case DhcpLeaseDecoder.TEMPLATE_ID:
                case PortalUserDecoder.TEMPLATE_ID:
                case LastHopDecoder.TEMPLATE_ID:
                case CustomEntryDecoder.TEMPLATE_ID:
                {
                    final int op = buffer.getByte(body + 8) & 0xFF;
                    if (op != EntryOp.UPSERT.value() && op != EntryOp.DELETE.value())
                    {
                        return "bad entry operation " + op;
                    }
                    if (inReconcileBatch && op != EntryOp.UPSERT.value())
                    {
                        return "delete inside a reconciliation";
                    }
                    break;
                }
                case RangeDigestRequestDecoder.TEMPLATE_ID:
                {
                    if (inReconcileBatch)
                    {
                        return "range digest request inside a reconciliation";
                    }
                    final int code = buffer.getByte(body + RangeDigestRequestDecoder.entryTypeEncodingOffset()) & 0xFF;
                    final int action = buffer.getByte(body + RangeDigestRequestDecoder.actionEncodingOffset()) & 0xFF;
                    if (EntryType.fromCodeOrNull(code) == null)
                    {
                        return "unknown entry type " + code;
                    }
                    if (action != RangeAction.DIGEST.value() && action != RangeAction.REPAIR_BEGIN.value() &&
                        action != RangeAction.REPAIR_END.value())
                    {
                        return "bad range action " + action;
                    }
                    if (buffer.getLong(body + RangeDigestRequestDecoder.fromKeyEncodingOffset(), LE) >
                        buffer.getLong(body + RangeDigestRequestDecoder.toKeyEncodingOffset(), LE))
                    {
                        return "empty key range";
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return null;
    }

    /** The checks of a deposed peer's ReconcileBegin (A11, G3), or null when it may open. */
    private String checkReconcileBegin(final long epoch)
    {
        if (epoch < localEpoch)
        {
            return "stale epoch " + epoch + " < " + localEpoch + " on a reconciliation";
        }
        if (!acceptsReconciliation)
        {
            return "reconciliation offered to a member that is not the active one";
        }
        if (sender.peerFollows())
        {
            return "reconciliation from a peer that follows this member's stream (it was not deposed)";
        }
        return null;
    }

    private void onMessage(
        final int templateId, final int body, final int blockLength, final int version, final DirectBuffer buffer)
    {
        switch (templateId)
        {
            case ReconcileBeginDecoder.TEMPLATE_ID:
                reconcileBeginDecoder.wrap(buffer, body, blockLength, version);
                reconcileSink.begin(reconcileBeginDecoder.epoch(), reconcileBeginDecoder.reconcileId(), nowNs);
                break;
            case ReconcileEndDecoder.TEMPLATE_ID:
                reconcileEndDecoder.wrap(buffer, body, blockLength, version);
                reconcileSink.end(reconcileEndDecoder.reconcileId(), reconcileEndDecoder.entryCount());
                releaseDeferredResync();
                break;
            case ReconcileAckDecoder.TEMPLATE_ID:
                reconcileAckDecoder.wrap(buffer, body, blockLength, version);
                sender.reconcileSource().onAck(reconcileAckDecoder.epoch(), reconcileAckDecoder.reconcileId(),
                    reconcileAckDecoder.received(), reconcileAckDecoder.merged(), nowNs);
                break;
            case BatchHeaderDecoder.TEMPLATE_ID:
                batchDecoder.wrap(buffer, body, blockLength, version);
                reconcileBatch = reconcileSink.open();
                if (reconcileBatch)
                {
                    reconcileSink.onProgress(nowNs);
                    break;
                }
                batchSequence = batchDecoder.firstSequence();
                resumeRetries = 0;
                batchOwner = batchDecoder.ownerNodeId();
                skipBatch = !receiving || !(synced || inBulk);
                final long last = batchSequence + batchDecoder.count() - 1;
                if (last > peerHead)
                {
                    peerHead = last;
                }
                break;
            case AckDecoder.TEMPLATE_ID:
                ackDecoder.wrap(buffer, body, blockLength, version);
                sender.onAck(ackDecoder.ackedSequence(), ackDecoder.appliedSequence());
                break;
            case ResyncRequestDecoder.TEMPLATE_ID:
                resyncDecoder.wrap(buffer, body, blockLength, version);
                if (reconcileSink.open())
                {
                    // the deposed peer's bulk backup starts once its entries are merged (A11)
                    resyncDeferred = true;
                    deferredEpoch = resyncDecoder.epoch();
                    deferredFrom = resyncDecoder.fromSequence();
                    deferredReason = String.valueOf(resyncDecoder.reason());
                }
                else
                {
                    sender.onResyncRequest(
                        resyncDecoder.epoch(), resyncDecoder.fromSequence(), String.valueOf(resyncDecoder.reason()), nowNs);
                }
                break;
            case BulkBeginDecoder.TEMPLATE_ID:
                bulkBeginDecoder.wrap(buffer, body, blockLength, version);
                resumeRetries = 0;
                onBulkBegin(bulkBeginDecoder.epoch(), bulkBeginDecoder.bulkId(), bulkBeginDecoder.startSequence());
                break;
            case BulkEndDecoder.TEMPLATE_ID:
                bulkEndDecoder.wrap(buffer, body, blockLength, version);
                if (inBulk && bulkEndDecoder.bulkId() == bulkId && bulkEndDecoder.epoch() == bulkEpoch)
                {
                    bulkEndSequence = bulkEndDecoder.endSequence();
                }
                break;
            case ReplicationHeartbeatDecoder.TEMPLATE_ID:
                heartbeatDecoder.wrap(buffer, body, blockLength, version);
                skew.onPeerClock(heartbeatDecoder.wallClockMs(), nowMs);
                for (int code = 0; code < peerCounts.length(); code++)
                {
                    peerCounts.setRelease(code, heartbeatDecoder.entryCounts(code));
                }
                peerCountsKnown = true;
                if (receiving && heartbeatDecoder.lastSequence() > peerHead && (synced || inBulk))
                {
                    peerHead = heartbeatDecoder.lastSequence();
                }
                break;
            case RangeDigestDecoder.TEMPLATE_ID:
                rangeDigestDecoder.wrap(buffer, body, blockLength, version);
                sender.antiEntropy().onRangeDigest(
                    rangeDigestDecoder.requestId(), rangeDigestDecoder.entryTypeRaw(), rangeDigestDecoder.fromKey(),
                    rangeDigestDecoder.toKey(), rangeDigestDecoder.digest(), rangeDigestDecoder.count());
                break;
            default:
                onEntry(templateId, body, blockLength, buffer);
                break;
        }
    }

    private void onBulkBegin(final long epoch, final long id, final long startSequence)
    {
        if (!receiving || epoch < bulkEpoch || (epoch == bulkEpoch && id <= bulkId))
        {
            return;
        }
        bulkEpoch = epoch;
        bulkId = id;
        inBulk = true;
        synced = false;
        streamEpoch = epoch;
        expected = startSequence;
        applied = startSequence - 1;
        peerHead = startSequence - 1;
        bulkEndSequence = -1;
        bulkStartNs = nowNs;
        bulkEntries = 0;
        gapRequestedAt = -1;
        if (sweepOnBulkEnd)
        {
            sweeper.begin(providers);
        }
        else
        {
            sweeper.cancel();
        }
        LOG.info("bulk backup from the peer begins at sequence {} (epoch {})", startSequence, epoch);
    }

    private void tryCompleteBulk()
    {
        if (inBulk && bulkEndSequence >= 0 && expected > bulkEndSequence)
        {
            long swept = 0;
            if (sweeper.marking())
            {
                swept = sweeper.sweep(providerList);
            }
            inBulk = false;
            synced = true;
            final long durationNs = nowNs - bulkStartNs;
            LOG.info("bulk backup received: {} entries up to sequence {}, {} stale entries removed, {} ms",
                bulkEntries, bulkEndSequence, swept, durationNs / 1_000_000);
            listener.onBulkComplete(bulkEntries, durationNs);
            updateReady();
        }
    }

    private void onEntry(final int templateId, final int body, final int blockLength, final DirectBuffer buffer)
    {
        if (templateId != RangeDigestRequestDecoder.TEMPLATE_ID)
        {
            // digests asked just before are taken before the table changes
            antiEntropy.digestDeferred();
        }
        if (reconcileBatch)
        {
            // checked: an upsert of a known type; it now belongs to this member (owner 0)
            final EntryReaderFlyweight entryReader = templateId < readers.length ? readers[templateId] : null;
            if (entryReader != null)
            {
                reconcileSink.onEntry(
                    providers[entryReader.type().code()], entryReader.wrap(buffer, body, blockLength, 0, 0), nowNs);
            }
            return;
        }
        final long sequence = batchSequence++;
        if (skipBatch || sequence < expected)
        {
            return;
        }
        if (sequence > expected)
        {
            skipBatch = true;
            if (gapRequestedAt != expected)
            {
                LOG.debug("sequence gap: expected {}, got {}; asking for a resend", expected, sequence);
                if (publisher.resync(streamEpoch, expected, ResyncReason.GAP))
                {
                    gapRequestedAt = expected;
                    gapRequestNs = nowNs;
                }
            }
            return;
        }
        if (templateId == RangeDigestRequestDecoder.TEMPLATE_ID)
        {
            antiEntropy.onRequest(buffer, body, blockLength, receiving && sweepOnBulkEnd && !inBulk);
            expected = sequence + 1;
            applied = sequence;
            return;
        }
        final long key = buffer.getLong(body, LE);
        if (templateId == EntryDeleteDecoder.TEMPLATE_ID)
        {
            final EntryType type = EntryType.fromCodeOrNull(buffer.getByte(body + EntryDeleteDecoder.entryTypeEncodingOffset()) & 0xFF);
            delete(type, key);
        }
        else
        {
            // the frame reader admitted only entry templates; each has its reader
            final EntryReaderFlyweight entryReader = readers[templateId];
            if ((buffer.getByte(body + 8) & 0xFF) == EntryOp.DELETE.value())
            {
                delete(entryReader.type(), key);
            }
            else
            {
                upsert(entryReader, body, blockLength, buffer, sequence);
            }
        }
        expected = sequence + 1;
        applied = sequence;
        appliedInFrame++;
        if (inBulk)
        {
            bulkEntries++;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void upsert(
        final EntryReaderFlyweight entryReader,
        final int body,
        final int blockLength,
        final DirectBuffer buffer,
        final long sequence)
    {
        final EntryType type = entryReader.type();
        final BackupProvider provider = providers[type.code()];
        if (provider == null)
        {
            return;
        }
        final EntryReader entry = entryReader.wrap(buffer, body, blockLength, batchOwner, sequence);
        provider.apply(entry);
        antiEntropy.onUpsert(type, buffer.getLong(body, LE));
        if (inBulk && sweeper.marking())
        {
            sweeper.mark(type, buffer.getLong(body, LE));
        }
    }

    private void delete(final EntryType type, final long key)
    {
        final BackupProvider<?> provider = providers[type.code()];
        if (provider == null)
        {
            return;
        }
        provider.delete(key);
        antiEntropy.onDelete(type, key);
        if (inBulk && sweeper.marking())
        {
            sweeper.unmark(type, key);
        }
    }

    private int releaseDeferredResync()
    {
        if (!resyncDeferred)
        {
            return 0;
        }
        resyncDeferred = false;
        sender.onResyncRequest(deferredEpoch, deferredFrom, deferredReason, nowNs);
        return 1;
    }

    private void reject(final String reason)
    {
        framesRejected.increment();
        rejection = reason;
        LOG.warn("data channel frame refused, dropping the link: {}", reason);
        listener.onProtocolError(ChannelKind.DATA, reason);
    }

    private void updateReady()
    {
        ready = synced && !inBulk && peerHead - (expected - 1) <= readyMaxLag;
        if (peerHead > expected - 1)
        {
            if (behindSinceNs == Long.MIN_VALUE)
            {
                behindSinceNs = nowNs;
            }
        }
        else
        {
            behindSinceNs = Long.MIN_VALUE;
        }
    }

    /**
     * Any thread.
     *
     * @return entries per type in the peer's tables, from its last heartbeat; empty until one arrived.
     */
    public Map<EntryType, Long> peerEntryCounts()
    {
        if (!peerCountsKnown)
        {
            return Map.of();
        }
        final Map<EntryType, Long> counts = new EnumMap<>(EntryType.class);
        for (final EntryType type : EntryType.values())
        {
            final long count = peerCounts.getAcquire(type.code());
            if (count >= 0)
            {
                counts.put(type, count);
            }
        }
        return counts;
    }

    /** @return entries the peer announced (batches, heartbeats) that this member has not applied yet. */
    public long lagEntries()
    {
        return Math.max(0, peerHead - (expected - 1));
    }

    /**
     * @param nowNs the agent's time.
     * @return how long this member has been behind the peer's announced head without catching up, µs
     * (0 when caught up): an upper bound on the age of the oldest entry not applied yet.
     */
    public long lagMicros(final long nowNs)
    {
        return behindSinceNs == Long.MIN_VALUE ? 0 : Math.max(0, (nowNs - behindSinceNs) / 1000);
    }
}
