package io.hotstandby.impl.pairing;

import static io.hotstandby.impl.pairing.ConductorPair.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.counter.CounterId;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.transport.FrameLink;

/** Malformed, unauthenticated and stale input on the control channel (SPEC F3, G3). */
class HostilePeerTest
{
    private static RawPeer rawPeer(final ConductorPair pair, final byte[] key)
    {
        pair.start(1);
        pair.stopped[0] = true;
        return new RawPeer(pair.network.transport(), pair.addresses[0], pair.addresses[1], 1, key);
    }

    private static void step(final ConductorPair pair, final RawPeer peer, final boolean handshake, final int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            pair.step();
            peer.doWork(handshake);
        }
    }

    @Test
    void garbageFrameDropsTheConnectionWithAReason() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            final RawPeer peer = rawPeer(pair, KEY);
            step(pair, peer, false, 3);
            assertEquals(FrameLink.State.CONNECTED, peer.link.state());
            final SplittableRandom random = new SplittableRandom(99);
            final int offset = peer.link.tryClaim(64);
            for (int i = 4; i < 64; i++)
            {
                peer.link.buffer().putByte(offset + i, (byte)random.nextInt(256));
            }
            peer.link.commit(64);
            step(pair, peer, false, 3);
            assertEquals(FrameLink.State.CLOSED, peer.link.state());
            assertTrue(pair.counters[1].get(CounterId.FRAMES_REJECTED).get() >= 1);
            assertTrue(pair.listeners[1].has("protocol CONTROL malformed control frame"), pair.listeners[1].events::toString);
            assertFalse(pair.status(1).peerUp());
        }
    }

    @Test
    void sessionMessageBeforeAuthenticationIsDroppedAndChangesNothing() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            final RawPeer peer = rawPeer(pair, KEY);
            step(pair, peer, false, 3);
            peer.publisher.epoch(1_000);
            peer.publisher.roleAnnounce(1, FailoverState.SYNCHRONIZATION, Role.ACTIVE, SwitchoverReason.ELECTION);
            step(pair, peer, false, 3);
            assertEquals(FrameLink.State.CLOSED, peer.link.state());
            assertEquals(0, pair.status(1).epoch(), "an unauthenticated peer's epoch is never adopted");
            assertTrue(pair.listeners[1].has("protocol CONTROL role announce before the pairing completed"));
            assertFalse(peer.received.contains("accept"));
        }
    }

    @Test
    void staleEpochMessagesAreIgnoredAndCounted() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            final RawPeer peer = rawPeer(pair, KEY);
            peer.epoch = 5;
            step(pair, peer, true, 5);
            assertTrue(peer.up, peer.received::toString);
            peer.publisher.epoch(5);
            peer.publisher.roleAnnounce(1, FailoverState.SYNCHRONIZATION, Role.ACTIVE, SwitchoverReason.ELECTION);
            step(pair, peer, true, 5);
            assertEquals(Role.STANDBY, pair.role(1), "follows the already active peer");
            final long epoch = pair.status(1).epoch();
            assertTrue(epoch > 5);
            final long rejectedBefore = pair.counters[1].get(CounterId.FRAMES_REJECTED).get();

            peer.publisher.epoch(2);
            peer.publisher.roleAnnounce(1, FailoverState.SYNCHRONIZATION, Role.STANDBY, SwitchoverReason.OPERATOR);
            peer.publisher.switchoverRequest(77, 1, SwitchoverReason.OPERATOR);
            step(pair, peer, true, 20);
            assertEquals(Role.STANDBY, pair.role(1), "a stale announcement and request change nothing");
            assertEquals(epoch, pair.status(1).epoch());
            assertTrue(pair.counters[1].get(CounterId.FRAMES_REJECTED).get() >= rejectedBefore + 2);
            assertTrue(peer.received.contains("switchover-response false STALE_EPOCH"), peer.received::toString);
            assertTrue(pair.status(1).peerUp(), "stale messages do not drop an authenticated peer");
        }
    }
}
