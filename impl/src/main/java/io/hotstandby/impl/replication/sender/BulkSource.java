package io.hotstandby.impl.replication.sender;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.producer.ProducerGate;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the providers' tables for a bulk backup (SPEC B4), a bounded slice per duty cycle, in
 * priority order (G5). Each entry the provider emits is staged in a scratch buffer, checked against
 * the type policy, and appended to the {@link OutboundLog} at once, so it takes its sequence at the
 * moment it is read: an update or delete the host makes after that read reaches the ring later and
 * so gets a higher sequence, and the standby, applying in sequence order, ends with the newest state.
 *
 * <p>Threading: replication agent thread only.
 */
public final class BulkSource implements ClaimTarget
{
    private final BackupProvider<?>[] providers;
    private final ProducerGate gate;
    private final OutboundLog log;
    private final SequencedListener listener;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private int providerIndex;
    private long position;
    private long entries;
    private boolean running;
    private long nowNs;

    /** Told of every entry the bulk appends (for acknowledged-mode tracking). */
    @FunctionalInterface
    public interface SequencedListener
    {
        /**
         * @param sequence the entry's sequence.
         * @param type     its type.
         * @param key      its key.
         */
        void onAppended(long sequence, EntryType type, long key);
    }

    /**
     * @param providers the host's providers.
     * @param gate      the type policies.
     * @param log       where entries are appended.
     * @param listener  told of every appended entry.
     */
    public BulkSource(
        final Map<EntryType, BackupProvider<?>> providers,
        final ProducerGate gate,
        final OutboundLog log,
        final SequencedListener listener)
    {
        final List<BackupProvider<?>> ordered = new ArrayList<>();
        for (final BackupProvider<?> p : providers.values())
        {
            if (gate.enabled(p.type()))
            {
                ordered.add(p);
            }
        }
        ordered.sort(Comparator.comparingInt((BackupProvider<?> p) -> gate.priority(p.type())).thenComparing(p -> p.type()));
        this.providers = ordered.toArray(new BackupProvider<?>[0]);
        this.gate = gate;
        this.log = log;
        this.listener = listener;
    }

    /** Starts reading every table from the beginning. */
    public void start()
    {
        providerIndex = 0;
        position = 0;
        entries = 0;
        running = true;
    }

    /** Stops reading (the stream was reset or the link lost). */
    public void cancel()
    {
        running = false;
    }

    /** @return true while tables remain to be read. */
    public boolean running()
    {
        return running;
    }

    /** @return entries appended by the current or last bulk. */
    public long entries()
    {
        return entries;
    }

    /**
     * Reads one bounded slice.
     *
     * @param limit most entries to ask the provider for.
     * @param nowNs the agent's time.
     * @return entries appended.
     */
    public int slice(final int limit, final long nowNs)
    {
        if (!running)
        {
            return 0;
        }
        this.nowNs = nowNs;
        if (providerIndex >= providers.length)
        {
            running = false;
            return 0;
        }
        final long before = entries;
        position = providers[providerIndex].snapshot(position, limit, sink);
        if (position == BackupProvider.SNAPSHOT_END)
        {
            providerIndex++;
            position = 0;
            if (providerIndex >= providers.length)
            {
                running = false;
            }
        }
        return (int)(entries - before);
    }

    @Override
    public int claim(final EntryType type, final int length)
    {
        if (!gate.enabled(type))
        {
            return -1;
        }
        return length <= scratch.capacity() ? 0 : -1;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    @Override
    public OfferResult commit(final EntryWriterFlyweight writer)
    {
        final OfferResult verdict = gate.verdict(writer);
        if (verdict == OfferResult.ACCEPTED)
        {
            final long sequence = log.append(scratch, 0, writer.messageLength(), nowNs);
            entries++;
            listener.onAppended(sequence, writer.type(), writer.keyValue());
        }
        return verdict;
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
