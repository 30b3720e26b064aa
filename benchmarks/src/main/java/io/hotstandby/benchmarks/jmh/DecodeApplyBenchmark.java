package io.hotstandby.benchmarks.jmh;

import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.BulkBeginEncoder;
import io.hotstandby.codec.replication.BulkEndEncoder;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FirewallSessionV4Form;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.link.DataPublisher;
import io.hotstandby.impl.replication.producer.ProducerGate;
import io.hotstandby.impl.replication.receiver.Receiver;
import io.hotstandby.impl.replication.sender.Sender;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Receiving path (SPEC B3): the real {@link Receiver} validates a batch frame of 256 entries of one
 * type, as the sender sends them (IPv4 firewall sessions in their compact form), with the bounded frame reader, checks epochs and operations, decodes every entry in place
 * with its flyweight reader and applies it through a provider that reads the key and deadline. Each
 * invocation gives the batch the next sequence numbers, so every entry is applied. Run with
 * {@code -prof gc}: allocation must be ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeApplyBenchmark
{
    private static final int BATCH = 256;

    /** The entry type decoded and applied. */
    @Param({"FIREWALL_SESSION", "NAT_PORT_BLOCK", "DHCP_LEASE", "PORTAL_USER", "LAST_HOP", "CUSTOM"})
    public EntryType type;

    private final UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(256 * 1024));
    private Receiver receiver;
    private ReadingProvider provider;
    private int frameLength;
    private long nextSequence = 1;

    /** Builds a synchronised receiver and one batch frame. @throws Exception never in practice. */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        final PairConfig config = EntryFixtures.config();
        provider = new ReadingProvider(type);
        final Map<EntryType, BackupProvider<?>> providers = new EnumMap<>(EntryType.class);
        providers.put(type, provider);
        final NodeCounters counters = NodeCounters.inMemory();
        final DataPublisher publisher = new DataPublisher();
        final ProducerGate gate = new ProducerGate(config);
        final Sender sender = new Sender(config, gate, publisher, providers, null, HotStandbyListener.NO_OP, counters);
        receiver = new Receiver(providers, publisher, sender, HotStandbyListener.NO_OP, counters, 1000, 1000, 1 << 20);
        receiver.epoch(0);
        receiver.mode(true, false);

        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        int length = 0;
        new BulkBeginEncoder().wrapAndApplyHeader(frame, length, header).epoch(0).bulkId(1).startSequence(1);
        length += MessageHeaderEncoder.ENCODED_LENGTH + BulkBeginEncoder.BLOCK_LENGTH;
        new BulkEndEncoder().wrapAndApplyHeader(frame, length, header).epoch(0).bulkId(1).endSequence(0).entryCount(0);
        length += MessageHeaderEncoder.ENCODED_LENGTH + BulkEndEncoder.BLOCK_LENGTH;
        receiver.onFrame(frame, 0, length);

        new BatchHeaderEncoder().wrapAndApplyHeader(frame, 0, header).epoch(0).firstSequence(1).ownerNodeId(2).count(BATCH);
        final Staging staging = new Staging(frame, MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH);
        final EntrySink sink = new FlyweightEntrySink(staging);
        for (int i = 0; i < BATCH; i++)
        {
            EntryFixtures.write(sink, type, i + 1);
        }
        frameLength = staging.position;
    }

    /** @return keys read by the provider so far. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decodeAndApply()
    {
        frame.putLong(MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.firstSequenceEncodingOffset(), nextSequence);
        nextSequence += BATCH;
        receiver.onFrame(frame, 0, frameLength);
        return provider.sum;
    }

    /** Reads the key and the deadline of every applied entry. */
    static final class ReadingProvider implements BackupProvider<EntryReader>
    {
        private final EntryType type;
        long sum;

        ReadingProvider(final EntryType type)
        {
            this.type = type;
        }

        @Override
        public EntryType type()
        {
            return type;
        }

        @Override
        public void apply(final EntryReader entry)
        {
            sum += entry.key() + entry.expiresAtMs();
        }

        @Override
        public void delete(final long key)
        {
            sum -= key;
        }

        @Override
        public long snapshot(final long position, final int limit, final EntrySink sink)
        {
            return SNAPSHOT_END;
        }
    }

    /**
     * Writes entry messages one after another into the frame, in the form the sender sends them: an
     * IPv4 firewall session as {@code FirewallSessionV4}, everything else as written.
     */
    static final class Staging implements ClaimTarget
    {
        private final UnsafeBuffer frame;
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
        int position;

        Staging(final UnsafeBuffer frame, final int position)
        {
            this.frame = frame;
            this.position = position;
        }

        @Override
        public int claim(final EntryType type, final int length)
        {
            return 0;
        }

        @Override
        public MutableDirectBuffer buffer()
        {
            return scratch;
        }

        @Override
        public OfferResult commit(final EntryWriterFlyweight writer)
        {
            final int length = writer.messageLength();
            if (FirewallSessionV4Form.fits(scratch, 0, length))
            {
                FirewallSessionV4Form.compact(scratch, 0, frame, position);
                position += FirewallSessionV4Form.LENGTH;
            }
            else
            {
                frame.putBytes(position, scratch, 0, length);
                position += length;
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
            return OfferResult.ACCEPTED;
        }
    }
}
