package io.hotstandby.testkit.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.config.VrrpBinding;
import io.hotstandby.api.state.Role;
import io.hotstandby.impl.node.DefaultHotStandbyNode;
import io.hotstandby.testkit.HotStandbyAssertions;
import io.hotstandby.testkit.SimulatedPeer;

/** A host's node under test paired with the testkit's simulated peer, with a recording VRRP adapter. */
class SimulatedPeerTest
{
    @Test
    void hostVrrpAdapterIsDrivenByTakeoverWhenThePeerHangs() throws Exception
    {
        final PairConfig hostConfig = PairConfig.builder().nodeId(7)
            .controlLocal(InetAddress.getByName("127.0.0.1")).controlPeer(InetAddress.getByName("127.0.0.2"))
            .keepaliveIntervalMs(10).keepaliveRetries(3).rolePolicy(RolePolicy.SECONDARY)
            .bindVrrp(new VrrpBinding(5, "eth0", BackupGroup.ACTIVE_GROUP))
            .authentication(Authentication.preSharedKey("host-adapter-test-key!!".getBytes(StandardCharsets.UTF_8)))
            .build();
        final List<String> vrrp = new CopyOnWriteArrayList<>();
        try (SimulatedPeer peer = SimulatedPeer.of(hostConfig))
        {
            final HotStandbyNode host = new DefaultHotStandbyNode(NodeContext.builder(hostConfig).clock(peer.clock())
                .threadingMode(ThreadingMode.INVOKER).controlTransport(peer.transport()).dataTransport(peer.transport())
                .vrrpHook((vrid, itf, state, completion) ->
                {
                    vrrp.add(vrid + "@" + itf + " " + state);
                    completion.complete();
                }).build(), () ->
                {
                    throw new IllegalStateException("transports supplied");
                });
            peer.attach(host);
            peer.start();
            HotStandbyAssertions.assertEventuallyConverged(peer, host, Duration.ofMillis(500));
            assertEquals(Role.STANDBY, host.status().role(), "manual secondary against the peer's primary");
            assertEquals(8, host.status().peer().nodeId());
            assertTrue(peer.runUntil(() -> vrrp.contains("5@eth0 BACKUP"), 50_000_000L), vrrp::toString);
            peer.silence();
            HotStandbyAssertions.assertBecameActiveWithin(peer, host, Duration.ofMillis(100));
            assertTrue(peer.runUntil(() -> vrrp.contains("5@eth0 MASTER"), 50_000_000L), "the takeover announces: " + vrrp);
        }
    }
}
