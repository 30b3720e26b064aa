package io.hotstandby.impl.replication.antientropy;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.codec.replication.RangeAction;
import io.hotstandby.codec.replication.RangeDigestEncoder;
import io.hotstandby.codec.replication.RangeDigestRequestDecoder;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.link.DataPublisher;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standby's half of anti-entropy (SPEC G4). The receiver hands it each
 * {@code RangeDigestRequest} when it applies it, in sequence order with the entries:
 * <ul>
 *   <li>{@code DIGEST}: digests the local table's range with the same {@link RangeDigester} function
 *       and queues a {@code RangeDigest} answer, written to the data link by {@link #doWork}. The
 *       digest is taken at the request's place in the stream, but consecutive requests (the active
 *       sends the sub-ranges of a split back to back) wait until the receiver is about to change the
 *       table ({@link #digestDeferred}), so a run of contiguous ranges costs one table walk;</li>
 *   <li>{@code REPAIR_BEGIN}: starts marking the keys of the range that the stream delivers
 *       (upserts mark, deletes unmark: {@link #onUpsert}, {@link #onDelete});</li>
 *   <li>{@code REPAIR_END}: deletes every local key of the range that was not marked (it is gone on
 *       the active), the range-scoped counterpart of the bulk backup's stale-entry sweep.</li>
 * </ul>
 * Answers wait in a fixed queue; when it is full an answer is dropped and the active forgets the
 * request after its timeout. Requests are ignored when this member must not delete local entries
 * (dual-active) or does not receive.
 *
 * <p>Threading: replication agent thread only.
 */
public final class AntiEntropyReplica implements ClaimTarget
{
    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropyReplica.class);
    private static final int MAX_ANSWERS = 64;
    private static final int PREFIX = FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;
    private static final int ANSWER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + RangeDigestEncoder.BLOCK_LENGTH;

    private final BackupProvider<?>[] providers;
    private final DataPublisher publisher;
    private final RangeDigester digester = new RangeDigester();
    private final RangeDigestRequestDecoder requestDecoder = new RangeDigestRequestDecoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final RangeDigestEncoder answer = new RangeDigestEncoder();
    private final long[] answerIds = new long[MAX_ANSWERS];
    private final int[] answerTypes = new int[MAX_ANSWERS];
    private final long[] answerFroms = new long[MAX_ANSWERS];
    private final long[] answerTos = new long[MAX_ANSWERS];
    private final long[] answerDigests = new long[MAX_ANSWERS];
    private final long[] answerCounts = new long[MAX_ANSWERS];
    private final LongHashSet marked = new LongHashSet(1024);
    private final LongArrayList stale = new LongArrayList();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private final long[] runFroms = new long[RangeDigester.MAX_RANGES];
    private final long[] runTos = new long[RangeDigester.MAX_RANGES];
    private int answers;
    /** Answers from this index on wait for their digest. */
    private int digested;
    private long walks;
    private int repairType = -1;
    private long repairId;
    private long repairFrom;
    private long repairTo;
    private long swept;

    /**
     * @param providers the host's providers, indexed by type code.
     * @param publisher the data link the answers are written to.
     */
    public AntiEntropyReplica(final BackupProvider<?>[] providers, final DataPublisher publisher)
    {
        this.providers = providers;
        this.publisher = publisher;
    }

    /**
     * A request reached its place in the stream.
     *
     * @param buffer      holds the message.
     * @param body        offset of its block.
     * @param blockLength its block length.
     * @param allowed     false when this member must ignore anti-entropy (not a sweeping standby).
     */
    public void onRequest(final DirectBuffer buffer, final int body, final int blockLength, final boolean allowed)
    {
        if (!allowed)
        {
            return;
        }
        requestDecoder.wrap(buffer, body, blockLength, RangeDigestRequestDecoder.SCHEMA_VERSION);
        final int typeCode = requestDecoder.entryTypeRaw();
        final BackupProvider<?> provider = typeCode < providers.length ? providers[typeCode] : null;
        final long from = requestDecoder.fromKey();
        final long to = requestDecoder.toKey();
        final RangeAction action = requestDecoder.action();
        if (action == RangeAction.DIGEST)
        {
            if (answers == MAX_ANSWERS)
            {
                LOG.debug("anti-entropy answer queue full; request {} dropped", requestDecoder.requestId());
                return;
            }
            final int i = answers++;
            answerIds[i] = requestDecoder.requestId();
            answerTypes[i] = typeCode;
            answerFroms[i] = from;
            answerTos[i] = to;
            answerDigests[i] = 0;
            answerCounts[i] = 0;
            return;
        }
        // a repair changes the table: the digests asked before it are taken first
        digestDeferred();
        if (action == RangeAction.REPAIR_BEGIN)
        {
            marked.clear();
            repairType = typeCode;
            repairId = requestDecoder.requestId();
            repairFrom = from;
            repairTo = to;
        }
        else if (action == RangeAction.REPAIR_END)
        {
            if (provider != null && repairType == typeCode && repairId == requestDecoder.requestId() &&
                repairFrom == from && repairTo == to)
            {
                sweep(provider);
            }
            repairType = -1;
        }
    }

    /**
     * Digests the requests received since the table last changed, before it changes: the receiver
     * calls this before it applies anything else and at the end of each frame. A run of contiguous
     * ranges of one type is digested in one walk. Cheap when nothing waits.
     */
    public void digestDeferred()
    {
        while (digested < answers)
        {
            final int typeCode = answerTypes[digested];
            int n = 0;
            do
            {
                runFroms[n] = answerFroms[digested + n];
                runTos[n] = answerTos[digested + n];
                n++;
            }
            while (n < RangeDigester.MAX_RANGES && digested + n < answers && answerTypes[digested + n] == typeCode &&
                runTos[n - 1] != Long.MAX_VALUE && answerFroms[digested + n] == runTos[n - 1] + 1);
            final BackupProvider<?> provider = typeCode < providers.length ? providers[typeCode] : null;
            if (provider != null)
            {
                digester.digestAll(provider, runFroms, runTos, n);
                walks++;
                for (int r = 0; r < n; r++)
                {
                    answerDigests[digested + r] = digester.digest(r);
                    answerCounts[digested + r] = digester.count(r);
                }
            }
            digested += n;
        }
    }

    /** @return table walks made to answer digest requests (several contiguous ranges per walk). */
    public long walks()
    {
        return walks;
    }

    /**
     * The stream delivered an upsert.
     *
     * @param type the entry type.
     * @param key  the key.
     */
    public void onUpsert(final EntryType type, final long key)
    {
        if (type.code() == repairType && key >= repairFrom && key <= repairTo)
        {
            marked.add(key);
        }
    }

    /**
     * The stream delivered a delete.
     *
     * @param type the entry type.
     * @param key  the key.
     */
    public void onDelete(final EntryType type, final long key)
    {
        if (type.code() == repairType)
        {
            marked.remove(key);
        }
    }

    /**
     * Writes queued answers to the data link.
     *
     * @param epoch this member's epoch.
     * @return answers written.
     */
    public int doWork(final long epoch)
    {
        digestDeferred();
        int written = 0;
        final FrameLink link = publisher.link();
        while (written < answers && publisher.connected())
        {
            final int offset = link.tryClaim(PREFIX + ANSWER_LENGTH);
            if (offset < 0)
            {
                break;
            }
            answer.wrapAndApplyHeader(link.buffer(), offset + PREFIX, header)
                .epoch(epoch).requestId(answerIds[written]).fromKey(answerFroms[written]).toKey(answerTos[written])
                .digest(answerDigests[written]).count(answerCounts[written])
                .entryType(io.hotstandby.codec.replication.EntryType.get((short)answerTypes[written]));
            link.commit(PREFIX + ANSWER_LENGTH);
            written++;
        }
        if (written > 0)
        {
            final int left = answers - written;
            System.arraycopy(answerIds, written, answerIds, 0, left);
            System.arraycopy(answerTypes, written, answerTypes, 0, left);
            System.arraycopy(answerFroms, written, answerFroms, 0, left);
            System.arraycopy(answerTos, written, answerTos, 0, left);
            System.arraycopy(answerDigests, written, answerDigests, 0, left);
            System.arraycopy(answerCounts, written, answerCounts, 0, left);
            answers = left;
            digested = Math.max(0, digested - written);
        }
        return written;
    }

    /** Forgets queued answers and an open repair (the link is gone or the stream reset). */
    public void reset()
    {
        answers = 0;
        digested = 0;
        repairType = -1;
        marked.clear();
    }

    /** @return keys deleted by range sweeps so far. */
    public long swept()
    {
        return swept;
    }

    private void sweep(final BackupProvider<?> provider)
    {
        stale.clear();
        provider.scanRange(repairFrom, repairTo, sink);
        for (int i = 0, n = stale.size(); i < n; i++)
        {
            provider.delete(stale.getLong(i));
        }
        swept += stale.size();
        if (!stale.isEmpty())
        {
            LOG.debug("anti-entropy repair of {} keys [{}, {}] removed {} stale entries",
                provider.type(), repairFrom, repairTo, stale.size());
        }
        marked.clear();
    }

    @Override
    public int claim(final EntryType type, final int length)
    {
        return type.code() == repairType && length <= scratch.capacity() ? 0 : -1;
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
        if (key >= repairFrom && key <= repairTo && !marked.contains(key))
        {
            stale.addLong(key);
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
