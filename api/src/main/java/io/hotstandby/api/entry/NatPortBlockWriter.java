package io.hotstandby.api.entry;

/**
 * Flyweight writer of one NAT/AFT port block (SPEC B5), positioned on library-owned memory by an
 * {@link EntrySink} claim. Every setter writes straight into the claimed slot and returns this writer;
 * fields not set are zero. Valid only until {@link #commit()} or {@link #abort()}; single-threaded.
 */
public interface NatPortBlockWriter
{
    /** @param key the entry's 64-bit key, chosen by the host, unique within the type. @return this writer. */
    NatPortBlockWriter key(long key);

    /**
     * @param expiresAtMs absolute deadline, epoch milliseconds (G6): the standby never ages entries by
     *                    itself; 0 means no deadline.
     * @return this writer.
     */
    NatPortBlockWriter expiresAtMs(long expiresAtMs);

    /** @param address public IPv4 address as a big-endian int. @return this writer. */
    NatPortBlockWriter publicIpv4(int address);

    /** @param address public address, 4 or 16 bytes. @return this writer. */
    NatPortBlockWriter publicIp(byte[] address);

    /** @param port first port of the block, 0..65535. @return this writer. */
    NatPortBlockWriter portStart(int port);

    /** @param port last port of the block, inclusive, 0..65535. @return this writer. */
    NatPortBlockWriter portEnd(int port);

    /** @param address private IPv4 address as a big-endian int. @return this writer. */
    NatPortBlockWriter privateIpv4(int address);

    /** @param address private address, 4 or 16 bytes (AFT: IPv6). @return this writer. */
    NatPortBlockWriter privateIp(byte[] address);

    /** @param vrf VRF id. @return this writer. */
    NatPortBlockWriter vrf(int vrf);

    /** @return the outcome: {@link OfferResult#ACCEPTED}, or why the entry was dropped (counted). */
    OfferResult commit();

    /** Gives the claimed space back; nothing is replicated. */
    void abort();
}
