package io.hotstandby.examples.node;

import io.hotstandby.examples.firewall.SessionTable;
import io.hotstandby.examples.firewall.TableCut;
import io.hotstandby.examples.firewall.TableDump;
import io.hotstandby.examples.firewall.TrafficGenerator;
import io.hotstandby.examples.support.JavaProcess;
import io.hotstandby.examples.support.Json;
import io.hotstandby.examples.support.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two launcher processes on loopback (A = 127.0.0.1 generating traffic, B = 127.0.0.2), B first, then A
 * within B's silence timer so that they pair by election; A is killed
 * with SIGKILL; B must report itself active within the detection bound, have applied at least what A
 * last reported acknowledged, and hold exactly the generator's table as of its applied sequence.
 */
class LauncherFailoverTest
{
    private static final long SEED = 20_261_122L;
    private static final int MAX_SESSIONS = 2_000;
    private static final int KEEPALIVE_MS = 50;
    private static final int RETRIES = 3;
    /** Peer loss is declared after RETRIES silent keepalives at the latest (a killed process resets at once). */
    private static final long DETECTION_BOUND_MS = KEEPALIVE_MS * RETRIES + 2_000;

    @Test
    void survivorTakesOverWithEveryAcknowledgedSession(@TempDir final Path dir) throws Exception
    {
        final int port = LoopbackPorts.freePair(InetAddress.getByName("127.0.0.2"));
        final Path dump = dir.resolve("b.sessions");
        try (JavaProcess b = JavaProcess.start("B", NodeLauncher.class, dir.resolve("b.err"),
                member(2, "127.0.0.2", "127.0.0.1", port, 100, "--rate=0", "--dump-file=" + dump));
            JavaProcess a = startOnce(b, () -> JavaProcess.start("A", NodeLauncher.class, dir.resolve("a.err"),
                member(1, "127.0.0.1", "127.0.0.2", port, 200, "--rate=400", "--counters-file=" + dir.resolve("a.counters")))))
        {
            final String paired = a.await("A active, paired, with replicated traffic acknowledged",
                l -> Json.is(l, "ACTIVE", "SYNCHRONIZATION") && Json.number(l, "seqBase") >= 0 &&
                    Json.number(l, "ackedSeq") >= Json.number(l, "seqBase") + 200, 30_000);
            final long seqBase = Json.number(paired, "seqBase");
            b.await("B standby", l -> Json.is(l, "STANDBY", "SYNCHRONIZATION"), 10_000);

            a.kill();
            a.awaitExit(10_000);
            final String lastOfA = a.last(l -> l.startsWith("{")).orElseThrow();
            final long lastAcked = Json.number(lastOfA, "ackedSeq");
            assertTrue(lastAcked > seqBase, "A had acknowledged traffic: " + lastOfA);

            final String active = b.await("B active after A was killed", l -> Json.is(l, "ACTIVE", null) &&
                Json.number(l, "epoch") > Json.number(paired, "epoch"), DETECTION_BOUND_MS);
            assertEquals("PEER_LOST", Json.text(active.substring(active.indexOf("\"lastSwitchover\"")), "reason"));

            b.terminate();
            assertEquals(0, b.awaitExit(20_000), "SIGTERM ends B with exit code 0");
            final String finalOfB = b.last(l -> l.startsWith("{")).orElseThrow();
            assertEquals("ACTIVE", Json.text(finalOfB, "role"));
            final long applied = Json.number(finalOfB, "appliedSeq");
            assertTrue(applied >= lastAcked, "B applied " + applied + " < " + lastAcked + " acknowledged to A");

            final SessionTable held = TableDump.parse(TableDump.read(dump));
            final long created = Json.number(lastOfA, "created");
            final long heldOps = TableCut.find(held, SEED, 1, MAX_SESSIONS, created + 1_000);
            assertTrue(heldOps != TableCut.NO_PREFIX, "B's table is A's table as of no operation at all");
            assertTrue(heldOps >= lastAcked - seqBase, "B holds A's table as of operation " + heldOps +
                ", before the " + (lastAcked - seqBase) + " operations A saw acknowledged");
            final List<String> expected = TableDump.lines(TrafficGenerator.replay(SEED, 1, MAX_SESSIONS, applied - seqBase));
            assertEquals(expected, TableDump.lines(held), "B's table equals A's as of its applied sequence " + applied);
            assertEquals(held.size(), Json.number(finalOfB, "FIREWALL_SESSION"));
        }
    }

    /** Starts A once B, the listening member, runs and looks for its peer. */
    private static JavaProcess startOnce(final JavaProcess b, final ProcessStart startA) throws Exception
    {
        b.await("B started, looking for its peer", l -> Json.is(l, "UNDECIDED", "SILENCE"), 30_000);
        return startA.start();
    }

    @FunctionalInterface
    private interface ProcessStart
    {
        JavaProcess start() throws Exception;
    }

    private static String[] member(final int nodeId, final String local, final String peer, final int port,
        final int priority, final String... extra)
    {
        final String[] base = {
            "--node-id=" + nodeId, "--control-local=" + local, "--control-peer=" + peer, "--control-port=" + port,
            "--priority=" + priority, "--keepalive-ms=" + KEEPALIVE_MS, "--keepalive-retries=" + RETRIES,
            "--psk=launcher-failover-test-key",
            "--silence-ms=10000", "--handshake-timeout-ms=2000", "--seed=" + SEED, "--max-sessions=" + MAX_SESSIONS, "--status-ms=100"};
        final String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }
}
