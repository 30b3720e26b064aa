package io.hotstandby.codec;

/**
 * Layout of a frame on the control and data channels, and the bounds every reader enforces
 * (SPEC B2, F3). Constants only; nothing here allocates or keeps state.
 *
 * <p>A frame is a little-endian length prefix followed by one or more SBE messages of one schema
 * ({@link WireSchema}), each with the standard 8-byte SBE message header:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  frameLength (int32 LE, bytes after it)       |
 *  +---------------------------------------------------------------+  &lt;- frame body
 *  |        blockLength (uint16)   |        templateId (uint16)    |  \
 *  +-------------------------------+-------------------------------+   | SBE message header
 *  |         schemaId (uint16)     |         version (uint16)      |  /
 *  +-------------------------------+-------------------------------+
 *  |              root block: blockLength bytes of fixed fields   ...
 *  +---------------------------------------------------------------+
 *  |  var data length (uint16)     |  var data bytes             ...   zero or more, in schema order
 *  +---------------------------------------------------------------+
 *  |              next message header, block, var data            ...   until frameLength is used up
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>On the data channel a {@code BatchHeader} message is followed by exactly {@code count} entry
 * messages (1 to {@link #MAX_ENTRIES_PER_BATCH}); entry {@code i} has sequence
 * {@code firstSequence + i}. Inside a batch each entry carries the 4-byte entry header instead of the
 * message header; its schema id and version are the batch header's:
 * <pre>
 *  +-------------------------------+-------------------------------+
 *  |        blockLength (uint16)   |        templateId (uint16)    |  entry header
 *  +-------------------------------+-------------------------------+
 *  |              root block: blockLength bytes, then var data    ...
 *  +---------------------------------------------------------------+
 * </pre>
 * Every entry message starts with {@code key} (int64) at block offset 0 and {@code op} at block
 * offset 8.
 *
 * <p>The length prefix is part of the frame when a stream (TCP) carries it; a message-oriented
 * transport that delivers whole frames may strip it and hand over the body only, see
 * {@link FrameReader#validateBody}.
 */
public final class FrameDescriptor
{
    /** Length of the frame length prefix, bytes. */
    public static final int FRAME_LENGTH_FIELD_LENGTH = 4;

    /** Offset of the length prefix within a frame. */
    public static final int FRAME_LENGTH_OFFSET = 0;

    /** Offset of the first message header within a frame (after the prefix). */
    public static final int FRAME_BODY_OFFSET = FRAME_LENGTH_FIELD_LENGTH;

    /** Length of the standard SBE message header, bytes. */
    public static final int MESSAGE_HEADER_LENGTH = 8;

    /** Offset of {@code blockLength} (uint16) within a message header. */
    public static final int BLOCK_LENGTH_OFFSET = 0;

    /** Offset of {@code templateId} (uint16) within a message header. */
    public static final int TEMPLATE_ID_OFFSET = 2;

    /** Offset of {@code schemaId} (uint16) within a message header. */
    public static final int SCHEMA_ID_OFFSET = 4;

    /** Offset of {@code version} (uint16) within a message header. */
    public static final int VERSION_OFFSET = 6;

    /**
     * Length of the header of an entry message inside a batch on the data channel, bytes: blockLength
     * (uint16) then templateId (uint16); schema id and version are those of the batch's header.
     */
    public static final int ENTRY_HEADER_LENGTH = 4;

    /** Offset of {@code blockLength} (uint16) within an entry header. */
    public static final int ENTRY_BLOCK_LENGTH_OFFSET = 0;

    /** Offset of {@code templateId} (uint16) within an entry header. */
    public static final int ENTRY_TEMPLATE_ID_OFFSET = 2;

    /** Length of every var data length field in both schemas (uint16), bytes. */
    public static final int VAR_DATA_LENGTH_FIELD_LENGTH = 2;

    /** Largest frame, prefix included, bytes (1 MiB); a reader may be configured lower, never higher. */
    public static final int MAX_FRAME_LENGTH = 1024 * 1024;

    /** Smallest frame, prefix included: the prefix and one message header. */
    public static final int MIN_FRAME_LENGTH = FRAME_LENGTH_FIELD_LENGTH + MESSAGE_HEADER_LENGTH;

    /** Peers whose schema versions differ by more than this are refused (SPEC F4). */
    public static final int MAX_VERSION_DISTANCE = 1;

    /** Most entry messages after one {@code BatchHeader}. */
    public static final int MAX_ENTRIES_PER_BATCH = 4096;

    /** Longest name or text (host name, user name, module name, software version, reason), bytes. */
    public static final int MAX_TEXT_LENGTH = 255;

    /** Longest hardware/software fingerprint, bytes. */
    public static final int MAX_FINGERPRINT_LENGTH = 255;

    /** Longest authentication challenge or HMAC, bytes. */
    public static final int MAX_AUTH_LENGTH = 64;

    /** Longest custom entry payload, bytes. */
    public static final int MAX_CUSTOM_PAYLOAD_LENGTH = 4096;

    /** Longest configuration chunk, bytes. */
    public static final int MAX_CONFIG_CHUNK_LENGTH = 16 * 1024;

    /** Length of an address field: IPv6, or IPv4-mapped IPv6 for IPv4, bytes. */
    public static final int IP_ADDRESS_LENGTH = 16;

    /** Length of a MAC address field, bytes. */
    public static final int MAC_ADDRESS_LENGTH = 6;

    private FrameDescriptor()
    {
    }
}
