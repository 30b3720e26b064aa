package io.hotstandby.codec;

import java.util.Arrays;

/**
 * What {@link FrameReader} must know of one message template to bound it without a decoder: the
 * block length each version needs, and the var data fields that follow the block. Immutable after
 * construction; built once per schema in {@link WireSchema}.
 */
final class MessageLayout
{
    /** Plain message: may stand anywhere in a frame, but not inside a batch. */
    static final int KIND_PLAIN = 0;
    /** {@code BatchHeader}: opens a batch of {@code count} entries. */
    static final int KIND_BATCH_HEADER = 1;
    /** Entry message: only inside a batch. */
    static final int KIND_ENTRY = 2;

    final int templateId;
    final String name;
    final int kind;
    final int blockLength;
    final int schemaVersion;
    final int countOffset;
    private final int[] blockLengthSinceVersion;
    private int[] varMaxLength = new int[0];
    private int[] varSinceVersion = new int[0];

    MessageLayout(
        final String name,
        final int templateId,
        final int blockLength,
        final int schemaVersion,
        final int kind,
        final int countOffset)
    {
        this.name = name;
        this.templateId = templateId;
        this.blockLength = blockLength;
        this.schemaVersion = schemaVersion;
        this.kind = kind;
        this.countOffset = countOffset;
        this.blockLengthSinceVersion = new int[schemaVersion + 1];
        Arrays.fill(blockLengthSinceVersion, blockLength);
    }

    /**
     * Declares the block length of older versions, for fields added later with {@code sinceVersion}.
     *
     * @param version     the older version.
     * @param blockLength the block length of that version.
     * @return this layout.
     */
    MessageLayout blockLengthAtVersion(final int version, final int blockLength)
    {
        for (int v = 0; v <= version; v++)
        {
            blockLengthSinceVersion[v] = Math.min(blockLengthSinceVersion[v], blockLength);
        }
        return this;
    }

    /**
     * Appends a var data field, in schema order.
     *
     * @param headerLength the length of its length field; must be {@link FrameDescriptor#VAR_DATA_LENGTH_FIELD_LENGTH}.
     * @param maxLength    the largest length the reader accepts.
     * @param sinceVersion the version that added it.
     * @return this layout.
     */
    MessageLayout varData(final int headerLength, final int maxLength, final int sinceVersion)
    {
        if (headerLength != FrameDescriptor.VAR_DATA_LENGTH_FIELD_LENGTH)
        {
            throw new IllegalArgumentException(name + ": var data length field must be uint16");
        }
        varMaxLength = Arrays.copyOf(varMaxLength, varMaxLength.length + 1);
        varSinceVersion = Arrays.copyOf(varSinceVersion, varSinceVersion.length + 1);
        varMaxLength[varMaxLength.length - 1] = maxLength;
        varSinceVersion[varSinceVersion.length - 1] = sinceVersion;
        return this;
    }

    /**
     * @param actingVersion version from the message header, within the accepted window.
     * @return the smallest block length a message of that version may declare.
     */
    int minBlockLength(final int actingVersion)
    {
        return actingVersion >= schemaVersion ? blockLength : blockLengthSinceVersion[Math.max(actingVersion, 0)];
    }

    int varDataCount()
    {
        return varMaxLength.length;
    }

    int varMaxLength(final int index)
    {
        return varMaxLength[index];
    }

    int varSinceVersion(final int index)
    {
        return varSinceVersion[index];
    }
}
