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
 * <p>Several ranges of one type can be digested in one walk ({@link #digestAll}): the provider is
 * asked once for the span that covers them, and each entry counts in every range that holds it. A
 * table without an ordered index walks all of itself for any range, so the sixteen sub-ranges of a
 * split cost one walk instead of sixteen; for an ordered table, contiguous ranges span exactly their
 * union, so nothing more is read.
 *
 * <p>Threading: replication agent thread only (one digester per thread).
 */
public final class RangeDigester implements ClaimTarget
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final long PRIME = 0x9E3779B97F4A7C15L;
    /** Most ranges one walk digests. */
    public static final int MAX_RANGES = 16;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(this);
    private final ProducerGate filter;
    private final long[] froms = new long[MAX_RANGES];
    private final long[] tos = new long[MAX_RANGES];
    private final long[] digests = new long[MAX_RANGES];
    private final long[] counts = new long[MAX_RANGES];
    private EntryType type;
    private int ranges;
    private long spanFrom;
    private long spanTo;

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
        froms[0] = fromKey;
        tos[0] = toKey;
        digestAll(provider, froms, tos, 1);
    }

    /**
     * Digests up to {@link #MAX_RANGES} ranges of the provider's type in one walk over the span that
     * covers them; read the results with {@link #digest(int)} and {@link #count(int)}.
     *
     * @param provider the table.
     * @param fromKeys first key of each range, inclusive (signed order).
     * @param toKeys   last key of each range, inclusive.
     * @param n        ranges, 1 to {@link #MAX_RANGES}.
     * @throws IllegalArgumentException when {@code n} is out of bounds.
     */
    public void digestAll(final BackupProvider<?> provider, final long[] fromKeys, final long[] toKeys, final int n)
    {
        if (n < 1 || n > MAX_RANGES)
        {
            throw new IllegalArgumentException("ranges per walk must be 1.." + MAX_RANGES + ": " + n);
        }
        type = provider.type();
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < n; i++)
        {
            froms[i] = fromKeys[i];
            tos[i] = toKeys[i];
            digests[i] = 0;
            counts[i] = 0;
            lo = Math.min(lo, fromKeys[i]);
            hi = Math.max(hi, toKeys[i]);
        }
        ranges = n;
        spanFrom = lo;
        spanTo = hi;
        provider.scanRange(lo, hi, sink);
    }

    /** @return the digest of the first range of the last walk: the sum of the entries' 64-bit hashes. */
    public long digest()
    {
        return digests[0];
    }

    /** @return the number of entries in the first range of the last walk. */
    public long count()
    {
        return counts[0];
    }

    /**
     * @param range index of a range of the last walk.
     * @return its digest.
     */
    public long digest(final int range)
    {
        return digests[range];
    }

    /**
     * @param range index of a range of the last walk.
     * @return its number of entries.
     */
    public long count(final int range)
    {
        return counts[range];
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
        if (key < spanFrom || key > spanTo || (filter != null && filter.verdict(writer) != OfferResult.ACCEPTED))
        {
            return OfferResult.ACCEPTED;
        }
        long hash = 0;
        boolean hashed = false;
        for (int i = 0; i < ranges; i++)
        {
            if (key >= froms[i] && key <= tos[i])
            {
                if (!hashed)
                {
                    hash = hash(scratch, 0, writer.messageLength());
                    hashed = true;
                }
                digests[i] += hash;
                counts[i]++;
            }
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
