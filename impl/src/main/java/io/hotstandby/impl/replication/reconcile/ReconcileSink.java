package io.hotstandby.impl.replication.reconcile;

import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.impl.replication.link.DataPublisher;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side of a split-brain reconciliation that stays active (SPEC A11): between the deposed member's
 * {@code ReconcileBegin} and {@code ReconcileEnd} every received entry goes to its provider's
 * {@link BackupProvider#merge} (insert if absent: this member's own version wins), is counted
 * (ENTRIES_RECONCILED), and the end is acknowledged with {@code ReconcileAck}. An entry this member
 * deleted during the split (its own {@link SplitJournal} says so) is not merged: its deletion is its
 * version, and wins too. While a reconciliation
 * is open the deposed member's bulk backup waits ({@link #open()}); a reconciliation that goes quiet
 * for {@link #IDLE_TIMEOUT_NS} is closed, logged, so the bulk backup is never held for ever.
 *
 * <p>Whether a reconciliation may open at all (this member active, the epoch current, the peer not
 * already following this member's stream) is checked by the receiver before this class sees it.
 *
 * <p>Threading: replication agent thread only.
 */
public final class ReconcileSink
{
    /** A reconciliation without any message for this long is closed, ns. */
    public static final long IDLE_TIMEOUT_NS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileSink.class);

    private final DataPublisher publisher;
    private final AtomicCounter reconciled;
    private final SplitJournal journal;
    private boolean open;
    private long epoch;
    private long reconcileId;
    private long received;
    private long merged;
    private long keptDeleted;
    private long lastNs;
    private boolean ackPending;

    /**
     * @param publisher  writes the acknowledgement.
     * @param reconciled the ENTRIES_RECONCILED counter.
     * @param journal    this member's own split-brain journal: the keys it deleted during the split.
     */
    public ReconcileSink(final DataPublisher publisher, final AtomicCounter reconciled, final SplitJournal journal)
    {
        this.publisher = publisher;
        this.reconciled = reconciled;
        this.journal = journal;
    }

    /** @return true between an accepted ReconcileBegin and its end or timeout. */
    public boolean open()
    {
        return open;
    }

    /**
     * @param epoch the deposed member's epoch.
     * @param id    the reconciliation's id.
     * @param nowNs the agent's time.
     */
    public void begin(final long epoch, final long id, final long nowNs)
    {
        open = true;
        ackPending = false;
        this.epoch = epoch;
        this.reconcileId = id;
        received = 0;
        merged = 0;
        keptDeleted = 0;
        lastNs = nowNs;
        LOG.info("split-brain reconciliation {} from the deposed member begins (epoch {})", id, epoch);
    }

    /**
     * One entry of the reconciliation.
     *
     * @param provider the entry type's provider, or null when this member has none for the type.
     * @param entry    the entry, owner 0 (it now belongs to this member); valid only during the call.
     * @param nowNs    the agent's time.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onEntry(final BackupProvider provider, final EntryReader entry, final long nowNs)
    {
        received++;
        lastNs = nowNs;
        if (journal.deletedDuringSplit(entry.type(), entry.key()))
        {
            keptDeleted++;
            return;
        }
        if (provider != null && provider.merge(entry))
        {
            merged++;
            reconciled.incrementRelease();
        }
    }

    /** @param nowNs the agent's time: a batch of the reconciliation arrived. */
    public void onProgress(final long nowNs)
    {
        lastNs = nowNs;
    }

    /**
     * @param id         the reconciliation's id (checked by the receiver).
     * @param entryCount entries the deposed member says it sent.
     */
    public void end(final long id, final long entryCount)
    {
        open = false;
        ackPending = true;
        if (entryCount != received)
        {
            LOG.warn("split-brain reconciliation {}: {} entries announced, {} received", id, entryCount, received);
        }
        LOG.info("reconciled {} entries from the deposed member ({} received, {} deleted here during the split stay " +
            "deleted, the others kept this member's version)", merged, received, keptDeleted);
        sendAck();
    }

    /** @return the open reconciliation's id. */
    public long reconcileId()
    {
        return reconcileId;
    }

    /**
     * An open reconciliation is abandoned: the data link went down (the deposed member starts over on
     * the next one), or this member is no longer active. Entries merged so far stay.
     *
     * @param reason why, for the log.
     */
    public void abandon(final String reason)
    {
        if (open)
        {
            LOG.info("split-brain reconciliation {} abandoned after {} entries ({} merged): {}", reconcileId, received,
                merged, reason);
        }
        open = false;
        ackPending = false;
    }

    /**
     * Acknowledgement retries and the idle timeout.
     *
     * @param nowNs the agent's time.
     * @return true when an open reconciliation was closed by the timeout in this call.
     */
    public boolean doWork(final long nowNs)
    {
        if (ackPending)
        {
            sendAck();
        }
        if (open && nowNs - lastNs >= IDLE_TIMEOUT_NS)
        {
            open = false;
            LOG.warn("split-brain reconciliation {} timed out after {} ms without a message ({} entries received, " +
                "{} merged); the deposed member's bulk backup goes ahead", reconcileId, IDLE_TIMEOUT_NS / 1_000_000,
                received, merged);
            return true;
        }
        return false;
    }

    private void sendAck()
    {
        if (publisher.reconcileAck(epoch, reconcileId, received, merged))
        {
            ackPending = false;
        }
    }
}
