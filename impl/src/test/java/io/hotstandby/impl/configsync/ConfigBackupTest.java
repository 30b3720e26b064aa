package io.hotstandby.impl.configsync;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigBackupTest
{
    /** A host module holding "key=value" lines; applyAll replaces everything. */
    static final class KeyValueModule implements ConfigProvider
    {
        final String name;
        final boolean mirroringOnly;
        final TreeMap<String, String> entries = new TreeMap<>();

        KeyValueModule(final String name, final boolean mirroringOnly)
        {
            this.name = name;
            this.mirroringOnly = mirroringOnly;
        }

        @Override
        public String module()
        {
            return name;
        }

        @Override
        public boolean normalMode()
        {
            return !mirroringOnly;
        }

        @Override
        public byte[] exportAll()
        {
            final StringBuilder sb = new StringBuilder();
            entries.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void applyAll(final byte[] config)
        {
            entries.clear();
            for (final String line : new String(config, StandardCharsets.UTF_8).split("\n"))
            {
                if (!line.isEmpty())
                {
                    applyChange(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        public void applyChange(final byte[] change)
        {
            final String[] kv = new String(change, StandardCharsets.UTF_8).split("=", 2);
            entries.put(kv[0], kv[1]);
        }

        @Override
        public long digest()
        {
            return Arrays.hashCode(exportAll());
        }
    }

    /** Loops the primary's outbound messages into the secondary, as the control channel would. */
    static final class Loop implements ConfigOutbound
    {
        final ConfigBackup secondary;
        final List<String> refusals = new ArrayList<>();
        int chunks;

        Loop(final ConfigBackup secondary)
        {
            this.secondary = secondary;
        }

        @Override
        public boolean sendChunk(final String module, final long transferId, final int chunkIndex, final boolean last,
            final boolean change, final byte[] bytes, final int offset, final int length)
        {
            chunks++;
            final String why = secondary.onChunk(module, transferId, chunkIndex, last, change,
                Arrays.copyOfRange(bytes, offset, offset + length));
            if (why != null)
            {
                refusals.add(why);
            }
            return true;
        }

        @Override
        public boolean sendDigest(final String module, final long digest)
        {
            secondary.onPeerDigest(module, digest);
            return true;
        }
    }

    private static Map<String, ConfigProvider> map(final ConfigProvider... ps)
    {
        final Map<String, ConfigProvider> m = new LinkedHashMap<>();
        for (final ConfigProvider p : ps)
        {
            m.put(p.module(), p);
        }
        return m;
    }

    @Test
    void fullExportOverwritesTheSecondaryAndRemovesRedundantConfiguration()
    {
        final KeyValueModule primaryPolicy = new KeyValueModule("security-policy", false);
        final KeyValueModule secondaryPolicy = new KeyValueModule("security-policy", false);
        for (int i = 0; i < 5000; i++)
        {
            primaryPolicy.entries.put("rule" + i, "permit tcp any any eq " + i);
        }
        secondaryPolicy.entries.put("stale-rule", "deny ip any any");
        final ConfigBackup primary = new ConfigBackup(map(primaryPolicy), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP);
        final ConfigBackup secondary = new ConfigBackup(map(secondaryPolicy), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP);
        final Loop loop = new Loop(secondary);

        assertTrue(primary.exportAll(loop));
        assertTrue(loop.chunks > 1, "a large module travels in several chunks");
        assertEquals(List.of(), loop.refusals);
        assertEquals(primaryPolicy.entries, secondaryPolicy.entries);
        assertTrue(!secondaryPolicy.entries.containsKey("stale-rule"), "C2: redundant configuration is removed");

        primaryPolicy.applyChange("rule-new=permit udp any any".getBytes(StandardCharsets.UTF_8));
        assertTrue(primary.exportChange(loop, "security-policy", "rule-new=permit udp any any".getBytes(StandardCharsets.UTF_8)));
        assertEquals(primaryPolicy.entries, secondaryPolicy.entries);
    }

    @Test
    void digestComparisonNamesTheInconsistentModules()
    {
        final KeyValueModule a1 = new KeyValueModule("nat-policy", false);
        final KeyValueModule b1 = new KeyValueModule("security-policy", false);
        final KeyValueModule a2 = new KeyValueModule("nat-policy", false);
        final KeyValueModule b2 = new KeyValueModule("security-policy", false);
        b2.entries.put("extra", "x");
        final List<List<String>> events = new ArrayList<>();
        final ConfigBackup primary = new ConfigBackup(map(a1, b1), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP);
        final ConfigBackup secondary = new ConfigBackup(map(a2, b2), Mode.ACTIVE_STANDBY, new HotStandbyListener()
        {
            @Override
            public void onConfigInconsistent(final List<String> modules)
            {
                events.add(modules);
            }
        });
        primary.sendDigests(new Loop(secondary));
        assertEquals(List.of("security-policy"), secondary.compare());
        assertEquals(List.of(List.of("security-policy")), events);
    }

    @Test
    void modulesTakePartOnlyInTheirMode()
    {
        final KeyValueModule routes = new KeyValueModule("static-routes", true);
        final KeyValueModule policy = new KeyValueModule("security-policy", false);
        assertEquals(List.of("security-policy"), new ConfigBackup(map(routes, policy), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP).modules());
        assertEquals(List.of("security-policy", "static-routes"), new ConfigBackup(map(routes, policy), Mode.MIRRORING, HotStandbyListener.NO_OP).modules());
    }

    @Test
    void malformedTransfersAreRefusedAndApplyNothing()
    {
        final KeyValueModule policy = new KeyValueModule("security-policy", false);
        policy.entries.put("keep", "me");
        final ConfigBackup secondary = new ConfigBackup(map(policy), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP);
        final byte[] some = "a=b".getBytes(StandardCharsets.UTF_8);
        assertNotNull(secondary.onChunk("unknown", 1, 0, true, false, some));
        assertNotNull(secondary.onChunk("security-policy", 2, 3, true, false, some), "a transfer must start at chunk 0");
        assertNull(secondary.onChunk("security-policy", 4, 0, false, false, some));
        assertNotNull(secondary.onChunk("security-policy", 4, 2, true, false, some), "a skipped chunk is refused");
        final byte[] big = new byte[ConfigBackup.MAX_CHUNK_BYTES];
        String why = null;
        for (int i = 0; why == null && i < 2000; i++)
        {
            why = secondary.onChunk("security-policy", 5, i, false, false, big);
        }
        assertNotNull(why, "an oversized module is refused before it exhausts memory");
        assertTrue(why.contains("exceeds"), why);
        assertEquals(Map.of("keep", "me"), policy.entries);
    }

    @Test
    void emptyModuleIsSentAsOneEmptyChunk()
    {
        final KeyValueModule p = new KeyValueModule("empty", false);
        final KeyValueModule s = new KeyValueModule("empty", false);
        s.entries.put("left", "over");
        final Loop loop = new Loop(new ConfigBackup(map(s), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP));
        new ConfigBackup(map(p), Mode.ACTIVE_STANDBY, HotStandbyListener.NO_OP).exportAll(loop);
        assertEquals(1, loop.chunks);
        assertArrayEquals(p.exportAll(), s.exportAll());
    }
}
