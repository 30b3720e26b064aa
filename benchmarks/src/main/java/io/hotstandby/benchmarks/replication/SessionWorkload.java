package io.hotstandby.benchmarks.replication;

/**
 * The standard workload of {@code WORKLOAD.md} (the same sequence as the peers' generator, seed 42 by
 * default): session ids uniform over {@code keys}, 60% create / 30% update / 10% delete, xorshift64*;
 * it keeps the active side's own view (packet counter and live bit per key) to check the standby's
 * table at the end. Runs on the producer thread; not thread-safe.
 */
final class SessionWorkload
{
    static final byte STATE_NEW = 1;
    static final byte STATE_ESTABLISHED = 2;
    static final byte STATE_CLOSED = 3;

    private final int keys;
    private final long[] packets;
    private final long[] liveBits;
    private long liveCount;
    private long state;
    private long operations;

    SessionWorkload(final int keys, final long seed)
    {
        this.keys = keys;
        this.packets = new long[keys];
        this.liveBits = new long[(keys + 63) >>> 6];
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    private long nextRandom()
    {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return x * 0x2545F4914F6CDD1DL;
    }

    /** @param r filled with the next operation's record, all fields but {@code lastSeen}. */
    void next(final SessionRecord r)
    {
        final long x = nextRandom();
        final int key = (int)(((x >>> 32) * keys) >>> 32);
        final int selector = (int)(((x & 0xFFFFFFFFL) * 10) >>> 32);
        final int word = key >>> 6;
        final long bit = 1L << key;
        final boolean live = (liveBits[word] & bit) != 0;
        final long operation = ++operations;
        final long p;
        if (selector < 6)
        {
            r.state = STATE_NEW;
            p = 1;
            packets[key] = p;
            if (!live)
            {
                liveBits[word] |= bit;
                liveCount++;
            }
        }
        else if (selector < 9)
        {
            r.state = STATE_ESTABLISHED;
            p = packets[key] + 1;
            packets[key] = p;
            if (!live)
            {
                liveBits[word] |= bit;
                liveCount++;
            }
        }
        else
        {
            r.state = STATE_CLOSED;
            p = packets[key];
            packets[key] = 0;
            if (live)
            {
                liveBits[word] &= ~bit;
                liveCount--;
            }
        }
        final int h = (int)(key * 0x9E3779B1L);
        r.sessionId = key;
        r.srcIp = 0x0A000000 | (h & 0x00FFFFFF);
        r.dstIp = 0xC0A80000 | ((h >>> 8) & 0xFFFF);
        r.srcPort = 1024 + (h & 0x7FFF);
        r.dstPort = 443;
        r.protocol = 6;
        r.zone = key & 7;
        r.created = operation;
        r.packets = p;
        r.bytes = p * 1200;
        r.natIp = 0xCB007100 | (h & 0xFF);
        r.natPort = 20000 + (key & 0x3FFF);
    }

    long liveCount()
    {
        return liveCount;
    }

    boolean isLive(final int key)
    {
        return (liveBits[key >>> 6] & (1L << key)) != 0;
    }

    long expectedPackets(final int key)
    {
        return packets[key];
    }
}
