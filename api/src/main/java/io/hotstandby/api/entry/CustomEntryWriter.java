package io.hotstandby.api.entry;

/**
 * Flyweight writer of one custom (opaque) entry (SPEC B5), positioned on library-owned memory by an
 * {@link EntrySink} claim. Every setter writes straight into the claimed slot and returns this writer;
 * fields not set are zero. Valid only until {@link #commit()} or {@link #abort()}; single-threaded.
 */
public interface CustomEntryWriter
{
    /** @param key the entry's 64-bit key, chosen by the host, unique within the type. @return this writer. */
    CustomEntryWriter key(long key);

    /**
     * @param expiresAtMs absolute deadline, epoch milliseconds (G6): the standby never ages entries by
     *                    itself; 0 means no deadline.
     * @return this writer.
     */
    CustomEntryWriter expiresAtMs(long expiresAtMs);

    /** Largest custom payload, bytes. */
    int MAX_PAYLOAD_BYTES = 4096;

    /** @param customTypeId host-defined sub-type, so one host can replicate several custom tables. @return this writer. */
    CustomEntryWriter customTypeId(int customTypeId);

    /**
     * @param src    source bytes; exactly the payload length given at claim are copied.
     * @param offset offset in src.
     * @return this writer.
     */
    CustomEntryWriter payload(byte[] src, int offset);

    /** @return the claimed buffer, so the host can encode its payload in place at {@link #payloadOffset()}. */
    org.agrona.MutableDirectBuffer payloadBuffer();

    /** @return the offset of the payload in {@link #payloadBuffer()}. */
    int payloadOffset();

    /** @return the outcome: {@link OfferResult#ACCEPTED}, or why the entry was dropped (counted). */
    OfferResult commit();

    /** Gives the claimed space back; nothing is replicated. */
    void abort();
}
