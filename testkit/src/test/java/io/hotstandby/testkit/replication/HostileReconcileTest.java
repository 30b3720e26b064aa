package io.hotstandby.testkit.replication;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.FrameReader;
import io.hotstandby.codec.FrameRejection;
import io.hotstandby.codec.WireSchema;
import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.codec.replication.MessageHeaderEncoder;
import io.hotstandby.codec.replication.ReconcileAckDecoder;
import io.hotstandby.codec.replication.ReconcileBeginEncoder;
import io.hotstandby.codec.replication.ReconcileEndEncoder;
import io.hotstandby.codec.replication.ResyncReason;
import io.hotstandby.codec.replication.ResyncRequestEncoder;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import io.hotstandby.testkit.provider.SimpleBackupProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import static io.hotstandby.testkit.replication.HostileFrameTest.send;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile split-brain reconciliations (SPEC A11, G3): a raw link plays a deposed peer against member 1.
 * A valid reconciliation merges only the keys member 1 does not hold and is acknowledged; one from a
 * stale epoch, one offered to a member that is not active, one from a peer that already follows
 * member 1's stream (so was not deposed), one carrying deletes and an end without a begin are each
 * refused with a logged reason and FRAMES_REJECTED, the link dropped, and member 1's table unchanged.
 * A reconciliation that begins and never ends holds the peer's bulk backup only until it goes quiet
 * for the bounded idle timeout (simulated time).
 */
final class HostileReconcileTest
{
    private static final EntryType SESSION = EntryType.FIREWALL_SESSION;
    private static final long EPOCH = 5;
    private static final int OWN = 10;

    /** What the attacker sends. */
    enum Hostile
    {
        STALE_EPOCH("stale epoch"),
        TO_A_STANDBY("not the active one"),
        FROM_A_FOLLOWING_PEER("follows this member's stream"),
        DELETE_INSIDE("delete inside a reconciliation"),
        END_WITHOUT_BEGIN("reconciliation end without its begin");

        final String reason;

        Hostile(final String reason)
        {
            this.reason = reason;
        }
    }

    @Test
    void aValidReconciliationMergesOnlyAbsentKeysAndIsAcknowledged()
    {
        try (Harness h = new Harness(Role.ACTIVE))
        {
            final Map<Long, byte[]> before = h.table.contents();
            // keys 8..13: 8, 9 and 10 are member 1's own, 11, 12 and 13 are new
            int length = begin(h.frame, 0, EPOCH, 1);
            send(h.attacker, h.frame, length);
            length = sessions(h.frame, EPOCH, 8, 6);
            send(h.attacker, h.frame, length);
            length = end(h.frame, 0, EPOCH, 1, 6);
            send(h.attacker, h.frame, length);
            final long[] ack = new long[4];
            final FrameReader reader = new FrameReader(WireSchema.REPLICATION);
            final ReconcileAckDecoder decoder = new ReconcileAckDecoder();
            assertTrue(h.runUntil(() ->
            {
                h.attacker.poll((buffer, offset, frameLength) ->
                {
                    if (reader.validateBody(buffer, offset, frameLength) != FrameRejection.OK)
                    {
                        throw new AssertionError("member 1 sent a malformed frame");
                    }
                    while (reader.nextMessage())
                    {
                        if (reader.templateId() == ReconcileAckDecoder.TEMPLATE_ID)
                        {
                            decoder.wrap(buffer, reader.bodyOffset(), reader.actingBlockLength(), reader.actingVersion());
                            ack[0] = decoder.epoch();
                            ack[1] = decoder.reconcileId();
                            ack[2] = decoder.received();
                            ack[3] = decoder.merged();
                        }
                    }
                }, 16);
                return ack[1] != 0;
            }), "acknowledged");
            assertArrayEquals(new long[]{EPOCH, 1, 6, 3}, ack);
            assertEquals(OWN + 3, h.table.size());
            for (long key = 8; key <= 10; key++)
            {
                assertArrayEquals(before.get(key), h.table.encoded(key), "member 1 keeps its own version of " + key);
            }
            assertEquals(3, h.pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
            assertEquals(0, h.pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
        }
    }

    @Test
    void theBulkBackupWaitsForAnOpenReconciliationAndStartsWhenItGoesQuiet()
    {
        try (Harness h = new Harness(Role.ACTIVE))
        {
            send(h.attacker, h.frame, begin(h.frame, 0, EPOCH, 1));
            h.runUntil(() -> false, 5);
            new ResyncRequestEncoder().wrapAndApplyHeader(h.frame, 0, new MessageHeaderEncoder())
                .epoch(EPOCH).fromSequence(0).reason(ResyncReason.RECONNECT);
            send(h.attacker, h.frame, MessageHeaderEncoder.ENCODED_LENGTH + ResyncRequestEncoder.BLOCK_LENGTH);
            final FrameReader reader = new FrameReader(WireSchema.REPLICATION);
            final long[] bulkBeginAtMs = {-1};
            final long startNs = h.pair.clock.nanoTime();
            final BooleanSupplier bulkBegun = () ->
            {
                h.attacker.poll((buffer, offset, frameLength) ->
                {
                    if (reader.validateBody(buffer, offset, frameLength) == FrameRejection.OK)
                    {
                        while (reader.nextMessage())
                        {
                            if (reader.templateId() == io.hotstandby.codec.replication.BulkBeginDecoder.TEMPLATE_ID &&
                                bulkBeginAtMs[0] < 0)
                            {
                                bulkBeginAtMs[0] = (h.pair.clock.nanoTime() - startNs) / 1_000_000;
                            }
                        }
                    }
                }, 16);
                return bulkBeginAtMs[0] >= 0;
            };
            assertTrue(h.runUntil(bulkBegun, 3_000), "the bulk backup started after the reconciliation timed out");
            final long timeoutMs = io.hotstandby.impl.replication.reconcile.ReconcileSink.IDLE_TIMEOUT_NS / 1_000_000;
            assertTrue(bulkBeginAtMs[0] >= timeoutMs - 10, "the bulk waited for the open reconciliation: " + bulkBeginAtMs[0]);
            assertEquals(0, h.pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
        }
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void hostileReconciliationIsRefusedTheLinkDroppedAndTheTableKept(final Hostile hostile)
    {
        try (Harness h = new Harness(hostile == Hostile.TO_A_STANDBY ? Role.STANDBY : Role.ACTIVE))
        {
            final Map<Long, byte[]> before = h.table.contents();
            int length;
            switch (hostile)
            {
                case STALE_EPOCH:
                    length = begin(h.frame, 0, EPOCH - 1, 1);
                    break;
                case TO_A_STANDBY:
                    length = begin(h.frame, 0, EPOCH, 1);
                    break;
                case FROM_A_FOLLOWING_PEER:
                {
                    new ResyncRequestEncoder().wrapAndApplyHeader(h.frame, 0, new MessageHeaderEncoder())
                        .epoch(EPOCH).fromSequence(0).reason(ResyncReason.RECONNECT);
                    send(h.attacker, h.frame, MessageHeaderEncoder.ENCODED_LENGTH + ResyncRequestEncoder.BLOCK_LENGTH);
                    h.runUntil(() -> false, 20);
                    length = begin(h.frame, 0, EPOCH, 1);
                    break;
                }
                case DELETE_INSIDE:
                {
                    send(h.attacker, h.frame, begin(h.frame, 0, EPOCH, 1));
                    h.runUntil(() -> false, 5);
                    length = deletes(h.frame, EPOCH, 1, 3);
                    break;
                }
                case END_WITHOUT_BEGIN:
                    length = end(h.frame, 0, EPOCH, 1, 0);
                    break;
                default:
                    throw new IllegalArgumentException(hostile.name());
            }
            if (hostile != Hostile.DELETE_INSIDE && hostile != Hostile.END_WITHOUT_BEGIN)
            {
                // the refused begin is followed, in the same frame, by a batch of new sessions
                final int batchLength = sessions(h.scratch, EPOCH, 100, 3);
                h.frame.putBytes(length, h.scratch, 0, batchLength);
                length += batchLength;
            }
            send(h.attacker, h.frame, length);
            assertTrue(h.runUntil(() -> h.attacker.state() == FrameLink.State.CLOSED), "member 1 dropped the link");
            assertEquals(1, h.pair.counters[1].get(CounterId.FRAMES_REJECTED).get());
            assertEquals(1, h.protocolErrors.size(), h.protocolErrors.toString());
            assertTrue(h.protocolErrors.get(0).contains(hostile.reason), h.protocolErrors.toString());
            final Map<Long, byte[]> after = h.table.contents();
            assertEquals(before.keySet(), after.keySet());
            for (final Map.Entry<Long, byte[]> e : before.entrySet())
            {
                assertArrayEquals(e.getValue(), after.get(e.getKey()));
            }
            assertEquals(0, h.pair.counters[1].get(CounterId.ENTRIES_RECONCILED).get());
        }
    }

    private static int begin(final UnsafeBuffer frame, final int offset, final long epoch, final long id)
    {
        new ReconcileBeginEncoder().wrapAndApplyHeader(frame, offset, new MessageHeaderEncoder()).epoch(epoch).reconcileId(id);
        return offset + MessageHeaderEncoder.ENCODED_LENGTH + ReconcileBeginEncoder.BLOCK_LENGTH;
    }

    private static int end(final UnsafeBuffer frame, final int offset, final long epoch, final long id, final long count)
    {
        new ReconcileEndEncoder().wrapAndApplyHeader(frame, offset, new MessageHeaderEncoder())
            .epoch(epoch).reconcileId(id).entryCount(count);
        return offset + MessageHeaderEncoder.ENCODED_LENGTH + ReconcileEndEncoder.BLOCK_LENGTH;
    }

    /** A batch of {@code count} new sessions, keys {@code first}.. */
    private static int sessions(final UnsafeBuffer frame, final long epoch, final long first, final int count)
    {
        new BatchHeaderEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .epoch(epoch).firstSequence(1).ownerNodeId(1).count(count);
        final HostileFrameTest.Staging staging =
            new HostileFrameTest.Staging(frame, MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH);
        final SplittableRandom random = new SplittableRandom(first);
        for (long key = first; key < first + count; key++)
        {
            EnginePair.write(new FlyweightEntrySink(staging), SESSION, key, random);
        }
        return staging.position;
    }

    private static int deletes(final UnsafeBuffer frame, final long epoch, final long first, final int count)
    {
        new BatchHeaderEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .epoch(epoch).firstSequence(1).ownerNodeId(1).count(count);
        int offset = MessageHeaderEncoder.ENCODED_LENGTH + BatchHeaderEncoder.BLOCK_LENGTH;
        for (long key = first; key < first + count; key++)
        {
            EntryHeader.wrap(new EntryDeleteEncoder(), frame, offset)
                .key(key).entryType(io.hotstandby.codec.replication.EntryType.FIREWALL_SESSION);
            offset += FrameDescriptor.ENTRY_HEADER_LENGTH + EntryDeleteEncoder.BLOCK_LENGTH;
        }
        return offset;
    }

    /** Member 1 in the given role (epoch 5) with sessions 1..10 of its own, and a connected attacker link. */
    private static final class Harness implements AutoCloseable
    {
        final List<String> protocolErrors = new ArrayList<>();
        final EnginePair pair;
        final FrameLink attacker;
        final SimpleBackupProvider<EntryReader> table;
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[64 * 1024]);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64 * 1024]);

        Harness(final Role role)
        {
            pair = new EnginePair(13, b -> b, new HotStandbyListener()
            {
                @Override
                public void onProtocolError(final ChannelKind channel, final String reason)
                {
                    protocolErrors.add(channel + ": " + reason);
                }
            }, null);
            table = pair.table(1, SESSION);
            final SplittableRandom content = new SplittableRandom(13);
            for (long key = 1; key <= OWN; key++)
            {
                EnginePair.write(pair.localSinks[1][SESSION.code()], SESSION, key, content);
            }
            pair.role(1, role, EPOCH);
            pair.peerUp(1, EPOCH);
            final LinkSpec spec = new LinkSpec(ChannelKind.DATA,
                new InetSocketAddress(EnginePair.address(0), pair.configs[0].dataPort()),
                new InetSocketAddress(EnginePair.address(1), pair.configs[1].dataPort()), false,
                FrameDescriptor.MAX_FRAME_LENGTH);
            attacker = pair.network.transport().open(spec);
            assertTrue(runUntil(() -> attacker.state() == FrameLink.State.CONNECTED), "attacker connected");
        }

        boolean runUntil(final BooleanSupplier condition)
        {
            return runUntil(condition, 2_000);
        }

        boolean runUntil(final BooleanSupplier condition, final int steps)
        {
            for (int i = 0; i < steps && !condition.getAsBoolean(); i++)
            {
                pair.engines[1].doWork(pair.clock.advance(EnginePair.STEP_NS));
            }
            return condition.getAsBoolean();
        }

        @Override
        public void close()
        {
            attacker.close("test over");
            pair.close();
        }
    }
}
