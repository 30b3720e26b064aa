package io.hotstandby.api.entry;

/**
 * Flyweight writer of one DHCP lease (SPEC B5), positioned on library-owned memory by an
 * {@link EntrySink} claim. Every setter writes straight into the claimed slot and returns this writer;
 * fields not set are zero. Valid only until {@link #commit()} or {@link #abort()}; single-threaded.
 */
public interface DhcpLeaseWriter
{
    /** @param key the entry's 64-bit key, chosen by the host, unique within the type. @return this writer. */
    DhcpLeaseWriter key(long key);

    /**
     * @param expiresAtMs absolute deadline, epoch milliseconds (G6): the standby never ages entries by
     *                    itself; 0 means no deadline.
     * @return this writer.
     */
    DhcpLeaseWriter expiresAtMs(long expiresAtMs);

    /** @param mac client MAC address, 6 bytes. @return this writer. */
    DhcpLeaseWriter mac(byte[] mac);

    /** @param address leased IPv4 address as a big-endian int. @return this writer. */
    DhcpLeaseWriter ipv4(int address);

    /** @param address leased address, 4 or 16 bytes. @return this writer. */
    DhcpLeaseWriter ip(byte[] address);

    /** @param vrf VRF id. @return this writer. */
    DhcpLeaseWriter vrf(int vrf);

    /** @param leaseStartMs lease start, epoch ms. @return this writer. */
    DhcpLeaseWriter leaseStartMs(long leaseStartMs);

    /**
     * @param hostname the client host name, exactly the length given at claim, ASCII/UTF-8 bytes.
     * @return this writer.
     */
    DhcpLeaseWriter hostname(byte[] hostname);

    /** @return the outcome: {@link OfferResult#ACCEPTED}, or why the entry was dropped (counted). */
    OfferResult commit();

    /** Gives the claimed space back; nothing is replicated. */
    void abort();
}
