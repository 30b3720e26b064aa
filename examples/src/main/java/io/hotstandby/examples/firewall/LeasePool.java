package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.DhcpLeaseReader;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.spi.BackupProvider;
import org.agrona.MutableDirectBuffer;

/**
 * The toy firewall's DHCP lease pool, registered as the {@link BackupProvider} of
 * {@link EntryType#DHCP_LEASE}. Same threading as {@link SessionTable}.
 *
 * <p>Record fields (after the 16-byte header): 16 ipVersion, 20 vrf, 24 leaseStartMs, 32 expiresAtMs,
 * 40 hostnameLength, 44 mac[6], 56 ip[16], 72 hostname[255] (328 bytes).
 */
public final class LeasePool implements BackupProvider<DhcpLeaseReader>
{
    private static final int IP_VERSION = RecordTable.FIELDS_OFFSET;
    private static final int VRF = 20;
    private static final int LEASE_START = 24;
    private static final int EXPIRES = 32;
    private static final int HOSTNAME_LENGTH = 40;
    private static final int MAC = 44;
    private static final int IP = 56;
    private static final int HOSTNAME = 72;
    private static final int RECORD_LENGTH = 328;

    private final RecordTable table = new RecordTable(RECORD_LENGTH, 256);
    private final Lease applyScratch = new Lease();
    private final Lease snapshotScratch = new Lease();

    @Override
    public EntryType type()
    {
        return EntryType.DHCP_LEASE;
    }

    /** @param l the lease to grant or renew (the host's write). */
    public synchronized void put(final Lease l)
    {
        final int o = table.upsert(l.key);
        final MutableDirectBuffer b = table.buffer();
        b.putInt(o + IP_VERSION, l.ipVersion);
        b.putInt(o + VRF, l.vrf);
        b.putLong(o + LEASE_START, l.leaseStartMs);
        b.putLong(o + EXPIRES, l.expiresAtMs);
        b.putInt(o + HOSTNAME_LENGTH, l.hostnameLength);
        b.putBytes(o + MAC, l.mac);
        b.putBytes(o + IP, l.ip);
        b.setMemory(o + HOSTNAME, Lease.MAX_HOSTNAME_BYTES, (byte)0);
        b.putBytes(o + HOSTNAME, l.hostname, 0, l.hostnameLength);
    }

    /** @param key the lease key. @param into receives the fields. @return true when present. */
    public synchronized boolean get(final long key, final Lease into)
    {
        final int o = table.offsetOf(key);
        if (o < 0)
        {
            return false;
        }
        read(o, into);
        return true;
    }

    /** @param key the lease key. @return true when released. */
    public synchronized boolean remove(final long key)
    {
        return table.remove(key);
    }

    @Override
    public synchronized void apply(final DhcpLeaseReader entry)
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
                read(table.slotOffset(slot), snapshotScratch);
                final DhcpLeaseWriter w = sink.claimDhcpLease(snapshotScratch.hostnameLength);
                if (w == null)
                {
                    return slot;
                }
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
     * @return true when both hold the same leases with identical fields.
     */
    public boolean contentEquals(final LeasePool other)
    {
        final LeasePool first = System.identityHashCode(this) <= System.identityHashCode(other) ? this : other;
        final LeasePool second = first == this ? other : this;
        synchronized (first)
        {
            synchronized (second)
            {
                return table.contentEquals(other.table);
            }
        }
    }

    private void read(final int o, final Lease l)
    {
        l.reset();
        final MutableDirectBuffer b = table.buffer();
        l.key = table.keyAt(o);
        l.ipVersion = b.getInt(o + IP_VERSION);
        l.vrf = b.getInt(o + VRF);
        l.leaseStartMs = b.getLong(o + LEASE_START);
        l.expiresAtMs = b.getLong(o + EXPIRES);
        l.hostnameLength = b.getInt(o + HOSTNAME_LENGTH);
        b.getBytes(o + MAC, l.mac);
        b.getBytes(o + IP, l.ip);
        b.getBytes(o + HOSTNAME, l.hostname, 0, l.hostnameLength);
    }
}
