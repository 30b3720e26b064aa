package io.hotstandby.impl.replication.sender;

import io.hotstandby.api.entry.EntryType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Acknowledged delivery (SPEC B8): the host hears of an entry once, in order, only when the cumulative ack passes it. */
final class AckTrackerTest
{
    @Test
    void notifiesInOrderOnlyUpToTheCumulativeAck()
    {
        final AckTracker tracker = new AckTracker(16);
        final List<Long> keys = new ArrayList<>();
        tracker.add(3, EntryType.DHCP_LEASE, 30);
        tracker.add(5, EntryType.DHCP_LEASE, 50);
        tracker.add(9, EntryType.NAT_PORT_BLOCK, 90);
        assertEquals(0, tracker.onAck(2, (type, key, sequence) -> keys.add(key), 100));
        assertEquals(2, tracker.onAck(5, (type, key, sequence) -> keys.add(key), 100));
        assertEquals(List.of(30L, 50L), keys);
        assertEquals(0, tracker.onAck(5, (type, key, sequence) -> keys.add(key), 100), "told once");
        assertEquals(1, tracker.onAck(20, (type, key, sequence) -> keys.add(key), 100));
        assertEquals(List.of(30L, 50L, 90L), keys);
        assertEquals(0, tracker.pending());
    }

    @Test
    void aFullQueueGivesUpTheOldestAndCountsIt()
    {
        final AckTracker tracker = new AckTracker(16);
        for (int i = 1; i <= 20; i++)
        {
            tracker.add(i, EntryType.DHCP_LEASE, i);
        }
        assertEquals(4, tracker.dropped());
        final List<Long> keys = new ArrayList<>();
        tracker.onAck(100, (type, key, sequence) -> keys.add(key), 100);
        assertEquals(16, keys.size());
        assertEquals(5L, keys.get(0));
    }
}
