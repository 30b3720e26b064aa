package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.WireSchema;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.BulkBeginEncoder;
import io.hotstandby.codec.replication.BulkEndEncoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.codec.replication.RangeAction;
import io.hotstandby.codec.replication.RangeDigestRequestEncoder;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input on the data channel (SPEC B3, F3, G3): a raw link plays the active, gives the standby a
 * valid bulk backup of firewall sessions, then sends one malformed, hostile or stale frame. The
 * standby must refuse it with a logged reason and a FRAMES_REJECTED count, drop the link, and keep
 * its table exactly as it was (nothing of the refused frame applied, even the valid part before the
 * offending message).
 */
final class HostileFrameTest
{
    private static final int ENTRY_HEADER = FrameDescriptor.ENTRY_HEADER_LENGTH;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int SESSIONS = 20;

    /** What the attacker sends after the valid bulk. */
    enum Hostile
    {
        GARBAGE,
        BLOCK_LENGTH_TOO_SHORT,
        BATCH_COUNT_ABOVE_ENTRIES,
        BATCH_COUNT_ZERO,
        UNKNOWN_TEMPLATE,
        FOREIGN_SCHEMA,
        VERSION_TOO_NEW,
        STALE_EPOCH,
        BAD_ENTRY_OPERATION,
        UNKNOWN_ENTRY_TYPE,
        VAR_DATA_PAST_FRAME,
        ENTRY_OUTSIDE_BATCH,
        BAD_RANGE_ACTION,
        EMPTY_KEY_RANGE
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void hostileFrameIsRefusedTheLinkDroppedAndTheTableKept(final Hostile hostile)
    {
        final List<String> protocolErrors = new ArrayList<>();
        final HotStandbyListener listener = new HotStandbyListener()
        {
            @Override
            public void onProtocolError(final ChannelKind channel, final String reason)
            {
                protocolErrors.add(channel + ": " + reason);
            }
        };
        try (EnginePair pair = new EnginePair(11, b -> b, listener, null))
        {
            pair.role(1, Role.STANDBY, 1);
            pair.peerUp(1, 1);
            final LinkSpec spec = new LinkSpec(ChannelKind.DATA,
                new InetSocketAddress(EnginePair.address(0), pair.configs[0].dataPort()),
                new InetSocketAddress(EnginePair.address(1), pair.configs[1].dataPort()), false, FrameDescriptor.MAX_FRAME_LENGTH);
            final FrameLink attacker = pair.network.transport().open(spec);
            assertTrue(runStandbyUntil(pair, () -> attacker.state() == FrameLink.State.CONNECTED), "attacker connected");

            final UnsafeBuffer frame = new UnsafeBuffer(new byte[64 * 1024]);
            int length = bulkBegin(frame, 0);
            send(attacker, frame, length);
            length = batch(frame, 1, 1, SESSIONS, false);
            send(attacker, frame, length);
            length = bulkEnd(frame, 0);
            send(attacker, frame, length);
            assertTrue(runStandbyUntil(pair, () -> pair.engines[1].isReady()), "standby took the valid bulk");
            final var table = pair.table(1, EntryType.FIREWALL_SESSION);
            assertEquals(SESSIONS, table.size());
            final Map<Long, byte[]> before = table.contents();

            length = hostile(hostile, frame);
            send(attacker, frame, length);
            assertTrue(runStandbyUntil(pair, () -> attacker.state() == FrameLink.State.CLOSED), "standby dropped the link");

            assertEquals(1, pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
            assertEquals(1, protocolErrors.size(), protocolErrors.toString());
            final Map<Long, byte[]> after = table.contents();
            assertEquals(before.keySet(), after.keySet());
            for (final Map.Entry<Long, byte[]> e : before.entrySet())
            {
                assertArrayEquals(e.getValue(), after.get(e.getKey()));
            }
        }
    }

    private static boolean runStandbyUntil(final EnginePair pair, final java.util.function.BooleanSupplier condition)
    {
        for (int i = 0; i < 2_000 && !condition.getAsBoolean(); i++)
        {
            pair.engines[1].doWork(pair.clock.advance(EnginePair.STEP_NS));
        }
        return condition.getAsBoolean();
    }

    private static int hostile(final Hostile hostile, final UnsafeBuffer frame)
    {
        final int header = MessageHeaderEncoder.ENCODED_LENGTH;
        switch (hostile)
        {
            case GARBAGE:
            {
                final SplittableRandom random = new SplittableRandom(99);
                for (int i = 0; i < 96; i++)
                {
                    frame.putByte(i, (byte)random.nextInt(256));
                }
                return 96;
            }
            case BLOCK_LENGTH_TOO_SHORT:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                frame.putShort(header + BatchHeaderEncoder.BLOCK_LENGTH, (short)4, LE);
                return length;
            }
            case BATCH_COUNT_ABOVE_ENTRIES:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                frame.putShort(header + BatchHeaderEncoder.countEncodingOffset(), (short)4, LE);
                return length;
            }
            case BATCH_COUNT_ZERO:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                frame.putShort(header + BatchHeaderEncoder.countEncodingOffset(), (short)0, LE);
                return length;
            }
            case UNKNOWN_TEMPLATE:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                frame.putShort(header + BatchHeaderEncoder.BLOCK_LENGTH + 2, (short)99, LE);
                return length;
            }
            case FOREIGN_SCHEMA:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                frame.putShort(4, (short)(WireSchema.REPLICATION.schemaId() + 1), LE);
                return length;
            }
            case VERSION_TOO_NEW:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                frame.putShort(6, (short)(WireSchema.REPLICATION.schemaVersion() + 5), LE);
                return length;
            }
            case STALE_EPOCH:
                return batch(frame, 0, SESSIONS + 1, 3, true);
            case BAD_ENTRY_OPERATION:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, false);
                // the last session of the batch: a valid upsert before it must not be applied either
                final int lastEntry = length - (ENTRY_HEADER + io.hotstandby.codec.replication.FirewallSessionEncoder.BLOCK_LENGTH);
                frame.putByte(lastEntry + ENTRY_HEADER + 8, (byte)7);
                return length;
            }
            case UNKNOWN_ENTRY_TYPE:
            {
                final int length = batch(frame, 1, SESSIONS + 1, 3, true);
                final int lastEntry = length - (ENTRY_HEADER + EntryDeleteEncoder.BLOCK_LENGTH);
                frame.putByte(lastEntry + ENTRY_HEADER + EntryDeleteEncoder.entryTypeEncodingOffset(), (byte)42);
                return length;
            }
            case VAR_DATA_PAST_FRAME:
            {
                int offset = batchHeader(frame, 1, SESSIONS + 1, 1);
                final Staging staging = new Staging(frame, offset);
                EnginePair.write(new FlyweightEntrySink(staging), EntryType.DHCP_LEASE, 5, new SplittableRandom(5));
                offset = staging.position;
                // the host name claims 200 bytes, but the frame ends 10 bytes after its length field
                frame.putShort(offset - 2 - hostnameLength(frame, offset), (short)200, LE);
                return offset;
            }
            case ENTRY_OUTSIDE_BATCH:
            {
                final Staging staging = new Staging(frame, 0);
                EnginePair.write(new FlyweightEntrySink(staging), EntryType.FIREWALL_SESSION, 3, new SplittableRandom(3));
                return staging.position;
            }
            case BAD_RANGE_ACTION:
                return rangeRequestBatch(frame, (byte)9, Long.MIN_VALUE, Long.MAX_VALUE);
            case EMPTY_KEY_RANGE:
                return rangeRequestBatch(frame, (byte)RangeAction.REPAIR_END.value(), 10, -10);
            default:
                throw new IllegalArgumentException(hostile.name());
        }
    }

    /** Two new sessions, then an anti-entropy request (G4) with the given raw action and range. */
    private static int rangeRequestBatch(final UnsafeBuffer frame, final byte action, final long from, final long to)
    {
        int offset = batchHeader(frame, 1, SESSIONS + 1, 3);
        final SplittableRandom random = new SplittableRandom(7);
        for (int key = SESSIONS + 1; key <= SESSIONS + 2; key++)
        {
            final Staging staging = new Staging(frame, offset);
            EnginePair.write(new FlyweightEntrySink(staging), EntryType.FIREWALL_SESSION, key, random);
            offset = staging.position;
        }
        EntryHeader.wrap(new RangeDigestRequestEncoder(), frame, offset)
            .requestId(1).fromKey(from).toKey(to)
            .entryType(io.hotstandby.codec.replication.EntryType.FIREWALL_SESSION).action(RangeAction.DIGEST);
        frame.putByte(offset + ENTRY_HEADER + RangeDigestRequestEncoder.actionEncodingOffset(), action);
        return offset + ENTRY_HEADER + RangeDigestRequestEncoder.BLOCK_LENGTH;
    }

    private static int hostnameLength(final UnsafeBuffer frame, final int end)
    {
        // the DHCP message is the last one: header, block, uint16 length, name bytes
        for (int n = 0; n <= 255; n++)
        {
            if ((frame.getShort(end - 2 - n, LE) & 0xFFFF) == n)
            {
                return n;
            }
        }
        throw new IllegalStateException("no host name length found");
    }

    private static int bulkBegin(final MutableDirectBuffer frame, final int offset)
    {
        new BulkBeginEncoder().wrapAndApplyHeader(frame, offset, new MessageHeaderEncoder()).epoch(1).bulkId(1).startSequence(1);
        return offset + MessageHeaderEncoder.ENCODED_LENGTH + BulkBeginEncoder.BLOCK_LENGTH;
    }

    private static int bulkEnd(final MutableDirectBuffer frame, final int offset)
    {
        new BulkEndEncoder().wrapAndApplyHeader(frame, offset, new MessageHeaderEncoder())
            .epoch(1).bulkId(1).endSequence(SESSIONS).entryCount(SESSIONS);
        return offset + MessageHeaderEncoder.ENCODED_LENGTH + BulkEndEncoder.BLOCK_LENGTH;
    }

    private static int batchHeader(final MutableDirectBuffer frame, final long epoch, final long first, final int count)
    {
        new BatchHeaderEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .epoch(epoch).firstSequence(first).ownerNodeId(1).count(count);
        return MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH;
    }

    /** A batch of {@code count} sessions (keys 1..count) or of deletes of keys 1..count. */
    private static int batch(final UnsafeBuffer frame, final long epoch, final long first, final int count, final boolean deletes)
    {
        int offset = batchHeader(frame, epoch, first, count);
        final SplittableRandom random = new SplittableRandom(first);
        for (int key = 1; key <= count; key++)
        {
            if (deletes)
            {
                EntryHeader.wrap(new EntryDeleteEncoder(), frame, offset)
                    .key(key).entryType(io.hotstandby.codec.replication.EntryType.FIREWALL_SESSION);
                offset += ENTRY_HEADER + EntryDeleteEncoder.BLOCK_LENGTH;
            }
            else
            {
                final Staging staging = new Staging(frame, offset);
                EnginePair.write(new FlyweightEntrySink(staging), EntryType.FIREWALL_SESSION, key, random);
                offset = staging.position;
            }
        }
        return offset;
    }

    static void send(final FrameLink link, final UnsafeBuffer frame, final int length)
    {
        final int offset = link.tryClaim(length + FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH);
        assertTrue(offset >= 0, "claim " + offset);
        link.buffer().putBytes(offset + FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH, frame, 0, length);
        link.commit(length + FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH);
        link.flush();
    }

    /** Writes entry messages one after another into a frame. */
    static final class Staging implements ClaimTarget
    {
        private final UnsafeBuffer frame;
        int position;

        Staging(final UnsafeBuffer frame, final int position)
        {
            this.frame = frame;
            this.position = position;
        }

        @Override
        public int claim(final EntryType type, final int length)
        {
            return position;
        }

        @Override
        public MutableDirectBuffer buffer()
        {
            return frame;
        }

        @Override
        public OfferResult commit(final EntryWriterFlyweight writer)
        {
            position += writer.messageLength();
            return OfferResult.ACCEPTED;
        }

        @Override
        public void abort(final EntryWriterFlyweight writer)
        {
        }

        @Override
        public OfferResult claimRejection()
        {
            return OfferResult.ACCEPTED;
        }
    }
}
