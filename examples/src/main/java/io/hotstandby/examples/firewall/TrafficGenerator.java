package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.OfferResult;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;

import java.util.SplittableRandom;

/**
 * The toy firewall's data plane: creates, updates and deletes sessions in its {@link SessionTable}
 * and offers each change for replication through an {@link EntryProducer}. Deterministic under its
 * seed: operation {@code n} of two generators with the same seed, key prefix and bound is the same, so
 * a test can {@link #replay} what a table held after any number of operations.
 *
 * <p>Every session written by operation {@code n} carries {@code packets = n} (1-based), so the last
 * create or update a table has seen can be read from the table itself (see {@link TableCut}).
 * Timestamps are synthetic ({@link #BASE_EPOCH_MS} plus the operation number) for the same reason.
 *
 * <p>Not thread-safe: driven by one data-plane thread, whose producer it uses.
 */
public final class TrafficGenerator
{
    /** Synthetic time of operation 0, epoch ms (2026-01-01T00:00:00Z). */
    public static final long BASE_EPOCH_MS = 1_767_225_600_000L;
    /** Below this many live sessions the generator only creates. */
    static final int MIN_LIVE = 8;

    /** What one operation did. */
    public enum Op
    {
        /** A new session. */
        CREATE,
        /** An existing session's counters and state changed. */
        UPDATE,
        /** A session ended. */
        DELETE
    }

    private final SessionTable table;
    private final SplittableRandom random;
    private final long keyPrefix;
    private final int maxSessions;
    private final LongArrayList liveKeys = new LongArrayList();
    private final Long2LongHashMap indexByKey = new Long2LongHashMap(-1);
    private final Session scratch = new Session();
    private long operations;
    private long nextKey;
    private long accepted;
    private long rejected;
    private Op lastOp;
    private long lastKey;

    /**
     * @param seed        the seed; same seed, same operations.
     * @param keyPrefix   0..65535, put in the top 16 bits of every key (e.g. the node id), so that two
     *                    generators never collide.
     * @param maxSessions the largest number of live sessions, at least {@value #MIN_LIVE}.
     * @param table       the table the operations change.
     */
    public TrafficGenerator(final long seed, final int keyPrefix, final int maxSessions, final SessionTable table)
    {
        if (keyPrefix < 0 || keyPrefix > 0xFFFF)
        {
            throw new IllegalArgumentException("keyPrefix must be in 0..65535");
        }
        if (maxSessions < MIN_LIVE)
        {
            throw new IllegalArgumentException("maxSessions must be at least " + MIN_LIVE);
        }
        this.table = table;
        this.random = new SplittableRandom(seed);
        this.keyPrefix = (long)keyPrefix << 48;
        this.maxSessions = maxSessions;
    }

    /**
     * Replays a generator offline.
     *
     * @param seed        the seed.
     * @param keyPrefix   the key prefix.
     * @param maxSessions the bound.
     * @param operations  how many operations to run.
     * @return the table after them.
     */
    public static SessionTable replay(final long seed, final int keyPrefix, final int maxSessions, final long operations)
    {
        final SessionTable table = new SessionTable();
        final TrafficGenerator g = new TrafficGenerator(seed, keyPrefix, maxSessions, table);
        for (long i = 0; i < operations; i++)
        {
            g.step(null);
        }
        return table;
    }

    /**
     * Runs one operation on the table and offers it for replication.
     *
     * @param producer where to offer the change, or null to change the table only.
     * @return the offer's outcome, or null when no producer was given.
     */
    public OfferResult step(final EntryProducer producer)
    {
        final long n = ++operations;
        final int live = liveKeys.size();
        final int roll = random.nextInt(100);
        final Op op = live < MIN_LIVE ? Op.CREATE :
            live >= maxSessions ? (roll < 50 ? Op.UPDATE : Op.DELETE) :
            roll < 50 ? Op.CREATE : roll < 80 ? Op.UPDATE : Op.DELETE;
        lastOp = op;
        final OfferResult result;
        switch (op)
        {
            case CREATE ->
            {
                final long key = keyPrefix | nextKey++;
                create(key, n);
                result = offer(producer);
            }
            case UPDATE ->
            {
                final long key = liveKeys.getLong(random.nextInt(live));
                table.get(key, scratch);
                scratch.packets = n;
                scratch.bytes += 64 + random.nextInt(1400);
                scratch.lastSeenMs = BASE_EPOCH_MS + n;
                scratch.state = Math.min(scratch.state + 1, 10);
                table.put(scratch);
                result = offer(producer);
            }
            default ->
            {
                final long key = liveKeys.getLong(random.nextInt(live));
                removeLive(key);
                table.remove(key);
                scratch.key = key;
                result = producer == null ? null : producer.delete(EntryType.FIREWALL_SESSION, key);
            }
        }
        lastKey = scratch.key;
        if (result == OfferResult.ACCEPTED)
        {
            accepted++;
        }
        else if (result != null)
        {
            rejected++;
        }
        return result;
    }

    /** @return operations run so far; the n-th operation is number n. */
    public long operations()
    {
        return operations;
    }

    /** @return offers the producer accepted. */
    public long accepted()
    {
        return accepted;
    }

    /** @return offers the producer refused (ring full, not replicating...). */
    public long rejected()
    {
        return rejected;
    }

    /** @return sessions alive in the generator's view. */
    public int liveSessions()
    {
        return liveKeys.size();
    }

    /** @return what the last operation did, or null before the first. */
    public Op lastOp()
    {
        return lastOp;
    }

    /** @return the key the last operation touched. */
    public long lastKey()
    {
        return lastKey;
    }

    /** @return the table the operations change. */
    public SessionTable table()
    {
        return table;
    }

    private void create(final long key, final long n)
    {
        final Session s = scratch;
        s.reset();
        s.key = key;
        s.ipVersion = 4;
        Session.ipv4(s.srcIp, 0x0A000000 | random.nextInt(1 << 24));                  // 10.0.0.0/8
        Session.ipv4(s.dstIp, 0xC6336400 | random.nextInt(256));                      // 198.51.100.0/24
        Session.ipv4(s.natIp, 0xCB007100 | random.nextInt(256));                      // 203.0.113.0/24
        s.srcPort = 1024 + random.nextInt(64_512);
        s.dstPort = DST_PORTS[random.nextInt(DST_PORTS.length)];
        s.natPort = 1024 + random.nextInt(64_512);
        s.protocol = s.dstPort == 53 ? 17 : 6;
        s.state = 1;
        s.vrf = random.nextInt(4);
        s.zone = 1 + random.nextInt(3);
        s.createdAtMs = BASE_EPOCH_MS + n;
        s.lastSeenMs = BASE_EPOCH_MS + n;
        s.bytes = 64;
        s.packets = n;
        table.put(s);
        indexByKey.put(key, liveKeys.size());
        liveKeys.addLong(key);
    }

    private void removeLive(final long key)
    {
        final int index = (int)indexByKey.remove(key);
        final int last = liveKeys.size() - 1;
        final long moved = liveKeys.getLong(last);
        liveKeys.setLong(index, moved);
        liveKeys.removeAt(last);
        if (moved != key)
        {
            indexByKey.put(moved, index);
        }
    }

    private OfferResult offer(final EntryProducer producer)
    {
        if (producer == null)
        {
            return null;
        }
        final FirewallSessionWriter w = producer.claimFirewallSession();
        if (w == null)
        {
            return producer.lastRejection();
        }
        return scratch.writeTo(w).commit();
    }

    private static final int[] DST_PORTS = {22, 25, 53, 80, 443, 443, 443, 993, 3306, 8080};
}
