package io.hotstandby.examples.node;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.examples.stat.Stat;
import io.hotstandby.examples.support.JavaProcess;
import io.hotstandby.examples.support.Json;
import io.hotstandby.examples.support.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher and the stat tool as separate processes, as an operator runs them. */
class LauncherProcessTest
{
    @Test
    void badConfigExitsTwoWithOneLineNamingTheKey(@TempDir final Path dir) throws Exception
    {
        try (JavaProcess p = JavaProcess.start("bad-config", NodeLauncher.class, dir.resolve("stderr.txt"),
            "--config", "config/node-a.properties", "--keepalive-retries=0"))
        {
            assertEquals(NodeLauncher.EXIT_BAD_CONFIG, p.awaitExit(20_000));
            final List<String> err = Files.readAllLines(dir.resolve("stderr.txt"));
            assertEquals(1, err.size(), "one line on stderr: " + err);
            assertTrue(err.get(0).contains("keepalive-retries: must be in 1..255"), err.get(0));
            assertTrue(p.lines().isEmpty(), "nothing on stdout: " + p.lines());
        }
    }

    @Test
    void statToolReadsARunningNodesCountersAndSigtermEndsTheNodeCleanly(@TempDir final Path dir) throws Exception
    {
        final int port = LoopbackPorts.freePair(InetAddress.getByName("127.0.0.2"));
        final Path counters = dir.resolve("alone.counters");
        try (JavaProcess node = JavaProcess.start("alone", NodeLauncher.class, dir.resolve("node.err"),
            "--node-id=1", "--control-local=127.0.0.1", "--control-peer=127.0.0.2", "--control-port=" + port,
            "--keepalive-ms=50", "--psk=none", "--status-ms=100", "--counters-file=" + counters))
        {
            final String independent = node.await("the lone member serving alone",
                l -> Json.is(l, "ACTIVE", "INDEPENDENCE"), 20_000);
            assertEquals(1, Json.number(independent, "node"));
            final String control = Json.text(independent, "control");
            assertTrue(control.equals("DOWN") || control.equals("CONNECTING"),
                "no peer: the control channel is down or reconnecting, was " + control);

            try (JavaProcess stat = JavaProcess.start("stat", Stat.class, dir.resolve("stat.err"),
                "--counters-file", counters.toString(), "--once"))
            {
                assertEquals(0, stat.awaitExit(20_000), stat.stderrTail());
                final List<String> out = stat.lines();
                assertTrue(out.get(0).contains("hotstandby counters"), out.get(0));
                for (final CounterId id : CounterId.values())
                {
                    assertTrue(out.stream().anyMatch(l -> l.endsWith(" - " + id.label())), "missing " + id.label() + " in " + out);
                }
                assertEquals(FailoverState.INDEPENDENCE.code(), value(out, CounterId.STATE));
                assertEquals(Role.ACTIVE.code(), value(out, CounterId.ROLE));
                assertTrue(value(out, CounterId.EPOCH) >= 1, "an election raised the epoch");
            }

            node.terminate();
            assertEquals(0, node.awaitExit(20_000), "SIGTERM ends the node with exit code 0");
            final List<String> lines = node.lines();
            final String last = lines.get(lines.size() - 1);
            assertTrue(last.startsWith("{") && last.endsWith("}"), "a final status line: " + last);
            assertEquals("ACTIVE", Json.text(last, "role"));
        }
    }

    private static long value(final List<String> statLines, final CounterId id)
    {
        final Pattern p = Pattern.compile("^\\s*" + id.id() + ":\\s+([\\d,]+) - " + Pattern.quote(id.label()) + "$");
        for (final String line : statLines)
        {
            final Matcher m = p.matcher(line);
            if (m.matches())
            {
                return Long.parseLong(m.group(1).replace(",", ""));
            }
        }
        throw new AssertionError("no line for " + id + " in " + statLines);
    }
}
