package io.hotstandby.examples.firewall;

import io.hotstandby.api.spi.BackupProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTableTest
{
    @Test
    void snapshotInSlicesThenApplyReproducesTheTableExactly()
    {
        final SessionTable active = TrafficGenerator.replay(7, 1, 500, 3_000);
        final CapturingSink sink = new CapturingSink(Integer.MAX_VALUE);
        long position = 0;
        int calls = 0;
        do
        {
            position = active.snapshot(position, 37, sink);
            calls++;
        }
        while (position != BackupProvider.SNAPSHOT_END);

        assertEquals(active.size(), sink.sessions.size(), "every session emitted exactly once");
        assertTrue(calls >= active.size() / 37, "the limit bounds each slice");
        final SessionTable standby = new SessionTable();
        sink.replaySessions(standby);
        assertTrue(standby.contentEquals(active));
        assertEquals(TableDump.lines(active), TableDump.lines(standby));
    }

    @Test
    void snapshotResumesWhereAClaimFailed()
    {
        final SessionTable active = TrafficGenerator.replay(11, 1, 200, 400);
        final CapturingSink sink = new CapturingSink(5);
        long position = active.snapshot(0, 1_000, sink);
        assertEquals(5, sink.sessions.size());
        assertTrue(position != BackupProvider.SNAPSHOT_END, "a refused claim must not end the snapshot");
        sink.capacity(Integer.MAX_VALUE);
        while (position != BackupProvider.SNAPSHOT_END)
        {
            position = active.snapshot(position, 1_000, sink);
        }
        final SessionTable standby = new SessionTable();
        sink.replaySessions(standby);
        assertTrue(standby.contentEquals(active), "no session skipped or doubled across the refusal");
    }

    @Test
    void applyUpsertsAndDeleteRemoves()
    {
        final SessionTable table = new SessionTable();
        final Session s = new Session();
        s.key = 42;
        s.srcPort = 1000;
        s.packets = 1;
        table.put(s);
        s.packets = 2;
        table.put(s);
        assertEquals(1, table.size());
        final Session read = new Session();
        assertTrue(table.get(42, read));
        assertEquals(2, read.packets);
        table.delete(42);
        table.delete(42);
        assertEquals(0, table.size());
        assertFalse(table.get(42, read));
    }

    @Test
    void tablesDifferingInOneFieldAreNotEqual()
    {
        final SessionTable a = TrafficGenerator.replay(3, 1, 100, 300);
        final SessionTable b = TrafficGenerator.replay(3, 1, 100, 300);
        assertTrue(a.contentEquals(b));
        final Session s = new Session();
        a.forEach(first -> s.key = first.key);
        assertTrue(b.get(s.key, s));
        s.natPort++;
        b.put(s);
        assertFalse(a.contentEquals(b));
    }

    @Test
    void freedSlotsAreReusedSoTheTableDoesNotGrowUnderChurn()
    {
        final SessionTable table = new SessionTable(16);
        final TrafficGenerator g = new TrafficGenerator(5, 1, 64, table);
        for (int i = 0; i < 50_000; i++)
        {
            g.step(null);
        }
        assertTrue(table.size() <= 64);
        assertEquals(g.liveSessions(), table.size());
    }

    @Test
    void dumpLinesParseBackToTheSameTable()
    {
        final SessionTable table = TrafficGenerator.replay(13, 4, 300, 2_000);
        final Session v6 = new Session();
        v6.key = 99;
        v6.ipVersion = 6;
        v6.srcIp[0] = 0x20;
        v6.srcIp[1] = 0x01;
        v6.srcIp[15] = 1;
        v6.dstIp[15] = 2;
        v6.srcPort = 443;
        table.put(v6);
        final SessionTable parsed = TableDump.parse(TableDump.lines(table));
        assertTrue(parsed.contentEquals(table));
        assertEquals(TableDump.lines(table), TableDump.lines(parsed));
    }
}
