package io.hotstandby.impl.pairing;

import static io.hotstandby.impl.pairing.ConductorPair.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.hotstandby.codec.FrameDescriptor.MESSAGE_HEADER_LENGTH;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.codec.FrameReader;
import io.hotstandby.codec.FrameRejection;
import io.hotstandby.codec.WireSchema;
import io.hotstandby.codec.control.AuthResponseDecoder;
import io.hotstandby.codec.control.HelloAcceptDecoder;
import io.hotstandby.codec.control.HelloDecoder;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.HelloRefuseDecoder;
import io.hotstandby.codec.control.PairingTermsDecoder;

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

    /** Template ids of every message in {@code frames}, each frame validated by the real reader. */
    private static List<Integer> templates(final List<byte[]> frames)
    {
        final FrameReader reader = new FrameReader(WireSchema.CONTROL);
        final List<Integer> ids = new ArrayList<>();
        for (final byte[] frame : frames)
        {
            assertEquals(FrameRejection.OK, reader.validateBody(new UnsafeBuffer(frame), 0, frame.length));
            reader.forEach((schemaId, templateId, blockLength, version, buffer, offset, length) -> ids.add(templateId));
        }
        return ids;
    }

    private static boolean contains(final List<byte[]> frames, final String text)
    {
        final String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return frames.stream().anyMatch(f -> new String(f, StandardCharsets.ISO_8859_1).contains(needle));
    }

    @Test
    void peerWithTheWrongKeyReceivesNothingRevealingAndIsDroppedWithAReason() throws Exception
    {
        final byte[] wrongKey = "another-key-entirely-different".getBytes(StandardCharsets.UTF_8);
        try (ConductorPair pair = new ConductorPair(b -> b, b -> b.priority(217).mode(Mode.ACTIVE_STANDBY)
            .rolePolicy(RolePolicy.AUTO).softwareVersion("sw-secret-9.9.9").fingerprint("fp-secret-chassis-77", true),
            (i, c) -> { }))
        {
            final RawPeer peer = rawPeer(pair, wrongKey);
            peer.view.clear();
            step(pair, peer, true, 10);

            assertEquals(FrameLink.State.CLOSED, peer.link.state(), "the member dropped the connection");
            final String reason = pair.status(1).refusalReason();
            assertTrue(reason != null && reason.contains("AUTH_FAILED"), "reason the host can show: " + reason);
            assertTrue(pair.listeners[1].events.stream().anyMatch(e -> e.startsWith("refused") && e.contains("AUTH_FAILED")),
                pair.listeners[1].events::toString);
            assertTrue(pair.counters[1].get(CounterId.PAIRINGS_REFUSED).get() >= 1);

            final List<Integer> ids = templates(peer.frames);
            assertEquals(List.of(HelloDecoder.TEMPLATE_ID, AuthResponseDecoder.TEMPLATE_ID, HelloRefuseDecoder.TEMPLATE_ID),
                ids, "only the Hello, the answer to the peer's challenge and a bare refusal");
            assertFalse(ids.contains(PairingTermsDecoder.TEMPLATE_ID));
            assertEquals(List.of("hello", "auth", "refuse AUTH_FAILED"), peer.received);
            // the decoded Hello carries the node id, the version and the challenge, nothing else
            assertEquals(2, peer.view.nodeId);
            assertTrue(peer.view.authRequired);
            assertEquals(-1, peer.view.priority, "priority not learnt");
            assertNull(peer.view.mode, "mode not learnt");
            assertNull(peer.view.rolePolicy, "role policy not learnt");
            assertNull(peer.view.softwareVersion, "software version not learnt");
            assertEquals(0, peer.view.fingerprint.length, "fingerprint not learnt");
            assertFalse(contains(peer.frames, "fp-secret-chassis-77"), "the fingerprint is nowhere in the bytes received");
            assertFalse(contains(peer.frames, "sw-secret-9.9.9"), "the software version is nowhere in the bytes received");
            final UnsafeBuffer refusal = new UnsafeBuffer(peer.frames.get(peer.frames.size() - 1));
            final HelloRefuseDecoder refuse = new HelloRefuseDecoder()
                .wrap(refusal, MESSAGE_HEADER_LENGTH, HelloRefuseDecoder.BLOCK_LENGTH, HelloRefuseDecoder.SCHEMA_VERSION);
            assertEquals(HelloRefusal.AUTH_FAILED, refuse.reason());
            assertEquals("", refuse.detail(), "the refusal tells the impostor no more than its code");
        }
    }

    @Test
    void withAuthenticationOffTheTermsFollowTheHelloAndThePairingCompletes() throws Exception
    {
        try (ConductorPair pair = new ConductorPair(b -> b, b -> b.authentication(Authentication.disabled()),
            (i, c) -> { }))
        {
            final RawPeer peer = rawPeer(pair, new byte[0]);
            step(pair, peer, true, 10);
            assertTrue(peer.up, () -> "raw peer received " + peer.received);
            assertEquals(List.of(HelloDecoder.TEMPLATE_ID, PairingTermsDecoder.TEMPLATE_ID, HelloAcceptDecoder.TEMPLATE_ID),
                templates(peer.frames).subList(0, 3));
            assertEquals(List.of("hello", "terms", "accept"), peer.received.subList(0, 3));
            assertTrue(pair.status(1).peerUp(), "the member paired with the unauthenticated peer: authentication is off");
            assertEquals(100, pair.status(1).peer().priority(), "terms learnt after the hello");
        }
    }

    @Test
    void pairingTermsBeforeTheProofAreDroppedAndNotAdopted() throws Exception
    {
        try (ConductorPair pair = new ConductorPair())
        {
            final RawPeer peer = rawPeer(pair, KEY);
            step(pair, peer, false, 3);
            peer.publisher.hello(1, 1, true, peer.auth.newChallenge());
            peer.publisher.epoch(77);
            peer.publisher.pairingTerms(0, 9999, 100, Mode.ACTIVE_STANDBY, RolePolicy.AUTO, false, false, true, "x",
                new byte[0]);
            step(pair, peer, false, 3);
            assertEquals(FrameLink.State.CLOSED, peer.link.state());
            assertTrue(pair.listeners[1].has("protocol CONTROL pairing terms before authentication"),
                pair.listeners[1].events::toString);
            assertFalse(pair.status(1).peerUp());
            assertEquals(0, pair.status(1).epoch(), "an unauthenticated peer's epoch is never adopted");
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
