package io.hotstandby.api.entry;

/**
 * Flyweight view of one received firewall session (SPEC B5); see {@link EntryReader} for the lifetime rules.
 * Addresses: {@code ipVersion} is 4 or 6; the {@code *Ipv4()} getters return the IPv4 address as a
 * big-endian int; the {@code *Ip(byte[])} getters copy 4 or 16 bytes into {@code dst} (at least 16
 * long) and return the number copied.
 */
public interface FirewallSessionReader extends EntryReader
{
    /** @return 4 or 6. */
    int ipVersion();

    /** @return IPv4 source address as a big-endian int. */
    int srcIpv4();

    /** @param dst at least 16 bytes. @return bytes copied, 4 or 16. */
    int srcIp(byte[] dst);

    /** @return IPv4 destination address as a big-endian int. */
    int dstIpv4();

    /** @param dst at least 16 bytes. @return bytes copied, 4 or 16. */
    int dstIp(byte[] dst);

    /** @return source port, 0..65535. */
    int srcPort();

    /** @return destination port, 0..65535. */
    int dstPort();

    /** @return IP protocol number. */
    int protocol();

    /** @return host-defined state. */
    int state();

    /** @return VRF id. */
    int vrf();

    /** @return zone id. */
    int zone();

    /** @return creation time, epoch ms. */
    long createdAtMs();

    /** @return last packet time, epoch ms. */
    long lastSeenMs();

    /** @return byte counter. */
    long bytes();

    /** @return packet counter. */
    long packets();

    /** @return IPv4 NAT address as a big-endian int. */
    int natIpv4();

    /** @param dst at least 16 bytes. @return bytes copied, 4 or 16. */
    int natIp(byte[] dst);

    /** @return NAT port. */
    int natPort();

    /** @return flags, see {@link FirewallSessionWriter#FLAG_HTTP}. */
    int flags();
}
