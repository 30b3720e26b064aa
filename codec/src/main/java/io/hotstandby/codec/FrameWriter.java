package io.hotstandby.codec;

import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.MAX_FRAME_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MESSAGE_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.SCHEMA_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.TEMPLATE_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.VERSION_OFFSET;

/**
 * Writes one frame (layout in {@link FrameDescriptor}) straight into a claimed region of a buffer:
 * the length prefix, then each message's SBE header, with the generated encoder wrapped in place.
 * Zero allocation. A single-threaded flyweight: one instance per publisher, on the publisher's agent
 * thread. Calling pattern with a {@code FrameLink} claim:
 * <pre>{@code
 * int offset = link.tryClaim(maxLength);
 * if (offset >= 0)
 * {
 *     writer.wrap(link.buffer(), offset, maxLength);
 *     if (writer.hasRoomFor(KeepaliveEncoder.BLOCK_LENGTH))
 *     {
 *         writer.begin(keepaliveEncoder).epoch(epoch).sequence(sequence).sentTimeNs(nowNs);
 *         writer.commit(keepaliveEncoder);
 *     }
 *     link.commit(writer.finish());
 * }
 * }</pre>
 * For a batch, begin a {@code BatchHeaderEncoder}, commit it, append the entries, then set the
 * header's {@code count} through the same (still wrapped) encoder before {@link #finish()}. Entry
 * messages begun after a batch header get the 4-byte entry header ({@link EntryHeader}); the first
 * message that is not an entry ends the batch and gets a full message header again.
 *
 * <p>Precondition errors (no room, no message, an encoder committed that was not begun) throw
 * {@link IllegalStateException}: they are bugs of the caller, never caused by the peer. Callers check
 * {@link #hasRoomFor(int)} with the full message length, var data included, before {@link #begin}.
 */
public final class FrameWriter
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private MutableDirectBuffer buffer;
    private int frameOffset;
    private int limit;
    private int position;
    private int pendingBodyOffset = -1;
    private int messageCount;
    private boolean batchOpen;
    private boolean pendingBatchHeader;

    /**
     * Starts a frame at {@code offset}, reserving its length prefix.
     *
     * @param buffer   to write into.
     * @param offset   where the frame starts (its length prefix).
     * @param capacity bytes the caller may write from offset (its claim), at most {@link FrameDescriptor#MAX_FRAME_LENGTH} are used.
     * @return this writer.
     */
    public FrameWriter wrap(final MutableDirectBuffer buffer, final int offset, final int capacity)
    {
        if (offset < 0 || capacity < FrameDescriptor.MIN_FRAME_LENGTH || offset > buffer.capacity() - capacity)
        {
            throw new IllegalStateException("frame region outside buffer: offset=" + offset + " capacity=" + capacity);
        }
        this.buffer = buffer;
        this.frameOffset = offset;
        this.limit = offset + Math.min(capacity, MAX_FRAME_LENGTH);
        this.position = offset + FRAME_LENGTH_FIELD_LENGTH;
        this.pendingBodyOffset = -1;
        this.messageCount = 0;
        this.batchOpen = false;
        this.pendingBatchHeader = false;
        return this;
    }

    /**
     * @param bodyLength bytes of root block and var data of the next message, header excluded.
     * @return true when the message fits in what is left of the frame.
     */
    public boolean hasRoomFor(final int bodyLength)
    {
        return bodyLength >= 0 && MESSAGE_HEADER_LENGTH + (long)bodyLength <= limit - position;
    }

    /** @return bytes left in the frame for further messages, headers included. */
    public int remaining()
    {
        return limit - position;
    }

    /**
     * Writes the message header (the entry header for an entry inside a batch) for {@code encoder} at the
     * current position and wraps the encoder just after it. Fill the fields, then {@link #commit} the same encoder.
     *
     * @param encoder a generated encoder, kept by the caller as a field.
     * @param <E>     the encoder type.
     * @return the encoder, wrapped in place.
     */
    public <E extends MessageEncoderFlyweight> E begin(final E encoder)
    {
        if (pendingBodyOffset >= 0)
        {
            throw new IllegalStateException("previous message not committed");
        }
        final int blockLength = encoder.sbeBlockLength();
        if (!hasRoomFor(blockLength))
        {
            throw new IllegalStateException("no room for message: remaining=" + remaining());
        }
        final int templateId = encoder.sbeTemplateId();
        final boolean replication = encoder.sbeSchemaId() == WireSchema.REPLICATION.schemaId();
        if (batchOpen && replication && WireSchema.REPLICATION.isEntryTemplate(templateId))
        {
            EntryHeader.put(buffer, position, blockLength, templateId);
            pendingBodyOffset = position + ENTRY_HEADER_LENGTH;
        }
        else
        {
            batchOpen = false;
            buffer.putShort(position + BLOCK_LENGTH_OFFSET, (short)blockLength, ORDER);
            buffer.putShort(position + TEMPLATE_ID_OFFSET, (short)templateId, ORDER);
            buffer.putShort(position + SCHEMA_ID_OFFSET, (short)encoder.sbeSchemaId(), ORDER);
            buffer.putShort(position + VERSION_OFFSET, (short)encoder.sbeSchemaVersion(), ORDER);
            pendingBodyOffset = position + MESSAGE_HEADER_LENGTH;
            pendingBatchHeader = replication && WireSchema.REPLICATION.isBatchHeaderTemplate(templateId);
        }
        encoder.wrap(buffer, pendingBodyOffset);
        return encoder;
    }

    /**
     * Ends the message begun with {@code encoder}, var data included.
     *
     * @param encoder the encoder passed to {@link #begin}.
     * @return this writer.
     */
    public FrameWriter commit(final MessageEncoderFlyweight encoder)
    {
        if (pendingBodyOffset < 0 || encoder.offset() != pendingBodyOffset || encoder.buffer() != buffer)
        {
            throw new IllegalStateException("encoder was not begun by this writer");
        }
        final int end = pendingBodyOffset + encoder.encodedLength();
        if (end > limit)
        {
            throw new IllegalStateException("message overran the frame by " + (end - limit) + " bytes");
        }
        position = end;
        pendingBodyOffset = -1;
        messageCount++;
        if (pendingBatchHeader)
        {
            pendingBatchHeader = false;
            batchOpen = true;
        }
        return this;
    }

    /** @return messages committed to the current frame. */
    public int messageCount()
    {
        return messageCount;
    }

    /** @return bytes of the current frame so far, prefix included. */
    public int frameLength()
    {
        return position - frameOffset;
    }

    /**
     * Writes the length prefix.
     *
     * @return bytes of the whole frame, prefix included: the length to commit to the claim.
     */
    public int finish()
    {
        if (pendingBodyOffset >= 0)
        {
            throw new IllegalStateException("last message not committed");
        }
        if (0 == messageCount)
        {
            throw new IllegalStateException("a frame holds at least one message");
        }
        final int frameLength = position - frameOffset;
        buffer.putInt(frameOffset + FRAME_LENGTH_OFFSET, frameLength - FRAME_LENGTH_FIELD_LENGTH, ORDER);
        return frameLength;
    }
}
