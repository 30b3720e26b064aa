package io.hotstandby.impl.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Silent-peer detection (SPEC A2): interval x retries of silence, and no blame for a local stall. */
class KeepaliveMonitorTest
{
    private static final long MS = 1_000_000L;

    @Test
    void peerLostAfterIntervalTimesRetriesOfSilence()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        int missed = 0;
        for (long t = MS; t < 30 * MS; t += MS)
        {
            missed += monitor.poll(t);
            assertFalse(monitor.isPeerLost(), "not yet at " + t / MS + " ms");
        }
        missed += monitor.poll(30 * MS);
        assertTrue(monitor.isPeerLost());
        assertEquals(3, missed, "each missed keepalive is counted once");
    }

    @Test
    void hearingThePeerResetsTheCount()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        for (long t = MS; t <= 25 * MS; t += MS)
        {
            monitor.poll(t);
        }
        assertEquals(2, monitor.missed());
        monitor.onHeard(25 * MS);
        for (long t = 26 * MS; t < 55 * MS; t += MS)
        {
            monitor.poll(t);
            assertFalse(monitor.isPeerLost());
        }
        monitor.poll(55 * MS);
        assertTrue(monitor.isPeerLost());
    }

    @Test
    void ownStallGivesThePeerOneMoreInterval()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        monitor.poll(MS);
        monitor.poll(100 * MS);
        assertFalse(monitor.isPeerLost(), "this member did not run for 99 ms: not the peer's fault");
        monitor.poll(105 * MS);
        assertFalse(monitor.isPeerLost());
        monitor.poll(110 * MS);
        assertTrue(monitor.isPeerLost(), "still silent one interval after this member resumed");
    }

    @Test
    void keepaliveDueEveryInterval()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        assertTrue(monitor.isSendDue(0));
        monitor.onSent(0);
        assertFalse(monitor.isSendDue(9 * MS));
        assertTrue(monitor.isSendDue(10 * MS));
    }
}
