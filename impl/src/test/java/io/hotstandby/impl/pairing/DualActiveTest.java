package io.hotstandby.impl.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.config.VrrpBinding;
import io.hotstandby.api.hook.VrrpHook;
import io.hotstandby.api.state.Role;

/** Dual-active mode (SPEC A6, A10, D1): VRRP group ownership, survivor, switching the peer. */
class DualActiveTest
{
    private final List<Map<Integer, VrrpHook.GroupState>> vrrp = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

    private ConductorPair pair() throws Exception
    {
        return new ConductorPair(
            b -> b.mode(Mode.DUAL_ACTIVE).rolePolicy(RolePolicy.PRIMARY)
                .bindVrrp(new VrrpBinding(1, "eth0", BackupGroup.ACTIVE_GROUP))
                .bindVrrp(new VrrpBinding(2, "eth0", BackupGroup.STANDBY_GROUP)),
            b -> b.mode(Mode.DUAL_ACTIVE).rolePolicy(RolePolicy.SECONDARY)
                .bindVrrp(new VrrpBinding(1, "eth0", BackupGroup.ACTIVE_GROUP))
                .bindVrrp(new VrrpBinding(2, "eth0", BackupGroup.STANDBY_GROUP)),
            (i, c) -> c.vrrpHook((vrid, itf, state, completion) ->
            {
                vrrp.get(i).put(vrid, state);
                completion.complete();
            }));
    }

    private boolean masters(final int member, final VrrpHook.GroupState group1, final VrrpHook.GroupState group2)
    {
        return vrrp.get(member).get(1) == group1 && vrrp.get(member).get(2) == group2;
    }

    @Test
    void primaryMastersActiveGroupSecondaryStandbyGroupSurvivorBoth() throws Exception
    {
        try (ConductorPair pair = pair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(() -> pair.status(0).peerUp() && pair.status(1).peerUp() &&
                masters(0, VrrpHook.GroupState.MASTER, VrrpHook.GroupState.BACKUP) &&
                masters(1, VrrpHook.GroupState.BACKUP, VrrpHook.GroupState.MASTER), 100), vrrp::toString);
            assertEquals(Role.ACTIVE, pair.role(0));
            assertEquals(Role.ACTIVE, pair.role(1));
            pair.network.partition(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(() -> masters(1, VrrpHook.GroupState.MASTER, VrrpHook.GroupState.MASTER), 100),
                vrrp::toString);
            assertTrue(pair.replication[1].calls.contains("commit"), "the survivor installs the peer's entries");
            pair.network.heal(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(() -> pair.status(0).peerUp() && pair.status(1).peerUp() &&
                masters(0, VrrpHook.GroupState.MASTER, VrrpHook.GroupState.BACKUP) &&
                masters(1, VrrpHook.GroupState.BACKUP, VrrpHook.GroupState.MASTER), 300), vrrp::toString);
        }
    }

    @Test
    void switchPeerToActiveAndBack() throws Exception
    {
        try (ConductorPair pair = pair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(() -> pair.status(0).peerUp() && masters(1, VrrpHook.GroupState.BACKUP,
                VrrpHook.GroupState.MASTER) && pair.status(0).epoch() == pair.status(1).epoch(), 100));
            final CompletableFuture<CommandResult> give = pair.proxies[0].execute(OperatorCommand.SWITCH_PEER_TO_ACTIVE);
            assertTrue(pair.runUntil(give::isDone, 100));
            assertTrue(give.join().done(), give.join()::toString);
            assertTrue(pair.runUntil(() -> masters(0, VrrpHook.GroupState.BACKUP, VrrpHook.GroupState.MASTER) &&
                masters(1, VrrpHook.GroupState.MASTER, VrrpHook.GroupState.BACKUP), 20), vrrp::toString);

            final CompletableFuture<CommandResult> take = pair.proxies[0].execute(OperatorCommand.SWITCH_PEER_TO_STANDBY);
            assertTrue(pair.runUntil(take::isDone, 100));
            assertTrue(take.join().done(), take.join()::toString);
            assertTrue(pair.runUntil(() -> masters(0, VrrpHook.GroupState.MASTER, VrrpHook.GroupState.BACKUP) &&
                masters(1, VrrpHook.GroupState.BACKUP, VrrpHook.GroupState.MASTER), 20), vrrp::toString);

            final CompletableFuture<CommandResult> again = pair.proxies[0].execute(OperatorCommand.SWITCH_PEER_TO_STANDBY);
            assertTrue(pair.runUntil(again::isDone, 10));
            assertEquals("this member already masters the active group", again.join().reason());
        }
    }
}
