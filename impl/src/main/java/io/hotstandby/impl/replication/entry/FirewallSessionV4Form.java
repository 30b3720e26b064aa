package io.hotstandby.impl.replication.entry;

import io.hotstandby.codec.AddressCodec;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.replication.FirewallSessionEncoder;
import io.hotstandby.codec.replication.FirewallSessionV4Encoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;

/**
 * The compact IPv4 form of a firewall session (SPEC B5): producers write {@code FirewallSession}
 * (16-byte addresses, because the address family is known only once the host has set them), and the
 * sender stores and sends {@code FirewallSessionV4} (4-byte addresses, 85 bytes with its entry header
 * instead of 122) whenever that form gives the standby exactly the values the host wrote: ipVersion 4
 * and all three addresses IPv4-mapped. {@link #fits} decides, {@link #compact} transcodes in place
 * from buffer to buffer: no object per entry.
 *
 * <p>The V4 block is the full block without {@code ipVersion} and with 4-byte addresses, field order
 * unchanged, so the transcoding is three block copies and three address copies; the class checks at
 * load that the generated layouts still line up.
 *
 * <p>Stateless; called on the replication agent thread.
 */
public final class FirewallSessionV4Form
{
    /** Bytes of a {@code FirewallSessionV4} entry message, entry header included. */
    public static final int LENGTH = ENTRY_HEADER_LENGTH + FirewallSessionV4Encoder.BLOCK_LENGTH;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int FULL_LENGTH = FirewallSessionFlyweightWriter.LENGTH;
    /** key and op. */
    private static final int HEAD_LENGTH = FirewallSessionEncoder.ipVersionEncodingOffset();
    /** protocol .. flags. */
    private static final int MIDDLE_FROM = FirewallSessionEncoder.protocolEncodingOffset();
    private static final int MIDDLE_LENGTH = FirewallSessionEncoder.srcIpEncodingOffset() - MIDDLE_FROM;
    /** createdAtMs .. packets. */
    private static final int TAIL_FROM = FirewallSessionEncoder.createdAtMsEncodingOffset();
    private static final int TAIL_LENGTH = FirewallSessionEncoder.BLOCK_LENGTH - TAIL_FROM;
    private static final int IPV4 = AddressCodec.IPV4_MAPPED_OFFSET;

    static
    {
        if (FirewallSessionV4Encoder.protocolEncodingOffset() != HEAD_LENGTH ||
            FirewallSessionV4Encoder.srcIpEncodingOffset() != HEAD_LENGTH + MIDDLE_LENGTH ||
            FirewallSessionV4Encoder.createdAtMsEncodingOffset() != FirewallSessionV4Encoder.natIpEncodingOffset() + 4 ||
            FirewallSessionV4Encoder.BLOCK_LENGTH != FirewallSessionV4Encoder.createdAtMsEncodingOffset() + TAIL_LENGTH ||
            FirewallSessionV4Encoder.dstIpEncodingOffset() != FirewallSessionV4Encoder.srcIpEncodingOffset() + 4 ||
            FirewallSessionV4Encoder.natIpEncodingOffset() != FirewallSessionV4Encoder.dstIpEncodingOffset() + 4)
        {
            throw new IllegalStateException("FirewallSessionV4 no longer mirrors FirewallSession: fix the schema");
        }
    }

    private FirewallSessionV4Form()
    {
    }

    /**
     * @param src    holds an entry message, entry header included.
     * @param offset of its entry header.
     * @param length of the whole message.
     * @return true when it is a {@code FirewallSession} of this version whose IPv4 form reads back identically.
     */
    public static boolean fits(final DirectBuffer src, final int offset, final int length)
    {
        if (length != FULL_LENGTH ||
            EntryHeader.templateId(src, offset) != FirewallSessionEncoder.TEMPLATE_ID ||
            EntryHeader.blockLength(src, offset) != FirewallSessionEncoder.BLOCK_LENGTH)
        {
            return false;
        }
        final int body = offset + ENTRY_HEADER_LENGTH;
        return 4 == src.getByte(body + FirewallSessionEncoder.ipVersionEncodingOffset()) &&
            AddressCodec.isIpv4Mapped(src, body + FirewallSessionEncoder.srcIpEncodingOffset()) &&
            AddressCodec.isIpv4Mapped(src, body + FirewallSessionEncoder.dstIpEncodingOffset()) &&
            AddressCodec.isIpv4Mapped(src, body + FirewallSessionEncoder.natIpEncodingOffset());
    }

    /**
     * Writes the {@code FirewallSessionV4} form of a message that {@link #fits}.
     *
     * @param src       holds the {@code FirewallSession} message.
     * @param offset    of its entry header.
     * @param dst       to write into, {@link #LENGTH} bytes.
     * @param dstOffset where the entry header goes.
     */
    public static void compact(final DirectBuffer src, final int offset, final MutableDirectBuffer dst, final int dstOffset)
    {
        final int from = offset + ENTRY_HEADER_LENGTH;
        final int to = dstOffset + ENTRY_HEADER_LENGTH;
        EntryHeader.put(dst, dstOffset, FirewallSessionV4Encoder.BLOCK_LENGTH, FirewallSessionV4Encoder.TEMPLATE_ID);
        dst.putBytes(to, src, from, HEAD_LENGTH);
        dst.putBytes(to + HEAD_LENGTH, src, from + MIDDLE_FROM, MIDDLE_LENGTH);
        dst.putInt(to + FirewallSessionV4Encoder.srcIpEncodingOffset(),
            src.getInt(from + FirewallSessionEncoder.srcIpEncodingOffset() + IPV4, LE), LE);
        dst.putInt(to + FirewallSessionV4Encoder.dstIpEncodingOffset(),
            src.getInt(from + FirewallSessionEncoder.dstIpEncodingOffset() + IPV4, LE), LE);
        dst.putInt(to + FirewallSessionV4Encoder.natIpEncodingOffset(),
            src.getInt(from + FirewallSessionEncoder.natIpEncodingOffset() + IPV4, LE), LE);
        dst.putBytes(to + FirewallSessionV4Encoder.createdAtMsEncodingOffset(), src, from + TAIL_FROM, TAIL_LENGTH);
    }
}
