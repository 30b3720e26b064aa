package io.hotstandby.api.entry;

/**
 * Flyweight view of one received custom (opaque) entry (SPEC B5); see {@link EntryReader} for the lifetime rules.
 * Addresses: {@code ipVersion} is 4 or 6; the {@code *Ipv4()} getters return the IPv4 address as a
 * big-endian int; the {@code *Ip(byte[])} getters copy 4 or 16 bytes into {@code dst} (at least 16
 * long) and return the number copied.
 */
public interface CustomEntryReader extends EntryReader
{
    /** @return host-defined sub-type. */
    int customTypeId();

    /** @return payload length, bytes, 0..{@link CustomEntryWriter#MAX_PAYLOAD_BYTES}. */
    int payloadLength();

    /** @return the received buffer holding the payload, read in place at {@link #payloadOffset()}. */
    org.agrona.DirectBuffer payloadBuffer();

    /** @return offset of the payload in {@link #payloadBuffer()}. */
    int payloadOffset();
}
