package io.hotstandby.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.hotstandby.codec.FrameDescriptor.IP_ADDRESS_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAC_ADDRESS_LENGTH;

/**
 * Allocation-free access to the 16-byte address and 6-byte MAC fields of the replication schema, in
 * place in the buffer. Addresses are in network byte order; IPv4 is stored IPv4-mapped
 * ({@code ::ffff:a.b.c.d}, RFC 4291 2.5.5.2). Stateless; safe from any thread.
 *
 * <p>The field offset is the encoder's or decoder's offset plus the generated field offset:
 * <pre>{@code
 * AddressCodec.putIpv4(encoder.buffer(), encoder.offset() + FirewallSessionEncoder.srcIpEncodingOffset(), srcIpv4);
 * int src = AddressCodec.getIpv4(decoder.buffer(), decoder.offset() + FirewallSessionDecoder.srcIpEncodingOffset());
 * }</pre>
 */
public final class AddressCodec
{
    /** Length of an IPv4 address, bytes. */
    public static final int IPV4_LENGTH = 4;

    /** Length of an IPv6 address (and of an address field), bytes. */
    public static final int IPV6_LENGTH = IP_ADDRESS_LENGTH;

    /** Offset of the IPv4 address inside an IPv4-mapped address. */
    public static final int IPV4_MAPPED_OFFSET = 12;

    private static final int MAPPED_MARKER_OFFSET = 10;
    private static final short MAPPED_MARKER = (short)0xFFFF;

    private AddressCodec()
    {
    }

    /**
     * @param buffer to write into.
     * @param offset of the 16-byte field.
     * @param ipv4   IPv4 address as a big-endian int (a.b.c.d is a in the high byte).
     */
    public static void putIpv4(final MutableDirectBuffer buffer, final int offset, final int ipv4)
    {
        buffer.setMemory(offset, MAPPED_MARKER_OFFSET, (byte)0);
        buffer.putShort(offset + MAPPED_MARKER_OFFSET, MAPPED_MARKER);
        buffer.putInt(offset + IPV4_MAPPED_OFFSET, ipv4, java.nio.ByteOrder.BIG_ENDIAN);
    }

    /**
     * @param buffer to read from.
     * @param offset of the 16-byte field.
     * @return the IPv4 address as a big-endian int (the last 4 bytes of the field).
     */
    public static int getIpv4(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + IPV4_MAPPED_OFFSET, java.nio.ByteOrder.BIG_ENDIAN);
    }

    /**
     * @param buffer to read from.
     * @param offset of the 16-byte field.
     * @return true when the field holds an IPv4-mapped address.
     */
    public static boolean isIpv4Mapped(final DirectBuffer buffer, final int offset)
    {
        return 0L == buffer.getLong(offset) &&
            0 == buffer.getShort(offset + 8) &&
            MAPPED_MARKER == buffer.getShort(offset + MAPPED_MARKER_OFFSET);
    }

    /**
     * @param buffer  to write into.
     * @param offset  of the 16-byte field.
     * @param address 4 bytes (IPv4, stored mapped) or 16 bytes (IPv6), network byte order.
     * @throws IllegalArgumentException when address is neither 4 nor 16 bytes long.
     */
    public static void putIp(final MutableDirectBuffer buffer, final int offset, final byte[] address)
    {
        if (IPV4_LENGTH == address.length)
        {
            buffer.setMemory(offset, MAPPED_MARKER_OFFSET, (byte)0);
            buffer.putShort(offset + MAPPED_MARKER_OFFSET, MAPPED_MARKER);
            buffer.putBytes(offset + IPV4_MAPPED_OFFSET, address, 0, IPV4_LENGTH);
        }
        else if (IPV6_LENGTH == address.length)
        {
            buffer.putBytes(offset, address, 0, IPV6_LENGTH);
        }
        else
        {
            throw new IllegalArgumentException("address must be 4 or 16 bytes: " + address.length);
        }
    }

    /**
     * Copies the address: 4 bytes when the field is IPv4-mapped, else 16.
     *
     * @param buffer to read from.
     * @param offset of the 16-byte field.
     * @param dst    at least 16 bytes.
     * @return bytes copied, 4 or 16.
     */
    public static int getIp(final DirectBuffer buffer, final int offset, final byte[] dst)
    {
        if (isIpv4Mapped(buffer, offset))
        {
            buffer.getBytes(offset + IPV4_MAPPED_OFFSET, dst, 0, IPV4_LENGTH);
            return IPV4_LENGTH;
        }
        buffer.getBytes(offset, dst, 0, IPV6_LENGTH);
        return IPV6_LENGTH;
    }

    /**
     * @param buffer to write into.
     * @param offset of the 6-byte field.
     * @param mac    the MAC address in the low 48 bits, first transmitted byte highest.
     */
    public static void putMac(final MutableDirectBuffer buffer, final int offset, final long mac)
    {
        for (int i = 0; i < MAC_ADDRESS_LENGTH; i++)
        {
            buffer.putByte(offset + i, (byte)(mac >>> (8 * (MAC_ADDRESS_LENGTH - 1 - i))));
        }
    }

    /**
     * @param buffer to read from.
     * @param offset of the 6-byte field.
     * @return the MAC address in the low 48 bits, first transmitted byte highest.
     */
    public static long getMac(final DirectBuffer buffer, final int offset)
    {
        long mac = 0;
        for (int i = 0; i < MAC_ADDRESS_LENGTH; i++)
        {
            mac = (mac << 8) | (buffer.getByte(offset + i) & 0xFFL);
        }
        return mac;
    }
}
