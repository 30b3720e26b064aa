package io.hotstandby.impl.replication.antientropy;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.impl.replication.producer.ProducerGate;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Digest of the entries of one type in an inclusive key range (SPEC G4), the same function on both
 * members: each entry the provider emits through {@link BackupProvider#scanRange} is encoded by the
 * flyweight writers into a scratch buffer (the canonical SBE encoding, zeroed before each entry), its
 * bytes are hashed to 64 bits, and the hashes are summed, so the digest does not depend on the order
 * the table emits its entries. Nothing per transmission takes part: the sequence and the owner are not
 * in the entry's encoding. Entries outside the range (a provider may emit its whole table) are
 * ignored. No allocation per entry.
 *
 * <p>Threading: replication agent thread only (one digester per thread).
 */
public final class RangeDigester implements ClaimTarget
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final long PRIME = 0x9E3779B97F4A7C15L;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private final ProducerGate filter;
    private EntryType type;
    private long fromKey;
    private long toKey;
    private long digest;
    private long count;

    /** A digester of every entry the table holds (the standby's view). */
    public RangeDigester()
    {
        this(null);
    }

    /**
     * @param filter the active's type policies: entries they would not replicate (HTTP/DNS sessions
     *               when switched off, entries younger than the delay) are left out, as the standby
     *               never receives them; null for none.
     */
    public RangeDigester(final ProducerGate filter)
    {
        this.filter = filter;
    }

    /**
     * Digests one range; read the result with {@link #digest()} and {@link #count()}.
     *
     * @param provider the table.
     * @param fromKey  first key, inclusive (signed order).
     * @param toKey    last key, inclusive.
     */
    public void digest(final BackupProvider<?> provider, final long fromKey, final long toKey)
    {
        this.type = provider.type();
        this.fromKey = fromKey;
        this.toKey = toKey;
        this.digest = 0;
        this.count = 0;
        provider.scanRange(fromKey, toKey, sink);
    }

    /** @return the digest of the last range: the sum of the entries' 64-bit hashes. */
    public long digest()
    {
        return digest;
    }

    /** @return the number of entries in the last range. */
    public long count()
    {
        return count;
    }

    /**
     * The 64-bit hash of one encoded entry (also used by tests).
     *
     * @param buffer holds the bytes.
     * @param offset first byte.
     * @param length bytes.
     * @return the hash.
     */
    public static long hash(final DirectBuffer buffer, final int offset, final int length)
    {
        long h = length * PRIME;
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            h = Long.rotateLeft(h ^ mix(buffer.getLong(offset + i, LE)), 27) * PRIME;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8)
        {
            tail |= (buffer.getByte(offset + i) & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ mix(tail), 27) * PRIME;
        return mix(h);
    }

    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    @Override
    public int claim(final EntryType claimed, final int length)
    {
        return claimed == type && length <= scratch.capacity() ? 0 : -1;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    @Override
    public OfferResult commit(final EntryWriterFlyweight writer)
    {
        final long key = writer.keyValue();
        if (key >= fromKey && key <= toKey && (filter == null || filter.verdict(writer) == OfferResult.ACCEPTED))
        {
            digest += hash(scratch, 0, writer.messageLength());
            count++;
        }
        return OfferResult.ACCEPTED;
    }

    @Override
    public void abort(final EntryWriterFlyweight writer)
    {
    }

    @Override
    public OfferResult claimRejection()
    {
        return OfferResult.TYPE_DISABLED;
    }
}
