package io.hotstandby.examples.firewall;

import java.util.Arrays;

/** IPv4 address helpers for the toy firewall's 16-byte address fields. Stateless, any thread. */
public final class Addresses
{
    private Addresses()
    {
    }

    /** @param address 4 bytes in network order at the start. @return them as a big-endian int. */
    public static int ipv4(final byte[] address)
    {
        return ((address[0] & 0xFF) << 24) | ((address[1] & 0xFF) << 16) | ((address[2] & 0xFF) << 8) | (address[3] & 0xFF);
    }

    /**
     * @param dst     16 bytes; receives the address in network order, the rest zeroed.
     * @param address an IPv4 address as a big-endian int.
     */
    public static void ipv4(final byte[] dst, final int address)
    {
        Arrays.fill(dst, (byte)0);
        dst[0] = (byte)(address >>> 24);
        dst[1] = (byte)(address >>> 16);
        dst[2] = (byte)(address >>> 8);
        dst[3] = (byte)address;
    }
}
