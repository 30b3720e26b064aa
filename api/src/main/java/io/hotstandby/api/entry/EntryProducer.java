package io.hotstandby.api.entry;

/**
 * One data-plane thread's handle for replicating entries (SPEC B2, B3, B7), obtained from
 * {@link io.hotstandby.api.HotStandbyNode#newProducer()}. Each producer owns a single-producer ring,
 * so offers are wait-free: no lock, no CAS loop, no allocation; when the ring is full the claim fails at
 * once with {@link OfferResult#RING_FULL}, is counted, and the engine repairs the standby later.
 *
 * <p>Not thread-safe: one producer per thread. Close it when the thread ends.
 */
public interface EntryProducer extends EntrySink, AutoCloseable
{
    /**
     * Replicates the deletion of an entry (the active's authoritative expiry, G6).
     *
     * @param type the entry type.
     * @param key  the entry key.
     * @return the outcome; never blocks.
     */
    OfferResult delete(EntryType type, long key);

    /** Releases the producer's ring once its contents are sent. */
    @Override
    void close();
}
