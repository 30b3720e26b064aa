package io.hotstandby.api.entry;

/**
 * Flyweight writer of one portal user (SPEC B5), positioned on library-owned memory by an
 * {@link EntrySink} claim. Every setter writes straight into the claimed slot and returns this writer;
 * fields not set are zero. Valid only until {@link #commit()} or {@link #abort()}; single-threaded.
 */
public interface PortalUserWriter
{
    /** @param key the entry's 64-bit key, chosen by the host, unique within the type. @return this writer. */
    PortalUserWriter key(long key);

    /**
     * @param expiresAtMs absolute deadline, epoch milliseconds (G6): the standby never ages entries by
     *                    itself; 0 means no deadline.
     * @return this writer.
     */
    PortalUserWriter expiresAtMs(long expiresAtMs);

    /** @param address user IPv4 address as a big-endian int. @return this writer. */
    PortalUserWriter userIpv4(int address);

    /** @param address user address, 4 or 16 bytes. @return this writer. */
    PortalUserWriter userIp(byte[] address);

    /** @param mac user MAC address, 6 bytes. @return this writer. */
    PortalUserWriter mac(byte[] mac);

    /** @param vrf VRF id. @return this writer. */
    PortalUserWriter vrf(int vrf);

    /** @param loginAtMs login time, epoch ms. @return this writer. */
    PortalUserWriter loginAtMs(long loginAtMs);

    /** @param bytes remaining byte quota. @return this writer. */
    PortalUserWriter quotaBytes(long bytes);

    /** @param userName the user name, exactly the length given at claim, UTF-8 bytes. @return this writer. */
    PortalUserWriter userName(byte[] userName);

    /** @return the outcome: {@link OfferResult#ACCEPTED}, or why the entry was dropped (counted). */
    OfferResult commit();

    /** Gives the claimed space back; nothing is replicated. */
    void abort();
}
