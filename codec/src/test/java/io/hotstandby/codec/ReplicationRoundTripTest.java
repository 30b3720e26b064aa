package io.hotstandby.codec;

import io.hotstandby.codec.replication.AckDecoder;
import io.hotstandby.codec.replication.AckEncoder;
import io.hotstandby.codec.replication.BatchHeaderDecoder;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.BulkBeginDecoder;
import io.hotstandby.codec.replication.BulkBeginEncoder;
import io.hotstandby.codec.replication.BulkEndDecoder;
import io.hotstandby.codec.replication.BulkEndEncoder;
import io.hotstandby.codec.replication.CustomEntryDecoder;
import io.hotstandby.codec.replication.CustomEntryEncoder;
import io.hotstandby.codec.replication.DhcpLeaseDecoder;
import io.hotstandby.codec.replication.DhcpLeaseEncoder;
import io.hotstandby.codec.replication.EntryDeleteDecoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.EntryOp;
import io.hotstandby.codec.replication.EntryType;
import io.hotstandby.codec.replication.FirewallSessionDecoder;
import io.hotstandby.codec.replication.FirewallSessionEncoder;
import io.hotstandby.codec.replication.FirewallSessionV4Decoder;
import io.hotstandby.codec.replication.FirewallSessionV4Encoder;
import io.hotstandby.codec.replication.LastHopDecoder;
import io.hotstandby.codec.replication.LastHopEncoder;
import io.hotstandby.codec.replication.NatPortBlockDecoder;
import io.hotstandby.codec.replication.NatPortBlockEncoder;
import io.hotstandby.codec.replication.PortalUserDecoder;
import io.hotstandby.codec.replication.PortalUserEncoder;
import io.hotstandby.codec.replication.RangeAction;
import io.hotstandby.codec.replication.RangeDigestDecoder;
import io.hotstandby.codec.replication.ReconcileAckDecoder;
import io.hotstandby.codec.replication.ReconcileAckEncoder;
import io.hotstandby.codec.replication.ReconcileBeginDecoder;
import io.hotstandby.codec.replication.ReconcileBeginEncoder;
import io.hotstandby.codec.replication.ReconcileEndDecoder;
import io.hotstandby.codec.replication.ReconcileEndEncoder;
import io.hotstandby.codec.replication.RangeDigestEncoder;
import io.hotstandby.codec.replication.RangeDigestRequestDecoder;
import io.hotstandby.codec.replication.RangeDigestRequestEncoder;
import io.hotstandby.codec.replication.ReplicationHeartbeatDecoder;
import io.hotstandby.codec.replication.ReplicationHeartbeatEncoder;
import io.hotstandby.codec.replication.ResyncReason;
import io.hotstandby.codec.replication.ResyncRequestDecoder;
import io.hotstandby.codec.replication.ResyncRequestEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;
import org.agrona.sbe.MessageEncoderFlyweight;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static io.hotstandby.codec.FrameDescriptor.IP_ADDRESS_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAC_ADDRESS_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_CUSTOM_PAYLOAD_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_TEXT_LENGTH;
import static io.hotstandby.codec.FrameFixture.assertConsumed;
import static io.hotstandby.codec.FrameFixture.assertLast;
import static io.hotstandby.codec.FrameFixture.readSingle;
import static io.hotstandby.codec.FrameFixture.varBytes;
import static io.hotstandby.codec.Samples.EXAMPLES;
import static io.hotstandby.codec.Samples.SEED;
import static io.hotstandby.codec.Samples.samples;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/**
 * Round trip of every replication-schema message through FrameWriter, FrameReader and the generated
 * decoders, with extreme and random field values. Entries travel inside a one-entry batch.
 */
class ReplicationRoundTripTest
{
    private static final int UINT16_MAX = 65535;
    private static final int UINT8_MAX = 255;
    private static final long UINT32_MASK = 0xFFFF_FFFFL;

    private final FrameFixture fixture = new FrameFixture();
    private final FrameReader reader = new FrameReader(WireSchema.REPLICATION);
    private final BatchHeaderEncoder batchEncoder = new BatchHeaderEncoder();
    private final BatchHeaderDecoder batchDecoder = new BatchHeaderDecoder();

    @Test
    void batchHeader()
    {
        final EntryDeleteEncoder deleteEncoder = new EntryDeleteEncoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final int count = 1 + s.unsigned(0, 63);
            fixture.start();
            fixture.append(batchEncoder, (e) -> e.epoch(s.l(0)).firstSequence(s.l(1)).ownerNodeId(s.i(0)).count(count));
            for (int i = 0; i < count; i++)
            {
                final int index = i;
                fixture.append(deleteEncoder, (e) -> e.key(s.l(2) + index).entryType(EntryType.CUSTOM));
            }
            final UnsafeBuffer frame = fixture.finish();

            assertEquals(FrameRejection.OK, reader.validateFrame(frame, 0, frame.capacity()));
            assertEquals(count + 1, reader.messageCount());
            assertTrue(reader.nextMessage());
            FrameFixture.wrap(reader, frame, batchDecoder);
            assertEquals(s.l(0), batchDecoder.epoch());
            assertEquals(s.l(1), batchDecoder.firstSequence());
            assertEquals(s.i(0), batchDecoder.ownerNodeId());
            assertEquals(count, batchDecoder.count());
            assertConsumed(reader, batchDecoder);
            final EntryDeleteDecoder deleteDecoder = new EntryDeleteDecoder();
            for (int i = 0; i < count; i++)
            {
                assertTrue(reader.nextMessage());
                FrameFixture.wrap(reader, frame, deleteDecoder);
                assertEquals(s.l(2) + i, deleteDecoder.key());
            }
            assertLast(reader);
        });
    }

    @Test
    void firewallSession()
    {
        final FirewallSessionEncoder encoder = new FirewallSessionEncoder();
        final FirewallSessionDecoder decoder = new FirewallSessionDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final short ipVersion = (short)(s.unsigned(1, 1) == 0 ? 4 : 6);
            final short protocol = (short)s.unsigned(2, UINT8_MAX);
            final short state = (short)s.unsigned(3, UINT8_MAX);
            final int srcPort = s.unsigned(4, UINT16_MAX);
            final int dstPort = s.unsigned(5, UINT16_MAX);
            final int natPort = s.unsigned(6, UINT16_MAX);
            final long flags = s.l(6) & UINT32_MASK;
            final byte[] dstIp = s.bytes(1, IP_ADDRESS_LENGTH);
            final byte[] natIp = s.bytes(2, IP_ADDRESS_LENGTH);
            final byte[] srcIp6 = s.bytes(3, IP_ADDRESS_LENGTH);

            final UnsafeBuffer frame = batchOf(encoder, (e) ->
            {
                e.key(s.l(0)).op(op).ipVersion(ipVersion).protocol(protocol).state(state)
                    .srcPort(srcPort).dstPort(dstPort).natPort(natPort)
                    .vrf(s.i(0)).zone(s.i(1)).flags(flags)
                    .putDstIp(dstIp, 0, IP_ADDRESS_LENGTH)
                    .putNatIp(natIp, 0, IP_ADDRESS_LENGTH)
                    .createdAtMs(s.l(1)).lastSeenMs(s.l(2)).expiresAtMs(s.l(3)).bytes(s.l(4)).packets(s.l(5));
                final int srcIpOffset = e.offset() + FirewallSessionEncoder.srcIpEncodingOffset();
                if (4 == ipVersion)
                {
                    AddressCodec.putIpv4(e.buffer(), srcIpOffset, s.i(2));
                }
                else
                {
                    AddressCodec.putIp(e.buffer(), srcIpOffset, srcIp6);
                }
            });

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(ipVersion, decoder.ipVersion());
            assertEquals(protocol, decoder.protocol());
            assertEquals(state, decoder.state());
            assertEquals(srcPort, decoder.srcPort());
            assertEquals(dstPort, decoder.dstPort());
            assertEquals(natPort, decoder.natPort());
            assertEquals(s.i(0), decoder.vrf());
            assertEquals(s.i(1), decoder.zone());
            assertEquals(flags, decoder.flags());
            final int srcIpOffset = decoder.offset() + FirewallSessionDecoder.srcIpEncodingOffset();
            if (4 == ipVersion)
            {
                assertTrue(AddressCodec.isIpv4Mapped(frame, srcIpOffset));
                assertEquals(s.i(2), AddressCodec.getIpv4(frame, srcIpOffset));
            }
            else
            {
                assertArrayEquals(srcIp6, fixed(IP_ADDRESS_LENGTH, decoder::getSrcIp));
            }
            assertArrayEquals(dstIp, fixed(IP_ADDRESS_LENGTH, decoder::getDstIp));
            assertArrayEquals(natIp, fixed(IP_ADDRESS_LENGTH, decoder::getNatIp));
            assertEquals(s.l(1), decoder.createdAtMs());
            assertEquals(s.l(2), decoder.lastSeenMs());
            assertEquals(s.l(3), decoder.expiresAtMs());
            assertEquals(s.l(4), decoder.bytes());
            assertEquals(s.l(5), decoder.packets());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void natPortBlock()
    {
        final NatPortBlockEncoder encoder = new NatPortBlockEncoder();
        final NatPortBlockDecoder decoder = new NatPortBlockDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final int portStart = s.unsigned(1, UINT16_MAX);
            final int portEnd = s.unsigned(2, UINT16_MAX);
            final byte[] publicIp = s.bytes(0, IP_ADDRESS_LENGTH);
            final byte[] privateIp = s.bytes(1, IP_ADDRESS_LENGTH);
            final UnsafeBuffer frame = batchOf(encoder, (e) ->
                e.key(s.l(0)).op(op).portStart(portStart).portEnd(portEnd).vrf(s.i(0))
                    .putPublicIp(publicIp, 0, IP_ADDRESS_LENGTH)
                    .putPrivateIp(privateIp, 0, IP_ADDRESS_LENGTH)
                    .expiresAtMs(s.l(1)));

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(portStart, decoder.portStart());
            assertEquals(portEnd, decoder.portEnd());
            assertEquals(s.i(0), decoder.vrf());
            assertArrayEquals(publicIp, fixed(IP_ADDRESS_LENGTH, decoder::getPublicIp));
            assertArrayEquals(privateIp, fixed(IP_ADDRESS_LENGTH, decoder::getPrivateIp));
            assertEquals(s.l(1), decoder.expiresAtMs());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void dhcpLease()
    {
        final DhcpLeaseEncoder encoder = new DhcpLeaseEncoder();
        final DhcpLeaseDecoder decoder = new DhcpLeaseDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final short ipVersion = (short)(s.unsigned(1, 1) == 0 ? 4 : 6);
            final byte[] mac = s.bytes(0, MAC_ADDRESS_LENGTH);
            final byte[] ip = s.bytes(1, IP_ADDRESS_LENGTH);
            final byte[] hostname = s.blob(2, MAX_TEXT_LENGTH);
            final UnsafeBuffer frame = batchOf(encoder, (e) ->
                e.key(s.l(0)).op(op).ipVersion(ipVersion).vrf(s.i(0))
                    .putMac(mac, 0, MAC_ADDRESS_LENGTH)
                    .putIp(ip, 0, IP_ADDRESS_LENGTH)
                    .leaseStartMs(s.l(1)).expiresAtMs(s.l(2))
                    .putHostname(hostname, 0, hostname.length));

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(ipVersion, decoder.ipVersion());
            assertEquals(s.i(0), decoder.vrf());
            assertArrayEquals(mac, fixed(MAC_ADDRESS_LENGTH, decoder::getMac));
            assertArrayEquals(ip, fixed(IP_ADDRESS_LENGTH, decoder::getIp));
            assertEquals(s.l(1), decoder.leaseStartMs());
            assertEquals(s.l(2), decoder.expiresAtMs());
            assertArrayEquals(hostname, varBytes(decoder.hostnameLength(), decoder::getHostname));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void portalUser()
    {
        final PortalUserEncoder encoder = new PortalUserEncoder();
        final PortalUserDecoder decoder = new PortalUserDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final long mac = s.l(5) & 0xFFFF_FFFF_FFFFL;
            final byte[] userIp = s.bytes(1, IP_ADDRESS_LENGTH);
            final byte[] userName = s.blob(2, MAX_TEXT_LENGTH);
            final UnsafeBuffer frame = batchOf(encoder, (e) ->
            {
                e.key(s.l(0)).op(op).vrf(s.i(0))
                    .putUserIp(userIp, 0, IP_ADDRESS_LENGTH)
                    .loginAtMs(s.l(1)).expiresAtMs(s.l(2)).byteQuota(s.l(3)).packetQuota(s.l(4))
                    .putUserName(userName, 0, userName.length);
                AddressCodec.putMac(e.buffer(), e.offset() + PortalUserEncoder.macEncodingOffset(), mac);
            });

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(s.i(0), decoder.vrf());
            assertEquals(mac, AddressCodec.getMac(frame, decoder.offset() + PortalUserDecoder.macEncodingOffset()));
            assertArrayEquals(userIp, fixed(IP_ADDRESS_LENGTH, decoder::getUserIp));
            assertEquals(s.l(1), decoder.loginAtMs());
            assertEquals(s.l(2), decoder.expiresAtMs());
            assertEquals(s.l(3), decoder.byteQuota());
            assertEquals(s.l(4), decoder.packetQuota());
            assertArrayEquals(userName, varBytes(decoder.userNameLength(), decoder::getUserName));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void lastHop()
    {
        final LastHopEncoder encoder = new LastHopEncoder();
        final LastHopDecoder decoder = new LastHopDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final byte[] mac = s.bytes(0, MAC_ADDRESS_LENGTH);
            final byte[] nextHop = s.bytes(1, IP_ADDRESS_LENGTH);
            final UnsafeBuffer frame = batchOf(encoder, (e) ->
                e.key(s.l(0)).op(op).ifIndex(s.i(0)).vrf(s.i(1))
                    .putMac(mac, 0, MAC_ADDRESS_LENGTH)
                    .putNextHopIp(nextHop, 0, IP_ADDRESS_LENGTH)
                    .expiresAtMs(s.l(1)));

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(s.i(0), decoder.ifIndex());
            assertEquals(s.i(1), decoder.vrf());
            assertArrayEquals(mac, fixed(MAC_ADDRESS_LENGTH, decoder::getMac));
            assertArrayEquals(nextHop, fixed(IP_ADDRESS_LENGTH, decoder::getNextHopIp));
            assertEquals(s.l(1), decoder.expiresAtMs());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void customEntry()
    {
        final CustomEntryEncoder encoder = new CustomEntryEncoder();
        final CustomEntryDecoder decoder = new CustomEntryDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final byte[] payload = s.blob(0, MAX_CUSTOM_PAYLOAD_LENGTH);
            final UnsafeBuffer frame = batchOf(encoder, (e) ->
                e.key(s.l(0)).op(op).customTypeId(s.i(0)).expiresAtMs(s.l(1)).putPayload(payload, 0, payload.length));

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(s.i(0), decoder.customTypeId());
            assertEquals(s.l(1), decoder.expiresAtMs());
            assertArrayEquals(payload, varBytes(decoder.payloadLength(), decoder::getPayload));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void entryDelete()
    {
        final EntryDeleteEncoder encoder = new EntryDeleteEncoder();
        final EntryDeleteDecoder decoder = new EntryDeleteDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryType type = s.pick(EntryType.values(), 0);
            final UnsafeBuffer frame = batchOf(encoder, (e) -> e.key(s.l(0)).entryType(type));

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.key());
            assertEquals(type, decoder.entryType());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void ack()
    {
        final AckEncoder encoder = new AckEncoder();
        final AckDecoder decoder = new AckDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).ackedSequence(s.l(1)).appliedSequence(s.l(2)));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.ackedSequence());
            assertEquals(s.l(2), decoder.appliedSequence());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void resyncRequest()
    {
        final ResyncRequestEncoder encoder = new ResyncRequestEncoder();
        final ResyncRequestDecoder decoder = new ResyncRequestDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final ResyncReason reason = s.pick(ResyncReason.values(), 0);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).fromSequence(s.l(1)).reason(reason));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.fromSequence());
            assertEquals(reason, decoder.reason());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void bulkBegin()
    {
        final BulkBeginEncoder encoder = new BulkBeginEncoder();
        final BulkBeginDecoder decoder = new BulkBeginDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).bulkId(s.l(1)).startSequence(s.l(2)));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.bulkId());
            assertEquals(s.l(2), decoder.startSequence());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void bulkEnd()
    {
        final BulkEndEncoder encoder = new BulkEndEncoder();
        final BulkEndDecoder decoder = new BulkEndDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).bulkId(s.l(1)).endSequence(s.l(2)).entryCount(s.l(3)));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.bulkId());
            assertEquals(s.l(2), decoder.endSequence());
            assertEquals(s.l(3), decoder.entryCount());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void reconcileBeginEndAndAck()
    {
        final ReconcileBeginEncoder beginEncoder = new ReconcileBeginEncoder();
        final ReconcileBeginDecoder beginDecoder = new ReconcileBeginDecoder();
        final ReconcileEndEncoder endEncoder = new ReconcileEndEncoder();
        final ReconcileEndDecoder endDecoder = new ReconcileEndDecoder();
        final ReconcileAckEncoder ackEncoder = new ReconcileAckEncoder();
        final ReconcileAckDecoder ackDecoder = new ReconcileAckDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            UnsafeBuffer frame = fixture.single(beginEncoder, (e) -> e.epoch(s.l(0)).reconcileId(s.l(1)));
            readSingle(reader, frame, beginDecoder);
            assertEquals(s.l(0), beginDecoder.epoch());
            assertEquals(s.l(1), beginDecoder.reconcileId());
            assertConsumed(reader, beginDecoder);
            assertLast(reader);

            frame = fixture.single(endEncoder, (e) -> e.epoch(s.l(0)).reconcileId(s.l(1)).entryCount(s.l(2)));
            readSingle(reader, frame, endDecoder);
            assertEquals(s.l(0), endDecoder.epoch());
            assertEquals(s.l(1), endDecoder.reconcileId());
            assertEquals(s.l(2), endDecoder.entryCount());
            assertConsumed(reader, endDecoder);
            assertLast(reader);

            frame = fixture.single(ackEncoder, (e) -> e.epoch(s.l(0)).reconcileId(s.l(1)).received(s.l(2)).merged(s.l(3)));
            readSingle(reader, frame, ackDecoder);
            assertEquals(s.l(0), ackDecoder.epoch());
            assertEquals(s.l(1), ackDecoder.reconcileId());
            assertEquals(s.l(2), ackDecoder.received());
            assertEquals(s.l(3), ackDecoder.merged());
            assertConsumed(reader, ackDecoder);
            assertLast(reader);
        });
    }

    @Test
    void replicationHeartbeat()
    {
        final ReplicationHeartbeatEncoder encoder = new ReplicationHeartbeatEncoder();
        final ReplicationHeartbeatDecoder decoder = new ReplicationHeartbeatDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).wallClockMs(s.l(1)).lastSequence(s.l(2)));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.wallClockMs());
            assertEquals(s.l(2), decoder.lastSequence());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void rangeDigestRequestTravelsInsideABatch()
    {
        final RangeDigestRequestEncoder encoder = new RangeDigestRequestEncoder();
        final RangeDigestRequestDecoder decoder = new RangeDigestRequestDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryType type = s.pick(EntryType.values(), 0);
            final RangeAction action = s.pick(RangeAction.values(), 1);
            final UnsafeBuffer frame = batchOf(encoder, (e) ->
                e.requestId(s.l(0)).fromKey(s.l(1)).toKey(s.l(2)).entryType(type).action(action));

            readEntry(frame, decoder);
            assertEquals(s.l(0), decoder.requestId());
            assertEquals(s.l(1), decoder.fromKey());
            assertEquals(s.l(2), decoder.toKey());
            assertEquals(type, decoder.entryType());
            assertEquals(action, decoder.action());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void rangeDigestRequestOutsideABatchIsRefused()
    {
        final UnsafeBuffer frame = fixture.single(new RangeDigestRequestEncoder(), (e) ->
            e.requestId(1).fromKey(0).toKey(1).entryType(EntryType.LAST_HOP).action(RangeAction.DIGEST));

        assertEquals(FrameRejection.BAD_COUNT, reader.validateFrame(frame, 0, frame.capacity()));
    }

    @Test
    void rangeDigest()
    {
        final RangeDigestEncoder encoder = new RangeDigestEncoder();
        final RangeDigestDecoder decoder = new RangeDigestDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryType type = s.pick(EntryType.values(), 0);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).requestId(s.l(1)).fromKey(s.l(2)).toKey(s.l(3)).digest(s.l(4)).count(s.l(5))
                    .entryType(type));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.requestId());
            assertEquals(s.l(2), decoder.fromKey());
            assertEquals(s.l(3), decoder.toKey());
            assertEquals(s.l(4), decoder.digest());
            assertEquals(s.l(5), decoder.count());
            assertEquals(type, decoder.entryType());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    private <E extends MessageEncoderFlyweight> UnsafeBuffer batchOf(final E encoder, final Consumer<E> fill)
    {
        fixture.start();
        fixture.append(batchEncoder, (e) -> e.epoch(7).firstSequence(100).ownerNodeId(1).count(1));
        fixture.append(encoder, fill);
        return fixture.finish();
    }

    @Test
    void firewallSessionV4()
    {
        final FirewallSessionV4Encoder encoder = new FirewallSessionV4Encoder();
        final FirewallSessionV4Decoder decoder = new FirewallSessionV4Decoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final EntryOp op = s.pick(EntryOp.values(), 0);
            final short protocol = (short)s.unsigned(2, UINT8_MAX);
            final short state = (short)s.unsigned(3, UINT8_MAX);
            final int srcPort = s.unsigned(4, UINT16_MAX);
            final int dstPort = s.unsigned(5, UINT16_MAX);
            final int natPort = s.unsigned(6, UINT16_MAX);
            final long flags = s.l(6) & UINT32_MASK;
            final byte[] srcIp = s.bytes(1, 4);
            final byte[] dstIp = s.bytes(2, 4);
            final byte[] natIp = s.bytes(3, 4);

            final UnsafeBuffer frame = batchOf(encoder, (e) -> e.key(s.l(0)).op(op).protocol(protocol).state(state)
                .srcPort(srcPort).dstPort(dstPort).natPort(natPort)
                .vrf(s.i(0)).zone(s.i(1)).flags(flags)
                .putSrcIp(srcIp, 0, 4).putDstIp(dstIp, 0, 4).putNatIp(natIp, 0, 4)
                .createdAtMs(s.l(1)).lastSeenMs(s.l(2)).expiresAtMs(s.l(3)).bytes(s.l(4)).packets(s.l(5)));

            readEntry(frame, decoder);
            assertEquals(FirewallSessionV4Decoder.BLOCK_LENGTH, reader.actingBlockLength());
            assertEquals(FrameDescriptor.ENTRY_HEADER_LENGTH + FirewallSessionV4Decoder.BLOCK_LENGTH, reader.messageLength());
            assertEquals(s.l(0), decoder.key());
            assertEquals(op, decoder.op());
            assertEquals(protocol, decoder.protocol());
            assertEquals(state, decoder.state());
            assertEquals(srcPort, decoder.srcPort());
            assertEquals(dstPort, decoder.dstPort());
            assertEquals(natPort, decoder.natPort());
            assertEquals(s.i(0), decoder.vrf());
            assertEquals(s.i(1), decoder.zone());
            assertEquals(flags, decoder.flags());
            assertArrayEquals(srcIp, fixed(4, decoder::getSrcIp));
            assertArrayEquals(dstIp, fixed(4, decoder::getDstIp));
            assertArrayEquals(natIp, fixed(4, decoder::getNatIp));
            assertEquals(s.l(1), decoder.createdAtMs());
            assertEquals(s.l(2), decoder.lastSeenMs());
            assertEquals(s.l(3), decoder.expiresAtMs());
            assertEquals(s.l(4), decoder.bytes());
            assertEquals(s.l(5), decoder.packets());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    private void readEntry(final UnsafeBuffer frame, final MessageDecoderFlyweight decoder)
    {
        assertEquals(FrameRejection.OK, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(2, reader.messageCount());
        assertTrue(reader.nextMessage());
        FrameFixture.wrap(reader, frame, batchDecoder);
        assertEquals(1, batchDecoder.count());
        assertTrue(reader.nextMessage());
        FrameFixture.wrap(reader, frame, decoder);
    }

    private static byte[] fixed(final int length, final FrameFixture.VarGetter getter)
    {
        final byte[] dst = new byte[length];
        assertEquals(length, getter.get(dst, 0, length));
        return dst;
    }
}
