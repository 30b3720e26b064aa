package io.hotstandby.codec;

import io.hotstandby.codec.control.KeepaliveDecoder;
import io.hotstandby.codec.control.KeepaliveEncoder;
import io.hotstandby.codec.replication.BatchHeaderDecoder;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.CustomEntryEncoder;
import io.hotstandby.codec.replication.EntryDeleteDecoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.EntryType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.FRAME_BODY_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.MESSAGE_HEADER_LENGTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameWriterTest
{
    private final FrameWriter writer = new FrameWriter();
    private final FrameReader replicationReader = new FrameReader(WireSchema.REPLICATION);
    private final FrameReader controlReader = new FrameReader(WireSchema.CONTROL);

    @Test
    void writesABatchWhoseCountIsSetAfterItsEntries()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final int frameOffset = 100;
        final BatchHeaderEncoder batch = new BatchHeaderEncoder();
        final EntryDeleteEncoder delete = new EntryDeleteEncoder();

        writer.wrap(buffer, frameOffset, 1000);
        writer.begin(batch).epoch(9).firstSequence(1000).ownerNodeId(2);
        writer.commit(batch);
        int entries = 0;
        while (entries < 10 && writer.hasRoomFor(EntryDeleteEncoder.BLOCK_LENGTH))
        {
            writer.begin(delete).key(entries).entryType(EntryType.NAT_PORT_BLOCK);
            writer.commit(delete);
            entries++;
        }
        batch.count(entries);
        final int frameLength = writer.finish();

        assertEquals(entries + 1, writer.messageCount());
        assertEquals(frameLength, writer.frameLength());
        assertEquals(FRAME_BODY_OFFSET + MESSAGE_HEADER_LENGTH + entries * FrameDescriptor.ENTRY_HEADER_LENGTH +
            BatchHeaderEncoder.BLOCK_LENGTH + entries * EntryDeleteEncoder.BLOCK_LENGTH, frameLength);
        assertEquals(frameLength - FRAME_BODY_OFFSET, buffer.getInt(frameOffset, ByteOrder.LITTLE_ENDIAN));

        assertEquals(FrameRejection.OK, replicationReader.validateFrame(buffer, frameOffset, frameLength));
        assertTrue(replicationReader.nextMessage());
        final BatchHeaderDecoder batchDecoder = new BatchHeaderDecoder();
        batchDecoder.wrap(buffer, replicationReader.bodyOffset(), replicationReader.actingBlockLength(),
            replicationReader.actingVersion());
        assertEquals(entries, batchDecoder.count());
        assertEquals(1000, batchDecoder.firstSequence());
        final EntryDeleteDecoder deleteDecoder = new EntryDeleteDecoder();
        for (int i = 0; i < entries; i++)
        {
            assertTrue(replicationReader.nextMessage());
            deleteDecoder.wrap(buffer, replicationReader.bodyOffset(), replicationReader.actingBlockLength(),
                replicationReader.actingVersion());
            assertEquals(i, deleteDecoder.key());
            assertEquals(EntryType.NAT_PORT_BLOCK, deleteDecoder.entryType());
        }
        assertFalse(replicationReader.nextMessage());
    }

    @Test
    void fillsAFrameToTheLastByte()
    {
        final KeepaliveEncoder keepalive = new KeepaliveEncoder();
        final int messageLength = MESSAGE_HEADER_LENGTH + KeepaliveEncoder.BLOCK_LENGTH;
        final int capacity = FRAME_BODY_OFFSET + 3 * messageLength;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[capacity]);

        writer.wrap(buffer, 0, capacity);
        int written = 0;
        while (writer.hasRoomFor(KeepaliveEncoder.BLOCK_LENGTH))
        {
            writer.begin(keepalive).epoch(written).sequence(written);
            writer.commit(keepalive);
            written++;
        }
        assertEquals(3, written);
        assertEquals(0, writer.remaining());
        assertEquals(capacity, writer.finish());
        assertThrows(IllegalStateException.class, () -> writer.begin(keepalive));

        assertEquals(FrameRejection.OK, controlReader.validateFrame(buffer, 0, capacity));
        final KeepaliveDecoder decoder = new KeepaliveDecoder();
        int read = 0;
        while (controlReader.nextMessage())
        {
            decoder.wrap(buffer, controlReader.bodyOffset(), controlReader.actingBlockLength(), controlReader.actingVersion());
            assertEquals(read, decoder.sequence());
            read++;
        }
        assertEquals(3, read);
    }

    @Test
    void refusesCallerMistakes()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final KeepaliveEncoder keepalive = new KeepaliveEncoder();
        final KeepaliveEncoder other = new KeepaliveEncoder();

        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 250, 64));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, -1, 64));
        assertThrows(IllegalStateException.class, () -> writer.wrap(buffer, 0, FrameDescriptor.MIN_FRAME_LENGTH - 1));

        writer.wrap(buffer, 0, 256);
        assertThrows(IllegalStateException.class, writer::finish, "empty frame");
        writer.begin(keepalive);
        assertThrows(IllegalStateException.class, () -> writer.begin(other), "previous not committed");
        assertThrows(IllegalStateException.class, () -> writer.commit(other), "not begun");
        assertThrows(IllegalStateException.class, writer::finish, "pending message");
        writer.commit(keepalive);
        assertTrue(writer.finish() > 0);
    }

    @Test
    void detectsVarDataThatOverranTheClaim()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        final CustomEntryEncoder custom = new CustomEntryEncoder();
        final int claim = 64;
        writer.wrap(buffer, 0, claim);
        assertTrue(writer.hasRoomFor(CustomEntryEncoder.BLOCK_LENGTH));
        assertFalse(writer.hasRoomFor(CustomEntryEncoder.BLOCK_LENGTH + 2 + 100));
        writer.begin(custom).key(1).putPayload(new byte[100], 0, 100);
        assertThrows(IllegalStateException.class, () -> writer.commit(custom));
    }
}
