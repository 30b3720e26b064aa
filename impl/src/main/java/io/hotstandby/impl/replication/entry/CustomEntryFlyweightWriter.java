package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import org.agrona.MutableDirectBuffer;

import static io.hotstandby.codec.replication.CustomEntryEncoder.*;

/** Flyweight {@link CustomEntryWriter} over a claimed {@code CustomEntry} message (SPEC B5). Single-threaded. */
public final class CustomEntryFlyweightWriter extends EntryWriterFlyweight implements CustomEntryWriter
{
    /** Bytes of the message without the payload, header and var-data length included. */
    public static final int FIXED_LENGTH = io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH + BLOCK_LENGTH + 2;

    private int payloadLength;

    CustomEntryFlyweightWriter()
    {
        super(EntryType.CUSTOM, TEMPLATE_ID, BLOCK_LENGTH);
    }

    void onWrap(final int payloadLength)
    {
        this.payloadLength = payloadLength;
        buffer.putShort(bodyOffset + BLOCK_LENGTH, (short)payloadLength, LE);
    }

    @Override
    public CustomEntryWriter key(final long key)
    {
        putKey(key);
        return this;
    }

    @Override
    public CustomEntryWriter expiresAtMs(final long expiresAtMs)
    {
        buffer.putLong(bodyOffset + expiresAtMsEncodingOffset(), expiresAtMs, LE);
        return this;
    }

    @Override
    public CustomEntryWriter customTypeId(final int customTypeId)
    {
        buffer.putInt(bodyOffset + customTypeIdEncodingOffset(), customTypeId, LE);
        return this;
    }

    @Override
    public CustomEntryWriter payload(final byte[] src, final int offset)
    {
        buffer.putBytes(bodyOffset + BLOCK_LENGTH + 2, src, offset, payloadLength);
        return this;
    }

    @Override
    public MutableDirectBuffer payloadBuffer()
    {
        return buffer;
    }

    @Override
    public int payloadOffset()
    {
        return bodyOffset + BLOCK_LENGTH + 2;
    }

    @Override
    public OfferResult commit()
    {
        return doCommit();
    }

    @Override
    public void abort()
    {
        doAbort();
    }
}
