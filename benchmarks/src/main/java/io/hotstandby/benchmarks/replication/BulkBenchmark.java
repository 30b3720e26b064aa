package io.hotstandby.benchmarks.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Bulk backup of a full table to a fresh standby while live updates continue (SPEC B4): the active's
 * {@link SessionTable} holds {@code entries} sessions (1,000,000 by default) written with the standard
 * workload's records; the standby starts empty. Timing starts when the engines are told the peer is up
 * and ends when the standby reports ready (bulk complete, lag under the bound). Meanwhile a producer
 * offers live workload updates at {@code live.rate} per second (50,000 by default; each updates the
 * table, then offers), and the lag of those offered after the bulk began is recorded (an update made
 * before the bulk began reaches the standby in the bulk itself). At the end the standby's table is checked
 * against the workload's view.
 *
 * <p>Rounds ({@code rounds}, 5 by default): each builds a fresh pair (new engines, transports and an
 * empty standby table) against the same active table, in this JVM. The first round pays for the
 * JVM's class loading and compilation of the whole path (Netty's included) and is reported as
 * {@code cold_bulk_ms}; the later rounds are a standby joining a running active: {@code bulk_ms} is
 * their median, {@code bulk_best_ms} their best, and {@code rounds_ms} lists every round in order.
 * The live lag is that of the median round.
 *
 * <p>Each member runs its own replication agent ({@code agents=dedicated} unless set otherwise), as on
 * two devices: the active's agent reads its table while the standby's applies.
 * Prints {@code RESULT bench=bulk entries=... bulk_ms=... cold_bulk_ms=... live_p99_us=...}.
 *
 * <p>Run with {@code benchmarks/run bulk}.
 */
public final class BulkBenchmark
{
    private static final int ENTRY_LENGTH = 8 + io.hotstandby.codec.replication.FirewallSessionEncoder.BLOCK_LENGTH;

    private volatile boolean running = true;
    private volatile long liveSent;

    private BulkBenchmark()
    {
    }

    /** @param args unused; knobs are system properties. */
    public static void main(final String[] args)
    {
        int rc = 0;
        try
        {
            new BulkBenchmark().run();
        }
        catch (final Throwable t)
        {
            t.printStackTrace();
            System.out.println("RESULT bench=bulk error=" + t.getClass().getSimpleName());
            rc = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(rc);
    }

    private void run() throws Exception
    {
        final int entries = Integer.getInteger("entries", 1_000_000);
        if (System.getProperty("agents") == null)
        {
            System.setProperty("agents", "dedicated");
        }
        final int rounds = Math.max(1, Integer.getInteger("rounds", 5));
        final double liveRate = Double.parseDouble(System.getProperty("live.rate", "50000"));
        final int keys = entries + entries / 8;
        final SessionWorkload workload = new SessionWorkload(keys, Long.getLong("seed", 42));
        final SessionTable activeTable = new SessionTable(keys);
        final SessionRecord r = new SessionRecord();
        while (workload.liveCount() < entries)
        {
            workload.next(r);
            r.lastSeen = 0;
            activeTable.put(r);
        }
        final List<Round> all = new ArrayList<>();
        final StringBuilder roundsMs = new StringBuilder();
        for (int i = 0; i < rounds; i++)
        {
            final Round round = round(workload, activeTable, keys, liveRate);
            all.add(round);
            roundsMs.append(i == 0 ? "" : "/").append(Math.round(round.bulkNs / 1e6));
        }
        final Round cold = all.get(0);
        final List<Round> warm = new ArrayList<>(all.subList(1, all.size()));
        warm.sort(Comparator.comparingLong(x -> x.bulkNs));
        final Round reported = warm.isEmpty() ? cold : warm.get((warm.size() - 1) / 2);
        final Round best = warm.isEmpty() ? cold : warm.get(0);
        final Histogram lag = reported.standbyTable.pacedHist;
        final StringBuilder sb = new StringBuilder(256);
        sb.append("RESULT bench=bulk entries=").append(entries);
        ReplicationBenchmark.kv(sb, "bulk_ms", reported.bulkNs / 1e6);
        ReplicationBenchmark.kv(sb, "bulk_best_ms", best.bulkNs / 1e6);
        ReplicationBenchmark.kv(sb, "cold_bulk_ms", cold.bulkNs / 1e6);
        ReplicationBenchmark.kv(sb, "rounds", rounds);
        ReplicationBenchmark.kv(sb, "live_rate", liveRate);
        ReplicationBenchmark.kv(sb, "live_during_bulk", reported.liveDuringBulk);
        ReplicationBenchmark.kv(sb, "live_samples", lag.getTotalCount());
        ReplicationBenchmark.kv(sb, "live_p50_us", lag.getValueAtPercentile(50) / 1000.0);
        ReplicationBenchmark.kv(sb, "live_p99_us", lag.getValueAtPercentile(99) / 1000.0);
        ReplicationBenchmark.kv(sb, "live_max_us", lag.getMaxValue() / 1000.0);
        ReplicationBenchmark.kv(sb, "sender_bulk_ms", reported.senderBulkMs);
        sb.append(" resyncs=").append(reported.resyncs);
        sb.append(" table_size=").append(reported.standbyTable.size());
        sb.append(" rounds_ms=").append(roundsMs);
        String verify = "ok";
        for (int i = 0; i < all.size(); i++)
        {
            if (!all.get(i).verify.equals("ok"))
            {
                verify = "round" + i + ":" + all.get(i).verify;
                break;
            }
        }
        sb.append(" verify=").append(verify);
        sb.append(" config=").append(reported.config);
        System.out.println(sb);
        System.out.flush();
    }

    /** One fresh pair (new engines, new transports, an empty standby) in this JVM, timed from peer-up to ready. */
    private Round round(final SessionWorkload workload, final SessionTable activeTable, final int keys, final double liveRate)
        throws Exception
    {
        final Round round = new Round();
        round.standbyTable = new SessionTable(keys);
        round.standbyTable.pacedTo = Long.MAX_VALUE;
        running = true;
        liveSent = 0;
        try (PairRig rig = new PairRig(activeTable, round.standbyTable))
        {
            final RingEntryProducer producer = (RingEntryProducer)rig.active.newProducer();
            final long start = System.nanoTime();
            rig.start();
            final Thread live = new Thread(() -> liveLoop(workload, activeTable, producer, liveRate, start), "live-producer");
            live.start();
            final long deadline = start + TimeUnit.SECONDS.toNanos(60);
            boolean sawBulk = false;
            long readyAt = 0;
            while (System.nanoTime() < deadline)
            {
                if (round.standbyTable.pacedFrom == Long.MAX_VALUE && rig.active.status().bulkInProgress())
                {
                    // live lag counts the updates offered once the bulk began; those made before it travel
                    // in the bulk itself (and the table holds entries stamped by earlier rounds)
                    round.standbyTable.pacedFrom = System.nanoTime();
                }
                sawBulk |= rig.standby.status().bulkInProgress();
                if (sawBulk && rig.standby.isReady())
                {
                    readyAt = System.nanoTime();
                    break;
                }
                LockSupport.parkNanos(100_000);
            }
            if (readyAt == 0)
            {
                throw new IllegalStateException("the standby did not become ready within 60 s: " + rig.standby.status());
            }
            round.bulkNs = readyAt - start;
            round.liveDuringBulk = liveSent;
            running = false;
            live.join(10_000);
            final long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((rig.active.status().lagEntries() > 0 || round.standbyTable.size() != workload.liveCount()) &&
                System.nanoTime() < drainDeadline)
            {
                Thread.sleep(5);
            }
            round.verify = round.standbyTable.verify(workload);
            round.senderBulkMs = rig.active.status().lastBulkMillis();
            round.resyncs = rig.activeCounters.get(CounterId.RESYNCS).get();
            round.config = rig.config();
        }
        return round;
    }

    /** What one round measured. */
    private static final class Round
    {
        SessionTable standbyTable;
        long bulkNs;
        long liveDuringBulk;
        long senderBulkMs;
        long resyncs;
        String verify;
        String config;
    }

    private void liveLoop(final SessionWorkload workload, final SessionTable table, final RingEntryProducer producer,
        final double rate, final long start)
    {
        final SessionRecord r = new SessionRecord();
        final IdleStrategy idle = PairRig.idle();
        final double interval = 1e9 / rate;
        long i = 0;
        while (running)
        {
            final long intended = start + (long)(i * interval);
            final long gap = intended - System.nanoTime();
            if (gap > 0)
            {
                // park rather than spin until the next intended time: a data plane offers as packets come
                // and does not burn one of the replication's two cores waiting; the updates that fell due
                // while parked go out together, each stamped with its intended time, so the wait counts
                LockSupport.parkNanos(Math.min(gap, 1_000_000L));
                continue;
            }
            workload.next(r);
            r.lastSeen = intended;
            table.put(r);
            idle.reset();
            while (!producer.hasCapacityFor(EntryType.FIREWALL_SESSION, ENTRY_LENGTH))
            {
                idle.idle();
            }
            final FirewallSessionWriter w = producer.claimFirewallSession();
            if (w != null)
            {
                r.writeTo(w);
                w.commit();
            }
            i++;
            liveSent = i;
        }
    }
}
