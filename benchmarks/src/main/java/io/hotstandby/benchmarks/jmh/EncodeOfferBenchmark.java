package io.hotstandby.benchmarks.jmh;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.producer.ProducerGate;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;
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

import java.util.concurrent.TimeUnit;

/**
 * Producer path (SPEC B2, B7): claim a ring slot, encode an entry with its flyweight writer straight
 * into it, commit; per entry type. The ring is drained (records skipped, not copied) after every 256
 * offers so it never fills. Run with {@code -prof gc}: allocation must be ~0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncodeOfferBenchmark
{
    private static final int BATCH = 256;
    private static final MessageHandler SKIP = (msgTypeId, buffer, index, length) -> { };

    /** The entry type encoded. */
    @Param({"FIREWALL_SESSION", "NAT_PORT_BLOCK", "DHCP_LEASE", "PORTAL_USER", "LAST_HOP", "CUSTOM"})
    public EntryType type;

    private RingEntryProducer producer;
    private RingBuffer ring;
    private long key;

    /** Builds a producer with an accepting gate. @throws Exception never in practice. */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        final ProducerGate gate = new ProducerGate(EntryFixtures.config());
        gate.accepting(true);
        gate.nowMs(System.currentTimeMillis());
        producer = new RingEntryProducer(gate, 1 << 20, NodeCounters.inMemory());
        ring = producer.ring(gate.priority(type));
    }

    /** @return the last outcome (ACCEPTED). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public OfferResult encodeAndOffer()
    {
        OfferResult result = null;
        for (int i = 0; i < BATCH; i++)
        {
            result = EntryFixtures.write(producer, type, ++key);
        }
        ring.read(SKIP, BATCH);
        return result;
    }
}
