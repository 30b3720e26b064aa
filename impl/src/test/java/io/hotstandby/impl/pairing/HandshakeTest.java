package io.hotstandby.impl.pairing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;

/** Pairing refusals (SPEC A3, A5, F3, G7) between two real conductors. */
class HandshakeTest
{
    private static ConductorPair refusedPair(final UnaryOperator<PairConfig.Builder> c0,
        final UnaryOperator<PairConfig.Builder> c1) throws Exception
    {
        final ConductorPair pair = new ConductorPair(c0, c1, (i, c) -> { });
        pair.startBoth();
        pair.runMs(120);
        return pair;
    }

    /** Neither member pairs; at least the member that refused reports the code in an event, the status and a counter. */
    private static void assertRefused(final ConductorPair pair, final String code)
    {
        int reporting = 0;
        for (int i = 0; i < 2; i++)
        {
            assertFalse(pair.status(i).peerUp(), "member " + i + " must not pair");
            assertFalse(pair.listeners[i].has("channel UP"));
            assertEquals(FailoverState.INDEPENDENCE, pair.status(i).state());
            if (pair.listeners[i].events.stream().anyMatch(e -> e.startsWith("refused") && e.contains(code)))
            {
                reporting++;
                assertNotNull(pair.status(i).refusalReason(), "member " + i + " reports the refusal in its status");
                assertTrue(pair.status(i).refusalReason().contains(code));
                assertTrue(pair.counters[i].get(CounterId.PAIRINGS_REFUSED).get() > 0);
            }
        }
        assertTrue(reporting > 0, () -> "events: " + pair.listeners[0].events + " / " + pair.listeners[1].events);
    }

    @Test
    void wrongPreSharedKeyIsRefusedAndLearnsNothing() throws Exception
    {
        final byte[] other = "another-key-entirely-different".getBytes(StandardCharsets.UTF_8);
        try (ConductorPair pair = refusedPair(b -> b, b -> b.authentication(Authentication.preSharedKey(other))))
        {
            assertRefused(pair, "AUTH_FAILED");
            for (int i = 0; i < 2; i++)
            {
                assertNull(pair.status(i).peer().role(), "no role ever reached the other side");
                assertFalse(pair.replication[i].calls.contains("peerUp " + (2 - i)));
            }
            assertNotEquals(ChannelState.UP, pair.status(0).control());
            assertNotEquals(ChannelState.UP, pair.status(1).control());
        }
    }

    @Test
    void authenticationDisabledOnOneSideIsRefused() throws Exception
    {
        try (ConductorPair pair = refusedPair(b -> b.authentication(Authentication.disabled()), b -> b))
        {
            assertRefused(pair, "AUTH_REQUIRED");
        }
    }

    @Test
    void bothAuthenticationDisabledPairs() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b.authentication(Authentication.disabled()),
            b -> b.authentication(Authentication.disabled()), (i, c) -> { }))
        {
            pair.startBoth();
            assertTrue(pair.runUntil(pair::converged, 60));
        }
    }

    @Test
    void modeMismatchIsRefused() throws Exception
    {
        try (ConductorPair pair = refusedPair(b -> b.rolePolicy(RolePolicy.PRIMARY),
            b -> b.mode(Mode.DUAL_ACTIVE).rolePolicy(RolePolicy.SECONDARY)))
        {
            assertRefused(pair, "MODE_MISMATCH");
        }
    }

    @Test
    void bothManualPrimaryIsRefused() throws Exception
    {
        try (ConductorPair pair = refusedPair(b -> b.rolePolicy(RolePolicy.PRIMARY), b -> b.rolePolicy(RolePolicy.PRIMARY)))
        {
            assertRefused(pair, "BOTH_PRIMARY");
        }
    }

    @Test
    void manualAgainstAutoIsRefused() throws Exception
    {
        try (ConductorPair pair = refusedPair(b -> b.rolePolicy(RolePolicy.PRIMARY), b -> b))
        {
            assertRefused(pair, "POLICY_MISMATCH");
        }
    }

    @Test
    void strictFingerprintMismatchIsRefused() throws Exception
    {
        try (ConductorPair pair = refusedPair(b -> b.fingerprint("model-a/1.0", true), b -> b.fingerprint("model-b/1.0", true)))
        {
            assertRefused(pair, "FINGERPRINT_MISMATCH");
        }
    }

    @Test
    void sameNodeIdIsRefused() throws Exception
    {
        try (ConductorPair pair = refusedPair(b -> b.nodeId(5), b -> b.nodeId(5)))
        {
            assertRefused(pair, "SAME_NODE_ID");
        }
    }
}
