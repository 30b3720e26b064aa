package io.hotstandby.codec;

import io.hotstandby.codec.control.ConfigChunkEncoder;
import io.hotstandby.codec.control.ConfigDigestEncoder;
import io.hotstandby.codec.control.PairingTermsDecoder;
import io.hotstandby.codec.control.PairingTermsEncoder;
import io.hotstandby.codec.control.HelloEncoder;
import io.hotstandby.codec.control.KeepaliveEncoder;
import io.hotstandby.codec.control.Mode;
import io.hotstandby.codec.control.RolePolicy;
import io.hotstandby.codec.replication.AckEncoder;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.CustomEntryEncoder;
import io.hotstandby.codec.replication.DhcpLeaseEncoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.EntryOp;
import io.hotstandby.codec.replication.EntryType;
import io.hotstandby.codec.replication.FirewallSessionEncoder;
import io.hotstandby.codec.replication.ReconcileAckEncoder;
import io.hotstandby.codec.replication.ReconcileBeginEncoder;
import io.hotstandby.codec.replication.ReconcileEndEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.SplittableRandom;

import static io.hotstandby.codec.FrameDescriptor.BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.FRAME_BODY_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.MAX_AUTH_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_ENTRIES_PER_BATCH;
import static io.hotstandby.codec.FrameDescriptor.MAX_FRAME_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_TEXT_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_TEMPLATE_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.MESSAGE_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.SCHEMA_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.TEMPLATE_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.VERSION_OFFSET;
import static io.hotstandby.codec.Samples.SEED;
import static io.hotstandby.codec.Samples.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Properties of {@link FrameReader} on malformed input: every refusal carries the right reason, the
 * reader never throws and never reads outside the frame (frames live in exact-size buffers, so a read
 * past the end would throw from Agrona's bounds checks), and whatever it accepts decodes cleanly.
 */
class FrameReaderTest
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int EXAMPLES = 500;
    private static final int CURRENT = WireSchema.CONTROL.schemaVersion();
    private static final EnumSet<FrameRejection> BODY_DAMAGE = EnumSet.of(
        FrameRejection.BAD_FRAME_LENGTH,
        FrameRejection.TRAILING_BYTES,
        FrameRejection.BAD_BLOCK_LENGTH,
        FrameRejection.BAD_VAR_LENGTH,
        FrameRejection.BAD_COUNT);

    private final FrameFixture fixture = new FrameFixture();
    private final FrameReader controlReader = new FrameReader(WireSchema.CONTROL);
    private final FrameReader replicationReader = new FrameReader(WireSchema.REPLICATION);
    private final Decoders controlDecoders = new Decoders(WireSchema.CONTROL);
    private final Decoders replicationDecoders = new Decoders(WireSchema.REPLICATION);

    private final HelloEncoder helloEncoder = new HelloEncoder();
    private final PairingTermsEncoder termsEncoder = new PairingTermsEncoder();
    private final KeepaliveEncoder keepaliveEncoder = new KeepaliveEncoder();
    private final ConfigDigestEncoder configDigestEncoder = new ConfigDigestEncoder();
    private final ConfigChunkEncoder configChunkEncoder = new ConfigChunkEncoder();
    private final BatchHeaderEncoder batchEncoder = new BatchHeaderEncoder();
    private final FirewallSessionEncoder sessionEncoder = new FirewallSessionEncoder();
    private final DhcpLeaseEncoder leaseEncoder = new DhcpLeaseEncoder();
    private final CustomEntryEncoder customEncoder = new CustomEntryEncoder();
    private final EntryDeleteEncoder deleteEncoder = new EntryDeleteEncoder();
    private final AckEncoder ackEncoder = new AckEncoder();

    /** A valid control frame: PairingTerms, then Hello, Keepalive, ConfigDigest and ConfigChunk. */
    private UnsafeBuffer controlFrame(final Samples.Sample s)
    {
        final byte[] software = s.blob(0, MAX_TEXT_LENGTH);
        final byte[] challenge = s.blob(1, MAX_AUTH_LENGTH);
        final byte[] module = s.blob(2, MAX_TEXT_LENGTH);
        final byte[] chunk = s.blob(3, 512);
        fixture.start();
        fixture.append(termsEncoder, (e) ->
        {
            e.epoch(s.l(0)).wallClockMs(s.l(1)).priority(s.i(1)).health(s.i(2))
                .mode(Mode.ACTIVE_STANDBY).rolePolicy(RolePolicy.AUTO);
            e.flags().clear().strictFingerprint(true);
            e.putSoftwareVersion(software, 0, software.length)
                .putFingerprint(module, 0, module.length);
        });
        fixture.append(helloEncoder, (e) ->
        {
            e.epoch(0).nodeId(s.i(0)).protocolVersion(CURRENT);
            e.flags().clear().authRequired(true);
            e.putAuthChallenge(challenge, 0, challenge.length);
        });
        fixture.append(keepaliveEncoder, (e) -> e.epoch(s.l(0)).sequence(s.l(2)).sentTimeNs(s.l(3)));
        fixture.append(configDigestEncoder, (e) -> e.epoch(s.l(0)).digest(s.l(4)).putModuleName(module, 0, module.length));
        fixture.append(configChunkEncoder, (e) -> e.epoch(s.l(0)).transferId(s.l(5))
            .putModuleName(module, 0, module.length).putBytes(chunk, 0, chunk.length));
        return fixture.finish();
    }

    /** A valid data frame: a batch of four entries of different types, then an Ack. */
    private UnsafeBuffer replicationFrame(final Samples.Sample s)
    {
        final byte[] hostname = s.blob(0, MAX_TEXT_LENGTH);
        final byte[] payload = s.blob(1, 700);
        fixture.start();
        fixture.append(batchEncoder, (e) -> e.epoch(s.l(0)).firstSequence(s.l(1)).ownerNodeId(s.i(0)).count(4));
        fixture.append(sessionEncoder, (e) -> e.key(s.l(2)).op(EntryOp.UPSERT).srcPort(s.unsigned(0, 65535)));
        fixture.append(leaseEncoder, (e) -> e.key(s.l(3)).op(EntryOp.UPSERT).putHostname(hostname, 0, hostname.length));
        fixture.append(customEncoder, (e) -> e.key(s.l(4)).op(EntryOp.DELETE).putPayload(payload, 0, payload.length));
        fixture.append(deleteEncoder, (e) -> e.key(s.l(5)).entryType(EntryType.LAST_HOP));
        fixture.append(ackEncoder, (e) -> e.epoch(s.l(0)).ackedSequence(s.l(6)).appliedSequence(s.l(7)));
        return fixture.finish();
    }

    private UnsafeBuffer frame(final WireSchema schema, final Samples.Sample s)
    {
        return WireSchema.CONTROL == schema ? controlFrame(s) : replicationFrame(s);
    }

    private FrameReader reader(final WireSchema schema)
    {
        return WireSchema.CONTROL == schema ? controlReader : replicationReader;
    }

    private Decoders decoders(final WireSchema schema)
    {
        return WireSchema.CONTROL == schema ? controlDecoders : replicationDecoders;
    }

    private static Gen<WireSchema> schemas()
    {
        return integers().between(0, 1).map((i) -> WireSchema.values()[i]);
    }

    @Test
    void validFramesAreAcceptedAndDecodeCompletely()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples()).checkAssert((schema, s) ->
        {
            final UnsafeBuffer frame = frame(schema, s);
            final FrameReader reader = reader(schema);
            final Decoders decoders = decoders(schema);
            decoders.messages = 0;
            assertEquals(FrameRejection.OK, reader.read(frame, 0, frame.capacity(), decoders));
            assertEquals(-1, reader.errorOffset());
            assertEquals(frame.capacity(), reader.frameLength());
            assertEquals(WireSchema.CONTROL == schema ? 5 : 6, decoders.messages);
            assertEquals(decoders.messages, reader.messageCount());

            final UnsafeBuffer body = new UnsafeBuffer(frame, FRAME_BODY_OFFSET, frame.capacity() - FRAME_BODY_OFFSET);
            assertEquals(FrameRejection.OK, reader.validateBody(body, 0, body.capacity()));
            final int delivered = decoders.messages;
            assertEquals(reader.messageCount(), reader.forEach(decoders));
            assertEquals(2 * delivered, decoders.messages);
        });
    }

    @Test
    void truncatedFramesAreRefusedAtEveryCutPoint()
    {
        qt().withFixedSeed(SEED).withExamples(100).forAll(schemas(), samples()).checkAssert((schema, s) ->
        {
            final UnsafeBuffer frame = frame(schema, s);
            final FrameReader reader = reader(schema);
            final java.util.Set<Integer> boundaries = new java.util.HashSet<>();
            assertEquals(FrameRejection.OK, reader.validateFrame(frame, 0, frame.capacity()));
            while (reader.nextMessage())
            {
                boundaries.add(reader.messageOffset() + reader.messageLength());
            }
            for (int cut = 0; cut < frame.capacity(); cut++)
            {
                final UnsafeBuffer truncated = FrameFixture.copy(frame, cut);
                assertEquals(FrameRejection.TRUNCATED, reader.validateFrame(truncated, 0, cut), "cut " + cut);
                assertEquals(cut, reader.errorOffset());
                assertFalse(reader.nextMessage());
                assertEquals(0, reader.forEach(decoders(schema)));

                if (cut > FRAME_BODY_OFFSET)
                {
                    final FrameRejection body = reader.validateBody(truncated, FRAME_BODY_OFFSET, cut - FRAME_BODY_OFFSET);
                    if (FrameRejection.OK == body)
                    {
                        assertTrue(boundaries.contains(cut), "accepted a body cut inside a message: " + cut);
                        assertEquals(reader.messageCount(), reader.forEach(decoders(schema)));
                    }
                    else
                    {
                        assertTrue(BODY_DAMAGE.contains(body), "cut " + cut + ": " + body);
                        assertTrue(reader.errorOffset() >= FRAME_BODY_OFFSET && reader.errorOffset() <= cut);
                    }
                }
            }
        });
    }

    @Test
    void oversizedFramesAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples()).checkAssert((schema, s) ->
        {
            final UnsafeBuffer frame = frame(schema, s);
            final FrameReader reader = reader(schema);

            final int tooLong = MAX_FRAME_LENGTH - FRAME_BODY_OFFSET + 1 + s.unsigned(0, Integer.MAX_VALUE - MAX_FRAME_LENGTH);
            frame.putInt(0, tooLong, LE);
            assertEquals(FrameRejection.TOO_LONG, reader.validateFrame(frame, 0, frame.capacity()));
            assertEquals(0, reader.errorOffset());

            final int tooShort = s.unsigned(1, 1) == 0 ? s.unsigned(2, MESSAGE_HEADER_LENGTH - 1) : -1 - s.unsigned(2, Integer.MAX_VALUE);
            frame.putInt(0, tooShort, LE);
            assertEquals(FrameRejection.BAD_FRAME_LENGTH, reader.validateFrame(frame, 0, frame.capacity()));

            frame.putInt(0, frame.capacity() - FRAME_BODY_OFFSET, LE);
            final FrameReader small = new FrameReader(schema, frame.capacity() - 1);
            assertEquals(FrameRejection.TOO_LONG, small.validateFrame(frame, 0, frame.capacity()));
            assertEquals(FrameRejection.TOO_LONG, small.validateBody(frame, FRAME_BODY_OFFSET, frame.capacity() - FRAME_BODY_OFFSET));
            final FrameReader exact = new FrameReader(schema, frame.capacity());
            assertEquals(FrameRejection.OK, exact.validateFrame(frame, 0, frame.capacity()));
        });
    }

    @Test
    void wrongSchemaIdsAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples(), integers().between(0, 65535))
            .checkAssert((schema, s, schemaId) ->
            {
                final UnsafeBuffer frame = frame(schema, s);
                final FrameReader reader = reader(schema);
                final int messageOffset = messageOffset(reader, frame, fullHeaderIndex(schema, s.unsigned(0, 5)));
                final int id = schemaId == schema.schemaId() ? schemaId + 1 : schemaId;
                frame.putShort(messageOffset + SCHEMA_ID_OFFSET, (short)id, LE);
                assertEquals(FrameRejection.UNKNOWN_SCHEMA, reader.validateFrame(frame, 0, frame.capacity()));
                assertEquals(messageOffset + SCHEMA_ID_OFFSET, reader.errorOffset());

                final UnsafeBuffer other = frame(schema, s);
                final FrameReader otherReader = reader(WireSchema.CONTROL == schema ? WireSchema.REPLICATION : WireSchema.CONTROL);
                assertEquals(FrameRejection.UNKNOWN_SCHEMA, otherReader.validateFrame(other, 0, other.capacity()));
            });
    }

    @Test
    void versionsOneApartAreAcceptedAndLargerGapsRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples(), integers().between(0, 65535))
            .checkAssert((schema, s, version) ->
            {
                final UnsafeBuffer frame = frame(schema, s);
                final FrameReader reader = reader(schema);
                final int messageOffset = messageOffset(reader, frame, fullHeaderIndex(schema, s.unsigned(0, 5)));
                frame.putShort(messageOffset + VERSION_OFFSET, (short)(int)version, LE);
                final FrameRejection result = reader.validateFrame(frame, 0, frame.capacity());
                if (Math.abs(version - schema.schemaVersion()) <= FrameDescriptor.MAX_VERSION_DISTANCE)
                {
                    assertEquals(FrameRejection.OK, result);
                    reader.forEach(decoders(schema));
                }
                else
                {
                    assertEquals(FrameRejection.VERSION_GAP, result);
                    assertEquals(messageOffset + VERSION_OFFSET, reader.errorOffset());
                }
            });
    }

    @Test
    void previousVersionIsAcceptedAndDecoded()
    {
        final UnsafeBuffer frame = termsOnly(CURRENT - 1, PairingTermsDecoder.BLOCK_LENGTH, 0);
        assertEquals(FrameRejection.OK, controlReader.validateFrame(frame, 0, frame.capacity()));
        assertTrue(controlReader.nextMessage());
        assertEquals(CURRENT - 1, controlReader.actingVersion());
        final PairingTermsDecoder decoder = new PairingTermsDecoder();
        FrameFixture.wrap(controlReader, frame, decoder);
        assertEquals(42L, decoder.epoch());
        assertEquals("sw-1", decoder.softwareVersion());
    }

    @Test
    void newerVersionWithLongerBlockIsAcceptedAndDecoded()
    {
        final UnsafeBuffer frame = termsOnly(CURRENT + 1, PairingTermsDecoder.BLOCK_LENGTH + 8, 8);
        assertEquals(FrameRejection.OK, controlReader.validateFrame(frame, 0, frame.capacity()));
        assertTrue(controlReader.nextMessage());
        assertEquals(CURRENT + 1, controlReader.actingVersion());
        assertEquals(PairingTermsDecoder.BLOCK_LENGTH + 8, controlReader.actingBlockLength());
        final PairingTermsDecoder decoder = new PairingTermsDecoder();
        FrameFixture.wrap(controlReader, frame, decoder);
        assertEquals(42L, decoder.epoch());
        assertEquals("sw-1", decoder.softwareVersion());
        assertEquals(0, decoder.fingerprintLength());
        decoder.skipFingerprint();
        FrameFixture.assertConsumed(controlReader, decoder);
    }

    @Test
    void reconciliationFramesAreAcceptedAndItsMessagesNeverStandInsideABatch()
    {
        fixture.start();
        fixture.append(new ReconcileBeginEncoder(), (e) -> e.epoch(7).reconcileId(1));
        fixture.append(batchEncoder, (e) -> e.epoch(7).firstSequence(1).ownerNodeId(2).count(1));
        fixture.append(sessionEncoder, (e) -> e.key(42).op(EntryOp.UPSERT));
        fixture.append(new ReconcileEndEncoder(), (e) -> e.epoch(7).reconcileId(1).entryCount(1));
        fixture.append(new ReconcileAckEncoder(), (e) -> e.epoch(7).reconcileId(1).received(1).merged(1));
        final UnsafeBuffer valid = fixture.finish();
        replicationDecoders.messages = 0;
        assertEquals(FrameRejection.OK, replicationReader.read(valid, 0, valid.capacity(), replicationDecoders));
        assertEquals(5, replicationDecoders.messages);

        fixture.start();
        fixture.append(batchEncoder, (e) -> e.epoch(7).firstSequence(1).ownerNodeId(2).count(2));
        fixture.append(sessionEncoder, (e) -> e.key(42).op(EntryOp.UPSERT));
        fixture.append(new ReconcileEndEncoder(), (e) -> e.epoch(7).reconcileId(1).entryCount(1));
        fixture.append(sessionEncoder, (e) -> e.key(43).op(EntryOp.UPSERT));
        final UnsafeBuffer inside = fixture.finish();
        assertNotEquals(FrameRejection.OK, replicationReader.validateFrame(inside, 0, inside.capacity()));
    }

    @Test
    void versionTwoAheadIsRefusedWithVersionGap()
    {
        final UnsafeBuffer frame = termsOnly(CURRENT + 2, PairingTermsDecoder.BLOCK_LENGTH, 0);
        assertEquals(FrameRejection.VERSION_GAP, controlReader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(FRAME_BODY_OFFSET + VERSION_OFFSET, controlReader.errorOffset());
        assertFalse(controlReader.nextMessage());
    }

    @Test
    void unknownTemplatesAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples(), integers().between(0, 65535))
            .checkAssert((schema, s, templateId) ->
            {
                final UnsafeBuffer frame = frame(schema, s);
                final FrameReader reader = reader(schema);
                final int messageOffset = messageOffset(reader, frame, s.unsigned(0, 5));
                final int templateOffset = messageOffset + (isEntry(reader) ? ENTRY_TEMPLATE_ID_OFFSET : TEMPLATE_ID_OFFSET);
                final int id = schema.isKnownTemplate(templateId) ? 1000 + templateId : templateId;
                frame.putShort(templateOffset, (short)id, LE);
                assertEquals(FrameRejection.UNKNOWN_TEMPLATE, reader.validateFrame(frame, 0, frame.capacity()));
                assertEquals(templateOffset, reader.errorOffset());
            });
    }

    @Test
    void badBlockLengthsAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples()).checkAssert((schema, s) ->
        {
            final UnsafeBuffer frame = frame(schema, s);
            final FrameReader reader = reader(schema);
            final int messageOffset = messageOffset(reader, frame, s.unsigned(0, 5));
            final int headerLength = reader.bodyOffset() - reader.messageOffset();
            final int blockLength = frame.getShort(messageOffset + BLOCK_LENGTH_OFFSET, LE) & 0xFFFF;
            final int remaining = frame.capacity() - messageOffset - headerLength;

            final int shorter = s.unsigned(1, blockLength - 1);
            frame.putShort(messageOffset + BLOCK_LENGTH_OFFSET, (short)shorter, LE);
            assertEquals(FrameRejection.BAD_BLOCK_LENGTH, reader.validateFrame(frame, 0, frame.capacity()));
            assertEquals(messageOffset + BLOCK_LENGTH_OFFSET, reader.errorOffset());

            final int past = remaining + 1 + s.unsigned(2, 65535 - remaining - 1);
            frame.putShort(messageOffset + BLOCK_LENGTH_OFFSET, (short)past, LE);
            assertEquals(FrameRejection.BAD_BLOCK_LENGTH, reader.validateFrame(frame, 0, frame.capacity()));
        });
    }

    @Test
    void badVarDataLengthsAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = controlFrame(s);
            final int softwareLengthOffset = FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH + PairingTermsDecoder.BLOCK_LENGTH;

            final int overMax = MAX_TEXT_LENGTH + 1 + s.unsigned(0, 65535 - MAX_TEXT_LENGTH - 1);
            frame.putShort(softwareLengthOffset, (short)overMax, LE);
            assertEquals(FrameRejection.BAD_VAR_LENGTH, controlReader.validateFrame(frame, 0, frame.capacity()));
            assertEquals(softwareLengthOffset, controlReader.errorOffset());

            final UnsafeBuffer small = termsOnly(CURRENT, PairingTermsDecoder.BLOCK_LENGTH, 0);
            final int lengthOffset = FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH + PairingTermsDecoder.BLOCK_LENGTH;
            final int pastEnd = small.capacity() - lengthOffset + s.unsigned(1, MAX_TEXT_LENGTH - small.capacity());
            small.putShort(lengthOffset, (short)pastEnd, LE);
            assertEquals(FrameRejection.BAD_VAR_LENGTH, controlReader.validateFrame(small, 0, small.capacity()));
            assertEquals(lengthOffset, controlReader.errorOffset());
        });
    }

    @Test
    void badBatchCountsAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final int countOffset = FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH +
                io.hotstandby.codec.replication.BatchHeaderEncoder.countEncodingOffset();
            final UnsafeBuffer frame = replicationFrame(s);

            for (final int count : new int[] { 0, MAX_ENTRIES_PER_BATCH + 1 + s.unsigned(0, 65535 - MAX_ENTRIES_PER_BATCH - 1) })
            {
                frame.putShort(countOffset, (short)count, LE);
                assertEquals(FrameRejection.BAD_COUNT, replicationReader.validateFrame(frame, 0, frame.capacity()));
                assertEquals(countOffset, replicationReader.errorOffset());
            }

            frame.putShort(countOffset, (short)3, LE);
            assertEquals(FrameRejection.BAD_COUNT, replicationReader.validateFrame(frame, 0, frame.capacity()), "orphan entry");
            frame.putShort(countOffset, (short)5, LE);
            assertEquals(FrameRejection.BAD_COUNT, replicationReader.validateFrame(frame, 0, frame.capacity()), "Ack inside batch");

            fixture.start();
            fixture.append(batchEncoder, (e) -> e.count(2));
            fixture.append(deleteEncoder, (e) -> e.key(s.l(0)).entryType(EntryType.CUSTOM));
            final UnsafeBuffer cutShort = fixture.finish();
            assertEquals(FrameRejection.BAD_COUNT, replicationReader.validateFrame(cutShort, 0, cutShort.capacity()));
            assertEquals(cutShort.capacity(), replicationReader.errorOffset());

            final UnsafeBuffer noBatch = fixture.single(deleteEncoder, (e) -> e.key(s.l(0)).entryType(EntryType.CUSTOM));
            assertEquals(FrameRejection.BAD_COUNT, replicationReader.validateFrame(noBatch, 0, noBatch.capacity()));
            assertEquals(FRAME_BODY_OFFSET, replicationReader.errorOffset());
        });
    }

    @Test
    void trailingBytesAreRefused()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(schemas(), samples(), integers().between(1, MESSAGE_HEADER_LENGTH - 1))
            .checkAssert((schema, s, extra) ->
            {
                final UnsafeBuffer frame = frame(schema, s);
                final UnsafeBuffer longer = new UnsafeBuffer(new byte[frame.capacity() + extra]);
                longer.putBytes(0, frame, 0, frame.capacity());
                longer.putInt(0, longer.capacity() - FRAME_BODY_OFFSET, LE);
                assertEquals(FrameRejection.TRAILING_BYTES, reader(schema).validateFrame(longer, 0, longer.capacity()));
                assertEquals(frame.capacity(), reader(schema).errorOffset());
            });
    }

    @Test
    void corruptedBytesNeverEscapeTheReader()
    {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(schemas(), samples(), integers().between(1, 8))
            .checkAssert((schema, s, flips) ->
            {
                final UnsafeBuffer frame = frame(schema, s);
                final SplittableRandom random = new SplittableRandom(s.l(9));
                for (int i = 0; i < flips; i++)
                {
                    final int index = random.nextInt(frame.capacity());
                    frame.putByte(index, (byte)(frame.getByte(index) ^ (1 + random.nextInt(255))));
                }
                final FrameReader reader = reader(schema);
                final FrameRejection result = reader.validateFrame(frame, 0, frame.capacity());
                if (FrameRejection.OK == result)
                {
                    assertEquals(reader.messageCount(), reader.forEach(decoders(schema)));
                }
                else
                {
                    assertTrue(reader.errorOffset() >= 0 && reader.errorOffset() <= frame.capacity());
                }
            });
    }

    @Test
    void randomGarbageNeverEscapesTheReader()
    {
        qt().withFixedSeed(SEED).withExamples(3000)
            .forAll(schemas(), integers().between(0, 300), integers().between(-8, 308), integers().all())
            .checkAssert((schema, size, lengthArg, seed) ->
            {
                final byte[] bytes = new byte[size];
                final SplittableRandom random = new SplittableRandom(seed);
                random.nextBytes(bytes);
                final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
                if (size >= 4 && random.nextBoolean())
                {
                    buffer.putInt(0, size - 4, LE);
                    if (size >= 12)
                    {
                        buffer.putShort(4 + SCHEMA_ID_OFFSET, (short)schema.schemaId(), LE);
                        buffer.putShort(4 + VERSION_OFFSET, (short)schema.schemaVersion(), LE);
                        buffer.putShort(4 + TEMPLATE_ID_OFFSET, (short)(1 + random.nextInt(15)), LE);
                    }
                }
                final FrameReader reader = reader(schema);
                final int offset = size == 0 ? 0 : random.nextInt(-2, size + 2);
                final FrameRejection byFrame = reader.validateFrame(buffer, offset, lengthArg);
                if (FrameRejection.OK == byFrame)
                {
                    reader.forEach(decoders(schema));
                }
                final FrameRejection byBody = reader.validateBody(buffer, offset, lengthArg);
                if (FrameRejection.OK == byBody)
                {
                    reader.forEach(decoders(schema));
                }
                if (offset < 0 || lengthArg < 0 || offset + lengthArg > size)
                {
                    assertEquals(FrameRejection.OUT_OF_BUFFER, byFrame);
                    assertEquals(FrameRejection.OUT_OF_BUFFER, byBody);
                }
                assertFalse(reader.validateFrame(null, 0, 0) == FrameRejection.OK);
            });
    }

    @Test
    void framesBackToBackOnAStreamAreReadOneByOne()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer first = replicationFrame(s);
            final UnsafeBuffer second = fixture.single(ackEncoder, (e) -> e.epoch(s.l(0)).ackedSequence(s.l(1)));
            final UnsafeBuffer stream = new UnsafeBuffer(new byte[first.capacity() + second.capacity()]);
            stream.putBytes(0, first, 0, first.capacity());
            stream.putBytes(first.capacity(), second, 0, second.capacity());

            assertEquals(FrameRejection.OK, replicationReader.validateFrame(stream, 0, stream.capacity()));
            assertEquals(first.capacity(), replicationReader.frameLength());
            final int next = replicationReader.frameLength();
            assertEquals(FrameRejection.OK, replicationReader.validateFrame(stream, next, stream.capacity() - next));
            assertEquals(1, replicationReader.messageCount());
            assertEquals(FrameRejection.TRUNCATED, replicationReader.validateFrame(stream, next, second.capacity() - 1));
        });
    }

    @Test
    void cursorAndHandlerSeeTheSameMessages()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = replicationFrame(s);
            assertEquals(FrameRejection.OK, replicationReader.validateFrame(frame, 0, frame.capacity()));
            final int[] offsets = new int[replicationReader.messageCount()];
            final int[] index = { 0 };
            replicationReader.forEach((schemaId, templateId, blockLength, version, buffer, offset, length) ->
                offsets[index[0]++] = offset);
            replicationReader.rewind();
            int i = 0;
            int expectedNext = FRAME_BODY_OFFSET;
            while (replicationReader.nextMessage())
            {
                assertEquals(expectedNext, replicationReader.messageOffset());
                assertEquals(offsets[i++], replicationReader.bodyOffset());
                expectedNext = replicationReader.messageOffset() + replicationReader.messageLength();
            }
            assertEquals(frame.capacity(), expectedNext);
            assertEquals(offsets.length, i);
            assertEquals(-1, replicationReader.bodyOffset());
        });
    }

    @Test
    void walkStopsWhenBytesChangeAfterValidation()
    {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final UnsafeBuffer frame = controlFrame(s);
            assertEquals(FrameRejection.OK, controlReader.validateFrame(frame, 0, frame.capacity()));
            final int softwareLengthOffset = FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH + PairingTermsDecoder.BLOCK_LENGTH;
            frame.putShort(softwareLengthOffset, (short)0xFFFF, LE);
            assertTrue(controlReader.forEach((schemaId, templateId, blockLength, version, buffer, offset, length) -> {}) < 5);
        });
    }

    @Test
    void rejectsMaxFrameLengthOutOfRange()
    {
        assertEquals(MAX_FRAME_LENGTH, new FrameReader(WireSchema.CONTROL).maxFrameLength());
        assertThrowsIllegalArgument(() -> new FrameReader(WireSchema.CONTROL, MAX_FRAME_LENGTH + 1));
        assertThrowsIllegalArgument(() -> new FrameReader(WireSchema.CONTROL, FrameDescriptor.MIN_FRAME_LENGTH - 1));
        assertThrowsIllegalArgument(() -> new FrameReader(null, MAX_FRAME_LENGTH));
        assertNotEquals(FrameRejection.OK.code(), FrameRejection.TRUNCATED.code());
    }

    private static void assertThrowsIllegalArgument(final Runnable runnable)
    {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, runnable::run);
    }

    /** @return the index of a message with a full message header: in the data frame, the batch header or the Ack. */
    private static int fullHeaderIndex(final WireSchema schema, final int index)
    {
        return WireSchema.CONTROL == schema ? index : (index % 2 == 0 ? 0 : 5);
    }

    /** @return true when the reader's cursor is on an entry of a batch (4-byte entry header). */
    private static boolean isEntry(final FrameReader reader)
    {
        return reader.bodyOffset() - reader.messageOffset() == FrameDescriptor.ENTRY_HEADER_LENGTH;
    }

    /** @return offset of message number {@code index % messageCount} of a valid frame. */
    private static int messageOffset(final FrameReader reader, final UnsafeBuffer frame, final int index)
    {
        assertEquals(FrameRejection.OK, reader.validateFrame(frame, 0, frame.capacity()));
        final int target = index % reader.messageCount();
        for (int i = 0; i <= target; i++)
        {
            assertTrue(reader.nextMessage());
        }
        return reader.messageOffset();
    }

    /** A PairingTerms frame written by hand with the given header version and block length; extra block bytes are zero. */
    private static UnsafeBuffer termsOnly(final int version, final int blockLength, final int extraBlockBytes)
    {
        final byte[] software = "sw-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final int bodyLength = MESSAGE_HEADER_LENGTH + blockLength + 2 + software.length + 2;
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FRAME_BODY_OFFSET + bodyLength]);
        final PairingTermsEncoder encoder = new PairingTermsEncoder();
        final FrameWriter writer = new FrameWriter().wrap(frame, 0, frame.capacity());
        writer.begin(encoder).epoch(42L).mode(Mode.MIRRORING).rolePolicy(RolePolicy.AUTO);
        final int blockOffset = encoder.offset();
        final int varOffset = blockOffset + blockLength;
        frame.putShort(blockOffset - MESSAGE_HEADER_LENGTH + BLOCK_LENGTH_OFFSET, (short)blockLength, LE);
        frame.putShort(blockOffset - MESSAGE_HEADER_LENGTH + VERSION_OFFSET, (short)version, LE);
        frame.setMemory(blockOffset + PairingTermsDecoder.BLOCK_LENGTH, extraBlockBytes, (byte)0x5A);
        frame.putShort(varOffset, (short)software.length, LE);
        frame.putBytes(varOffset + 2, software);
        frame.putShort(varOffset + 2 + software.length, (short)0, LE);
        frame.putInt(0, bodyLength, LE);
        return frame;
    }
}
