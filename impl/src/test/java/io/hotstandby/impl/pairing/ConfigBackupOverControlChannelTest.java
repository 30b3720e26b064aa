package io.hotstandby.impl.pairing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.ConfigSyncMode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.spi.ConfigProvider;

/** Configuration backup (SPEC C1-C3) between two conductors over the control channel. */
class ConfigBackupOverControlChannelTest
{
    /** A module holding one byte array; a change appends to it. */
    private static final class Module implements ConfigProvider
    {
        byte[] config;

        Module(final String initial)
        {
            config = initial.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String module()
        {
            return "security-policy";
        }

        @Override
        public byte[] exportAll()
        {
            return config.clone();
        }

        @Override
        public void applyAll(final byte[] all)
        {
            config = all.clone();
        }

        @Override
        public void applyChange(final byte[] change)
        {
            final byte[] next = Arrays.copyOf(config, config.length + change.length);
            System.arraycopy(change, 0, next, config.length, change.length);
            config = next;
        }

        @Override
        public long digest()
        {
            return Arrays.hashCode(config);
        }
    }

    @Test
    void primaryConfigurationOverwritesSecondaryOnPairingAndChangesFollowInRealTime() throws Exception
    {
        final Module primary = new Module("permit any");
        final Module secondary = new Module("stale rule that must go");
        try (ConductorPair pair = new ConductorPair(b -> b.rolePolicy(RolePolicy.PRIMARY),
            b -> b.rolePolicy(RolePolicy.SECONDARY), (i, c) -> c.configProvider(i == 0 ? primary : secondary)))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(() -> pair.converged() && Arrays.equals(primary.config, secondary.config), 100));
            assertTrue(pair.status(1).lastConfigSyncEpochMs() > 0);
            pair.proxies[0].configChanged("security-policy", "; deny 10.0.0.0/8".getBytes(StandardCharsets.UTF_8));
            assertTrue(pair.runUntil(() -> new String(secondary.config, StandardCharsets.UTF_8).endsWith("deny 10.0.0.0/8"), 50));
            assertArrayEquals("permit any; deny 10.0.0.0/8".getBytes(StandardCharsets.UTF_8), secondary.config);
        }
    }

    @Test
    void secondaryChangesNeverFlowBack() throws Exception
    {
        final Module primary = new Module("permit any");
        final Module secondary = new Module("x");
        try (ConductorPair pair = new ConductorPair(b -> b.rolePolicy(RolePolicy.PRIMARY),
            b -> b.rolePolicy(RolePolicy.SECONDARY), (i, c) -> c.configProvider(i == 0 ? primary : secondary)))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(() -> pair.converged() && Arrays.equals(primary.config, secondary.config), 100));
            pair.proxies[1].configChanged("security-policy", "; secondary edit".getBytes(StandardCharsets.UTF_8));
            pair.runMs(30);
            assertEquals("permit any", new String(primary.config, StandardCharsets.UTF_8));
            final CompletableFuture<CommandResult> sync = pair.proxies[1].execute(OperatorCommand.SYNC_CONFIG_NOW);
            pair.runMs(2);
            assertFalse(sync.join().done());
            assertTrue(sync.join().reason().contains("only the primary"));
        }
    }

    @Test
    void manualModeSyncsOnCommandAndConsistencyCheckReportsDifferences() throws Exception
    {
        final Module primary = new Module("permit any");
        final Module secondary = new Module("something else");
        try (ConductorPair pair = new ConductorPair(b -> b.rolePolicy(RolePolicy.PRIMARY).configSyncMode(ConfigSyncMode.MANUAL),
            b -> b.rolePolicy(RolePolicy.SECONDARY).configSyncMode(ConfigSyncMode.MANUAL),
            (i, c) -> c.configProvider(i == 0 ? primary : secondary)))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 100));
            pair.runMs(20);
            assertEquals("something else", new String(secondary.config, StandardCharsets.UTF_8), "manual: nothing yet");

            final CompletableFuture<CommandResult> check = pair.proxies[0].execute(OperatorCommand.CHECK_CONSISTENCY_NOW);
            assertTrue(pair.runUntil(check::isDone, 50));
            assertTrue(check.join().done(), check.join()::toString);
            assertTrue(check.join().reason().contains("differs in modules [security-policy]"), check.join().reason());
            assertEquals(Boolean.FALSE, pair.status(0).configConsistent());

            final CompletableFuture<CommandResult> sync = pair.proxies[0].execute(OperatorCommand.SYNC_CONFIG_NOW);
            assertTrue(pair.runUntil(() -> sync.isDone() && Arrays.equals(primary.config, secondary.config), 50));
            assertTrue(sync.join().done(), sync.join()::toString);

            final CompletableFuture<CommandResult> again = pair.proxies[0].execute(OperatorCommand.CHECK_CONSISTENCY_NOW);
            assertTrue(pair.runUntil(again::isDone, 50));
            assertEquals("configuration consistent", again.join().reason());
            assertEquals(Boolean.TRUE, pair.status(0).configConsistent());
        }
    }

    @Test
    void scheduledConsistencyCheckReportsDifferences() throws Exception
    {
        final Module primary = new Module("permit any");
        final Module secondary = new Module("drifted");
        try (ConductorPair pair = new ConductorPair(b -> b.rolePolicy(RolePolicy.PRIMARY).configSyncMode(ConfigSyncMode.MANUAL)
            .consistencySchedule(io.hotstandby.api.config.ConsistencySchedule.every(60_000)),
            b -> b.rolePolicy(RolePolicy.SECONDARY).configSyncMode(ConfigSyncMode.MANUAL),
            (i, c) -> c.configProvider(i == 0 ? primary : secondary)))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 100));
            pair.runMs(59_000);
            assertFalse(pair.listeners[0].has("inconsistent"), "not due yet");
            assertTrue(pair.runUntil(() -> pair.listeners[0].has("inconsistent [security-policy]"), 2_000),
                pair.listeners[0].events::toString);
            assertEquals(Boolean.FALSE, pair.status(0).configConsistent());
        }
    }

    @Test
    void configurationCommandsRefusedWithoutModules() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 100));
            final CompletableFuture<CommandResult> sync = pair.proxies[0].execute(OperatorCommand.SYNC_CONFIG_NOW);
            pair.runMs(2);
            assertFalse(sync.join().done());
            assertTrue(sync.join().reason().contains("no configuration modules"));
        }
    }
}
