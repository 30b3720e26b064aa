package io.hotstandby.benchmarks.replication;

import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.spi.BackupProvider;
import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A firewall-session table for the benchmarks, laid out as {@code WORKLOAD.md}'s standby: an Agrona
 * {@link Long2LongHashMap} from session id to slot and a flat slab of 64-byte slots with a free-slot
 * stack; nothing is allocated per entry. As the standby's provider it applies replicated sessions
 * (a session in state CLOSED removes the key, as the workload's record says) and records the lag of
 * each one from the stamp in its {@code lastSeenMs}, once: an update that a bulk backup delivers again
 * (it read the active's table after the update) is measured at its first arrival; as the active's table (bulk benchmark) the
 * producer thread writes it and the replication agent snapshots it, so those paths are synchronized.
 *
 * <p>Threading: {@link #apply} and {@link #delete} on the standby's replication agent thread; the
 * histograms are read after the run.
 */
final class SessionTable implements BackupProvider<FirewallSessionReader>
{
    static final int SLOT = 64;
    private static final long MISSING = -1;
    private static final int SRC_IP = 0;
    private static final int DST_IP = 4;
    private static final int SRC_PORT = 8;
    private static final int DST_PORT = 10;
    private static final int PROTOCOL = 12;
    private static final int STATE = 13;
    private static final int ZONE = 14;
    private static final int SESSION_ID = 16;
    private static final int CREATED = 24;
    private static final int LAST_SEEN = 32;
    private static final int BYTES = 40;
    private static final int PACKETS = 48;
    private static final int NAT_IP = 56;
    private static final int NAT_PORT = 60;

    final Histogram satHist = new Histogram(120_000_000_000L, 3);
    final Histogram pacedHist = new Histogram(120_000_000_000L, 3);
    volatile long satFrom = Long.MAX_VALUE;
    volatile long satTo = Long.MAX_VALUE;
    volatile long pacedFrom = Long.MAX_VALUE;
    volatile long pacedTo = Long.MAX_VALUE;

    private final Long2LongHashMap index;
    private final UnsafeBuffer slab;
    private final int[] free;
    private final long[] keyOfSlot;
    private int freeTop;
    private long appliedLocal;
    private final AtomicLong applied = new AtomicLong();

    SessionTable(final int keys)
    {
        final int capacity = Integer.highestOneBit(Math.max(16, (int)(keys / 0.6f))) << 1;
        this.index = new Long2LongHashMap(capacity, 0.65f, MISSING);
        this.slab = new UnsafeBuffer(new byte[keys * SLOT]);
        this.free = new int[keys];
        this.keyOfSlot = new long[keys];
        for (int i = 0; i < keys; i++)
        {
            free[i] = keys - 1 - i;
            keyOfSlot[i] = MISSING;
        }
        this.freeTop = keys;
    }

    @Override
    public EntryType type()
    {
        return EntryType.FIREWALL_SESSION;
    }

    @Override
    public void apply(final FirewallSessionReader r)
    {
        final long key = r.key();
        final long stamp = r.lastSeenMs();
        boolean repeat = false;
        if (r.state() == SessionWorkload.STATE_CLOSED)
        {
            remove(key);
        }
        else
        {
            long slot = index.get(key);
            if (slot == MISSING)
            {
                slot = allocate(key);
            }
            else
            {
                // the same update delivered twice: live, and again inside a bulk backup that read the
                // active's table after it; its lag is that of its first arrival
                repeat = slab.getLong((int)slot * SLOT + LAST_SEEN) == stamp;
            }
            final int base = (int)slot * SLOT;
            slab.putInt(base + SRC_IP, r.srcIpv4());
            slab.putInt(base + DST_IP, r.dstIpv4());
            slab.putShort(base + SRC_PORT, (short)r.srcPort());
            slab.putShort(base + DST_PORT, (short)r.dstPort());
            slab.putByte(base + PROTOCOL, (byte)r.protocol());
            slab.putByte(base + STATE, (byte)r.state());
            slab.putShort(base + ZONE, (short)r.zone());
            slab.putLong(base + SESSION_ID, key);
            slab.putLong(base + CREATED, r.createdAtMs());
            slab.putLong(base + LAST_SEEN, r.lastSeenMs());
            slab.putLong(base + BYTES, r.bytes());
            slab.putLong(base + PACKETS, r.packets());
            slab.putInt(base + NAT_IP, r.natIpv4());
            slab.putShort(base + NAT_PORT, (short)r.natPort());
        }
        if (repeat)
        {
            applied.lazySet(++appliedLocal);
        }
        else
        {
            done(stamp);
        }
    }

    @Override
    public void delete(final long key)
    {
        remove(key);
    }

    /** Active side: the host writes its own session (bulk benchmark). Producer thread. */
    synchronized void put(final SessionRecord r)
    {
        if (r.state == SessionWorkload.STATE_CLOSED)
        {
            remove(r.sessionId);
            return;
        }
        final int base = slotFor(r.sessionId) * SLOT;
        slab.putInt(base + SRC_IP, r.srcIp);
        slab.putInt(base + DST_IP, r.dstIp);
        slab.putShort(base + SRC_PORT, (short)r.srcPort);
        slab.putShort(base + DST_PORT, (short)r.dstPort);
        slab.putByte(base + PROTOCOL, (byte)r.protocol);
        slab.putByte(base + STATE, r.state);
        slab.putShort(base + ZONE, (short)r.zone);
        slab.putLong(base + SESSION_ID, r.sessionId);
        slab.putLong(base + CREATED, r.created);
        slab.putLong(base + LAST_SEEN, r.lastSeen);
        slab.putLong(base + BYTES, r.bytes);
        slab.putLong(base + PACKETS, r.packets);
        slab.putInt(base + NAT_IP, r.natIp);
        slab.putShort(base + NAT_PORT, (short)r.natPort);
    }

    @Override
    public synchronized long snapshot(final long position, final int limit, final EntrySink sink)
    {
        int slot = (int)position;
        int emitted = 0;
        while (slot < keyOfSlot.length && emitted < limit)
        {
            if (keyOfSlot[slot] != MISSING)
            {
                final FirewallSessionWriter w = sink.claimFirewallSession();
                if (w != null)
                {
                    final int base = slot * SLOT;
                    w.key(slab.getLong(base + SESSION_ID)).srcIpv4(slab.getInt(base + SRC_IP)).dstIpv4(slab.getInt(base + DST_IP))
                        .srcPort(slab.getShort(base + SRC_PORT) & 0xFFFF).dstPort(slab.getShort(base + DST_PORT) & 0xFFFF)
                        .protocol(slab.getByte(base + PROTOCOL)).state(slab.getByte(base + STATE))
                        .zone(slab.getShort(base + ZONE)).createdAtMs(slab.getLong(base + CREATED))
                        .lastSeenMs(slab.getLong(base + LAST_SEEN)).bytes(slab.getLong(base + BYTES))
                        .packets(slab.getLong(base + PACKETS)).natIpv4(slab.getInt(base + NAT_IP))
                        .natPort(slab.getShort(base + NAT_PORT) & 0xFFFF);
                    w.commit();
                }
                emitted++;
            }
            slot++;
        }
        return slot >= keyOfSlot.length ? SNAPSHOT_END : slot;
    }

    @Override
    public long size()
    {
        return index.size();
    }

    long applied()
    {
        return applied.get();
    }

    /** @return "ok" or the first mismatch against the active side's view. Call after the run. */
    synchronized String verify(final SessionWorkload workload)
    {
        if (index.size() != workload.liveCount())
        {
            return "FAIL(size=" + index.size() + ",expected=" + workload.liveCount() + ")";
        }
        long bad = 0;
        long firstBad = -1;
        for (int slot = 0; slot < keyOfSlot.length; slot++)
        {
            final long key = keyOfSlot[slot];
            if (key == MISSING)
            {
                continue;
            }
            final int k = (int)key;
            final int base = slot * SLOT;
            if (!workload.isLive(k) || slab.getLong(base + PACKETS) != workload.expectedPackets(k) ||
                slab.getLong(base + SESSION_ID) != key)
            {
                if (bad++ == 0)
                {
                    firstBad = key;
                }
            }
        }
        return bad == 0 ? "ok" : "FAIL(mismatches=" + bad + ",firstKey=" + firstBad + ")";
    }

    private int slotFor(final long key)
    {
        final long slot = index.get(key);
        return slot == MISSING ? allocate(key) : (int)slot;
    }

    private int allocate(final long key)
    {
        final int slot = free[--freeTop];
        index.put(key, slot);
        keyOfSlot[slot] = key;
        return slot;
    }

    private void remove(final long key)
    {
        final long slot = index.remove(key);
        if (slot != MISSING)
        {
            keyOfSlot[(int)slot] = MISSING;
            free[freeTop++] = (int)slot;
        }
    }

    private void done(final long stamp)
    {
        final long now = System.nanoTime();
        final long lag = Math.max(0, now - stamp);
        if (stamp >= satFrom && stamp < satTo)
        {
            satHist.recordValue(Math.min(lag, 119_000_000_000L));
        }
        else if (stamp >= pacedFrom && stamp < pacedTo)
        {
            pacedHist.recordValue(Math.min(lag, 119_000_000_000L));
        }
        applied.lazySet(++appliedLocal);
    }
}
