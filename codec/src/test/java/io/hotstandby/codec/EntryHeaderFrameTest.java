package io.hotstandby.codec;

import io.hotstandby.codec.replication.AckEncoder;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.CustomEntryDecoder;
import io.hotstandby.codec.replication.CustomEntryEncoder;
import io.hotstandby.codec.replication.EntryDeleteDecoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.EntryOp;
import io.hotstandby.codec.replication.EntryType;
import io.hotstandby.codec.replication.FirewallSessionV4Decoder;
import io.hotstandby.codec.replication.FirewallSessionV4Encoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.ENTRY_BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_TEMPLATE_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.FRAME_BODY_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.MESSAGE_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.VERSION_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entry header inside a batch (4 bytes: block length, template id; schema id and version from the
 * batch header): FrameWriter writes it, FrameReader walks it, and refuses every malformed entry header
 * with its reason and offset before any decoder runs.
 */
class EntryHeaderFrameTest
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    /** Frame offsets of the three entries of {@link #batch(int)}. */
    private static final int FIRST_ENTRY = FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH;
    private static final int SECOND_ENTRY = FIRST_ENTRY + ENTRY_HEADER_LENGTH + FirewallSessionV4Encoder.BLOCK_LENGTH;
    private static final int THIRD_ENTRY = SECOND_ENTRY + ENTRY_HEADER_LENGTH + EntryDeleteEncoder.BLOCK_LENGTH;

    private final FrameFixture fixture = new FrameFixture();
    private final FrameReader reader = new FrameReader(WireSchema.REPLICATION);
    private final BatchHeaderEncoder batchEncoder = new BatchHeaderEncoder();
    private final FirewallSessionV4Encoder sessionEncoder = new FirewallSessionV4Encoder();
    private final EntryDeleteEncoder deleteEncoder = new EntryDeleteEncoder();
    private final CustomEntryEncoder customEncoder = new CustomEntryEncoder();
    private final AckEncoder ackEncoder = new AckEncoder();

    /** A batch (count as given) of a FirewallSessionV4, an EntryDelete and a CustomEntry with 5 payload bytes, then an Ack. */
    private UnsafeBuffer batch(final int count)
    {
        fixture.start();
        fixture.append(batchEncoder, (e) -> e.epoch(3).firstSequence(10).ownerNodeId(1).count(count));
        fixture.append(sessionEncoder, (e) -> e.key(Long.MAX_VALUE).op(EntryOp.UPSERT).srcPort(65535)
            .putSrcIp(new byte[] {10, 0, 0, 1}, 0, 4).packets(Long.MIN_VALUE));
        fixture.append(deleteEncoder, (e) -> e.key(-1).entryType(EntryType.NAT_PORT_BLOCK));
        fixture.append(customEncoder, (e) -> e.key(0).op(EntryOp.DELETE).customTypeId(7)
            .putPayload(new byte[] {1, 2, 3, 4, 5}, 0, 5));
        fixture.append(ackEncoder, (e) -> e.epoch(3).ackedSequence(9).appliedSequence(9));
        return fixture.finish();
    }

    @Test
    void entriesOfABatchCarryTheShortHeaderAndTheBatchVersion()
    {
        final UnsafeBuffer frame = batch(3);
        assertEquals(FrameDescriptor.ENTRY_HEADER_LENGTH, 4);
        assertEquals(FirewallSessionV4Encoder.BLOCK_LENGTH, EntryHeader.blockLength(frame, FIRST_ENTRY));
        assertEquals(FirewallSessionV4Encoder.TEMPLATE_ID, EntryHeader.templateId(frame, FIRST_ENTRY));
        assertEquals(CustomEntryEncoder.TEMPLATE_ID, EntryHeader.templateId(frame, THIRD_ENTRY));
        final int version = WireSchema.REPLICATION.schemaVersion() - 1;
        frame.putShort(FRAME_BODY_OFFSET + VERSION_OFFSET, (short)version, LE);

        assertEquals(FrameRejection.OK, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(5, reader.messageCount());
        assertTrue(reader.nextMessage());
        assertEquals(FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH, reader.bodyOffset());

        assertTrue(reader.nextMessage());
        assertEquals(FIRST_ENTRY, reader.messageOffset());
        assertEquals(FIRST_ENTRY + ENTRY_HEADER_LENGTH, reader.bodyOffset());
        assertEquals(version, reader.actingVersion());
        final FirewallSessionV4Decoder session = new FirewallSessionV4Decoder();
        FrameFixture.wrap(reader, frame, session);
        assertEquals(Long.MAX_VALUE, session.key());
        assertEquals(65535, session.srcPort());
        assertEquals(Long.MIN_VALUE, session.packets());
        FrameFixture.assertConsumed(reader, session);

        assertTrue(reader.nextMessage());
        final EntryDeleteDecoder delete = new EntryDeleteDecoder();
        FrameFixture.wrap(reader, frame, delete);
        assertEquals(-1, delete.key());
        assertEquals(EntryType.NAT_PORT_BLOCK, delete.entryType());

        assertTrue(reader.nextMessage());
        assertEquals(THIRD_ENTRY, reader.messageOffset());
        final CustomEntryDecoder custom = new CustomEntryDecoder();
        FrameFixture.wrap(reader, frame, custom);
        assertEquals(7, custom.customTypeId());
        assertEquals(5, custom.payloadLength());
        custom.skipPayload();
        FrameFixture.assertConsumed(reader, custom);

        assertTrue(reader.nextMessage());
        assertEquals(AckEncoder.TEMPLATE_ID, reader.templateId());
        assertEquals(MESSAGE_HEADER_LENGTH, reader.bodyOffset() - reader.messageOffset());
        assertFalse(reader.nextMessage());
    }

    @Test
    void unknownTemplateInAnEntryHeaderIsRefused()
    {
        final UnsafeBuffer frame = batch(3);
        frame.putShort(SECOND_ENTRY + ENTRY_TEMPLATE_ID_OFFSET, (short)999, LE);
        assertEquals(FrameRejection.UNKNOWN_TEMPLATE, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(SECOND_ENTRY + ENTRY_TEMPLATE_ID_OFFSET, reader.errorOffset());
        assertFalse(reader.nextMessage());
    }

    @Test
    void aMessageThatIsNotAnEntryWhereTheCountSaysEntryIsRefused()
    {
        final UnsafeBuffer frame = batch(3);
        frame.putShort(SECOND_ENTRY + ENTRY_TEMPLATE_ID_OFFSET, (short)AckEncoder.TEMPLATE_ID, LE);
        assertEquals(FrameRejection.BAD_COUNT, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(SECOND_ENTRY, reader.errorOffset());
    }

    @Test
    void shortOrOverlongEntryBlockLengthIsRefused()
    {
        final UnsafeBuffer frame = batch(3);
        frame.putShort(FIRST_ENTRY + ENTRY_BLOCK_LENGTH_OFFSET, (short)(FirewallSessionV4Encoder.BLOCK_LENGTH - 1), LE);
        assertEquals(FrameRejection.BAD_BLOCK_LENGTH, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(FIRST_ENTRY + ENTRY_BLOCK_LENGTH_OFFSET, reader.errorOffset());

        frame.putShort(FIRST_ENTRY + ENTRY_BLOCK_LENGTH_OFFSET, (short)60000, LE);
        assertEquals(FrameRejection.BAD_BLOCK_LENGTH, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(FIRST_ENTRY + ENTRY_BLOCK_LENGTH_OFFSET, reader.errorOffset());
    }

    @Test
    void entryVarDataPastTheFrameIsRefused()
    {
        final UnsafeBuffer frame = batch(3);
        final int payloadLength = THIRD_ENTRY + ENTRY_HEADER_LENGTH + CustomEntryEncoder.BLOCK_LENGTH;
        frame.putShort(payloadLength, (short)4000, LE);
        assertEquals(FrameRejection.BAD_VAR_LENGTH, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(payloadLength, reader.errorOffset());
    }

    @Test
    void countsThatDoNotMatchTheEntriesAreRefused()
    {
        final UnsafeBuffer fewer = batch(2);
        assertEquals(FrameRejection.BAD_COUNT, reader.validateFrame(fewer, 0, fewer.capacity()), "entry beyond the count");
        assertEquals(THIRD_ENTRY, reader.errorOffset());

        final UnsafeBuffer more = batch(4);
        assertEquals(FrameRejection.BAD_COUNT, reader.validateFrame(more, 0, more.capacity()), "Ack counted as an entry");

        fixture.start();
        fixture.append(batchEncoder, (e) -> e.epoch(3).firstSequence(10).ownerNodeId(1).count(2));
        fixture.append(deleteEncoder, (e) -> e.key(1).entryType(EntryType.CUSTOM));
        final UnsafeBuffer cutShort = fixture.finish();
        assertEquals(FrameRejection.BAD_COUNT, reader.validateFrame(cutShort, 0, cutShort.capacity()), "frame ends first");
        assertEquals(cutShort.capacity(), reader.errorOffset());
    }

    @Test
    void aPartialEntryHeaderIsRefused()
    {
        fixture.start();
        fixture.append(batchEncoder, (e) -> e.epoch(3).firstSequence(10).ownerNodeId(1).count(2));
        fixture.append(deleteEncoder, (e) -> e.key(1).entryType(EntryType.CUSTOM));
        final int length = fixture.writer.finish() + 3;
        fixture.scratch.putInt(0, length - FRAME_BODY_OFFSET, LE);
        final UnsafeBuffer frame = FrameFixture.copy(fixture.scratch, length);
        assertEquals(FrameRejection.TRAILING_BYTES, reader.validateFrame(frame, 0, frame.capacity()));
        assertEquals(length - 3, reader.errorOffset());
    }
}
