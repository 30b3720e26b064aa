package io.hotstandby.impl.replication.producer;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.entry.PortalUserWriter;
import io.hotstandby.codec.EntryHeader;
import io.hotstandby.codec.replication.EntryDeleteEncoder;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.entry.ClaimTarget;
import io.hotstandby.impl.replication.entry.EntryWriterFlyweight;
import io.hotstandby.impl.replication.entry.FlyweightEntrySink;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH;

/**
 * One data-plane thread's producer (SPEC B2, B5, B6, B7): entries are encoded by flyweight writers
 * straight into a slot of an Agrona {@link OneToOneRingBuffer} (claim, write, commit), one ring per
 * send priority (G5) so the sender can take leases before short flows. Wait-free: no lock, no CAS loop,
 * no allocation. A full ring rejects at once with {@link OfferResult#RING_FULL}, counts it and raises
 * the gate's ring-full flag so the engine repairs the standby with a resync; nothing is lost silently.
 *
 * <p>Threading: every method but {@link #ring(int)} and {@link #isClosed()} belongs to the one
 * producer thread; the sender drains the rings on the replication agent thread.
 *
 * <p>Hosts that would rather wait than drop can call {@link #hasCapacityFor(EntryType, int)} before a
 * claim (back-pressure), so a full ring is never hit.
 */
public final class RingEntryProducer implements EntryProducer, ClaimTarget
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final ProducerGate gate;
    private final RingBuffer[] rings = new RingBuffer[4];
    private final AtomicCounter ringFull;
    private final AtomicCounter tooYoung;
    private final FlyweightEntrySink sink;
    private RingBuffer claimedRing;
    private int claimedIndex = -1;
    private OfferResult lastRejection = OfferResult.ACCEPTED;
    private volatile boolean closed;

    /**
     * @param gate          the engine's gate.
     * @param ringCapacity  bytes of each ring's data area, a power of two.
     * @param counters      the node counters.
     */
    public RingEntryProducer(final ProducerGate gate, final int ringCapacity, final NodeCounters counters)
    {
        this.gate = gate;
        for (final EntryType type : EntryType.values())
        {
            final int p = gate.priority(type);
            if (rings[p] == null)
            {
                final ByteBuffer memory = ByteBuffer.allocateDirect(org.agrona.BitUtil.findNextPositivePowerOfTwo(ringCapacity) + RingBufferDescriptor.TRAILER_LENGTH);
                final AtomicBuffer buffer = new UnsafeBuffer(memory);
                rings[p] = new OneToOneRingBuffer(buffer);
            }
        }
        this.ringFull = counters.get(CounterId.RING_FULL_REJECTIONS);
        this.tooYoung = counters.get(CounterId.ENTRIES_TOO_YOUNG);
        this.sink = new FlyweightEntrySink(this);
    }

    /** @param priority 0..3. @return the ring of that priority, or null when no type uses it. Agent thread. */
    public RingBuffer ring(final int priority)
    {
        return rings[priority];
    }

    /** @return true once closed by its thread. */
    public boolean isClosed()
    {
        return closed;
    }

    /**
     * Back-pressure probe for hosts that wait rather than drop.
     *
     * @param type   the entry type to be claimed.
     * @param length bytes of the entry message, at most 4,200.
     * @return true when the ring of that type has room for an entry of that length now.
     */
    public boolean hasCapacityFor(final EntryType type, final int length)
    {
        final RingBuffer ring = rings[gate.priority(type)];
        return ring.capacity() - ring.size() >= length + 64;
    }

    @Override
    public FirewallSessionWriter claimFirewallSession()
    {
        return sink.claimFirewallSession();
    }

    @Override
    public NatPortBlockWriter claimNatPortBlock()
    {
        return sink.claimNatPortBlock();
    }

    @Override
    public DhcpLeaseWriter claimDhcpLease(final int hostnameLength)
    {
        return sink.claimDhcpLease(hostnameLength);
    }

    @Override
    public PortalUserWriter claimPortalUser(final int userNameLength)
    {
        return sink.claimPortalUser(userNameLength);
    }

    @Override
    public LastHopWriter claimLastHop()
    {
        return sink.claimLastHop();
    }

    @Override
    public CustomEntryWriter claimCustom(final int payloadLength)
    {
        return sink.claimCustom(payloadLength);
    }

    @Override
    public OfferResult lastRejection()
    {
        return sink.lastRejection();
    }

    @Override
    public OfferResult delete(final EntryType type, final long key)
    {
        if (type == null)
        {
            lastRejection = OfferResult.TYPE_DISABLED;
            return lastRejection;
        }
        final int length = ENTRY_HEADER_LENGTH + EntryDeleteEncoder.BLOCK_LENGTH;
        final int index = claim(type, length);
        if (index < 0)
        {
            return lastRejection;
        }
        final MutableDirectBuffer buffer = claimedRing.buffer();
        EntryHeader.put(buffer, index, EntryDeleteEncoder.BLOCK_LENGTH, EntryDeleteEncoder.TEMPLATE_ID);
        buffer.putLong(index + ENTRY_HEADER_LENGTH + EntryDeleteEncoder.keyEncodingOffset(), key, LE);
        buffer.putByte(index + ENTRY_HEADER_LENGTH + EntryDeleteEncoder.entryTypeEncodingOffset(), (byte)type.code());
        claimedRing.commit(index);
        claimedIndex = -1;
        return OfferResult.ACCEPTED;
    }

    @Override
    public OfferResult claimRejection()
    {
        return lastRejection;
    }

    @Override
    public int claim(final EntryType type, final int length)
    {
        if (closed || gate.closed())
        {
            return reject(OfferResult.CLOSED);
        }
        if (!gate.enabled(type))
        {
            return reject(OfferResult.TYPE_DISABLED);
        }
        if (!gate.accepting())
        {
            return reject(OfferResult.NOT_REPLICATING);
        }
        final RingBuffer ring = rings[gate.priority(type)];
        final int index = ring.tryClaim(templateOf(type), length);
        if (index < 0)
        {
            ringFull.increment();
            gate.raiseRingFull(type);
            return reject(OfferResult.RING_FULL);
        }
        claimedRing = ring;
        claimedIndex = index;
        lastRejection = OfferResult.ACCEPTED;
        return index;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return claimedRing.buffer();
    }

    @Override
    public OfferResult commit(final EntryWriterFlyweight writer)
    {
        final OfferResult verdict = verdict(writer);
        if (verdict != OfferResult.ACCEPTED)
        {
            claimedRing.abort(claimedIndex);
        }
        else
        {
            claimedRing.commit(claimedIndex);
        }
        claimedIndex = -1;
        return verdict;
    }

    @Override
    public void abort(final EntryWriterFlyweight writer)
    {
        if (claimedIndex >= 0)
        {
            claimedRing.abort(claimedIndex);
            claimedIndex = -1;
        }
    }

    @Override
    public void close()
    {
        closed = true;
    }

    private OfferResult verdict(final EntryWriterFlyweight writer)
    {
        final OfferResult verdict = gate.verdict(writer);
        if (verdict == OfferResult.TOO_YOUNG)
        {
            tooYoung.increment();
        }
        return verdict;
    }

    private int reject(final OfferResult why)
    {
        lastRejection = why;
        return -1;
    }

    /** @param type a type. @return the ring record type used for its entry messages (the SBE template id). */
    public static int templateOf(final EntryType type)
    {
        return type.code() + 1;
    }
}
