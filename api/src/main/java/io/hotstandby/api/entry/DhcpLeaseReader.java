package io.hotstandby.api.entry;

/**
 * Flyweight view of one received DHCP lease (SPEC B5); see {@link EntryReader} for the lifetime rules.
 * Addresses: {@code ipVersion} is 4 or 6; the {@code *Ipv4()} getters return the IPv4 address as a
 * big-endian int; the {@code *Ip(byte[])} getters copy 4 or 16 bytes into {@code dst} (at least 16
 * long) and return the number copied.
 */
public interface DhcpLeaseReader extends EntryReader
{
    /** @param dst at least 6 bytes; receives the MAC. */
    void mac(byte[] dst);

    /** @return 4 or 6. */
    int ipVersion();

    /** @return leased IPv4 address as a big-endian int. */
    int ipv4();

    /** @param dst at least 16 bytes. @return bytes copied. */
    int ip(byte[] dst);

    /** @return VRF id. */
    int vrf();

    /** @return lease start, epoch ms. */
    long leaseStartMs();

    /** @return host name length, bytes. */
    int hostnameLength();

    /** @param dst at least {@link #hostnameLength()} bytes. @return bytes copied. */
    int hostname(byte[] dst);
}
