package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.codec.AddressCodec;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Base of the flyweight readers (SPEC B3, B5): positioned on a received entry message's root block by
 * the receiver, decoded in place at the generated decoders' offsets; valid only during
 * {@link io.hotstandby.api.spi.BackupProvider#apply}. Single-threaded (the replication agent).
 */
public abstract class EntryReaderFlyweight implements EntryReader
{
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final EntryType type;
    DirectBuffer buffer;
    int bodyOffset;
    int blockLength;
    private int ownerNodeId;
    private long sequence;

    EntryReaderFlyweight(final EntryType type)
    {
        this.type = type;
    }

    /**
     * @param buffer      holds the message.
     * @param bodyOffset  offset of the root block.
     * @param blockLength acting block length from the message header.
     * @param ownerNodeId owner from the batch header.
     * @param sequence    the entry's sequence.
     * @return this reader.
     */
    public final EntryReaderFlyweight wrap(
        final DirectBuffer buffer, final int bodyOffset, final int blockLength, final int ownerNodeId, final long sequence)
    {
        this.buffer = buffer;
        this.bodyOffset = bodyOffset;
        this.blockLength = blockLength;
        this.ownerNodeId = ownerNodeId;
        this.sequence = sequence;
        return this;
    }

    @Override
    public final EntryType type()
    {
        return type;
    }

    @Override
    public final long key()
    {
        return buffer.getLong(bodyOffset, LE);
    }

    @Override
    public final int ownerNodeId()
    {
        return ownerNodeId;
    }

    @Override
    public final long sequence()
    {
        return sequence;
    }

    final int ipv4(final int fieldOffset)
    {
        return AddressCodec.getIpv4(buffer, bodyOffset + fieldOffset);
    }

    final int ip(final int fieldOffset, final byte[] dst)
    {
        return AddressCodec.getIp(buffer, bodyOffset + fieldOffset, dst);
    }

    final int version(final int fieldOffset)
    {
        return AddressCodec.isIpv4Mapped(buffer, bodyOffset + fieldOffset) ? 4 : 6;
    }

    final void mac(final int fieldOffset, final byte[] dst)
    {
        buffer.getBytes(bodyOffset + fieldOffset, dst, 0, 6);
    }

    final int varLength()
    {
        return buffer.getShort(bodyOffset + blockLength, LE) & 0xFFFF;
    }

    final int varCopy(final byte[] dst)
    {
        final int length = Math.min(varLength(), dst.length);
        buffer.getBytes(bodyOffset + blockLength + 2, dst, 0, length);
        return length;
    }
}
