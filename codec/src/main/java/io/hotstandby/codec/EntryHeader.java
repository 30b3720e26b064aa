package io.hotstandby.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.ENTRY_BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_TEMPLATE_ID_OFFSET;

/**
 * The 4-byte header of an entry message inside a batch of the data channel (layout in
 * {@link FrameDescriptor}): block length and template id; the batch header gives schema id and
 * version. Entry messages keep this header wherever they are stored before the wire (producer rings,
 * retransmit log), so the sender copies them to a frame as they are. Stateless; safe from any thread.
 */
public final class EntryHeader
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private EntryHeader()
    {
    }

    /**
     * @param buffer      to write into.
     * @param offset      of the entry header.
     * @param blockLength root block length of the entry message, bytes.
     * @param templateId  template id of the entry message.
     */
    public static void put(final MutableDirectBuffer buffer, final int offset, final int blockLength, final int templateId)
    {
        buffer.putShort(offset + ENTRY_BLOCK_LENGTH_OFFSET, (short)blockLength, LE);
        buffer.putShort(offset + ENTRY_TEMPLATE_ID_OFFSET, (short)templateId, LE);
    }

    /**
     * Writes the entry header for {@code encoder} at {@code offset} and wraps the encoder just after it.
     *
     * @param encoder a generated entry encoder.
     * @param buffer  to write into.
     * @param offset  of the entry header.
     * @param <E>     the encoder type.
     * @return the encoder, wrapped on the root block.
     */
    public static <E extends MessageEncoderFlyweight> E wrap(
        final E encoder, final MutableDirectBuffer buffer, final int offset)
    {
        put(buffer, offset, encoder.sbeBlockLength(), encoder.sbeTemplateId());
        encoder.wrap(buffer, offset + ENTRY_HEADER_LENGTH);
        return encoder;
    }

    /** @param buffer holding the header. @param offset of the header. @return its block length. */
    public static int blockLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ENTRY_BLOCK_LENGTH_OFFSET, LE) & 0xFFFF;
    }

    /** @param buffer holding the header. @param offset of the header. @return its template id. */
    public static int templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ENTRY_TEMPLATE_ID_OFFSET, LE) & 0xFFFF;
    }
}
