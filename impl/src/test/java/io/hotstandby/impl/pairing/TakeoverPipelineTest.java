package io.hotstandby.impl.pairing;

import static io.hotstandby.impl.pairing.ConductorPair.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RouteCostPolicy;
import io.hotstandby.api.config.RoutingProtocol;
import io.hotstandby.api.config.VrrpBinding;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.hook.ForwardingHook;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.hook.RouteCostHook;
import io.hotstandby.api.hook.TakeoverStep;
import io.hotstandby.api.hook.VirtualIpHook;
import io.hotstandby.api.hook.VrrpHook;
import io.hotstandby.impl.counters.NodeCounters;

/** The ordered takeover pipeline (SPEC G1, B9, D1-D3, D7) with recording host hooks. */
class TakeoverPipelineTest
{
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final RecordingListener listener = new RecordingListener();
    private final TestReplication replication = new TestReplication(calls);
    private final AtomicReference<HookCompletion> heldForwarding = new AtomicReference<>();

    private TakeoverPipeline pipeline(final boolean holdForwarding, final boolean failVrrp) throws Exception
    {
        final PairConfig config = PairConfig.builder().nodeId(1)
            .controlLocal(InetAddress.getByName("127.0.0.1")).controlPeer(InetAddress.getByName("127.0.0.2"))
            .authentication(io.hotstandby.api.config.Authentication.disabled())
            .hookTimeoutMs(50)
            .bindVrrp(new VrrpBinding(10, "eth1", BackupGroup.ACTIVE_GROUP))
            .bindVrrp(new VrrpBinding(20, "eth2", BackupGroup.STANDBY_GROUP))
            .virtualIp(InetAddress.getByName("10.0.0.100"))
            .routeCost(new RouteCostPolicy(RoutingProtocol.OSPF, RouteCostPolicy.Adjustment.INCREMENTAL, 100))
            .build();
        final NodeContext context = NodeContext.builder(config).listener(listener)
            .vrrpHook((vrid, itf, state, c) ->
            {
                calls.add("vrrp " + vrid + " " + state);
                if (failVrrp && vrid == 10)
                {
                    c.fail("vrrp daemon not running");
                }
                else
                {
                    c.complete();
                }
            })
            .virtualIpHook(new VirtualIpHook()
            {
                @Override
                public void claim(final InetAddress address, final HookCompletion c)
                {
                    calls.add("claim " + address.getHostAddress());
                    c.complete();
                }

                @Override
                public void release(final InetAddress address, final HookCompletion c)
                {
                    calls.add("release " + address.getHostAddress());
                    c.complete();
                }
            })
            .routeCostHook(new RouteCostHook()
            {
                @Override
                public void adjust(final RouteCostPolicy policy, final HookCompletion c)
                {
                    calls.add("adjust " + policy.protocol());
                    c.complete();
                }

                @Override
                public void restore(final RoutingProtocol protocol, final HookCompletion c)
                {
                    calls.add("restore " + protocol);
                    c.complete();
                }
            })
            .forwardingHook(new ForwardingHook()
            {
                @Override
                public String name()
                {
                    return "fast-path";
                }

                @Override
                public void programForwarding(final boolean active, final HookCompletion c)
                {
                    calls.add("forwarding " + active);
                    if (holdForwarding)
                    {
                        heldForwarding.set(c);
                    }
                    else
                    {
                        c.complete();
                    }
                }
            })
            .build();
        final NodeCounters counters = NodeCounters.inMemory();
        return new TakeoverPipeline(context, replication, counters.get(CounterId.HOOK_FAILURES));
    }

    @Test
    void takeoverRunsCommitThenForwardingThenAnnounce() throws Exception
    {
        final TakeoverPipeline p = pipeline(false, false);
        final boolean[] done = new boolean[1];
        p.start(true, 0, () -> done[0] = true);
        p.doWork(MS);
        assertTrue(done[0]);
        assertEquals(List.of("commit", "forwarding true", "vrrp 10 MASTER", "vrrp 20 BACKUP", "claim 10.0.0.100",
            "restore OSPF"), calls);
        assertEquals(List.of("step COMMIT_ENTRIES", "step PROGRAM_FORWARDING", "step ANNOUNCE"), listener.events);
    }

    @Test
    void stepDownRunsAnnounceThenForwarding() throws Exception
    {
        final TakeoverPipeline p = pipeline(false, false);
        p.start(false, 0, null);
        p.doWork(MS);
        assertEquals(List.of("vrrp 10 BACKUP", "vrrp 20 MASTER", "release 10.0.0.100", "adjust OSPF", "forwarding false"),
            calls);
    }

    @Test
    void announceWaitsForCommitAcknowledgement() throws Exception
    {
        replication.holdCommit = true;
        final TakeoverPipeline p = pipeline(false, false);
        p.start(true, 0, null);
        p.doWork(MS);
        assertEquals(List.of("commit"), calls, "nothing moves before the entries are installed (G1)");
        final Thread host = new Thread(() -> replication.heldCommit.complete());
        host.start();
        host.join();
        p.doWork(2 * MS);
        assertTrue(calls.contains("claim 10.0.0.100"));
    }

    @Test
    void slowHookTimesOutIsReportedAndPipelineGoesOn() throws Exception
    {
        final TakeoverPipeline p = pipeline(true, false);
        p.start(true, 0, null);
        p.doWork(MS);
        assertTrue(p.isRunning());
        assertFalse(calls.contains("claim 10.0.0.100"));
        p.doWork(49 * MS);
        assertTrue(p.isRunning(), "still within the hook timeout");
        p.doWork(51 * MS);
        assertTrue(listener.has("step PROGRAM_FORWARDING failures [forwarding fast-path: timed out after 50 ms]"),
            listener.events::toString);
        assertTrue(calls.contains("claim 10.0.0.100"), "the pipeline went on");
        heldForwarding.get().complete();
        p.doWork(60 * MS);
        assertFalse(p.isRunning());
    }

    @Test
    void failingHookIsReportedWithItsReason() throws Exception
    {
        final TakeoverPipeline p = pipeline(false, true);
        p.start(true, 0, null);
        p.doWork(MS);
        assertTrue(listener.has("step ANNOUNCE failures [vrrp 10@eth1: vrrp daemon not running]"), listener.events::toString);
    }

    @Test
    void newRoleAbandonsTheRunningPipeline() throws Exception
    {
        final TakeoverPipeline p = pipeline(true, false);
        p.start(true, 0, null);
        p.doWork(MS);
        final HookCompletion stale = heldForwarding.get();
        calls.clear();
        p.start(false, 2 * MS, null);
        stale.complete();
        p.doWork(3 * MS);
        assertTrue(calls.contains("vrrp 10 BACKUP"));
        assertFalse(calls.contains("claim 10.0.0.100"), "the abandoned takeover never announces");
    }
}
