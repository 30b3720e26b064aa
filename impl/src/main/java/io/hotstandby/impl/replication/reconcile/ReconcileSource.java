package io.hotstandby.impl.replication.reconcile;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.link.DataPublisher;
import io.hotstandby.impl.replication.producer.ProducerGate;
import org.agrona.MutableDirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.Map;

/**
 * The deposed member's side of a split-brain reconciliation (SPEC A11): once the data channel is
 * connected and the producer rings are drained (so every offer made while active is journaled) it
 * sends {@code ReconcileBegin}, then the entries of its own tables that the
 * {@link SplitJournal} covers (one snapshot pass per type, filtered by the journal, or every entry
 * after an overflow) in batches written in place into claimed frames of the data link, then
 * {@code ReconcileEnd}, and waits for the winner's {@code ReconcileAck}. Until then the member's
 * receiver holds its resync request, so the winner's bulk backup starts only after the merge.
 *
 * <p>A lost link restarts the reconciliation on the next one (the winner's merge is idempotent), and an
 * acknowledgement that counts fewer entries than were sent repeats it, a bounded number of times; no
 * acknowledgement within {@link #ACK_TIMEOUT_NS} gives up, logged, and lets the bulk backup go on.
 * Bounded work per duty cycle: at most {@link #SCAN_LIMIT} entries read, {@link #CALLS_PER_CYCLE}
 * snapshot calls and {@link #FRAMES_PER_CYCLE} frames written.
 *
 * <p>Threading: replication agent thread only.
 */
public final class ReconcileSource implements ClaimTarget
{
    /** Longest wait for the winner's acknowledgement after ReconcileEnd, ns. */
    public static final long ACK_TIMEOUT_NS = 2_000_000_000L;
    /** Most entries read from the providers per duty cycle. */
    static final int SCAN_LIMIT = 16 * 1024;
    /** Most frames written per duty cycle. */
    static final int FRAMES_PER_CYCLE = 16;
    /** Most snapshot calls per duty cycle (a provider may return before it emitted its limit). */
    static final int CALLS_PER_CYCLE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileSource.class);
    private static final int MAX_ATTEMPTS = 3;
    private static final int PREFIX = FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;
    private static final int FRAME_CAPACITY = 64 * 1024;
    private static final int BATCH_HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH;
    /** Largest entry message (a custom entry with a 4 KiB payload), bytes. */
    private static final int MAX_ENTRY_LENGTH = 4400;

    private enum State
    {
        IDLE, PENDING, SENDING, AWAITING_ACK
    }

    private final BackupProvider<?>[] providers;
    private final SplitJournal journal;
    private final ProducerGate gate;
    private final DataPublisher publisher;
    private final int ownerNodeId;
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BatchHeaderEncoder batchEncoder = new BatchHeaderEncoder();

    private State state = State.IDLE;
    private long epoch;
    private long phaseEpoch;
    private long reconcileId;
    private int attempts;
    private int providerIndex;
    private long position;
    private long sent;
    private long nextSequence;
    private long stateSinceNs;
    private MutableDirectBuffer frame;
    private int framePosition;
    private int frameLimit;
    private int batchCount;
    private int scanned;
    private int calls;

    /**
     * @param providers   this member's tables.
     * @param journal     which entries to offer.
     * @param gate        the type policies (only enabled types are offered).
     * @param publisher   the data link's publisher.
     * @param ownerNodeId this member's node id, stamped on the batches.
     */
    public ReconcileSource(
        final Map<EntryType, BackupProvider<?>> providers,
        final SplitJournal journal,
        final ProducerGate gate,
        final DataPublisher publisher,
        final int ownerNodeId)
    {
        this.providers = providers.values().stream()
            .filter(p -> gate.enabled(p.type()))
            .sorted(Comparator.comparingInt((BackupProvider<?> p) -> gate.priority(p.type()))
                .thenComparing(BackupProvider::type))
            .toArray(BackupProvider<?>[]::new);
        this.journal = journal;
        this.gate = gate;
        this.publisher = publisher;
        this.ownerNodeId = ownerNodeId;
    }

    /** @param epoch the member's current epoch, stamped on the next reconciliation's messages (G3). */
    public void epoch(final long epoch)
    {
        this.epoch = epoch;
    }

    /**
     * This member was deposed with a journal to offer: reconcile as soon as the data link allows.
     *
     * @param nowNs the agent's time.
     */
    public void start(final long nowNs)
    {
        attempts = 0;
        state(State.PENDING, nowNs);
        LOG.info("deposed after a split brain: offering {} to the member that stays active",
            journal.overflowed() ? "every entry (the journal overflowed)" : "the journaled entries");
    }

    /**
     * Stops reconciling; the journal is left as it is (the caller discards or keeps it).
     *
     * @param reason why, for the log.
     */
    public void cancel(final String reason)
    {
        if (state != State.IDLE)
        {
            LOG.info("split-brain reconciliation {} cancelled: {}", reconcileId, reason);
            state = State.IDLE;
        }
    }

    /**
     * The data link went down: a reconciliation under way starts over on the next link, a bounded number
     * of times (a winner that refuses it, e.g. one that does not know the messages, drops the link each
     * time).
     */
    public void onLinkDown()
    {
        if (state == State.SENDING || state == State.AWAITING_ACK)
        {
            if (++attempts < MAX_ATTEMPTS)
            {
                LOG.info("split-brain reconciliation {} interrupted by the data link; it starts over", reconcileId);
                state = State.PENDING;
            }
            else
            {
                LOG.warn("split-brain reconciliation {} interrupted {} times by the data link; giving up, the bulk " +
                    "backup goes on and entries the winner did not merge are lost", reconcileId, attempts);
                journal.discard("the reconciliation failed");
                state = State.IDLE;
            }
        }
    }

    /** @return true while a reconciliation is pending or under way: the receiver holds its resync request. */
    public boolean active()
    {
        return state != State.IDLE;
    }

    /**
     * The winner's acknowledgement.
     *
     * @param ackEpoch the reconciliation's epoch, echoed.
     * @param id       the reconciliation's id.
     * @param received entries the winner received.
     * @param merged   entries it inserted.
     * @param nowNs    the agent's time.
     */
    public void onAck(final long ackEpoch, final long id, final long received, final long merged, final long nowNs)
    {
        if (state != State.AWAITING_ACK || id != reconcileId || ackEpoch != phaseEpoch)
        {
            LOG.debug("reconciliation acknowledgement {} in epoch {} ignored (expecting {} in epoch {}, {})",
                id, ackEpoch, reconcileId, phaseEpoch, state);
            return;
        }
        if (received != sent)
        {
            if (++attempts < MAX_ATTEMPTS)
            {
                LOG.warn("split-brain reconciliation {}: the winner received {} of {} entries; sending again",
                    id, received, sent);
                state(State.PENDING, nowNs);
                return;
            }
            LOG.warn("split-brain reconciliation {}: the winner received {} of {} entries after {} attempts; giving up",
                id, received, sent, attempts);
        }
        else
        {
            LOG.info("split-brain reconciliation {} done: {} entries sent, {} inserted by the winner", id, sent, merged);
        }
        journal.discard("reconciled with the member that stayed active");
        state = State.IDLE;
    }

    /**
     * One duty cycle.
     *
     * @param nowNs   the agent's time.
     * @param drained true when every producer ring is empty: offers made while this member was active are
     *                all journaled (a deposed member's gate is closed, so the rings only drain).
     * @return work done.
     */
    public int doWork(final long nowNs, final boolean drained)
    {
        switch (state)
        {
            case PENDING:
                if (drained && publisher.connected() && publisher.reconcileBegin(epoch, reconcileId + 1))
                {
                    reconcileId++;
                    phaseEpoch = epoch;
                    providerIndex = 0;
                    position = 0;
                    sent = 0;
                    nextSequence = 1;
                    state(State.SENDING, nowNs);
                    return 1 + send(nowNs);
                }
                return 0;
            case SENDING:
                return send(nowNs);
            case AWAITING_ACK:
                if (nowNs - stateSinceNs >= ACK_TIMEOUT_NS)
                {
                    LOG.warn("split-brain reconciliation {}: no acknowledgement from the winner within {} ms; " +
                        "the bulk backup goes on, entries the winner did not merge are lost", reconcileId,
                        ACK_TIMEOUT_NS / 1_000_000);
                    journal.discard("the reconciliation was not acknowledged");
                    state = State.IDLE;
                    return 1;
                }
                return 0;
            default:
                return 0;
        }
    }

    private int send(final long nowNs)
    {
        if (!publisher.connected())
        {
            return 0;
        }
        final FrameLink link = publisher.link();
        scanned = 0;
        calls = 0;
        int frames = 0;
        while (providerIndex < providers.length && frames < FRAMES_PER_CYCLE && scanned < SCAN_LIMIT &&
            calls < CALLS_PER_CYCLE)
        {
            final int offset = link.tryClaim(FRAME_CAPACITY);
            if (offset < 0)
            {
                break;
            }
            frame = link.buffer();
            batchEncoder.wrapAndApplyHeader(frame, offset + PREFIX, headerEncoder)
                .epoch(phaseEpoch).firstSequence(nextSequence).ownerNodeId(ownerNodeId);
            framePosition = offset + PREFIX + BATCH_HEADER_LENGTH;
            frameLimit = offset + FRAME_CAPACITY;
            batchCount = 0;
            fill();
            if (batchCount == 0)
            {
                link.abort();
                continue;
            }
            batchEncoder.count(batchCount);
            link.commit(framePosition - offset);
            nextSequence += batchCount;
            frames++;
        }
        if (providerIndex >= providers.length)
        {
            if (!publisher.reconcileEnd(phaseEpoch, reconcileId, sent))
            {
                link.flush();
                return frames;
            }
            state(State.AWAITING_ACK, nowNs);
            LOG.info("split-brain reconciliation {} sent: {} entries ({} journaled keys{})", reconcileId, sent,
                journal.size(), journal.overflowed() ? ", overflowed" : "");
            frames++;
        }
        link.flush();
        return frames + (scanned > 0 ? 1 : 0);
    }

    /** Reads providers into the current frame while an entry of the largest size still fits. */
    private void fill()
    {
        while (providerIndex < providers.length && scanned < SCAN_LIMIT && calls < CALLS_PER_CYCLE &&
            frameLimit - framePosition >= MAX_ENTRY_LENGTH && batchCount < FrameDescriptor.MAX_ENTRIES_PER_BATCH)
        {
            final BackupProvider<?> provider = providers[providerIndex];
            if (!journal.covers(provider.type()))
            {
                nextProvider();
                continue;
            }
            final int room = (frameLimit - framePosition) / MAX_ENTRY_LENGTH;
            final int limit = Math.min(room, Math.min(FrameDescriptor.MAX_ENTRIES_PER_BATCH - batchCount, SCAN_LIMIT - scanned));
            calls++;
            position = provider.snapshot(position, limit, sink);
            if (position == BackupProvider.SNAPSHOT_END)
            {
                nextProvider();
            }
        }
    }

    private void nextProvider()
    {
        providerIndex++;
        position = 0;
    }

    private void state(final State next, final long nowNs)
    {
        state = next;
        stateSinceNs = nowNs;
    }

    @Override
    public int claim(final EntryType type, final int length)
    {
        scanned++;
        if (!gate.enabled(type) || framePosition + length > frameLimit)
        {
            return -1;
        }
        return framePosition;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return frame;
    }

    @Override
    public OfferResult commit(final EntryWriterFlyweight writer)
    {
        if (journal.covers(writer.type(), writer.keyValue()))
        {
            framePosition += writer.messageLength();
            batchCount++;
            sent++;
        }
        return OfferResult.ACCEPTED;
    }

    @Override
    public void abort(final EntryWriterFlyweight writer)
    {
    }

    @Override
    public OfferResult claimRejection()
    {
        return OfferResult.TYPE_DISABLED;
    }
}
