package io.hotstandby.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.SplittableRandom;

import static io.hotstandby.codec.FrameDescriptor.IP_ADDRESS_LENGTH;
import static io.hotstandby.codec.Samples.SEED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class AddressCodecTest
{
    private static final int FIELD = 3;

    @Test
    void ipv4RoundTripsAsAnIpv4MappedAddress()
    {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(integers().all()).checkAssert((ipv4) ->
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FIELD + IP_ADDRESS_LENGTH]);
            buffer.setMemory(0, buffer.capacity(), (byte)0x77);
            AddressCodec.putIpv4(buffer, FIELD, ipv4);

            assertTrue(AddressCodec.isIpv4Mapped(buffer, FIELD));
            assertEquals((int)ipv4, AddressCodec.getIpv4(buffer, FIELD));
            final byte[] dst = new byte[IP_ADDRESS_LENGTH];
            assertEquals(AddressCodec.IPV4_LENGTH, AddressCodec.getIp(buffer, FIELD, dst));

            final byte[] field = new byte[IP_ADDRESS_LENGTH];
            buffer.getBytes(FIELD, field);
            final InetAddress address = inet(field);
            assertInstanceOf(Inet4Address.class, address, "the JDK reads ::ffff:a.b.c.d as IPv4");
            final byte[] four = address.getAddress();
            assertEquals(ipv4.intValue(), java.nio.ByteBuffer.wrap(four).getInt());
            assertArrayEquals(four, java.util.Arrays.copyOf(dst, 4));

            final UnsafeBuffer viaBytes = new UnsafeBuffer(new byte[FIELD + IP_ADDRESS_LENGTH]);
            AddressCodec.putIp(viaBytes, FIELD, four);
            final byte[] fieldViaBytes = new byte[IP_ADDRESS_LENGTH];
            viaBytes.getBytes(FIELD, fieldViaBytes);
            assertArrayEquals(field, fieldViaBytes);
        });
    }

    @Test
    void ipv6RoundTrips()
    {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(longs().all()).checkAssert((seed) ->
        {
            final byte[] ipv6 = new byte[IP_ADDRESS_LENGTH];
            new SplittableRandom(seed).nextBytes(ipv6);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[IP_ADDRESS_LENGTH]);
            AddressCodec.putIp(buffer, 0, ipv6);

            assertFalse(AddressCodec.isIpv4Mapped(buffer, 0));
            final byte[] dst = new byte[IP_ADDRESS_LENGTH];
            assertEquals(AddressCodec.IPV6_LENGTH, AddressCodec.getIp(buffer, 0, dst));
            assertArrayEquals(ipv6, dst);
            assertInstanceOf(Inet6Address.class, inet(dst));
        });
    }

    @Test
    void macRoundTripsInTransmissionOrder()
    {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(longs().between(0, 0xFFFF_FFFF_FFFFL)).checkAssert((mac) ->
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameDescriptor.MAC_ADDRESS_LENGTH]);
            AddressCodec.putMac(buffer, 0, mac);
            assertEquals((long)mac, AddressCodec.getMac(buffer, 0));
            assertEquals((byte)(mac >>> 40), buffer.getByte(0));
            assertEquals((byte)(long)mac, buffer.getByte(5));
        });
    }

    @Test
    void refusesAddressesOfOtherLengths()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[IP_ADDRESS_LENGTH]);
        assertThrows(IllegalArgumentException.class, () -> AddressCodec.putIp(buffer, 0, new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> AddressCodec.putIp(buffer, 0, new byte[0]));
    }

    private static InetAddress inet(final byte[] address)
    {
        try
        {
            return InetAddress.getByAddress(address);
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
