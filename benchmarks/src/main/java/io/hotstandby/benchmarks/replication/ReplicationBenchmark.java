package io.hotstandby.benchmarks.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The standard workload of {@code ../shared/WORKLOAD.md} through the library: a producer thread (the
 * simulated active firewall) offers every operation as a firewall session to an
 * {@link io.hotstandby.api.entry.EntryProducer}; the active's replication engine sends it over loopback
 * TCP to the standby's engine, which applies it to a {@link SessionTable}. Phases, knobs and the
 * {@code RESULT peer=hotstandby ...} line follow the peers' harness: warm-up, saturation window, paced
 * window with intended-time stamps, drain, verify. Back-pressure: the producer waits (with the idle
 * strategy) while its ring has no room, so no offer is ever dropped.
 *
 * <p>Run with {@code benchmarks/run replication}; knobs through {@code BENCH_OPTS}.
 */
public final class ReplicationBenchmark
{
    private static final int SATURATION = 0;
    private static final int PACED = 1;
    private static final int STOP = 2;
    /** Bytes the producer claims in its ring per session (entry header and full FirewallSession block). */
    private static final int ENTRY_LENGTH = io.hotstandby.impl.replication.entry.FirewallSessionFlyweightWriter.LENGTH;
    /** Bytes of one session on the wire (and in the retransmit log): IPv4 sessions travel as FirewallSessionV4. */
    private static final int WIRE_ENTRY_LENGTH = io.hotstandby.impl.replication.entry.FirewallSessionV4Form.LENGTH;

    private final int keys = Integer.getInteger("keys", 1_000_000);
    private final long seed = Long.getLong("seed", 42);
    private final long ops = Long.getLong("ops", 10_000_000);
    private final double warmupS = number("warmup.s", 2.0);
    private final double minS = number("min.s", 3.0);
    private final double maxS = number("max.s", 4.0);
    private final String pacedRateProperty = System.getProperty("paced.rate", "auto");
    private final double pacedCap = number("paced.cap", 50_000);
    private final double pacedFraction = number("paced.frac", 0.5);
    private final double pacedS = number("paced.s", 2.0);
    private final double pacedSettleS = number("paced.settle.s", 0.5);

    private volatile int mode = SATURATION;
    private volatile double pacedRate;
    private volatile long pacedStart;
    private volatile long sent;
    private volatile Throwable producerFailure;

    private ReplicationBenchmark()
    {
    }

    /** @param args unused; knobs are system properties. */
    public static void main(final String[] args)
    {
        int rc = 0;
        try
        {
            new ReplicationBenchmark().run();
        }
        catch (final Throwable t)
        {
            t.printStackTrace();
            System.out.println("RESULT peer=hotstandby error=" + t.getClass().getSimpleName());
            rc = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(rc);
    }

    private static double number(final String key, final double defaultValue)
    {
        final String v = System.getProperty(key);
        return v == null ? defaultValue : Double.parseDouble(v);
    }

    private void producerLoop(final SessionWorkload workload, final RingEntryProducer producer)
    {
        final SessionRecord r = new SessionRecord();
        final IdleStrategy idle = PairRig.idle();
        long n = 0;
        try
        {
            while (mode == SATURATION)
            {
                for (int i = 0; i < 256; i++)
                {
                    workload.next(r);
                    r.lastSeen = System.nanoTime();
                    offer(producer, r, idle);
                }
                n += 256;
                sent = n;
            }
            final long start = pacedStart;
            final double interval = 1e9 / pacedRate;
            long i = 0;
            while (mode == PACED)
            {
                final long intended = start + (long)(i * interval);
                long now;
                while ((now = System.nanoTime()) < intended)
                {
                    final long gap = intended - now;
                    if (gap > 200_000)
                    {
                        LockSupport.parkNanos(gap - 100_000);
                    }
                    else if (gap > 5_000)
                    {
                        Thread.yield();
                    }
                    else
                    {
                        Thread.onSpinWait();
                    }
                }
                workload.next(r);
                r.lastSeen = intended;
                offer(producer, r, idle);
                i++;
                sent = ++n;
            }
        }
        catch (final Throwable t)
        {
            producerFailure = t;
        }
        sent = n;
    }

    private static void offer(final RingEntryProducer producer, final SessionRecord r, final IdleStrategy idle)
    {
        idle.reset();
        while (!producer.hasCapacityFor(EntryType.FIREWALL_SESSION, ENTRY_LENGTH))
        {
            idle.idle();
        }
        final FirewallSessionWriter w = producer.claimFirewallSession();
        if (w == null)
        {
            throw new IllegalStateException("offer refused: " + producer.lastRejection());
        }
        r.writeTo(w);
        w.commit();
    }

    private void run() throws Exception
    {
        final SessionTable standbyTable = new SessionTable(keys);
        final SessionTable activeTable = new SessionTable(16);
        final SessionWorkload workload = new SessionWorkload(keys, seed);
        final long setup0 = System.nanoTime();
        final PairRig rig = new PairRig(activeTable, standbyTable);
        rig.start();
        final long setupDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!rig.standby.isReady() || rig.active.status().sentSequence() < 0)
        {
            check(System.nanoTime() < setupDeadline, "the standby did not become ready");
            Thread.sleep(1);
        }
        final double setupS = (System.nanoTime() - setup0) / 1e9;
        final RingEntryProducer producer = (RingEntryProducer)rig.active.newProducer();

        final Thread producerThread = new Thread(() -> producerLoop(workload, producer), "producer");
        producerThread.start();
        sleepUntil(System.nanoTime() + (long)(warmupS * 1e9));
        checkProducer();
        final String load1 = MachineStats.loadAverage();
        final long[] w0 = MachineStats.tcp(rig.port);
        final long aw0 = standbyTable.applied();
        final long[] c0 = MachineStats.cpu();
        final long a0 = standbyTable.applied();
        final long s0 = sent;
        final long t0 = System.nanoTime();
        standbyTable.satFrom = t0;
        long t1;
        while (true)
        {
            Thread.sleep(10);
            checkProducer();
            t1 = System.nanoTime();
            final double elapsed = (t1 - t0) / 1e9;
            if ((standbyTable.applied() - a0 >= ops && elapsed >= minS) || elapsed >= maxS)
            {
                break;
            }
        }
        final long a1 = standbyTable.applied();
        standbyTable.satTo = t1;
        final long s1 = sent;
        final long[] c1 = MachineStats.cpu();
        final long aw1 = standbyTable.applied();
        final long[] w1 = MachineStats.tcp(rig.port);
        final long t1b = System.nanoTime();

        final double saturationRate = (a1 - a0) / ((t1 - t0) / 1e9);
        pacedRate = "auto".equals(pacedRateProperty) ?
            Math.max(100, Math.min(pacedCap, Math.floor(pacedFraction * saturationRate / 100) * 100)) :
            Double.parseDouble(pacedRateProperty);
        final long pacedStartNs = t1b + 1_000_000;
        pacedStart = pacedStartNs;
        standbyTable.pacedFrom = pacedStartNs + (long)(pacedSettleS * 1e9);
        standbyTable.pacedTo = standbyTable.pacedFrom + (long)(pacedS * 1e9);
        final long sentAtPacedStart = sent;
        mode = PACED;
        sleepUntil(standbyTable.pacedFrom);
        final long[] c2 = MachineStats.cpu();
        sleepUntil(standbyTable.pacedTo);
        final long[] c3 = MachineStats.cpu();
        sleepUntil(standbyTable.pacedTo + 50_000_000);
        mode = STOP;
        producerThread.join(60_000);
        checkProducer();
        final long pacedSent = sent - sentAtPacedStart;
        final double pacedElapsed = (System.nanoTime() - pacedStartNs) / 1e9;

        final long expected = sent;
        final long drain0 = System.nanoTime();
        while (standbyTable.applied() < expected && System.nanoTime() - drain0 < 30_000_000_000L)
        {
            Thread.sleep(5);
        }
        final long appliedTotal = standbyTable.applied();
        final String verify = appliedTotal != expected ?
            "FAIL(applied=" + appliedTotal + ",expected=" + expected + ")" : standbyTable.verify(workload);

        final double window = (t1 - t0) / 1e9;
        final long inWindow = a1 - a0;
        final StringBuilder sb = new StringBuilder(512);
        sb.append("RESULT peer=hotstandby");
        kv(sb, "rec_per_s", inWindow / window);
        kv(sb, "offered_per_s", (s1 - s0) / window);
        percentiles(sb, "sat", standbyTable.satHist);
        kv(sb, "paced_rate", pacedRate);
        kv(sb, "paced_sent_per_s", pacedSent / pacedElapsed);
        percentiles(sb, "paced", standbyTable.pacedHist);
        kv(sb, "window_s", window);
        kv(sb, "applied_in_window", inWindow);
        kv(sb, "total_sent", sent);
        kv(sb, "setup_s", setupS);
        if (w0 != null && w1 != null && aw1 > aw0)
        {
            kv(sb, "wire_payload_B_per_rec", (w1[0] - w0[0]) / (double)(aw1 - aw0));
            kv(sb, "wire_pkts_per_rec", (w1[1] - w0[1]) / (double)(aw1 - aw0));
        }
        kv(sb, "framing_B_per_rec", WIRE_ENTRY_LENGTH - 64);
        final double[] cpu = MachineStats.cores(c0, c1);
        if (cpu != null)
        {
            kv(sb, "self_cores", cpu[0]);
            kv(sb, "other_cores", cpu[1]);
        }
        final double[] cpuPaced = MachineStats.cores(c2, c3);
        if (cpuPaced != null)
        {
            kv(sb, "other_cores_paced", cpuPaced[1]);
        }
        sb.append(" load1_at_start=").append(load1);
        sb.append(" table_size=").append(standbyTable.size());
        sb.append(" verify=").append(verify);
        sb.append(" config=").append(rig.config());
        sb.append(" extra=resyncs:").append(rig.activeCounters.get(CounterId.RESYNCS).get())
            .append(",ring_full:").append(rig.activeCounters.get(CounterId.RING_FULL_REJECTIONS).get())
            .append(",retransmits:").append(rig.activeCounters.get(CounterId.RETRANSMITS).get())
            .append(",frames_rejected:").append(rig.standbyCounters.get(CounterId.FRAMES_REJECTED).get());
        System.out.println(sb);
        System.out.flush();
        rig.close();
    }

    private void checkProducer()
    {
        if (producerFailure != null)
        {
            throw new IllegalStateException("producer failed", producerFailure);
        }
    }

    private static void check(final boolean condition, final String what)
    {
        if (!condition)
        {
            throw new IllegalStateException(what);
        }
    }

    private static void sleepUntil(final long deadline) throws InterruptedException
    {
        long left;
        while ((left = deadline - System.nanoTime()) > 0)
        {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 20_000_000));
        }
    }

    static void kv(final StringBuilder sb, final String key, final double value)
    {
        sb.append(' ').append(key).append('=');
        if (value == Math.rint(value) && Math.abs(value) < 1e15)
        {
            sb.append((long)value);
        }
        else
        {
            sb.append(String.format(Locale.ROOT, "%.3f", value));
        }
    }

    static void percentiles(final StringBuilder sb, final String prefix, final Histogram h)
    {
        kv(sb, prefix + "_samples", h.getTotalCount());
        kv(sb, prefix + "_p50_us", h.getValueAtPercentile(50) / 1000.0);
        kv(sb, prefix + "_p99_us", h.getValueAtPercentile(99) / 1000.0);
        kv(sb, prefix + "_p999_us", h.getValueAtPercentile(99.9) / 1000.0);
        kv(sb, prefix + "_max_us", h.getMaxValue() / 1000.0);
    }
}
