package io.hotstandby.impl.replication.sender;

import io.hotstandby.api.config.DeliveryMode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.AcknowledgementListener;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.EntryOp;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.antientropy.AntiEntropySource;
import io.hotstandby.impl.replication.link.DataPublisher;
import io.hotstandby.impl.replication.producer.ProducerGate;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import io.hotstandby.impl.replication.reconcile.ReconcileSource;
import io.hotstandby.impl.replication.reconcile.SplitJournal;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;

/**
 * The active side of the data channel (SPEC B2, B3, B4, B7, B8, G5): drains the producers' rings in
 * priority order into the {@link OutboundLog} (which assigns sequences), reads bulk-backup slices, and
 * writes batches ({@code BatchHeader} + entry messages copied as encoded) into claimed frames of the
 * data link, flushing once per duty cycle. Answers the standby's {@code ResyncRequest}: resume from
 * the window when it can, otherwise a bulk backup. Tells the host of acknowledged entries (B8).
 *
 * <p>Flow control: the log never holds more than three quarters of its window unacknowledged while
 * streaming; beyond that the rings fill and producers see RING_FULL, which the sender repairs with a
 * bulk backup, or with anti-entropy repairs of the differing key ranges once the standby completed a
 * bulk backup (G4). While no standby is streaming, entries stay in the window for a quick reconnect until
 * it overflows; then the next standby gets a bulk backup.
 *
 * <p>Split brain (A11): every offer drained while the {@link SplitJournal} is armed (this member active
 * with its peer away) has its key recorded there, whether or not it is kept for the window; a resync
 * request from the peer (it follows this member's stream as a standby, so its bulk covers everything)
 * discards the journal. The {@link ReconcileSource} sends the journaled entries if this member is
 * deposed instead.
 *
 * <p>Threading: replication agent thread only.
 */
public final class Sender implements ControlledMessageHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int FRAME_CAPACITY = 64 * 1024;
    private static final int BATCH_HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH;
    private static final int MAX_BATCH = 4096;
    private static final int PREFIX = io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;
    private static final int DRAIN_LIMIT = 16 * 1024;
    private static final int BULK_SLICE = 4096;
    private static final int MAX_ENTRY_LENGTH = 4400;
    /** Most entries sent and not yet acknowledged: far above a loopback or LAN bandwidth-delay product. */
    private static final long MAX_IN_FLIGHT = 64 * 1024;
    private static final int BULK_LIMIT = 32 * 1024;
    private static final int MAX_FRAMES_PER_CYCLE = 64;
    private static final int ACK_NOTIFY_LIMIT = 64 * 1024;
    private static final long BULK_END_REPEAT_NS = 100_000_000L;
    /** Every entry message has its op right after its 8-byte key. */
    private static final int OP_OFFSET = 8;

    private final OutboundLog log;
    private final ProducerGate gate;
    private final DataPublisher publisher;
    private final AckTracker ackTracker;
    private final BulkSource bulk;
    private final AntiEntropySource antiEntropy;
    private final SplitJournal journal;
    private final ReconcileSource reconcileSource;
    private final boolean[] acknowledgedTypes = new boolean[8];
    private final AcknowledgementListener ackListener;
    private final HotStandbyListener listener;
    private final int ownerNodeId;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BatchHeaderEncoder batchEncoder = new BatchHeaderEncoder();
    private final AtomicCounter entriesSent;
    private final AtomicCounter bytesSent;
    private final AtomicCounter entriesAcknowledged;
    private final AtomicCounter retransmits;
    private final AtomicCounter resyncs;
    private final AtomicCounter lagEntries;

    private long epoch;
    private long bulkEpoch = -1;
    private long bulkId;
    private boolean streaming;
    private boolean needsBulk = true;
    private boolean repairPending;
    private long sendSequence = 1;
    private long highestSent;
    private long ackedSequence;
    private long durableSequence;
    private boolean bulkStarting;
    private boolean bulkBeginPending;
    private boolean bulkEndPending;
    private boolean bulkUnconfirmed;
    private long bulkStartSequence;
    private long bulkEndSequence = -1;
    private long bulkStartNs;
    private long lastBulkMillis = -1;
    private boolean bulkEndSent;
    private long bulkEndSentNs;
    private long[] barrier = new long[16];
    private long drainNowNs;
    private long drainBytesLeft;
    private boolean drainDiscard;

    /**
     * @param config      the configuration (window, delivery modes, node id).
     * @param gate        the producers' gate.
     * @param publisher   writes control messages to the data link.
     * @param providers   the host's providers, for bulk backups.
     * @param ackListener told of acknowledged entries (B8), or null.
     * @param listener    the node's event listener.
     * @param counters    the node counters.
     */
    public Sender(
        final PairConfig config,
        final ProducerGate gate,
        final DataPublisher publisher,
        final java.util.Map<EntryType, io.hotstandby.api.spi.BackupProvider<?>> providers,
        final AcknowledgementListener ackListener,
        final HotStandbyListener listener,
        final NodeCounters counters)
    {
        final int window = Math.max(1024, config.retransmitWindowEntries());
        final long bytes = Math.min(256L << 20, Math.max(1L << 20, (long)window * 192));
        this.log = new OutboundLog(window, (int)bytes);
        this.gate = gate;
        this.publisher = publisher;
        this.ackTracker = new AckTracker(window);
        this.ackListener = ackListener;
        this.listener = listener;
        this.ownerNodeId = config.nodeId();
        for (final EntryType type : EntryType.values())
        {
            acknowledgedTypes[type.code()] = config.entryPolicy(type).delivery() == DeliveryMode.ACKNOWLEDGED;
        }
        this.bulk = new BulkSource(providers, gate, log, this::onAppended);
        this.antiEntropy = new AntiEntropySource(config, providers, gate, log, listener, counters.get(CounterId.RESYNCS));
        this.journal = new SplitJournal(config.reconcileJournalEntries());
        this.reconcileSource = new ReconcileSource(providers, journal, gate, publisher, config.nodeId());
        this.entriesSent = counters.get(CounterId.ENTRIES_SENT);
        this.bytesSent = counters.get(CounterId.BYTES_SENT);
        this.entriesAcknowledged = counters.get(CounterId.ENTRIES_ACKNOWLEDGED);
        this.retransmits = counters.get(CounterId.RETRANSMITS);
        this.resyncs = counters.get(CounterId.RESYNCS);
        this.lagEntries = counters.get(CounterId.LAG_ENTRIES);
    }

    /** @param epoch the member's current epoch, stamped on every batch (G3). */
    public void epoch(final long epoch)
    {
        this.epoch = epoch;
        reconcileSource.epoch(epoch);
    }

    /** The member stopped sending (no longer active): the stream ends; a later one starts with a bulk. */
    public void resetStream()
    {
        log.reset();
        bulk.cancel();
        antiEntropy.reset();
        streaming = false;
        needsBulk = true;
        bulkEpoch = -1;
        bulkStarting = false;
        bulkBeginPending = false;
        bulkEndPending = false;
        bulkUnconfirmed = false;
        sendSequence = log.head() + 1;
        ackedSequence = log.head();
    }

    /** The data link went down: stop streaming; the window is kept for a resume. */
    public void onLinkDown()
    {
        streaming = false;
        antiEntropy.onLinkDown();
        if (bulk.running() || bulkBeginPending || bulkEndPending || bulkStarting)
        {
            bulkStarting = false;
            bulk.cancel();
            bulkBeginPending = false;
            bulkEndPending = false;
            needsBulk = true;
        }
    }

    /**
     * The standby asked where to (re)start (B3, B4).
     *
     * @param requestEpoch the epoch of the stream the standby followed.
     * @param from         first sequence wanted, 0 when the standby needs a bulk backup.
     * @param reason       the standby's reason, for the log.
     * @param nowNs        the agent's time.
     */
    public void onResyncRequest(final long requestEpoch, final long from, final String reason, final long nowNs)
    {
        if (journal.armed())
        {
            journal.discard("the peer follows this member's stream as a standby");
        }
        final long head = log.head();
        if (from == 0 && (bulkStarting || bulkBeginPending))
        {
            LOG.debug("bulk backup {} is about to begin; repeated request ignored", bulkId);
            return;
        }
        if (from == 0 && streaming && !needsBulk && (bulk.running() || bulkEndPending) &&
            (bulkStartSequence == head + 1 || log.contains(bulkStartSequence)))
        {
            // a bulk backup is under way: give its begin marker again rather than start over; the
            // standby asks for what it skipped from the bulk's start sequence
            LOG.debug("resending the begin of bulk backup {} ({})", bulkId, reason);
            bulkBeginPending = true;
            return;
        }
        if (from > 0 && !needsBulk && requestEpoch == bulkEpoch && !bulkStarting && from < bulkStartSequence &&
            (bulkStartSequence == head + 1 || log.contains(bulkStartSequence)))
        {
            // the standby follows this stream but never saw the begin of the latest bulk backup
            bulkBeginPending = true;
            sendSequence = bulkStartSequence;
            streaming = true;
            LOG.debug("resending the begin of bulk backup {} at sequence {} ({})", bulkId, bulkStartSequence, reason);
        }
        else if (from > 0 && !needsBulk && requestEpoch == bulkEpoch && (from == head + 1 || log.contains(from)))
        {
            if (from <= highestSent)
            {
                retransmits.getAndAdd(Math.min(highestSent, head) - from + 1);
            }
            sendSequence = from;
            streaming = true;
            LOG.debug("resuming data stream from sequence {} ({})", from, reason);
            if (!"GAP".equals(reason))
            {
                antiEntropy.requestRound("the standby resumed from the window");
            }
        }
        else
        {
            LOG.info("bulk backup to the peer: requested sequence {} in epoch {} ({}), window [{}, {}]",
                from, requestEpoch, reason, log.lowest(), head);
            startBulk(nowNs);
        }
    }

    /**
     * The standby's cumulative acknowledgement (B3, B8).
     *
     * @param acked   every entry up to this one was received.
     * @param applied every entry up to this one was applied.
     */
    public void onAck(final long acked, final long applied)
    {
        final long bounded = Math.min(acked, log.head());
        if (bounded > ackedSequence)
        {
            entriesAcknowledged.getAndAddRelease(bounded - ackedSequence);
            ackedSequence = bounded;
        }
        if (bulkUnconfirmed && bulkEndSequence >= 0 && !bulkEndPending && !bulk.running() && acked >= bulkEndSequence)
        {
            bulkUnconfirmed = false;
        }
        if (!bulkUnconfirmed)
        {
            durableSequence = ackedSequence;
            ackTracker.onAck(ackedSequence, ackListener, ACK_NOTIFY_LIMIT);
        }
    }

    /**
     * One duty cycle of the sending side.
     *
     * @param nowNs     the agent's time.
     * @param producers the producers to drain.
     * @param active    true when this member sends its entries.
     * @return work done.
     */
    public int doWork(final long nowNs, final RingEntryProducer[] producers, final boolean active)
    {
        int work = 0;
        final int lostTypes = gate.takeRingFull();
        if (lostTypes != 0)
        {
            ProducerGate.report(lostTypes, listener);
            repairPending = true;
        }
        if (!active)
        {
            repairPending = false;
            return drain(producers, nowNs, true);
        }
        if (repairPending)
        {
            if (!streaming)
            {
                needsBulk = true;
                repairPending = false;
            }
            else if (!bulk.running() && !bulkBeginPending && !bulkStarting)
            {
                repairPending = false;
                if (antiEntropy.enabled() && antiEntropy.coversEveryTable() && !bulkUnconfirmed && !bulkEndPending)
                {
                    // the standby completed a bulk backup: compare and repair only the ranges that differ (G4)
                    LOG.info("anti-entropy round to repair offers lost to full rings");
                    antiEntropy.requestRound("offers lost to full rings");
                }
                else
                {
                    LOG.info("bulk backup to repair offers lost to full rings");
                    startBulk(nowNs);
                }
            }
        }
        if (bulkStarting)
        {
            ackedSequence = log.head();
        }
        final boolean antiEntropyDue = streaming && !bulkInProgress() && !bulkUnconfirmed && publisher.connected() &&
            antiEntropy.wantsBarrier(nowNs);
        final boolean slicing = streaming && (bulk.running() || bulkStarting || antiEntropyDue);
        if (slicing)
        {
            captureBarrier(producers);
        }
        if (!streaming && !needsBulk && log.head() - ackedSequence >= (log.window() * 3L) / 4)
        {
            LOG.info("retransmit window overflowed while the peer was away; it will get a bulk backup");
            needsBulk = true;
        }
        work += drain(producers, nowNs, needsBulk && !streaming);
        if (slicing && barrierReached(producers))
        {
            if (bulkStarting)
            {
                beginBulk();
            }
            if (bulk.running())
            {
                work += bulkSlices(nowNs);
            }
            if (antiEntropyDue)
            {
                work += antiEntropy.doWork(nowNs, Math.min(roomEntries(), roomBytes() / MAX_ENTRY_LENGTH));
            }
        }
        if (streaming && publisher.connected())
        {
            work += transmit(nowNs);
        }
        lagEntries.setOrdered(lagEntries());
        return work;
    }

    /** @return true when there is nothing left to send and everything sent was acknowledged. */
    public boolean idle()
    {
        return sendSequence > log.head() && ackedSequence >= log.head() && !bulkInProgress();
    }

    /** @return entries sent but not yet acknowledged. */
    public long lagEntries()
    {
        return Math.max(0, log.head() - ackedSequence);
    }

    /** @param nowNs the agent's time. @return age of the oldest unacknowledged entry, µs. */
    public long lagMicros(final long nowNs)
    {
        final long oldest = ackedSequence + 1;
        return log.contains(oldest) ? Math.max(0, (nowNs - log.appendNs(oldest)) / 1000) : 0;
    }

    /** @return the last sequence assigned. */
    public long sentSequence()
    {
        return log.head();
    }

    /** @return the last sequence the standby acknowledged (flow control: it may run ahead of a bulk in progress). */
    public long ackedSequence()
    {
        return ackedSequence;
    }

    /**
     * @return the last acknowledged sequence that is also covered by a completed bulk backup: every entry
     * sequenced up to it is installed on the standby and survives a takeover (B3, B8, B9). While a bulk
     * is unconfirmed, it stays where it was when the bulk began.
     */
    public long durableSequence()
    {
        return durableSequence;
    }

    /** @return true while a bulk backup is read or not yet fully sent. */
    public boolean bulkInProgress()
    {
        return bulk.running() || bulkBeginPending || bulkEndPending || bulkStarting;
    }

    /** @return the duration of the last completed bulk backup, ms, or -1. */
    public long lastBulkMillis()
    {
        return lastBulkMillis;
    }

    /** @return the anti-entropy source of this sender (G4): the receiver hands it the standby's digests. */
    public AntiEntropySource antiEntropy()
    {
        return antiEntropy;
    }

    /** @return the split-brain journal of this member (A11). */
    public SplitJournal journal()
    {
        return journal;
    }

    /** @return the sending side of a split-brain reconciliation (A11): the receiver hands it the winner's ack. */
    public ReconcileSource reconcileSource()
    {
        return reconcileSource;
    }

    /** @return true while the peer follows this member's stream (it asked for a resume or a bulk backup). */
    public boolean peerFollows()
    {
        return streaming;
    }

    /** @return the sender's epoch. */
    public long epoch()
    {
        return epoch;
    }

    @Override
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (drainDiscard)
        {
            journal(msgTypeId, buffer, index);
            return Action.CONTINUE;
        }
        if (length > drainBytesLeft)
        {
            return Action.ABORT;
        }
        journal(msgTypeId, buffer, index);
        drainBytesLeft -= length;
        final long sequence = log.append(buffer, index, length, drainNowNs);
        onAppended(sequence, EntryType.fromCodeOrNull(msgTypeId - 1), buffer.getLong(index + ENTRY_HEADER_LENGTH, LE));
        return Action.CONTINUE;
    }

    /** Records the key of an entry offered while the split-brain journal is armed (A11): created or deleted. */
    private void journal(final int msgTypeId, final MutableDirectBuffer buffer, final int index)
    {
        if (journal.armed())
        {
            final EntryType type = EntryType.fromCodeOrNull(msgTypeId - 1);
            final long key = buffer.getLong(index + ENTRY_HEADER_LENGTH, LE);
            if (EntryHeader.templateId(buffer, index) != EntryDeleteEncoder.TEMPLATE_ID &&
                buffer.getByte(index + ENTRY_HEADER_LENGTH + OP_OFFSET) == EntryOp.UPSERT.value())
            {
                journal.record(type, key);
            }
            else
            {
                journal.recordDelete(type, key);
            }
        }
    }

    private void onAppended(final long sequence, final EntryType type, final long key)
    {
        if (type != null && acknowledgedTypes[type.code()])
        {
            ackTracker.add(sequence, type, key);
        }
    }

    private void startBulk(final long nowNs)
    {
        resyncs.increment();
        bulkId++;
        bulkEpoch = epoch;
        bulkEndSequence = -1;
        streaming = true;
        needsBulk = false;
        bulkStarting = true;
        bulkBeginPending = false;
        bulkEndPending = false;
        bulkEndSent = false;
        bulkUnconfirmed = true;
        bulkStartNs = nowNs;
        bulk.cancel();
        antiEntropy.reset();
        ackedSequence = log.head();
        listener.onResync("bulk backup " + bulkId);
    }

    /** The barrier is reached: every offer committed before the bulk was sequenced; the bulk begins after them. */
    private void beginBulk()
    {
        bulkStarting = false;
        log.appendHole(drainNowNs);
        bulkStartSequence = log.head() + 1;
        sendSequence = bulkStartSequence;
        ackedSequence = Math.max(ackedSequence, bulkStartSequence - 1);
        bulkBeginPending = true;
        bulk.start();
        LOG.debug("bulk backup {} begins at sequence {}", bulkId, bulkStartSequence);
    }

    private int bulkSlices(final long nowNs)
    {
        int appended = 0;
        while (bulk.running() && appended < BULK_LIMIT)
        {
            final long limit = Math.min(BULK_SLICE, Math.min(roomEntries(), roomBytes() / MAX_ENTRY_LENGTH));
            if (limit <= 0)
            {
                break;
            }
            appended += bulk.slice((int)limit, nowNs);
        }
        if (!bulk.running() && bulkEndSequence < 0)
        {
            bulkEndSequence = log.head();
            bulkEndPending = true;
        }
        return appended;
    }

    /*
     * Bulk/real-time ordering (B4). A bulk entry takes its sequence when it is read from the host's
     * table. Every offer committed to a ring before that read must be sequenced before it: otherwise an
     * older offer still in a ring could overwrite the newer value the read found, on the standby, when
     * the offer of that newer value was itself lost to a full ring. So each cycle records how far each
     * ring has been written and reads a bulk slice only once the drain has reached those positions.
     * Offers committed after the capture carry values at least as new as the read (the host updates
     * its table before it offers), and a loss after the capture raises the ring-full flag, which
     * starts another bulk backup once this one ends.
     */
    private void captureBarrier(final RingEntryProducer[] producers)
    {
        final int needed = producers.length * 4;
        if (barrier.length < needed)
        {
            barrier = new long[needed];
        }
        for (int i = 0; i < producers.length; i++)
        {
            for (int p = 0; p < 4; p++)
            {
                final RingBuffer ring = producers[i].ring(p);
                barrier[i * 4 + p] = ring == null ? 0 : ring.producerPosition();
            }
        }
    }

    private boolean barrierReached(final RingEntryProducer[] producers)
    {
        for (int i = 0; i < producers.length; i++)
        {
            for (int p = 0; p < 4; p++)
            {
                final RingBuffer ring = producers[i].ring(p);
                if (ring != null && ring.consumerPosition() < barrier[i * 4 + p])
                {
                    return false;
                }
            }
        }
        return true;
    }

    private long roomEntries()
    {
        return Math.min((log.window() * 3L) / 4, MAX_IN_FLIGHT) - (log.head() - ackedSequence);
    }

    private long roomBytes()
    {
        final long used = log.bytesSince(ackedSequence + 1);
        return used == Long.MAX_VALUE ? 0 : (log.byteCapacity() * 3L) / 4 - used;
    }

    private int drain(final RingEntryProducer[] producers, final long nowNs, final boolean discard)
    {
        drainNowNs = nowNs;
        drainDiscard = discard;
        int budget = DRAIN_LIMIT;
        if (!discard)
        {
            budget = (int)Math.max(0, Math.min(budget, roomEntries()));
            drainBytesLeft = Math.max(0, roomBytes());
        }
        int drained = 0;
        for (int priority = 0; priority < 4 && budget > 0; priority++)
        {
            for (final RingEntryProducer producer : producers)
            {
                final RingBuffer ring = producer.ring(priority);
                if (ring != null && budget > 0)
                {
                    final int n = ring.controlledRead(this, budget);
                    budget -= n;
                    drained += n;
                }
            }
        }
        return drained;
    }

    private int transmit(final long nowNs)
    {
        final FrameLink link = publisher.link();
        if (bulkStarting)
        {
            link.flush();
            return 0;
        }
        if (bulkBeginPending)
        {
            if (!publisher.bulkBegin(epoch, bulkId, bulkStartSequence))
            {
                return 0;
            }
            bulkBeginPending = false;
        }
        int frames = 0;
        final long head = log.head();
        while (sendSequence <= head && frames < MAX_FRAMES_PER_CYCLE)
        {
            if (log.contains(sendSequence) && log.length(sendSequence) == 0)
            {
                sendSequence++;
                continue;
            }
            if (!log.contains(sendSequence))
            {
                LOG.warn("unsent entries left the window at sequence {}; starting a bulk backup", sendSequence);
                startBulk(nowNs);
                return frames;
            }
            final long pending = log.bytesSince(sendSequence);
            final int claimLength = (int)Math.min(FRAME_CAPACITY, pending + BATCH_HEADER_LENGTH + PREFIX);
            final int offset = link.tryClaim(claimLength);
            if (offset < 0)
            {
                break;
            }
            final MutableDirectBuffer frame = link.buffer();
            batchEncoder.wrapAndApplyHeader(frame, offset + PREFIX, headerEncoder)
                .epoch(epoch).firstSequence(sendSequence).ownerNodeId(ownerNodeId);
            int position = offset + PREFIX + BATCH_HEADER_LENGTH;
            final int limit = offset + claimLength;
            int count = 0;
            final DirectBuffer entries = log.buffer();
            // consecutive entries lie back to back in the log (until it wraps): copy each run at once
            int runOffset = 0;
            int runLength = 0;
            while (sendSequence <= head && count < MAX_BATCH)
            {
                final int length = log.length(sendSequence);
                if (length == 0 || position + runLength + length > limit)
                {
                    break;
                }
                final int entryOffset = log.offset(sendSequence);
                if (entryOffset != runOffset + runLength)
                {
                    frame.putBytes(position, entries, runOffset, runLength);
                    position += runLength;
                    runOffset = entryOffset;
                    runLength = 0;
                }
                runLength += length;
                count++;
                sendSequence++;
            }
            frame.putBytes(position, entries, runOffset, runLength);
            position += runLength;
            if (count == 0)
            {
                link.abort();
                break;
            }
            batchEncoder.count(count);
            link.commit(position - offset);
            entriesSent.getAndAddRelease(count);
            bytesSent.getAndAddRelease(position - offset - PREFIX);
            if (sendSequence - 1 > highestSent)
            {
                highestSent = sendSequence - 1;
            }
            frames++;
        }
        if (bulkEndPending && sendSequence > bulkEndSequence)
        {
            if (publisher.bulkEnd(epoch, bulkId, bulkEndSequence, bulk.entries()))
            {
                bulkEndPending = false;
                bulkEndSent = true;
                bulkEndSentNs = nowNs;
                lastBulkMillis = (nowNs - bulkStartNs) / 1_000_000;
                LOG.info("bulk backup {} sent: {} entries in {} ms", bulkId, bulk.entries(), lastBulkMillis);
            }
        }
        else if (bulkEndSent && nowNs - bulkEndSentNs >= BULK_END_REPEAT_NS &&
            publisher.bulkEnd(epoch, bulkId, bulkEndSequence, bulk.entries()))
        {
            bulkEndSentNs = nowNs;
        }
        link.flush();
        return frames;
    }
}
