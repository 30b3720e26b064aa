package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import org.agrona.MutableDirectBuffer;

/**
 * Where an {@link EntryWriterFlyweight} writes (SPEC B2): a producer ring slot, the bulk staging
 * buffer, or a scratch buffer for key collection and digests. The target reserves space for one SBE
 * entry message (entry header included), and decides on commit what happens to it.
 *
 * <p>Threading: the target belongs to the single thread that uses its sink.
 */
public interface ClaimTarget
{
    /**
     * @param type   the entry type being claimed.
     * @param length bytes of the whole SBE message, entry header included.
     * @return the offset in {@link #buffer()} to write at, or -1 when refused ({@link #claimRejection()} says why).
     */
    int claim(EntryType type, int length);

    /** @return the buffer the last successful claim points into. */
    MutableDirectBuffer buffer();

    /**
     * The writer finished its fields.
     *
     * @param writer the writer, still positioned on the claimed message.
     * @return the outcome for the host.
     */
    OfferResult commit(EntryWriterFlyweight writer);

    /** @param writer the writer whose claim is given back. */
    void abort(EntryWriterFlyweight writer);

    /** @return why the last claim was refused, {@link OfferResult#ACCEPTED} after a successful one. */
    OfferResult claimRejection();
}
