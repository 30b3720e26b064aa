package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionReader;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.replication.FirewallSessionEncoder;
import io.hotstandby.codec.replication.FirewallSessionV4Encoder;
import io.hotstandby.impl.replication.sender.OutboundLog;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The compact IPv4 form of a firewall session (SPEC B5): a session written with the host's writer and
 * transcoded by {@link FirewallSessionV4Form} reads back through {@link FirewallSessionV4FlyweightReader}
 * exactly as the full form reads through {@link FirewallSessionFlyweightReader}, at extreme and random
 * values; sessions that are not purely IPv4 keep the full form; the retransmit log stores the compact
 * form. QuickTheories with a fixed seed.
 */
final class FirewallSessionV4FormTest
{
    private static final long[] EXTREMES = {0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE};

    private final UnsafeBuffer full = new UnsafeBuffer(new byte[256]);
    private final UnsafeBuffer compact = new UnsafeBuffer(new byte[256]);
    private final FlyweightEntrySink sink = new FlyweightEntrySink(new Scratch(full));
    private final FirewallSessionFlyweightReader fullReader = new FirewallSessionFlyweightReader();
    private final FirewallSessionV4FlyweightReader v4Reader = new FirewallSessionV4FlyweightReader();

    @Test
    void ipv4SessionsReadBackIdenticallyFromTheCompactForm()
    {
        qt().withFixedSeed(0x5634_3034L).withExamples(500).forAll(longs().all()).checkAssert(seed ->
        {
            final SplittableRandom r = new SplittableRandom(seed);
            final FirewallSessionWriter w = sink.claimFirewallSession();
            w.key(pick(r)).srcIpv4((int)pick(r)).dstIpv4((int)pick(r)).natIpv4((int)pick(r))
                .srcPort(r.nextInt(65536)).dstPort(r.nextBoolean() ? 65535 : 0).natPort(r.nextInt(65536))
                .protocol(r.nextInt(256)).state(r.nextBoolean() ? 255 : r.nextInt(256))
                .vrf((int)pick(r)).zone((int)pick(r)).flags((int)pick(r))
                .createdAtMs(pick(r)).lastSeenMs(pick(r)).expiresAtMs(pick(r)).bytes(pick(r)).packets(pick(r));
            if (r.nextBoolean())
            {
                // the byte[] setters with 4-byte addresses give the same IPv4 session
                w.srcIp(new byte[] {(byte)r.nextInt(256), 0, (byte)255, 1});
            }
            assertEquals(OfferResult.ACCEPTED, w.commit());

            assertTrue(FirewallSessionV4Form.fits(full, 0, FirewallSessionFlyweightWriter.LENGTH), "seed " + seed);
            FirewallSessionV4Form.compact(full, 0, compact, 0);
            assertEquals(FirewallSessionV4Encoder.TEMPLATE_ID, EntryHeader.templateId(compact, 0));
            assertEquals(FirewallSessionV4Encoder.BLOCK_LENGTH, EntryHeader.blockLength(compact, 0));
            assertEquals(FrameDescriptor.ENTRY_HEADER_LENGTH + 81, FirewallSessionV4Form.LENGTH);

            fullReader.wrap(full, FrameDescriptor.ENTRY_HEADER_LENGTH, FirewallSessionEncoder.BLOCK_LENGTH, 2, 7);
            v4Reader.wrap(compact, FrameDescriptor.ENTRY_HEADER_LENGTH, FirewallSessionV4Encoder.BLOCK_LENGTH, 2, 7);
            assertSameSession(fullReader, v4Reader, "seed " + seed);
        });
    }

    @Test
    void sessionsWithAnIpv6AddressKeepTheFullForm()
    {
        final SplittableRandom r = new SplittableRandom(6);
        for (int which = 0; which < 3; which++)
        {
            final byte[] v6 = new byte[16];
            r.nextBytes(v6);
            v6[0] = 0x20;
            final FirewallSessionWriter w = sink.claimFirewallSession().key(which).srcIpv4(1).dstIpv4(2).natIpv4(3);
            if (which == 0)
            {
                w.srcIp(v6);
            }
            else if (which == 1)
            {
                w.dstIp(v6);
            }
            else
            {
                w.natIp(v6);
            }
            w.commit();
            assertFalse(FirewallSessionV4Form.fits(full, 0, FirewallSessionFlyweightWriter.LENGTH), "address " + which);
        }

        // a 16-byte address that is IPv4-mapped: the host said IPv6 (ipVersion 6), and the standby must read 6
        final byte[] mapped = new byte[16];
        mapped[10] = (byte)0xFF;
        mapped[11] = (byte)0xFF;
        mapped[15] = 9;
        sink.claimFirewallSession().key(5).srcIp(mapped).commit();
        assertFalse(FirewallSessionV4Form.fits(full, 0, FirewallSessionFlyweightWriter.LENGTH));
        // other messages and lengths are never taken for a session
        assertFalse(FirewallSessionV4Form.fits(full, 0, FirewallSessionFlyweightWriter.LENGTH - 1));
    }

    @Test
    void theRetransmitLogStoresAndReturnsTheCompactForm()
    {
        final OutboundLog log = new OutboundLog(16, 4096);
        sink.claimFirewallSession().key(42).srcIpv4(0x0A000001).dstIpv4(0xC0A80001).natIpv4(-1)
            .srcPort(1234).dstPort(443).protocol(6).packets(3).commit();
        final long v4 = log.append(full, 0, FirewallSessionFlyweightWriter.LENGTH, 0);
        assertEquals(FirewallSessionV4Form.LENGTH, log.length(v4));
        assertEquals(FirewallSessionV4Encoder.TEMPLATE_ID, EntryHeader.templateId(log.buffer(), log.offset(v4)));
        v4Reader.wrap(log.buffer(), log.offset(v4) + FrameDescriptor.ENTRY_HEADER_LENGTH,
            FirewallSessionV4Encoder.BLOCK_LENGTH, 1, v4);
        assertEquals(42, v4Reader.key());
        assertEquals(0x0A000001, v4Reader.srcIpv4());
        assertEquals(0xC0A80001, v4Reader.dstIpv4());
        assertEquals(-1, v4Reader.natIpv4());
        assertEquals(3, v4Reader.packets());

        final byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[15] = 1;
        sink.claimFirewallSession().key(43).srcIp(v6).commit();
        final long v6Sequence = log.append(full, 0, FirewallSessionFlyweightWriter.LENGTH, 0);
        assertEquals(FirewallSessionFlyweightWriter.LENGTH, log.length(v6Sequence));
        assertEquals(FirewallSessionEncoder.TEMPLATE_ID, EntryHeader.templateId(log.buffer(), log.offset(v6Sequence)));
        assertEquals(log.offset(v4) + FirewallSessionV4Form.LENGTH, log.offset(v6Sequence), "entries back to back");
    }

    static void assertSameSession(final FirewallSessionReader expected, final FirewallSessionReader actual, final String what)
    {
        assertEquals(expected.type(), actual.type(), what);
        assertEquals(expected.key(), actual.key(), what);
        assertEquals(expected.ownerNodeId(), actual.ownerNodeId(), what);
        assertEquals(expected.sequence(), actual.sequence(), what);
        assertEquals(expected.ipVersion(), actual.ipVersion(), what);
        assertEquals(expected.srcIpv4(), actual.srcIpv4(), what);
        assertEquals(expected.dstIpv4(), actual.dstIpv4(), what);
        assertEquals(expected.natIpv4(), actual.natIpv4(), what);
        assertArrayEquals(ip(expected, 0), ip(actual, 0), what);
        assertArrayEquals(ip(expected, 1), ip(actual, 1), what);
        assertArrayEquals(ip(expected, 2), ip(actual, 2), what);
        assertEquals(expected.srcPort(), actual.srcPort(), what);
        assertEquals(expected.dstPort(), actual.dstPort(), what);
        assertEquals(expected.natPort(), actual.natPort(), what);
        assertEquals(expected.protocol(), actual.protocol(), what);
        assertEquals(expected.state(), actual.state(), what);
        assertEquals(expected.vrf(), actual.vrf(), what);
        assertEquals(expected.zone(), actual.zone(), what);
        assertEquals(expected.flags(), actual.flags(), what);
        assertEquals(expected.createdAtMs(), actual.createdAtMs(), what);
        assertEquals(expected.lastSeenMs(), actual.lastSeenMs(), what);
        assertEquals(expected.expiresAtMs(), actual.expiresAtMs(), what);
        assertEquals(expected.bytes(), actual.bytes(), what);
        assertEquals(expected.packets(), actual.packets(), what);
    }

    private static byte[] ip(final FirewallSessionReader reader, final int which)
    {
        final byte[] dst = new byte[16];
        final int length = which == 0 ? reader.srcIp(dst) : which == 1 ? reader.dstIp(dst) : reader.natIp(dst);
        return Arrays.copyOf(dst, length);
    }

    private static long pick(final SplittableRandom r)
    {
        return r.nextInt(3) == 0 ? EXTREMES[r.nextInt(EXTREMES.length)] : r.nextLong();
    }

    /** Every claim writes at offset 0 of one scratch buffer. */
    private static final class Scratch implements ClaimTarget
    {
        private final UnsafeBuffer buffer;

        Scratch(final UnsafeBuffer buffer)
        {
            this.buffer = buffer;
        }

        @Override
        public int claim(final EntryType type, final int length)
        {
            return 0;
        }

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public OfferResult commit(final EntryWriterFlyweight writer)
        {
            return OfferResult.ACCEPTED;
        }

        @Override
        public void abort(final EntryWriterFlyweight writer)
        {
        }

        @Override
        public OfferResult claimRejection()
        {
            return OfferResult.ACCEPTED;
        }
    }
}
