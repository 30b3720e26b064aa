package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.NatPortBlockReader;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.spi.BackupProvider;
import org.agrona.MutableDirectBuffer;

/**
 * The toy firewall's NAT port-block pool, registered as the {@link BackupProvider} of
 * {@link EntryType#NAT_PORT_BLOCK}. Same threading as {@link SessionTable}: the host's threads and the
 * library's replication agent meet on the pool's monitor.
 *
 * <p>Record fields (after the 16-byte header): 16 ipVersion, 20 portStart, 24 portEnd, 28 privateLength,
 * 32 vrf, 40 expiresAtMs, 48 publicIp[16], 64 privateIp[16] (80 bytes).
 */
public final class PortBlockPool implements BackupProvider<NatPortBlockReader>
{
    private static final int IP_VERSION = RecordTable.FIELDS_OFFSET;
    private static final int PORT_START = 20;
    private static final int PORT_END = 24;
    private static final int PRIVATE_LENGTH = 28;
    private static final int VRF = 32;
    private static final int EXPIRES = 40;
    private static final int PUBLIC_IP = 48;
    private static final int PRIVATE_IP = 64;
    private static final int RECORD_LENGTH = 80;

    private final RecordTable table = new RecordTable(RECORD_LENGTH, 256);
    private final PortBlock applyScratch = new PortBlock();
    private final PortBlock snapshotScratch = new PortBlock();

    @Override
    public EntryType type()
    {
        return EntryType.NAT_PORT_BLOCK;
    }

    /** @param p the block to allocate or replace (the host's write). */
    public synchronized void put(final PortBlock p)
    {
        final int o = table.upsert(p.key);
        final MutableDirectBuffer b = table.buffer();
        b.putInt(o + IP_VERSION, p.ipVersion);
        b.putInt(o + PORT_START, p.portStart);
        b.putInt(o + PORT_END, p.portEnd);
        b.putInt(o + PRIVATE_LENGTH, p.privateLength);
        b.putInt(o + VRF, p.vrf);
        b.putLong(o + EXPIRES, p.expiresAtMs);
        b.putBytes(o + PUBLIC_IP, p.publicIp);
        b.putBytes(o + PRIVATE_IP, p.privateIp);
    }

    /** @param key the block key. @param into receives the fields. @return true when present. */
    public synchronized boolean get(final long key, final PortBlock into)
    {
        final int o = table.offsetOf(key);
        if (o < 0)
        {
            return false;
        }
        read(o, into);
        return true;
    }

    /** @param key the block key. @return true when released. */
    public synchronized boolean remove(final long key)
    {
        return table.remove(key);
    }

    @Override
    public synchronized void apply(final NatPortBlockReader entry)
    {
        put(applyScratch.readFrom(entry));
    }

    @Override
    public synchronized void delete(final long key)
    {
        table.remove(key);
    }

    @Override
    public synchronized long snapshot(final long position, final int limit, final EntrySink sink)
    {
        int slot = (int)position;
        int emitted = 0;
        while (slot < table.slotCount() && emitted < limit)
        {
            if (table.isUsed(slot))
            {
                final NatPortBlockWriter w = sink.claimNatPortBlock();
                if (w == null)
                {
                    return slot;
                }
                read(table.slotOffset(slot), snapshotScratch);
                snapshotScratch.writeTo(w).commit();
                emitted++;
            }
            slot++;
        }
        return slot >= table.slotCount() ? SNAPSHOT_END : slot;
    }

    @Override
    public synchronized long size()
    {
        return table.size();
    }

    /**
     * @param other another pool.
     * @return true when both hold the same blocks with identical fields.
     */
    public boolean contentEquals(final PortBlockPool other)
    {
        final PortBlockPool first = System.identityHashCode(this) <= System.identityHashCode(other) ? this : other;
        final PortBlockPool second = first == this ? other : this;
        synchronized (first)
        {
            synchronized (second)
            {
                return table.contentEquals(other.table);
            }
        }
    }

    private void read(final int o, final PortBlock p)
    {
        final MutableDirectBuffer b = table.buffer();
        p.key = table.keyAt(o);
        p.ipVersion = b.getInt(o + IP_VERSION);
        p.portStart = b.getInt(o + PORT_START);
        p.portEnd = b.getInt(o + PORT_END);
        p.privateLength = b.getInt(o + PRIVATE_LENGTH);
        p.vrf = b.getInt(o + VRF);
        p.expiresAtMs = b.getLong(o + EXPIRES);
        b.getBytes(o + PUBLIC_IP, p.publicIp);
        b.getBytes(o + PRIVATE_IP, p.privateIp);
    }
}
