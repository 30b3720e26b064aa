package io.hotstandby.impl.replication.antientropy;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.producer.ProducerGate;
import io.hotstandby.impl.replication.sender.OutboundLog;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Re-sends the active's entries of one key range (SPEC G4): reads them through
 * {@link BackupProvider#scanRange}, stages each in a scratch buffer, checks the type policy, and
 * appends it to the {@link OutboundLog}, where it takes its sequence like a real-time upsert. Entries
 * outside the range are ignored; at most {@code limit} entries are appended, and {@link #truncated()}
 * says when the range held more. No allocation per entry.
 *
 * <p>Threading: replication agent thread only.
 */
final class RepairSource implements ClaimTarget
{
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private final ProducerGate gate;
    private final OutboundLog log;
    private EntryType type;
    private long fromKey;
    private long toKey;
    private long limit;
    private long appended;
    private boolean truncated;
    private long nowNs;

    /**
     * @param gate the type policies (entries they refuse are not sent, as in a bulk backup).
     * @param log  where entries are appended.
     */
    RepairSource(final ProducerGate gate, final OutboundLog log)
    {
        this.gate = gate;
        this.log = log;
    }

    /**
     * Appends the entries of one range.
     *
     * @param provider the table.
     * @param from     first key, inclusive.
     * @param to       last key, inclusive.
     * @param limit    most entries to append.
     * @param nowNs    the agent's time.
     * @return entries appended.
     */
    long resend(final BackupProvider<?> provider, final long from, final long to, final long limit, final long nowNs)
    {
        this.type = provider.type();
        this.fromKey = from;
        this.toKey = to;
        this.limit = limit;
        this.appended = 0;
        this.truncated = false;
        this.nowNs = nowNs;
        provider.scanRange(from, to, sink);
        return appended;
    }

    /** @return true when the last range held more entries than the limit allowed. */
    boolean truncated()
    {
        return truncated;
    }

    @Override
    public int claim(final EntryType claimed, final int length)
    {
        return claimed == type && length <= scratch.capacity() ? 0 : -1;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    @Override
    public OfferResult commit(final EntryWriterFlyweight writer)
    {
        final long key = writer.keyValue();
        if (key < fromKey || key > toKey || gate.verdict(writer) != OfferResult.ACCEPTED)
        {
            return OfferResult.ACCEPTED;
        }
        if (appended >= limit)
        {
            truncated = true;
            return OfferResult.ACCEPTED;
        }
        log.append(scratch, 0, writer.messageLength(), nowNs);
        appended++;
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
