package io.hotstandby.impl.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Silent-peer detection (SPEC A2): interval x retries of silence, and no blame for this member's own stalls. */
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
    void aFiftyMsStallOfThisMemberIsNotCountedAsMissedKeepalives()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        monitor.poll(MS);
        assertEquals(0, monitor.missed());
        // this member is descheduled from 1 ms to 51 ms: only the first interval of the gap counts
        assertEquals(1, monitor.poll(51 * MS), "1 ms before the stall + one interval of it = one missed");
        assertFalse(monitor.isPeerLost(), "a 50 ms stall of this member is not the peer's silence");
        assertEquals(40 * MS, monitor.excusedNs());
        for (long t = 52 * MS; t < 70 * MS; t += MS)
        {
            monitor.poll(t);
            assertFalse(monitor.isPeerLost(), "not yet at " + t / MS + " ms");
        }
        monitor.poll(70 * MS);
        assertTrue(monitor.isPeerLost(), "lost once interval x retries of silence are counted: 30 ms + 40 ms excused");
    }

    @Test
    void aStallAfterWhichThePeerIsHeardCostsNothing()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        monitor.poll(25 * MS);
        monitor.poll(26 * MS);
        monitor.poll(200 * MS);
        assertFalse(monitor.isPeerLost());
        // the peer's frames waiting in the socket are read at resumption
        monitor.onHeard(201 * MS);
        assertEquals(0, monitor.excusedNs(), "hearing the peer starts a new silence");
        assertEquals(0, monitor.poll(202 * MS));
        monitor.poll(230 * MS);
        assertFalse(monitor.isPeerLost(), "the gap from 202 to 230 ms excuses 18 ms");
        for (long t = 231 * MS; t < 249 * MS; t += MS)
        {
            monitor.poll(t);
            assertFalse(monitor.isPeerLost(), "not yet at " + t / MS + " ms");
        }
        monitor.poll(249 * MS);
        assertTrue(monitor.isPeerLost(), "30 ms counted from 201 ms, plus the 18 ms excused");
    }

    @Test
    void aSilentPeerIsLostWithinIntervalTimesRetriesPlusOneIntervalWhenPollingEveryInterval()
    {
        for (final long step : new long[]{MS, 3 * MS, 7 * MS, 10 * MS})
        {
            final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
            monitor.reset(0);
            long t = 0;
            while (!monitor.isPeerLost())
            {
                t += step;
                monitor.poll(t);
            }
            assertTrue(t >= 30 * MS && t <= 40 * MS, "polling every " + step / MS + " ms: lost at " + t / MS + " ms");
            assertEquals(0, monitor.excusedNs(), "gaps of at most one interval excuse nothing");
        }
    }

    @Test
    void afterItsOwnStallThisMemberGivesThePeerOneMoreInterval()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        for (long t = MS; t <= 25 * MS; t += MS)
        {
            monitor.poll(t);
        }
        // descheduled from 25 to 40 ms: 5 ms excused leaves 35 ms of silence, cut back to two intervals
        monitor.poll(40 * MS);
        assertFalse(monitor.isPeerLost(), "the peer's frames may be waiting unread: it gets one more interval");
        assertEquals(2, monitor.missed());
        for (long t = 41 * MS; t < 50 * MS; t += MS)
        {
            monitor.poll(t);
            assertFalse(monitor.isPeerLost(), "not yet at " + t / MS + " ms");
        }
        monitor.poll(50 * MS);
        assertTrue(monitor.isPeerLost(), "still silent one interval after this member resumed");
    }

    @Test
    void aPermanentlyStarvedMemberStillDeclaresASilentPeerLostWithinTwiceRetriesPolls()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(0);
        int polls = 0;
        while (!monitor.isPeerLost())
        {
            polls++;
            monitor.poll(polls * 2_000 * MS);
            assertTrue(polls <= 6, "lost at the 2 x retries-th poll at the latest");
        }
        assertEquals(6, polls, "three polls to count interval x retries, three graces after stalls");
    }

    @Test
    void hearingAnOlderArrivalChangesNothing()
    {
        final KeepaliveMonitor monitor = new KeepaliveMonitor(10 * MS, 3);
        monitor.reset(100 * MS);
        monitor.onHeard(90 * MS);
        for (long t = 101 * MS; t < 130 * MS; t += MS)
        {
            monitor.poll(t);
            assertFalse(monitor.isPeerLost(), "not yet at " + t / MS + " ms");
        }
        monitor.poll(130 * MS);
        assertTrue(monitor.isPeerLost(), "silence counted from 100 ms, not from the older 90 ms");
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
