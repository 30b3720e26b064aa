package io.hotstandby.examples.node;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherConfigTest
{
    private static final Path SAMPLE_A = Path.of("config/node-a.properties");
    private static final Path SAMPLE_B = Path.of("config/node-b.properties");

    @Test
    void sampleConfigsFormAPair() throws Exception
    {
        final LauncherConfig a = LauncherConfig.parse("--config", SAMPLE_A.toString());
        final LauncherConfig b = LauncherConfig.parse("--config=" + SAMPLE_B);
        assertEquals(1, a.pairConfig().nodeId());
        assertEquals(2, b.pairConfig().nodeId());
        assertEquals(a.pairConfig().controlLocal(), b.pairConfig().controlPeer());
        assertEquals(a.pairConfig().controlPort(), b.pairConfig().controlPort());
        assertEquals(a.pairConfig().dataPort(), b.pairConfig().dataPort());
        assertTrue(b.pairConfig().isServer(), "127.0.0.2 is the higher address, so B listens");
        assertFalse(a.pairConfig().isServer());
        assertEquals(InetAddress.getByName("127.0.0.100"), a.pairConfig().virtualIps().get(0));
        assertEquals(2000, a.rate());
        assertEquals(0, b.rate());
        assertEquals(Path.of("/tmp/hotstandby-node-a.counters"), a.countersFile());
    }

    @Test
    void flagsOverrideTheFile()
    {
        final LauncherConfig c = LauncherConfig.parse("--config", SAMPLE_A.toString(), "--priority=7",
            "--role-policy=primary", "--mode=dual-active", "--keepalive-ms=50", "--rate=0", "--seed=9",
            "--fallback=true", "--fallback-delay-ms=1500", "--vrrp=", "--virtual-ip=");
        assertEquals(7, c.pairConfig().priority());
        assertEquals(RolePolicy.PRIMARY, c.pairConfig().rolePolicy());
        assertEquals(Mode.DUAL_ACTIVE, c.pairConfig().mode());
        assertEquals(50, c.pairConfig().keepaliveIntervalMs());
        assertTrue(c.pairConfig().fallbackEnabled());
        assertEquals(1500, c.pairConfig().fallbackDelayMs());
        assertEquals(9, c.seed());
        assertTrue(c.pairConfig().vrrpBindings().isEmpty());
        assertTrue(c.pairConfig().authentication().enabled());
    }

    @Test
    void flagsAloneAreEnough()
    {
        final LauncherConfig c = LauncherConfig.parse("--node-id=3", "--control-local=127.0.0.1",
            "--control-peer=127.0.0.2", "--psk=none");
        assertEquals(3, c.pairConfig().nodeId());
        assertFalse(c.pairConfig().authentication().enabled());
        assertEquals(0, c.rate());
        assertEquals(1000, c.statusMs());
    }

    @Test
    void everyRefusalNamesTheLauncherKey(@TempDir final Path dir) throws IOException
    {
        final String[] base = {"--node-id=1", "--control-local=127.0.0.1", "--control-peer=127.0.0.2",
            "--psk=0123456789abcdef"};
        assertKey("control-peer", base, "--control-peer=127.0.0.1");
        assertKey("node-id", base, "--node-id=0");
        assertKey("node-id", base, "--node-id=one");
        assertKey("psk", base, "--psk=short");
        assertKey("mode", base, "--mode=hot");
        assertKey("role-policy", base, "--role-policy=auto", "--mode=dual-active");
        assertKey("keepalive-ms", base, "--keepalive-ms=0");
        assertKey("keepalive-retries", base, "--keepalive-retries=0");
        assertKey("priority", base, "--priority=300");
        assertKey("control-port", base, "--control-port=70000");
        assertKey("data-local", base, "--data-local=127.0.0.2");
        assertKey("fallback", base, "--fallback=maybe");
        assertKey("fallback-delay-ms", base, "--fallback-delay-ms=-1");
        assertKey("rate", base, "--rate=-5");
        assertKey("status-ms", base, "--status-ms=1");
        assertKey("control-local", base, "--control-local=firewall.example");
        assertKey("management-interface", base, "--mode=mirroring");
        assertKey("virtual-ip", base, "--virtual-ip=127.0.0.2");
        assertKey("vrrp", base, "--vrrp=eth0");
        assertKey("colour", base, "--colour=blue");
        assertKey("control-peer", new String[] {"--node-id=1", "--control-local=127.0.0.1", "--psk=none"});
        assertKey("psk", new String[] {"--node-id=1", "--control-local=127.0.0.1", "--control-peer=127.0.0.2"});

        final Path file = Files.writeString(dir.resolve("bad.properties"), "node-id=1\ncontrol-local=127.0.0.1\n" +
            "control-peer=::1\npsk=none\n");
        final LauncherConfigException mixed = assertThrows(LauncherConfigException.class,
            () -> LauncherConfig.parse("--config", file.toString()));
        assertEquals("control-peer", mixed.key());
        assertTrue(mixed.getMessage().startsWith("control-peer: "), mixed.getMessage());

        final LauncherConfigException missing = assertThrows(LauncherConfigException.class,
            () -> LauncherConfig.parse("--config", dir.resolve("absent.properties").toString()));
        assertEquals("config", missing.key());
    }

    private static void assertKey(final String key, final String[] base, final String... extra)
    {
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        final LauncherConfigException e = assertThrows(LauncherConfigException.class, () -> LauncherConfig.parse(args),
            () -> "expected a refusal naming " + key + " for " + String.join(" ", extra));
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().startsWith(key + ": "), e.getMessage());
    }
}
