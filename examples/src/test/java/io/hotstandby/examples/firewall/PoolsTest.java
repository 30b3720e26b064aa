package io.hotstandby.examples.firewall;

import io.hotstandby.api.spi.BackupProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolsTest
{
    @Test
    void portBlocksSurviveSnapshotAndApply()
    {
        final PortBlockPool active = new PortBlockPool();
        final PortBlock p = new PortBlock();
        for (int i = 0; i < 300; i++)
        {
            p.reset();
            p.key = i;
            Session.ipv4(p.publicIp, 0xCB007100 | (i & 0xFF));
            p.portStart = 1024 + 64 * i;
            p.portEnd = p.portStart + 63;
            Session.ipv4(p.privateIp, 0x0A000000 | i);
            p.vrf = i % 3;
            p.expiresAtMs = 1_000 + i;
            active.put(p);
        }
        active.remove(17);
        final CapturingSink sink = new CapturingSink(Integer.MAX_VALUE);
        long position = 0;
        while ((position = active.snapshot(position, 50, sink)) != BackupProvider.SNAPSHOT_END)
        {
            assertTrue(position > 0);
        }
        final PortBlockPool standby = new PortBlockPool();
        sink.replayPortBlocks(standby);
        assertEquals(299, standby.size());
        assertTrue(standby.contentEquals(active));
        assertFalse(standby.get(17, p));
        assertTrue(standby.get(18, p));
        assertEquals(1024 + 64 * 18 + 63, p.portEnd);
    }

    @Test
    void leasesKeepHostnamesAndMacsExactly()
    {
        final LeasePool active = new LeasePool();
        final Lease l = new Lease();
        for (int i = 0; i < 100; i++)
        {
            l.reset();
            l.key = 1000 + i;
            l.mac[5] = (byte)i;
            Session.ipv4(l.ip, 0xC0A80000 | i);
            l.leaseStartMs = 5_000 + i;
            l.expiresAtMs = 5_000 + i + 86_400_000L;
            final byte[] name = ("host-" + i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, l.hostname, 0, name.length);
            l.hostnameLength = name.length;
            active.put(l);
        }
        l.reset();
        l.key = 1000;
        final byte[] renamed = "a".getBytes(StandardCharsets.US_ASCII);
        l.hostname[0] = renamed[0];
        l.hostnameLength = 1;
        active.put(l);

        final CapturingSink sink = new CapturingSink(Integer.MAX_VALUE);
        long position = 0;
        do
        {
            position = active.snapshot(position, 7, sink);
        }
        while (position != BackupProvider.SNAPSHOT_END);
        final LeasePool standby = new LeasePool();
        sink.replayLeases(standby);
        assertTrue(standby.contentEquals(active));
        assertTrue(standby.get(1042, l));
        assertEquals("host-42", new String(l.hostname, 0, l.hostnameLength, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 42}, l.mac);
        assertTrue(standby.get(1000, l));
        assertEquals(1, l.hostnameLength, "a shorter renewal leaves no stale bytes behind");
    }
}
