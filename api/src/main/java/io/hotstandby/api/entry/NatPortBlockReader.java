package io.hotstandby.api.entry;

/**
 * Flyweight view of one received NAT/AFT port block (SPEC B5); see {@link EntryReader} for the lifetime rules.
 * Addresses: {@code ipVersion} is 4 or 6; the {@code *Ipv4()} getters return the IPv4 address as a
 * big-endian int; the {@code *Ip(byte[])} getters copy 4 or 16 bytes into {@code dst} (at least 16
 * long) and return the number copied.
 */
public interface NatPortBlockReader extends EntryReader
{
    /** @return 4 or 6, of the public address. */
    int ipVersion();

    /** @return public IPv4 address as a big-endian int. */
    int publicIpv4();

    /** @param dst at least 16 bytes. @return bytes copied. */
    int publicIp(byte[] dst);

    /** @return first port. */
    int portStart();

    /** @return last port, inclusive. */
    int portEnd();

    /** @return private IPv4 address as a big-endian int. */
    int privateIpv4();

    /** @param dst at least 16 bytes. @return bytes copied. */
    int privateIp(byte[] dst);

    /** @return VRF id. */
    int vrf();
}
