package io.hotstandby.codec;

import io.hotstandby.codec.replication.BatchHeaderEncoder;
import io.hotstandby.codec.replication.DhcpLeaseDecoder;
import io.hotstandby.codec.replication.DhcpLeaseEncoder;
import io.hotstandby.codec.replication.EntryOp;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing, validating and walking a frame allocates nothing once warm (B2: no per-frame objects). */
class ZeroAllocationTest implements FrameMessageHandler
{
    private static final int ROUNDS = 20_000;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final UnsafeBuffer bad = new UnsafeBuffer(new byte[64]);
    private final FrameWriter writer = new FrameWriter();
    private final FrameReader reader = new FrameReader(WireSchema.REPLICATION);
    private final BatchHeaderEncoder batch = new BatchHeaderEncoder();
    private final DhcpLeaseEncoder leaseEncoder = new DhcpLeaseEncoder();
    private final DhcpLeaseDecoder leaseDecoder = new DhcpLeaseDecoder();
    private final UnsafeBuffer hostname = new UnsafeBuffer(new byte[] { 'h', 'o', 's', 't' });
    private long checksum;

    @Test
    void writeValidateAndWalkAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());

        runRounds();
        final long threadId = Thread.currentThread().getId();
        // steady state: the best of a few measured passes, so a compilation finishing during one pass
        // (its code may still allocate until the optimised version is installed) does not count
        long fewest = Long.MAX_VALUE;
        for (int pass = 0; pass < 5 && fewest > 0; pass++)
        {
            final long before = threads.getThreadAllocatedBytes(threadId);
            runRounds();
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(threadId) - before);
        }

        assertTrue(checksum != 0);
        assertEquals(0, fewest, "bytes allocated over " + ROUNDS + " frames");
    }

    private void runRounds()
    {
        for (int i = 0; i < ROUNDS; i++)
        {
            writer.wrap(buffer, 0, buffer.capacity());
            writer.begin(batch).epoch(1).firstSequence(i).ownerNodeId(1).count(8);
            writer.commit(batch);
            for (int e = 0; e < 8; e++)
            {
                writer.begin(leaseEncoder).key(i + e).op(EntryOp.UPSERT).expiresAtMs(i)
                    .putHostname(hostname, 0, hostname.capacity());
                writer.commit(leaseEncoder);
            }
            final int length = writer.finish();
            if (FrameRejection.OK == reader.validateFrame(buffer, 0, length))
            {
                reader.forEach(this);
            }
            if (FrameRejection.OK == reader.validateFrame(bad, 0, bad.capacity()))
            {
                checksum = -1;
            }
        }
    }

    public void onMessage(
        final int schemaId,
        final int templateId,
        final int actingBlockLength,
        final int actingVersion,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (DhcpLeaseDecoder.TEMPLATE_ID == templateId)
        {
            leaseDecoder.wrap(buffer, offset, actingBlockLength, actingVersion);
            checksum += leaseDecoder.key() + leaseDecoder.hostnameLength();
        }
    }
}
