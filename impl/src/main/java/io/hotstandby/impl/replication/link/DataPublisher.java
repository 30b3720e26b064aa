package io.hotstandby.impl.replication.link;

import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.codec.replication.AckEncoder;
import io.hotstandby.codec.replication.BulkBeginEncoder;
import io.hotstandby.codec.replication.BulkEndEncoder;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.codec.replication.ReconcileAckEncoder;
import io.hotstandby.codec.replication.ReconcileBeginEncoder;
import io.hotstandby.codec.replication.ReconcileEndEncoder;
import io.hotstandby.codec.replication.ReplicationHeartbeatEncoder;
import io.hotstandby.codec.replication.ResyncReason;
import io.hotstandby.codec.replication.ResyncRequestEncoder;

/**
 * Encodes the data channel's small control messages (Ack, ResyncRequest, BulkBegin, BulkEnd,
 * ReplicationHeartbeat, ReconcileBegin, ReconcileEnd, ReconcileAck) in place into a claimed frame of
 * the data link (SPEC B3, B4, G6, A11), after the
 * frame's 4-byte length prefix that the transport fills in at commit, with the
 * generated encoders kept in fields. Each method returns false when the link cannot take the frame
 * now (back-pressure or not connected); the caller retries on a later duty cycle.
 *
 * <p>Threading: replication agent thread only.
 */
public final class DataPublisher
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int PREFIX = io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AckEncoder ack = new AckEncoder();
    private final ResyncRequestEncoder resync = new ResyncRequestEncoder();
    private final BulkBeginEncoder bulkBegin = new BulkBeginEncoder();
    private final BulkEndEncoder bulkEnd = new BulkEndEncoder();
    private final ReplicationHeartbeatEncoder heartbeat = new ReplicationHeartbeatEncoder();
    private final ReconcileBeginEncoder reconcileBegin = new ReconcileBeginEncoder();
    private final ReconcileEndEncoder reconcileEnd = new ReconcileEndEncoder();
    private final ReconcileAckEncoder reconcileAck = new ReconcileAckEncoder();
    private FrameLink link;

    /** @param link the connected data link to write to, or null. */
    public void link(final FrameLink link)
    {
        this.link = link;
    }

    /** @return the current link, or null. */
    public FrameLink link()
    {
        return link;
    }

    /** @return true when a link is set and connected. */
    public boolean connected()
    {
        return link != null && link.state() == FrameLink.State.CONNECTED;
    }

    /**
     * @param epoch   the receiver's epoch.
     * @param acked   every entry up to this one was received.
     * @param applied every entry up to this one was applied.
     * @return true when written.
     */
    public boolean ack(final long epoch, final long acked, final long applied)
    {
        final int offset = claim(HEADER + AckEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        ack.wrapAndApplyHeader(link.buffer(), offset, header).epoch(epoch).ackedSequence(acked).appliedSequence(applied);
        link.commit(PREFIX + HEADER + AckEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch  the epoch of the stream the receiver follows.
     * @param from   first sequence wanted, 0 for a bulk backup.
     * @param reason why.
     * @return true when written.
     */
    public boolean resync(final long epoch, final long from, final ResyncReason reason)
    {
        final int offset = claim(HEADER + ResyncRequestEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        resync.wrapAndApplyHeader(link.buffer(), offset, header).epoch(epoch).fromSequence(from).reason(reason);
        link.commit(PREFIX + HEADER + ResyncRequestEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch         the sender's epoch.
     * @param bulkId        the bulk's id.
     * @param startSequence the first sequence of the bulk.
     * @return true when written.
     */
    public boolean bulkBegin(final long epoch, final long bulkId, final long startSequence)
    {
        final int offset = claim(HEADER + BulkBeginEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        bulkBegin.wrapAndApplyHeader(link.buffer(), offset, header).epoch(epoch).bulkId(bulkId).startSequence(startSequence);
        link.commit(PREFIX + HEADER + BulkBeginEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch       the sender's epoch.
     * @param bulkId      the bulk's id.
     * @param endSequence the last sequence the bulk's snapshot covers.
     * @param entryCount  entries read from the snapshot.
     * @return true when written.
     */
    public boolean bulkEnd(final long epoch, final long bulkId, final long endSequence, final long entryCount)
    {
        final int offset = claim(HEADER + BulkEndEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        bulkEnd.wrapAndApplyHeader(link.buffer(), offset, header)
            .epoch(epoch).bulkId(bulkId).endSequence(endSequence).entryCount(entryCount);
        link.commit(PREFIX + HEADER + BulkEndEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch        the member's epoch.
     * @param wallClockMs  the member's wall clock, epoch ms (G6 skew check).
     * @param lastSequence the last sequence this member has sequenced as sender.
     * @param entryCounts  entries per type in this member's tables, indexed by type code, -1 where unknown.
     * @return true when written.
     */
    public boolean heartbeat(final long epoch, final long wallClockMs, final long lastSequence, final long[] entryCounts)
    {
        final int offset = claim(HEADER + ReplicationHeartbeatEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        heartbeat.wrapAndApplyHeader(link.buffer(), offset, header)
            .epoch(epoch).wallClockMs(wallClockMs).lastSequence(lastSequence);
        for (int i = 0; i < ReplicationHeartbeatEncoder.entryCountsLength(); i++)
        {
            heartbeat.entryCounts(i, i < entryCounts.length ? entryCounts[i] : -1);
        }
        link.commit(PREFIX + HEADER + ReplicationHeartbeatEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch       the deposed member's epoch.
     * @param reconcileId the reconciliation's id.
     * @return true when written.
     */
    public boolean reconcileBegin(final long epoch, final long reconcileId)
    {
        final int offset = claim(HEADER + ReconcileBeginEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        reconcileBegin.wrapAndApplyHeader(link.buffer(), offset, header).epoch(epoch).reconcileId(reconcileId);
        link.commit(PREFIX + HEADER + ReconcileBeginEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch       the deposed member's epoch.
     * @param reconcileId the reconciliation's id.
     * @param entryCount  entries sent since ReconcileBegin.
     * @return true when written.
     */
    public boolean reconcileEnd(final long epoch, final long reconcileId, final long entryCount)
    {
        final int offset = claim(HEADER + ReconcileEndEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        reconcileEnd.wrapAndApplyHeader(link.buffer(), offset, header)
            .epoch(epoch).reconcileId(reconcileId).entryCount(entryCount);
        link.commit(PREFIX + HEADER + ReconcileEndEncoder.BLOCK_LENGTH);
        return true;
    }

    /**
     * @param epoch       the reconciliation's epoch, echoed.
     * @param reconcileId the reconciliation's id.
     * @param received    entries received in it.
     * @param merged      entries inserted.
     * @return true when written.
     */
    public boolean reconcileAck(final long epoch, final long reconcileId, final long received, final long merged)
    {
        final int offset = claim(HEADER + ReconcileAckEncoder.BLOCK_LENGTH);
        if (offset < 0)
        {
            return false;
        }
        reconcileAck.wrapAndApplyHeader(link.buffer(), offset, header)
            .epoch(epoch).reconcileId(reconcileId).received(received).merged(merged);
        link.commit(PREFIX + HEADER + ReconcileAckEncoder.BLOCK_LENGTH);
        return true;
    }

    private int claim(final int length)
    {
        if (link == null)
        {
            return -1;
        }
        final int offset = link.tryClaim(PREFIX + length);
        return offset < 0 ? offset : offset + PREFIX;
    }
}
