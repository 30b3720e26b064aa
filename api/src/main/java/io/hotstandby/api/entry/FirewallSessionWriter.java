package io.hotstandby.api.entry;

/**
 * Flyweight writer of one firewall session (5-tuple, VRF/zone, state, timers, NAT translation) (SPEC B5), positioned on library-owned memory by an
 * {@link EntrySink} claim. Every setter writes straight into the claimed slot and returns this writer;
 * fields not set are zero. Valid only until {@link #commit()} or {@link #abort()}; single-threaded.
 */
public interface FirewallSessionWriter
{
    /** @param key the entry's 64-bit key, chosen by the host, unique within the type. @return this writer. */
    FirewallSessionWriter key(long key);

    /**
     * @param expiresAtMs absolute deadline, epoch milliseconds (G6): the standby never ages entries by
     *                    itself; 0 means no deadline.
     * @return this writer.
     */
    FirewallSessionWriter expiresAtMs(long expiresAtMs);

    /** HTTP session flag bit of {@link #flags(int)} (B5: HTTP sessions have their own switch). */
    int FLAG_HTTP = 1;
    /** DNS session flag bit of {@link #flags(int)} (B5: DNS sessions have their own switch). */
    int FLAG_DNS = 2;

    /** @param address IPv4 source address as a big-endian int. @return this writer. */
    FirewallSessionWriter srcIpv4(int address);

    /** @param address source address, 4 or 16 bytes. @return this writer. */
    FirewallSessionWriter srcIp(byte[] address);

    /** @param address IPv4 destination address as a big-endian int. @return this writer. */
    FirewallSessionWriter dstIpv4(int address);

    /** @param address destination address, 4 or 16 bytes. @return this writer. */
    FirewallSessionWriter dstIp(byte[] address);

    /** @param port source port, 0..65535. @return this writer. */
    FirewallSessionWriter srcPort(int port);

    /** @param port destination port, 0..65535. @return this writer. */
    FirewallSessionWriter dstPort(int port);

    /** @param protocol IP protocol number, 0..255. @return this writer. */
    FirewallSessionWriter protocol(int protocol);

    /** @param state host-defined session state, 0..255 (e.g. TCP state). @return this writer. */
    FirewallSessionWriter state(int state);

    /** @param vrf VRF id. @return this writer. */
    FirewallSessionWriter vrf(int vrf);

    /** @param zone security zone id. @return this writer. */
    FirewallSessionWriter zone(int zone);

    /** @param createdAtMs creation time, epoch ms; compared with the type delay time (B6). @return this writer. */
    FirewallSessionWriter createdAtMs(long createdAtMs);

    /** @param lastSeenMs last packet time, epoch ms. @return this writer. */
    FirewallSessionWriter lastSeenMs(long lastSeenMs);

    /** @param bytes byte counter. @return this writer. */
    FirewallSessionWriter bytes(long bytes);

    /** @param packets packet counter. @return this writer. */
    FirewallSessionWriter packets(long packets);

    /** @param address IPv4 NAT-translated address as a big-endian int. @return this writer. */
    FirewallSessionWriter natIpv4(int address);

    /** @param address NAT-translated address, 4 or 16 bytes. @return this writer. */
    FirewallSessionWriter natIp(byte[] address);

    /** @param port NAT-translated port, 0..65535. @return this writer. */
    FirewallSessionWriter natPort(int port);

    /** @param flags {@link #FLAG_HTTP}, {@link #FLAG_DNS}, or host bits above 8. @return this writer. */
    FirewallSessionWriter flags(int flags);

    /** @return the outcome: {@link OfferResult#ACCEPTED}, or why the entry was dropped (counted). */
    OfferResult commit();

    /** Gives the claimed space back; nothing is replicated. */
    void abort();
}
