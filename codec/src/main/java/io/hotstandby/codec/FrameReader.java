package io.hotstandby.codec;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_TEMPLATE_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.MAX_ENTRIES_PER_BATCH;
import static io.hotstandby.codec.FrameDescriptor.MAX_FRAME_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MESSAGE_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MIN_FRAME_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.SCHEMA_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.TEMPLATE_ID_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.VAR_DATA_LENGTH_FIELD_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.VERSION_OFFSET;

/**
 * Checks a received frame of one {@link WireSchema} before any generated decoder reads it (SPEC F3,
 * F4), then walks its messages. The layout is drawn in {@link FrameDescriptor}.
 *
 * <p>A frame is accepted only when: its length is within bounds; every message header is complete;
 * the schema id is the reader's; the version is at most {@link FrameDescriptor#MAX_VERSION_DISTANCE}
 * from ours; the template id is known (inside a batch: an entry template, read from the 4-byte entry
 * header, with the batch's schema id and version); the block length is at least what that template needs at that
 * version and stays within the frame; every var data length stays within the frame and within its
 * declared maximum; and on the data channel every batch holds exactly its count of entries, at most
 * {@link FrameDescriptor#MAX_ENTRIES_PER_BATCH}. Otherwise {@link #rejection()} says why and
 * {@link #errorOffset()} where. Nothing of a refused frame is delivered.
 *
 * <p>The reader never throws for any bytes, never reads outside {@code [offset, offset + length)} and
 * allocates nothing per call. It is a single-threaded flyweight: one instance per channel, owned and
 * called by the agent that polls that channel. The bytes must not change between a validation and the
 * walk over its messages ({@link #forEach}, {@link #nextMessage}); if they do, the walk stops early
 * rather than read past the frame.
 * <pre>{@code
 * private final FrameReader reader = new FrameReader(WireSchema.REPLICATION);
 *
 * public void onFrame(DirectBuffer buffer, int offset, int length)   // transport stripped the prefix
 * {
 *     if (reader.validateBody(buffer, offset, length) != FrameRejection.OK)
 *     {
 *         counters.malformed(reader.rejection(), reader.errorOffset());
 *         link.close(reader.rejection().name());
 *         return;
 *     }
 *     reader.forEach(this);   // or: while (reader.nextMessage()) { ... reader.templateId() ... }
 * }
 * }</pre>
 */
public final class FrameReader
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final WireSchema schema;
    private final int schemaId;
    private final int maxFrameLength;

    private FrameRejection rejection = FrameRejection.OK;
    private int errorOffset = -1;
    private int frameLength;
    private int messageCount;

    private DirectBuffer buffer;
    private int bodyStart;
    private int bodyEnd;

    private int cursorPosition;
    private int cursorMessageOffset = -1;
    private int cursorMessageLength;
    private int cursorTemplateId;
    private int cursorVersion;
    private int cursorBlockLength;
    private int cursorHeaderLength = MESSAGE_HEADER_LENGTH;
    private int cursorBatchRemaining;
    private int cursorBatchVersion;

    /**
     * A reader with the largest frame length, {@link FrameDescriptor#MAX_FRAME_LENGTH}.
     *
     * @param schema the schema this channel carries.
     */
    public FrameReader(final WireSchema schema)
    {
        this(schema, MAX_FRAME_LENGTH);
    }

    /**
     * @param schema         the schema this channel carries.
     * @param maxFrameLength largest frame accepted, prefix included, bytes:
     *                       {@link FrameDescriptor#MIN_FRAME_LENGTH} to {@link FrameDescriptor#MAX_FRAME_LENGTH}.
     * @throws IllegalArgumentException when maxFrameLength is out of range or schema is null.
     */
    public FrameReader(final WireSchema schema, final int maxFrameLength)
    {
        if (null == schema)
        {
            throw new IllegalArgumentException("schema must not be null");
        }
        if (maxFrameLength < MIN_FRAME_LENGTH || maxFrameLength > MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException(
                "maxFrameLength must be in [" + MIN_FRAME_LENGTH + ", " + MAX_FRAME_LENGTH + "]: " + maxFrameLength);
        }
        this.schema = schema;
        this.schemaId = schema.schemaId();
        this.maxFrameLength = maxFrameLength;
    }

    /** @return the schema this reader accepts. */
    public WireSchema schema()
    {
        return schema;
    }

    /** @return largest frame accepted, prefix included, bytes. */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /**
     * Validates the frame that starts, with its length prefix, at {@code offset}. Bytes beyond the frame
     * are not looked at: on a stream, advance by {@link #frameLength()} and validate the next frame.
     * {@link FrameRejection#TRUNCATED} means not all of the frame is available yet.
     *
     * @param buffer holding the bytes.
     * @param offset of the length prefix.
     * @param length bytes available from offset.
     * @return {@link FrameRejection#OK} or why the frame is refused (also in {@link #rejection()}).
     */
    public FrameRejection validateFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        reset();
        if (!withinBuffer(buffer, offset, length))
        {
            return reject(FrameRejection.OUT_OF_BUFFER, offset);
        }
        if (length < FRAME_LENGTH_FIELD_LENGTH)
        {
            return reject(FrameRejection.TRUNCATED, offset + length);
        }

        final int bodyLength = buffer.getInt(offset + FRAME_LENGTH_OFFSET, ORDER);
        if (bodyLength < MESSAGE_HEADER_LENGTH)
        {
            return reject(FrameRejection.BAD_FRAME_LENGTH, offset + FRAME_LENGTH_OFFSET);
        }
        if (bodyLength > maxFrameLength - FRAME_LENGTH_FIELD_LENGTH)
        {
            return reject(FrameRejection.TOO_LONG, offset + FRAME_LENGTH_OFFSET);
        }
        if (bodyLength > length - FRAME_LENGTH_FIELD_LENGTH)
        {
            return reject(FrameRejection.TRUNCATED, offset + length);
        }

        final FrameRejection result = validateMessages(buffer, offset + FRAME_LENGTH_FIELD_LENGTH, bodyLength);
        if (FrameRejection.OK == result)
        {
            frameLength = FRAME_LENGTH_FIELD_LENGTH + bodyLength;
        }
        return result;
    }

    /**
     * Validates a frame body (the messages, without the length prefix), as delivered by a transport
     * that frames messages itself (e.g. {@code FrameLink.poll}).
     *
     * @param buffer holding the bytes.
     * @param offset of the first message header.
     * @param length exactly the body length, bytes.
     * @return {@link FrameRejection#OK} or why the body is refused (also in {@link #rejection()}).
     */
    public FrameRejection validateBody(final DirectBuffer buffer, final int offset, final int length)
    {
        reset();
        if (!withinBuffer(buffer, offset, length))
        {
            return reject(FrameRejection.OUT_OF_BUFFER, offset);
        }
        if (length < MESSAGE_HEADER_LENGTH)
        {
            return reject(FrameRejection.BAD_FRAME_LENGTH, offset);
        }
        if (length > maxFrameLength - FRAME_LENGTH_FIELD_LENGTH)
        {
            return reject(FrameRejection.TOO_LONG, offset);
        }

        final FrameRejection result = validateMessages(buffer, offset, length);
        if (FrameRejection.OK == result)
        {
            frameLength = length;
        }
        return result;
    }

    /**
     * Validates the frame at {@code offset} (with its prefix) and, when it is accepted, delivers its
     * messages to {@code handler}.
     *
     * @param buffer  holding the bytes.
     * @param offset  of the length prefix.
     * @param length  bytes available from offset.
     * @param handler receives every message of an accepted frame.
     * @return {@link FrameRejection#OK} or why the frame is refused.
     */
    public FrameRejection read(
        final DirectBuffer buffer, final int offset, final int length, final FrameMessageHandler handler)
    {
        final FrameRejection result = validateFrame(buffer, offset, length);
        if (FrameRejection.OK == result)
        {
            forEach(handler);
        }
        return result;
    }

    /**
     * Validates a frame body (no length prefix) and, when it is accepted, delivers its messages to
     * {@code handler}.
     *
     * @param buffer  holding the bytes.
     * @param offset  of the first message header.
     * @param length  exactly the body length, bytes.
     * @param handler receives every message of an accepted body.
     * @return {@link FrameRejection#OK} or why the body is refused.
     */
    public FrameRejection readBody(
        final DirectBuffer buffer, final int offset, final int length, final FrameMessageHandler handler)
    {
        final FrameRejection result = validateBody(buffer, offset, length);
        if (FrameRejection.OK == result)
        {
            forEach(handler);
        }
        return result;
    }

    /** @return the outcome of the last validation. */
    public FrameRejection rejection()
    {
        return rejection;
    }

    /** @return absolute buffer offset of the offending field of the last refused frame, or -1 when accepted. */
    public int errorOffset()
    {
        return errorOffset;
    }

    /**
     * @return bytes of the last accepted frame: prefix included after {@link #validateFrame}, the body
     * length after {@link #validateBody}; 0 when refused.
     */
    public int frameLength()
    {
        return frameLength;
    }

    /** @return messages in the last accepted frame, 0 when refused. */
    public int messageCount()
    {
        return messageCount;
    }

    /**
     * Delivers every message of the last accepted frame, in order. Does nothing after a refusal.
     *
     * @param handler receives each message.
     * @return number of messages delivered.
     */
    public int forEach(final FrameMessageHandler handler)
    {
        rewind();
        int count = 0;
        while (nextMessage())
        {
            handler.onMessage(
                schemaId,
                cursorTemplateId,
                cursorBlockLength,
                cursorVersion,
                buffer,
                cursorMessageOffset + cursorHeaderLength,
                cursorMessageLength - cursorHeaderLength);
            count++;
        }
        return count;
    }

    /** Moves the cursor back before the first message of the last accepted frame. */
    public void rewind()
    {
        cursorPosition = bodyStart;
        cursorMessageOffset = -1;
        cursorMessageLength = 0;
        cursorBatchRemaining = 0;
    }

    /**
     * Advances the cursor to the next message of the last accepted frame.
     *
     * @return true when positioned on a message, false at the end or after a refusal.
     */
    public boolean nextMessage()
    {
        if (FrameRejection.OK != rejection || null == buffer || cursorPosition >= bodyEnd)
        {
            cursorMessageOffset = -1;
            return false;
        }

        final int position = cursorPosition;
        final MessageLayout layout;
        if (0 != cursorBatchRemaining)
        {
            cursorBatchRemaining--;
            cursorHeaderLength = ENTRY_HEADER_LENGTH;
            cursorBlockLength = buffer.getShort(position + ENTRY_BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
            cursorTemplateId = buffer.getShort(position + ENTRY_TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
            cursorVersion = cursorBatchVersion;
            layout = schema.layout(cursorTemplateId);
        }
        else
        {
            cursorHeaderLength = MESSAGE_HEADER_LENGTH;
            cursorBlockLength = buffer.getShort(position + BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
            cursorTemplateId = buffer.getShort(position + TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
            cursorVersion = buffer.getShort(position + VERSION_OFFSET, ORDER) & 0xFFFF;
            layout = schema.layout(cursorTemplateId);
            if (null != layout && MessageLayout.KIND_BATCH_HEADER == layout.kind &&
                position + MESSAGE_HEADER_LENGTH + layout.countOffset + 2 <= bodyEnd)
            {
                cursorBatchRemaining =
                    buffer.getShort(position + MESSAGE_HEADER_LENGTH + layout.countOffset, ORDER) & 0xFFFF;
                cursorBatchVersion = cursorVersion;
            }
        }
        final int limit = null == layout ? -1 : varDataLimit(
            buffer, position + cursorHeaderLength + cursorBlockLength, bodyEnd, layout, cursorVersion);
        if (limit < 0)
        {
            // The bytes changed since validation: the caller broke the contract; stop rather than overrun.
            cursorPosition = bodyEnd;
            cursorMessageOffset = -1;
            return false;
        }

        cursorMessageOffset = position;
        cursorMessageLength = limit - position;
        cursorPosition = limit;
        return true;
    }

    /** @return schema id of the message at the cursor. */
    public int schemaId()
    {
        return schemaId;
    }

    /** @return template id of the message at the cursor. */
    public int templateId()
    {
        return cursorTemplateId;
    }

    /**
     * @return schema version of the message at the cursor (for an entry of a batch, the batch header's):
     * pass it to the decoder's wrap.
     */
    public int actingVersion()
    {
        return cursorVersion;
    }

    /** @return block length from the header of the message at the cursor: pass it to the decoder's wrap. */
    public int actingBlockLength()
    {
        return cursorBlockLength;
    }

    /**
     * @return buffer offset of the header at the cursor (message header, or entry header inside a
     * batch), or -1 when not on a message.
     */
    public int messageOffset()
    {
        return cursorMessageOffset;
    }

    /** @return buffer offset of the root block at the cursor (the decoder's wrap offset), or -1. */
    public int bodyOffset()
    {
        return cursorMessageOffset < 0 ? -1 : cursorMessageOffset + cursorHeaderLength;
    }

    /** @return bytes of the message at the cursor, header included. */
    public int messageLength()
    {
        return cursorMessageLength;
    }

    /** @return the buffer of the last accepted frame, or null. */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    private FrameRejection validateMessages(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        int position = offset;
        int batchRemaining = 0;
        int batchVersion = 0;
        int batchEnd = -1;
        int count = 0;

        while (position < end)
        {
            final int layoutVersion;
            final int blockOffset;
            final int blockLength;
            final MessageLayout layout;
            if (0 != batchRemaining)
            {
                // an entry of the batch: entry header only, schema id and version are the batch's
                if (end - position < ENTRY_HEADER_LENGTH)
                {
                    return reject(FrameRejection.TRAILING_BYTES, position);
                }
                blockLength = buffer.getShort(position + ENTRY_BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
                final int templateId = buffer.getShort(position + ENTRY_TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
                layout = schema.layout(templateId);
                if (null == layout)
                {
                    return reject(FrameRejection.UNKNOWN_TEMPLATE, position + ENTRY_TEMPLATE_ID_OFFSET);
                }
                if (MessageLayout.KIND_ENTRY != layout.kind)
                {
                    // another message where the count says an entry stands
                    return reject(FrameRejection.BAD_COUNT, position);
                }
                layoutVersion = batchVersion;
                blockOffset = position + ENTRY_HEADER_LENGTH;
                if (blockLength < layout.minBlockLength(layoutVersion) || blockLength > end - blockOffset)
                {
                    return reject(FrameRejection.BAD_BLOCK_LENGTH, position + ENTRY_BLOCK_LENGTH_OFFSET);
                }
                batchRemaining--;
            }
            else
            {
                if (end - position < MESSAGE_HEADER_LENGTH)
                {
                    return reject(FrameRejection.TRAILING_BYTES, position);
                }

                blockLength = buffer.getShort(position + BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
                final int templateId = buffer.getShort(position + TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
                final int messageSchemaId = buffer.getShort(position + SCHEMA_ID_OFFSET, ORDER) & 0xFFFF;
                layoutVersion = buffer.getShort(position + VERSION_OFFSET, ORDER) & 0xFFFF;

                if (messageSchemaId != schemaId)
                {
                    if (position == batchEnd && schema.isEntryTemplate(
                        buffer.getShort(position + ENTRY_TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF))
                    {
                        // an entry header where the batch had ended: more entries than its count
                        return reject(FrameRejection.BAD_COUNT, position);
                    }
                    return reject(FrameRejection.UNKNOWN_SCHEMA, position + SCHEMA_ID_OFFSET);
                }
                if (!schema.isCompatibleVersion(layoutVersion))
                {
                    return reject(FrameRejection.VERSION_GAP, position + VERSION_OFFSET);
                }
                layout = schema.layout(templateId);
                if (null == layout)
                {
                    return reject(FrameRejection.UNKNOWN_TEMPLATE, position + TEMPLATE_ID_OFFSET);
                }
                if (MessageLayout.KIND_ENTRY == layout.kind)
                {
                    // an entry outside a batch
                    return reject(FrameRejection.BAD_COUNT, position);
                }

                blockOffset = position + MESSAGE_HEADER_LENGTH;
                if (blockLength < layout.minBlockLength(layoutVersion) || blockLength > end - blockOffset)
                {
                    return reject(FrameRejection.BAD_BLOCK_LENGTH, position + BLOCK_LENGTH_OFFSET);
                }
                if (MessageLayout.KIND_BATCH_HEADER == layout.kind)
                {
                    final int countOffset = blockOffset + layout.countOffset;
                    final int batchCount = buffer.getShort(countOffset, ORDER) & 0xFFFF;
                    if (batchCount < 1 || batchCount > MAX_ENTRIES_PER_BATCH)
                    {
                        return reject(FrameRejection.BAD_COUNT, countOffset);
                    }
                    batchRemaining = batchCount;
                    batchVersion = layoutVersion;
                }
            }

            int limit = blockOffset + blockLength;
            for (int i = 0, n = layout.varDataCount(); i < n; i++)
            {
                if (layout.varSinceVersion(i) > layoutVersion)
                {
                    continue;
                }
                if (end - limit < VAR_DATA_LENGTH_FIELD_LENGTH)
                {
                    return reject(FrameRejection.BAD_VAR_LENGTH, limit);
                }
                final int dataLength = buffer.getShort(limit, ORDER) & 0xFFFF;
                if (dataLength > layout.varMaxLength(i) || dataLength > end - limit - VAR_DATA_LENGTH_FIELD_LENGTH)
                {
                    return reject(FrameRejection.BAD_VAR_LENGTH, limit);
                }
                limit += VAR_DATA_LENGTH_FIELD_LENGTH + dataLength;
            }

            count++;
            position = limit;
            if (MessageLayout.KIND_ENTRY == layout.kind && 0 == batchRemaining)
            {
                batchEnd = position;
            }
        }

        if (0 != batchRemaining)
        {
            return reject(FrameRejection.BAD_COUNT, end);
        }

        this.buffer = buffer;
        this.bodyStart = offset;
        this.bodyEnd = end;
        this.messageCount = count;
        this.cursorPosition = offset;
        this.cursorBatchRemaining = 0;
        return FrameRejection.OK;
    }

    private static int varDataLimit(
        final DirectBuffer buffer, final int blockEnd, final int end, final MessageLayout layout, final int version)
    {
        if (blockEnd > end)
        {
            return -1;
        }
        int limit = blockEnd;
        for (int i = 0, n = layout.varDataCount(); i < n; i++)
        {
            if (layout.varSinceVersion(i) <= version)
            {
                if (end - limit < VAR_DATA_LENGTH_FIELD_LENGTH)
                {
                    return -1;
                }
                limit += VAR_DATA_LENGTH_FIELD_LENGTH + (buffer.getShort(limit, ORDER) & 0xFFFF);
                if (limit > end)
                {
                    return -1;
                }
            }
        }
        return limit;
    }

    private static boolean withinBuffer(final DirectBuffer buffer, final int offset, final int length)
    {
        return null != buffer && offset >= 0 && length >= 0 && offset <= buffer.capacity() - length;
    }

    private void reset()
    {
        rejection = FrameRejection.OK;
        errorOffset = -1;
        frameLength = 0;
        messageCount = 0;
        buffer = null;
        bodyStart = 0;
        bodyEnd = 0;
        cursorPosition = 0;
        cursorMessageOffset = -1;
        cursorMessageLength = 0;
        cursorBatchRemaining = 0;
    }

    private FrameRejection reject(final FrameRejection reason, final int offset)
    {
        rejection = reason;
        errorOffset = offset;
        return reason;
    }
}
