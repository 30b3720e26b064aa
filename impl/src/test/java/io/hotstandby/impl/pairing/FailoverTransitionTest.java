package io.hotstandby.impl.pairing;

import static io.hotstandby.impl.pairing.ConductorPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.command.CommandResult;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.config.TrackMonitor;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.spi.Witness;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.TrackState;

/** One scenario per transition of the failover state machine (SPEC A4-A8, A10, A11, G2, G3). */
class FailoverTransitionTest
{
    @Test
    void silenceToIndependenceWhenSilenceTimerExpiresWithoutPeer() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.start(0);
            pair.stopped[1] = true;
            pair.runMs(39);
            assertEquals(FailoverState.SILENCE, pair.status(0).state());
            assertEquals(Role.UNDECIDED, pair.role(0));
            pair.runMs(2);
            assertEquals(FailoverState.INDEPENDENCE, pair.status(0).state());
            assertEquals(Role.ACTIVE, pair.role(0));
            assertTrue(pair.listeners[0].has("role UNDECIDED->ACTIVE SILENCE_TIMEOUT"));
        }
    }

    @Test
    void silenceToSynchronizationWhenPeerNegotiated() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            assertEquals(FailoverState.SYNCHRONIZATION, pair.status(0).state());
            assertEquals(FailoverState.SYNCHRONIZATION, pair.status(1).state());
            assertTrue(pair.listeners[0].has("state SILENCE->SYNCHRONIZATION ELECTION"));
        }
    }

    @Test
    void undecidedToActiveAndStandbyByElectionRankHigherAddressWins() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            assertEquals(Role.ACTIVE, pair.role(1), "equal health, policy and priority: the higher address wins");
            assertEquals(Role.STANDBY, pair.role(0));
        }
    }

    @Test
    void undecidedToActiveByElectionHigherPriorityWins() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.priority(200), b -> b.priority(100), (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            assertEquals(Role.ACTIVE, pair.role(0));
        }
    }

    @Test
    void undecidedToActiveByElectionManualPrimaryWins() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.rolePolicy(RolePolicy.PRIMARY),
            b -> b.rolePolicy(RolePolicy.SECONDARY).priority(250), (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            assertEquals(Role.ACTIVE, pair.role(0));
        }
    }

    @Test
    void independenceToSynchronizationKeepsTheIncumbentActiveWithoutFallback() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.start(0);
            pair.stopped[1] = true;
            pair.runMs(60);
            assertEquals(FailoverState.INDEPENDENCE, pair.status(0).state());
            pair.stopped[1] = false;
            pair.start(1);
            assertTrue(pair.runUntil(pair::converged, 60));
            pair.runMs(100);
            assertEquals(Role.ACTIVE, pair.role(0), "the member that served alone keeps the active role");
            assertEquals(Role.STANDBY, pair.role(1));
            assertTrue(pair.listeners[0].has("state INDEPENDENCE->SYNCHRONIZATION"));
        }
    }

    @Test
    void synchronizationToSilenceAndStandbyToActiveWhenPeerLost() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final int standby = 1 - pair.active();
            pair.network.partition(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(() -> pair.role(standby) == Role.ACTIVE, 60));
            assertEquals(FailoverState.SILENCE, pair.status(standby).state());
            assertTrue(pair.listeners[standby].has("role STANDBY->ACTIVE PEER_LOST"));
            // the member whose silence ran out first counted the missed keepalives; the other saw it close
            assertTrue(Math.max(pair.counters[0].get(CounterId.KEEPALIVES_MISSED).get(),
                pair.counters[1].get(CounterId.KEEPALIVES_MISSED).get()) >= 3);
            pair.runMs(50);
            assertEquals(FailoverState.INDEPENDENCE, pair.status(standby).state());
        }
    }

    @Test
    void activeToStandbyWhenMonitoredTrackTurnsNegativeMakeBeforeBreak() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.monitorTrack(new TrackMonitor(3, null)).priority(200),
            b -> b.monitorTrack(new TrackMonitor(3, null)), (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            assertEquals(Role.ACTIVE, pair.role(0));
            pair.proxies[0].reportTrack(3, TrackState.NEGATIVE);
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.STANDBY && pair.role(1) == Role.ACTIVE, 100));
            assertTrue(pair.listeners[0].has("role ACTIVE->STANDBY TRACK_NEGATIVE"));
            assertTrue(pair.listeners[1].has("role STANDBY->ACTIVE PEER_REQUEST"));
        }
    }

    @Test
    void unmonitoredTrackNegativeChangesNothing() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.priority(200), b -> b, (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            pair.proxies[0].reportTrack(9, TrackState.NEGATIVE);
            pair.runMs(100);
            assertEquals(Role.ACTIVE, pair.role(0));
        }
    }

    @Test
    void activeToStandbyWhenMonitoredInterfaceGoesDown() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.monitorInterface("eth1").priority(200),
            b -> b.monitorInterface("eth1"), (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            pair.proxies[0].reportInterface("eth1", false);
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.STANDBY && pair.role(1) == Role.ACTIVE, 100));
            assertTrue(pair.listeners[0].has("role ACTIVE->STANDBY INTERFACE_DOWN"));
        }
    }

    @Test
    void activeToStandbyWhenMonitoredVlanGoesDown() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.monitorVlan(20).priority(200), b -> b.monitorVlan(20),
            (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            pair.proxies[0].reportVlan(20, false);
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.STANDBY && pair.role(1) == Role.ACTIVE, 100));
            assertTrue(pair.listeners[0].has("role ACTIVE->STANDBY INTERFACE_DOWN"));
        }
    }

    @Test
    void activeToStandbyWhenHealthWorseThanPeer() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.priority(200), b -> b, (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            pair.proxies[0].reportHealth(40);
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.STANDBY && pair.role(1) == Role.ACTIVE, 100));
            assertTrue(pair.listeners[0].has("role ACTIVE->STANDBY HEALTH"));
            assertEquals(40, pair.status(0).health());
        }
    }

    @Test
    void activeToStandbyByOperatorSwitchToStandby() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final int active = pair.active();
            final CompletableFuture<CommandResult> result = pair.proxies[active].execute(OperatorCommand.SWITCH_TO_STANDBY);
            assertTrue(pair.runUntil(result::isDone, 100));
            assertTrue(result.join().done(), result.join()::toString);
            assertEquals(Role.STANDBY, pair.role(active));
            assertTrue(pair.runUntil(() -> pair.role(1 - active) == Role.ACTIVE, 10));
            pair.runMs(200);
            assertTrue(pair.converged(), "the operator's choice sticks");
            assertEquals(Role.ACTIVE, pair.role(1 - active));
        }
    }

    @Test
    void standbyToActiveByOperatorSwitchToActive() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final int standby = 1 - pair.active();
            final CompletableFuture<CommandResult> result = pair.proxies[standby].execute(OperatorCommand.SWITCH_TO_ACTIVE);
            assertTrue(pair.runUntil(result::isDone, 100));
            assertTrue(result.join().done(), result.join()::toString);
            assertTrue(pair.runUntil(() -> pair.role(1 - standby) == Role.STANDBY, 20));
            assertEquals(Role.ACTIVE, pair.role(standby));
            assertTrue(pair.listeners[1 - standby].has("role ACTIVE->STANDBY PEER_REQUEST"));
            pair.runMs(200);
            assertEquals(Role.ACTIVE, pair.role(standby));
        }
    }

    @Test
    void operatorSwitchToANotReadyStandbyIsRefusedFromEitherSide() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final int active = pair.active();
            final int standby = 1 - active;
            pair.replication[standby].ready = false;

            final CompletableFuture<CommandResult> fromStandby = pair.proxies[standby].execute(OperatorCommand.SWITCH_TO_ACTIVE);
            assertTrue(pair.runUntil(fromStandby::isDone, 100));
            assertFalse(fromStandby.join().done());
            assertTrue(fromStandby.join().reason().contains("not ready"), fromStandby.join().reason());

            final CompletableFuture<CommandResult> fromActive = pair.proxies[active].execute(OperatorCommand.SWITCH_TO_STANDBY);
            assertTrue(pair.runUntil(fromActive::isDone, 100));
            assertFalse(fromActive.join().done());
            assertTrue(fromActive.join().reason().contains("NOT_READY"), fromActive.join().reason());
            assertEquals(Role.ACTIVE, pair.role(active), "traffic stays where the entries are");

            pair.replication[standby].ready = true;
            final CompletableFuture<CommandResult> again = pair.proxies[standby].execute(OperatorCommand.SWITCH_TO_ACTIVE);
            assertTrue(pair.runUntil(again::isDone, 100));
            assertTrue(again.join().done(), again.join()::toString);
            assertEquals(Role.ACTIVE, pair.role(standby));
        }
    }

    @Test
    void operatorSwitchRefusedWithoutPeer() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.start(0);
            pair.stopped[1] = true;
            pair.runMs(60);
            final CompletableFuture<CommandResult> result = pair.proxies[0].execute(OperatorCommand.SWITCH_TO_STANDBY);
            pair.runMs(2);
            assertFalse(result.join().done());
            assertTrue(result.join().reason().contains("peer is not connected"), result.join().reason());
            final CompletableFuture<CommandResult> peerCommand = pair.proxies[0].execute(OperatorCommand.SWITCH_PEER_TO_ACTIVE);
            pair.runMs(2);
            assertFalse(peerCommand.join().done());
            assertTrue(peerCommand.join().reason().contains("dual-active"));
        }
    }

    @Test
    void standbyToActiveByFallbackAfterDelayWhenReady() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.priority(200).fallback(true, 100), b -> b.fallback(true, 100),
            (i, c) -> { }))
        {
            pair.start(1);
            pair.stopped[0] = true;
            pair.runMs(60);
            assertEquals(Role.ACTIVE, pair.role(1));
            pair.replication[0].ready = false;
            pair.stopped[0] = false;
            pair.start(0);
            assertTrue(pair.runUntil(pair::converged, 60));
            assertEquals(Role.STANDBY, pair.role(0));
            pair.runMs(300);
            assertEquals(Role.STANDBY, pair.role(0), "not ready: no preemption (G2)");
            pair.replication[0].ready = true;
            pair.runMs(90);
            assertEquals(Role.STANDBY, pair.role(0), "preempt delay not yet over (A8)");
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.ACTIVE && pair.role(1) == Role.STANDBY, 60));
            assertTrue(pair.listeners[0].has("role STANDBY->ACTIVE PREEMPT"));
        }
    }

    @Test
    void noFallbackWhenDisabled() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.priority(200), b -> b, (i, c) -> { }))
        {
            pair.start(1);
            pair.stopped[0] = true;
            pair.runMs(60);
            pair.stopped[0] = false;
            pair.start(0);
            assertTrue(pair.runUntil(pair::converged, 60));
            pair.runMs(500);
            assertEquals(Role.ACTIVE, pair.role(1));
        }
    }

    @Test
    void activeToStandbyWhenSplitBrainHeals() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            pair.network.partition(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.ACTIVE && pair.role(1) == Role.ACTIVE, 100));
            pair.network.heal(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(pair::converged, 300));
            assertEquals(Role.ACTIVE, pair.role(1), "higher address wins");
            assertTrue(pair.listeners[0].has("role ACTIVE->STANDBY SPLIT_BRAIN_RESOLVED"));
            // the replication engine of the deposed member learns it before the role change (A11)
            final java.util.List<String> calls = pair.replication[0].calls;
            final int deposed = calls.indexOf("deposed");
            assertTrue(deposed >= 0, calls.toString());
            assertTrue(calls.get(deposed + 1).startsWith("role STANDBY"), calls.toString());
            assertFalse(pair.replication[1].calls.contains("deposed"), "the winner is not deposed");
            assertTrue(pair.status(0).epoch() == pair.status(1).epoch() || pair.runUntil(
                () -> pair.status(0).epoch() == pair.status(1).epoch(), 30));
        }
    }

    @Test
    void standbyStaysStandbyWhenWitnessSaysPeerAlive() throws Exception
    {
        final AtomicReference<Witness.Verdict> verdict = new AtomicReference<>(Witness.Verdict.PEER_ALIVE);
        try (ConductorPair pair = new ConductorPair(b -> b, b -> b,
            (i, c) -> c.witness((peer, callback) -> callback.onVerdict(verdict.get()))))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 100));
            final int standby = 1 - pair.active();
            pair.network.partition(pair.addresses[0], pair.addresses[1]);
            pair.runMs(150);
            assertEquals(Role.STANDBY, pair.role(standby));
        }
    }

    @Test
    void standbyToActiveWhenWitnessSaysPeerDead() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b, b -> b,
            (i, c) -> c.witness((peer, callback) -> callback.onVerdict(Witness.Verdict.PEER_DEAD))))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 100));
            final int standby = 1 - pair.active();
            pair.network.partition(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(() -> pair.role(standby) == Role.ACTIVE, 80));
        }
    }

    @Test
    void standbyToActiveWhenWitnessNeverAnswers() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b, b -> b, (i, c) -> c.witness((peer, callback) -> { })))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 100));
            final int standby = 1 - pair.active();
            pair.network.partition(pair.addresses[0], pair.addresses[1]);
            assertTrue(pair.runUntil(() -> pair.status(standby).state() == FailoverState.SILENCE, 60));
            pair.runMs(15);
            assertEquals(Role.STANDBY, pair.role(standby), "waits for the witness within its timeout");
            assertTrue(pair.runUntil(() -> pair.role(standby) == Role.ACTIVE, 60), "no verdict counts as UNKNOWN");
        }
    }

    @Test
    void operatorSwitchToSilentPeerIsRefusedAfterTimeout() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final int active = pair.active();
            pair.stopped[1 - active] = true;
            final CompletableFuture<CommandResult> result = pair.proxies[active].execute(OperatorCommand.SWITCH_TO_STANDBY);
            assertTrue(pair.runUntil(result::isDone, 100));
            assertFalse(result.join().done());
            assertEquals(Role.ACTIVE, pair.role(active), "never steps down without the peer taking over");
        }
    }

    @Test
    void resetReRunsTheElection() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final CompletableFuture<CommandResult> toActive = pair.proxies[0].execute(OperatorCommand.SWITCH_TO_ACTIVE);
            assertTrue(pair.runUntil(() -> toActive.isDone() && pair.role(1) == Role.STANDBY &&
                pair.status(0).epoch() == pair.status(1).epoch(), 100));
            final CompletableFuture<CommandResult> reset = pair.proxies[0].execute(OperatorCommand.RESET);
            assertTrue(pair.runUntil(() -> reset.isDone() && pair.converged() && pair.role(1) == Role.ACTIVE, 100));
            assertTrue(reset.join().done(), reset.join()::toString);
            assertTrue(pair.listeners[0].has("role ACTIVE->STANDBY RESET"));
        }
    }

    @Test
    void dualActiveBothMembersActive() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.mode(Mode.DUAL_ACTIVE).rolePolicy(RolePolicy.PRIMARY),
            b -> b.mode(Mode.DUAL_ACTIVE).rolePolicy(RolePolicy.SECONDARY), (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(() -> pair.role(0) == Role.ACTIVE && pair.role(1) == Role.ACTIVE &&
                pair.status(0).peerUp(), 60));
            pair.runMs(100);
            assertEquals(Role.ACTIVE, pair.role(0));
            assertEquals(Role.ACTIVE, pair.role(1));
        }
    }

    @Test
    void epochRisesOnEveryRoleChangeAndCountersFollow() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 40));
            final long before = pair.status(0).epoch();
            final CompletableFuture<CommandResult> r = pair.proxies[0].execute(OperatorCommand.SWITCH_TO_ACTIVE);
            assertTrue(pair.runUntil(() -> r.isDone() && pair.converged() && pair.role(0) == Role.ACTIVE, 100));
            assertTrue(pair.status(0).epoch() > before);
            assertEquals(pair.status(0).epoch(), pair.counters[0].get(CounterId.EPOCH).get());
            assertEquals(Role.ACTIVE.code(), pair.counters[0].get(CounterId.ROLE).get());
            assertTrue(pair.counters[0].get(CounterId.ROLE_CHANGES).get() >= 2);
        }
    }

    @Test
    void replicationLearnsTheAdoptedPairEpochOnBothMembers() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            pair.startBoth();
            assertTrue(pair.runUntil(() -> pair.converged() && pair.status(0).epoch() == pair.status(1).epoch(), 60));
            pair.runMs(2);
            for (int i = 0; i < 2; i++)
            {
                assertEquals(pair.status(i).epoch(), pair.replication[i].lastEpoch,
                    "member " + i + "'s engine must stamp and accept data frames with the pair's epoch");
            }
        }
    }
}
