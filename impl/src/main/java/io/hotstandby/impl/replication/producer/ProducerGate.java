package io.hotstandby.impl.replication.producer;

import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.codec.SessionFlags;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.api.event.HotStandbyListener;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What producers read and the replication agent publishes (SPEC B5, B6, B7): whether offers are
 * accepted now, the cached wall clock for the delay-time check, the per-type policy (immutable, from
 * the configuration), and the ring-full flag producers raise for the agent to repair.
 *
 * <p>Threading: policy fields are final; {@link #accepting(boolean)} and {@link #nowMs(long)} are
 * written by the agent once per duty cycle and read by any producer thread; the ring-full flag is
 * raised by producers and taken by the agent.
 */
public final class ProducerGate
{
    private final boolean[] enabled = new boolean[8];
    private final long[] minAgeMs = new long[8];
    private final int[] priority = new int[8];
    private final boolean httpEnabled;
    private final boolean dnsEnabled;
    private final AtomicInteger ringFullTypes = new AtomicInteger();
    private volatile boolean accepting;
    private volatile boolean closed;
    private volatile long nowMs;

    /** @param config the validated configuration; policies are fixed from here on. */
    public ProducerGate(final PairConfig config)
    {
        for (final EntryType type : EntryType.values())
        {
            final var policy = config.entryPolicy(type);
            enabled[type.code()] = policy.enabled();
            minAgeMs[type.code()] = policy.minAgeMs();
            priority[type.code()] = Math.max(0, Math.min(3, policy.priority()));
        }
        httpEnabled = config.httpSessionBackup();
        dnsEnabled = config.dnsSessionBackup();
    }

    /** @param type a type. @return true when the type is replicated (B5). */
    public boolean enabled(final EntryType type)
    {
        return enabled[type.code()];
    }

    /** @param type a type. @return the delay time, ms (B6). */
    public long minAgeMs(final EntryType type)
    {
        return minAgeMs[type.code()];
    }

    /** @param type a type. @return send priority 0..3 (G5). */
    public int priority(final EntryType type)
    {
        return priority[type.code()];
    }

    /** @return true when HTTP sessions are replicated. */
    public boolean httpEnabled()
    {
        return httpEnabled;
    }

    /** @return true when DNS sessions are replicated. */
    public boolean dnsEnabled()
    {
        return dnsEnabled;
    }

    /** @param accepting whether producers may offer now (active with a peer). Agent thread. */
    public void accepting(final boolean accepting)
    {
        this.accepting = accepting;
    }

    /** @return whether producers may offer now. */
    public boolean accepting()
    {
        return accepting;
    }

    /** Marks the engine closed: every later offer returns CLOSED. */
    public void close()
    {
        closed = true;
    }

    /** @return true once closed. */
    public boolean closed()
    {
        return closed;
    }

    /** @param nowMs the agent's wall clock this cycle, epoch ms. */
    public void nowMs(final long nowMs)
    {
        this.nowMs = nowMs;
    }

    /** @return the cached wall clock, epoch ms. */
    public long nowMs()
    {
        return nowMs;
    }

    /** @param type the type whose offer was dropped because a ring was full. Any producer thread. */
    public void raiseRingFull(final EntryType type)
    {
        final int bit = 1 << type.code();
        int current;
        do
        {
            current = ringFullTypes.get();
            if ((current & bit) != 0)
            {
                return;
            }
        }
        while (!ringFullTypes.compareAndSet(current, current | bit));
    }

    /** @return the bit set (1 &lt;&lt; type code) of types that lost offers since the last call, cleared. Agent thread. */
    public int takeRingFull()
    {
        return ringFullTypes.get() == 0 ? 0 : ringFullTypes.getAndSet(0);
    }

    /**
     * The commit-time policy of one entry (B5, B6): HTTP/DNS switches and the delay time.
     *
     * @param writer the writer positioned on the entry.
     * @return {@link OfferResult#ACCEPTED}, {@link OfferResult#TYPE_DISABLED} or {@link OfferResult#TOO_YOUNG}.
     */
    public OfferResult verdict(final EntryWriterFlyweight writer)
    {
        if (writer.type() == EntryType.FIREWALL_SESSION)
        {
            final int flags = writer.flagsValue();
            if (((flags & SessionFlags.HTTP) != 0 && !httpEnabled) || ((flags & SessionFlags.DNS) != 0 && !dnsEnabled))
            {
                return OfferResult.TYPE_DISABLED;
            }
        }
        final long minAge = minAgeMs[writer.type().code()];
        if (minAge > 0)
        {
            final long createdAt = writer.createdAtMsValue();
            if (createdAt > 0 && nowMs - createdAt < minAge)
            {
                return OfferResult.TOO_YOUNG;
            }
        }
        return OfferResult.ACCEPTED;
    }

    /** @param listener told, per type bit in {@code bits}, of a ring-full loss. */
    public static void report(final int bits, final HotStandbyListener listener)
    {
        for (final EntryType type : EntryType.values())
        {
            if ((bits & (1 << type.code())) != 0)
            {
                listener.onRingFull(type);
            }
        }
    }
}
