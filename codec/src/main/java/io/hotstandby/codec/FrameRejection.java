package io.hotstandby.codec;

/**
 * Why {@link FrameReader} refused a frame, or {@link #OK}. {@link #code()} is a stable value for
 * counters and logs; it never depends on declaration order.
 */
public enum FrameRejection
{
    /** The frame is well formed and may be decoded. */
    OK(0),
    /** Fewer bytes are available than the length prefix, or its frame length, needs; on a stream, wait for more. */
    TRUNCATED(1),
    /** The declared frame length exceeds the reader's maximum frame length. */
    TOO_LONG(2),
    /** The declared frame length is negative or too small to hold one message header. */
    BAD_FRAME_LENGTH(3),
    /** The schema id is not the reader's schema. */
    UNKNOWN_SCHEMA(4),
    /** The schema version is more than {@link FrameDescriptor#MAX_VERSION_DISTANCE} away from ours (F4). */
    VERSION_GAP(5),
    /** The template id is not a message of the schema. */
    UNKNOWN_TEMPLATE(6),
    /** The block length is shorter than the message needs at its version, or runs past the frame. */
    BAD_BLOCK_LENGTH(7),
    /** A var data length exceeds its declared maximum, or its header or bytes run past the frame. */
    BAD_VAR_LENGTH(8),
    /** A batch count is outside 1..MAX_ENTRIES_PER_BATCH, does not match the entries present, or an entry stands outside a batch. */
    BAD_COUNT(9),
    /** Bytes left at the end of the frame that cannot hold a message header. */
    TRAILING_BYTES(10),
    /** The offset and length given to the reader do not lie within the buffer (a caller bug, never trusted). */
    OUT_OF_BUFFER(11);

    private final int code;

    FrameRejection(final int code)
    {
        this.code = code;
    }

    /** @return the stable code of this rejection. */
    public int code()
    {
        return code;
    }
}
