package io.hotstandby.api.entry;

/**
 * Flyweight writer of one last-hop record (SPEC B5), positioned on library-owned memory by an
 * {@link EntrySink} claim. Every setter writes straight into the claimed slot and returns this writer;
 * fields not set are zero. Valid only until {@link #commit()} or {@link #abort()}; single-threaded.
 */
public interface LastHopWriter
{
    /** @param key the entry's 64-bit key, chosen by the host, unique within the type. @return this writer. */
    LastHopWriter key(long key);

    /**
     * @param expiresAtMs absolute deadline, epoch milliseconds (G6): the standby never ages entries by
     *                    itself; 0 means no deadline.
     * @return this writer.
     */
    LastHopWriter expiresAtMs(long expiresAtMs);

    /** @param address next-hop IPv4 address as a big-endian int. @return this writer. */
    LastHopWriter nextHopIpv4(int address);

    /** @param address next-hop address, 4 or 16 bytes. @return this writer. */
    LastHopWriter nextHopIp(byte[] address);

    /** @param ifIndex host interface index of the incoming interface. @return this writer. */
    LastHopWriter ifIndex(int ifIndex);

    /** @param mac next-hop MAC address, 6 bytes. @return this writer. */
    LastHopWriter mac(byte[] mac);

    /** @param vrf VRF id. @return this writer. */
    LastHopWriter vrf(int vrf);

    /** @return the outcome: {@link OfferResult#ACCEPTED}, or why the entry was dropped (counted). */
    OfferResult commit();

    /** Gives the claimed space back; nothing is replicated. */
    void abort();
}
