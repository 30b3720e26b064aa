package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.codec.replication.EntryOp;
import io.hotstandby.codec.replication.FirewallSessionEncoder;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.ENTRY_BLOCK_LENGTH_OFFSET;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.ENTRY_TEMPLATE_ID_OFFSET;

/**
 * Base of the flyweight writers (SPEC B2, B5): positioned by a {@link FlyweightEntrySink} claim on one
 * SBE entry message (4-byte entry header, see {@link io.hotstandby.codec.EntryHeader}; zeroed block;
 * var-data length already set), it writes each field in place at the offsets of the generated
 * encoders. No object is created per entry.
 *
 * <p>Threading: single-threaded, owned by its sink.
 */
public abstract class EntryWriterFlyweight
{
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final EntryType type;
    private final int templateId;
    private final int blockLength;
    private ClaimTarget target;
    MutableDirectBuffer buffer;
    int messageOffset;
    int bodyOffset;
    int length;

    EntryWriterFlyweight(final EntryType type, final int templateId, final int blockLength)
    {
        this.type = type;
        this.templateId = templateId;
        this.blockLength = blockLength;
    }

    final void wrap(final ClaimTarget target, final MutableDirectBuffer buffer, final int offset, final int length)
    {
        this.target = target;
        this.buffer = buffer;
        this.messageOffset = offset;
        this.bodyOffset = offset + ENTRY_HEADER_LENGTH;
        this.length = length;
        buffer.setMemory(offset, length, (byte)0);
        buffer.putShort(offset + ENTRY_BLOCK_LENGTH_OFFSET, (short)blockLength, LE);
        buffer.putShort(offset + ENTRY_TEMPLATE_ID_OFFSET, (short)templateId, LE);
        buffer.putByte(bodyOffset + FirewallSessionEncoder.opEncodingOffset(), (byte)EntryOp.UPSERT.value());
    }

    /** @return the entry type written. */
    public final EntryType type()
    {
        return type;
    }

    /** @return the SBE template id of the message. */
    public final int templateId()
    {
        return templateId;
    }

    /** @return the key written so far (every entry message starts with its key). */
    public final long keyValue()
    {
        return buffer.getLong(bodyOffset, LE);
    }

    /** @return the creation time for the delay-time check (B6), or 0 when the type has none. */
    public long createdAtMsValue()
    {
        return 0;
    }

    /** @return the session flags (HTTP/DNS switches), 0 when the type has none. */
    public int flagsValue()
    {
        return 0;
    }

    /** @return the buffer holding the message. */
    public final MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** @return offset of the entry header. */
    public final int messageOffset()
    {
        return messageOffset;
    }

    /** @return bytes of the message, header included. */
    public final int messageLength()
    {
        return length;
    }

    final io.hotstandby.api.entry.OfferResult doCommit()
    {
        return target.commit(this);
    }

    final void doAbort()
    {
        target.abort(this);
    }

    final void putKey(final long key)
    {
        buffer.putLong(bodyOffset, key, LE);
    }
}
