package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.CustomEntryReader;
import io.hotstandby.api.entry.EntryType;
import org.agrona.DirectBuffer;

import static io.hotstandby.codec.replication.CustomEntryDecoder.*;

/** Flyweight {@link CustomEntryReader} over a received {@code CustomEntry} message (SPEC B5). */
public final class CustomEntryFlyweightReader extends EntryReaderFlyweight implements CustomEntryReader
{
    /** A reader; position it with {@link #wrap}. */
    public CustomEntryFlyweightReader()
    {
        super(EntryType.CUSTOM);
    }

    @Override
    public long expiresAtMs()
    {
        return buffer.getLong(bodyOffset + expiresAtMsEncodingOffset(), LE);
    }

    @Override
    public int customTypeId()
    {
        return buffer.getInt(bodyOffset + customTypeIdEncodingOffset(), LE);
    }

    @Override
    public int payloadLength()
    {
        return varLength();
    }

    @Override
    public DirectBuffer payloadBuffer()
    {
        return buffer;
    }

    @Override
    public int payloadOffset()
    {
        return bodyOffset + blockLength + 2;
    }
}
