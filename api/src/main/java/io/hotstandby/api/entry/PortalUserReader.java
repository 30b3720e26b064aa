package io.hotstandby.api.entry;

/**
 * Flyweight view of one received portal user (SPEC B5); see {@link EntryReader} for the lifetime rules.
 * Addresses: {@code ipVersion} is 4 or 6; the {@code *Ipv4()} getters return the IPv4 address as a
 * big-endian int; the {@code *Ip(byte[])} getters copy 4 or 16 bytes into {@code dst} (at least 16
 * long) and return the number copied.
 */
public interface PortalUserReader extends EntryReader
{
    /** @return 4 or 6. */
    int ipVersion();

    /** @return user IPv4 address as a big-endian int. */
    int userIpv4();

    /** @param dst at least 16 bytes. @return bytes copied. */
    int userIp(byte[] dst);

    /** @param dst at least 6 bytes; receives the MAC. */
    void mac(byte[] dst);

    /** @return VRF id. */
    int vrf();

    /** @return login time, epoch ms. */
    long loginAtMs();

    /** @return remaining byte quota. */
    long quotaBytes();

    /** @return user name length, bytes. */
    int userNameLength();

    /** @param dst at least {@link #userNameLength()} bytes. @return bytes copied. */
    int userName(byte[] dst);
}
