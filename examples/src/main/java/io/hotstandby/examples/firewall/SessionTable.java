package io.hotstandby.examples.firewall;

import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.spi.BackupProvider;
import org.agrona.MutableDirectBuffer;

import java.util.function.Consumer;

/**
 * The toy firewall's session table, registered as the {@link BackupProvider} of
 * {@link EntryType#FIREWALL_SESSION}: fixed-length records in a {@link RecordTable} (no object per
 * session). The data plane (the {@link TrafficGenerator}) writes it on its thread; the library calls
 * {@link #apply}, {@link #delete} and {@link #snapshot} on its replication agent thread. Every method
 * synchronises on the table, as a host synchronises with its own table.
 *
 * <p>Record fields (after the 16-byte header), little-endian:
 * <pre>
 *   16 ipVersion  20 protocol  24 state  28 srcPort  32 dstPort  36 natPort  40 vrf  44 zone  48 flags
 *   56 createdAtMs  64 lastSeenMs  72 bytes  80 packets  88 expiresAtMs
 *   96 srcIp[16]  112 dstIp[16]  128 natIp[16]                                       (144 bytes)
 * </pre>
 */
public final class SessionTable implements BackupProvider<FirewallSessionReader>
{
    private static final int IP_VERSION = RecordTable.FIELDS_OFFSET;
    private static final int PROTOCOL = 20;
    private static final int STATE = 24;
    private static final int SRC_PORT = 28;
    private static final int DST_PORT = 32;
    private static final int NAT_PORT = 36;
    private static final int VRF = 40;
    private static final int ZONE = 44;
    private static final int FLAGS = 48;
    private static final int CREATED = 56;
    private static final int LAST_SEEN = 64;
    private static final int BYTES = 72;
    private static final int PACKETS = 80;
    private static final int EXPIRES = 88;
    private static final int SRC_IP = 96;
    private static final int DST_IP = 112;
    private static final int NAT_IP = 128;
    private static final int RECORD_LENGTH = 144;

    private final RecordTable table;
    private final Session applyScratch = new Session();
    private final Session snapshotScratch = new Session();

    /** An empty table with room for 1024 sessions before it grows. */
    public SessionTable()
    {
        this(1024);
    }

    /** @param initialCapacity sessions to reserve up front. */
    public SessionTable(final int initialCapacity)
    {
        table = new RecordTable(RECORD_LENGTH, initialCapacity);
    }

    @Override
    public EntryType type()
    {
        return EntryType.FIREWALL_SESSION;
    }

    /**
     * Creates or replaces a session (the data plane's write).
     *
     * @param s the session's fields.
     */
    public synchronized void put(final Session s)
    {
        final int o = table.upsert(s.key);
        final MutableDirectBuffer b = table.buffer();
        b.putInt(o + IP_VERSION, s.ipVersion);
        b.putInt(o + PROTOCOL, s.protocol);
        b.putInt(o + STATE, s.state);
        b.putInt(o + SRC_PORT, s.srcPort);
        b.putInt(o + DST_PORT, s.dstPort);
        b.putInt(o + NAT_PORT, s.natPort);
        b.putInt(o + VRF, s.vrf);
        b.putInt(o + ZONE, s.zone);
        b.putInt(o + FLAGS, s.flags);
        b.putLong(o + CREATED, s.createdAtMs);
        b.putLong(o + LAST_SEEN, s.lastSeenMs);
        b.putLong(o + BYTES, s.bytes);
        b.putLong(o + PACKETS, s.packets);
        b.putLong(o + EXPIRES, s.expiresAtMs);
        b.putBytes(o + SRC_IP, s.srcIp);
        b.putBytes(o + DST_IP, s.dstIp);
        b.putBytes(o + NAT_IP, s.natIp);
    }

    /**
     * @param key the session key.
     * @param into receives the fields.
     * @return true when the session exists.
     */
    public synchronized boolean get(final long key, final Session into)
    {
        final int o = table.offsetOf(key);
        if (o < 0)
        {
            return false;
        }
        read(o, into);
        return true;
    }

    /** @param key the session key. @return true when removed. */
    public synchronized boolean remove(final long key)
    {
        return table.remove(key);
    }

    @Override
    public synchronized void apply(final FirewallSessionReader entry)
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
                final FirewallSessionWriter w = sink.claimFirewallSession();
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

    /** Removes every session. */
    public synchronized void clear()
    {
        table.clear();
    }

    /**
     * Visits every session in slot order; control path (allocates nothing itself, but the visitor may).
     *
     * @param visitor receives a scratch session, valid during the call.
     */
    public synchronized void forEach(final Consumer<Session> visitor)
    {
        final Session s = new Session();
        for (int slot = 0; slot < table.slotCount(); slot++)
        {
            if (table.isUsed(slot))
            {
                read(table.slotOffset(slot), s);
                visitor.accept(s);
            }
        }
    }

    /**
     * @param other another session table.
     * @return true when both hold the same sessions with identical fields.
     */
    public boolean contentEquals(final SessionTable other)
    {
        if (other == this)
        {
            return true;
        }
        final SessionTable first = System.identityHashCode(this) <= System.identityHashCode(other) ? this : other;
        final SessionTable second = first == this ? other : this;
        synchronized (first)
        {
            synchronized (second)
            {
                return table.contentEquals(other.table);
            }
        }
    }

    private void read(final int o, final Session s)
    {
        final MutableDirectBuffer b = table.buffer();
        s.key = table.keyAt(o);
        s.ipVersion = b.getInt(o + IP_VERSION);
        s.protocol = b.getInt(o + PROTOCOL);
        s.state = b.getInt(o + STATE);
        s.srcPort = b.getInt(o + SRC_PORT);
        s.dstPort = b.getInt(o + DST_PORT);
        s.natPort = b.getInt(o + NAT_PORT);
        s.vrf = b.getInt(o + VRF);
        s.zone = b.getInt(o + ZONE);
        s.flags = b.getInt(o + FLAGS);
        s.createdAtMs = b.getLong(o + CREATED);
        s.lastSeenMs = b.getLong(o + LAST_SEEN);
        s.bytes = b.getLong(o + BYTES);
        s.packets = b.getLong(o + PACKETS);
        s.expiresAtMs = b.getLong(o + EXPIRES);
        b.getBytes(o + SRC_IP, s.srcIp);
        b.getBytes(o + DST_IP, s.dstIp);
        b.getBytes(o + NAT_IP, s.natIp);
    }
}
