package io.hotstandby.examples.demo;

import io.hotstandby.examples.support.LoopbackPorts;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's demo in its short form: two members over loopback TCP, a kill, a takeover, nothing lost. */
class PairDemoTest
{
    @Test
    void failoverLosesNothingAcknowledged() throws Exception
    {
        final int port = LoopbackPorts.freePair(InetAddress.getByName("127.0.0.2"));
        final DemoSummary s = new PairDemo(DemoSettings.shortForm(port), new ConsolePrinter(System.out)).run();

        assertTrue(s.takeoverCompleted(), "B ran the whole takeover pipeline");
        assertTrue(s.vrrpMaster() && s.floatingIpHeld(), "B announced itself: VRRP master, floating IP held");
        assertTrue(s.ackedSeq() > 0 && s.opsAcknowledged() > 2_000, "live traffic was acknowledged: " + s);
        assertEquals(0, s.lost(), "acknowledged entries lost: " + s);
        assertTrue(s.opsOnNewActive() >= s.opsAcknowledged(), "B holds a prefix at least as long as acknowledged: " + s);
        assertEquals(200, s.portBlocksOnNewActive());
        assertEquals(100, s.leasesOnNewActive());
        assertTrue(s.detectionMs() >= 0 && s.takeoverMs() >= 0, "both moments measured: " + s);
        assertTrue(s.passed());
    }
}
