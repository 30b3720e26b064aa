package io.hotstandby.codec;

import io.hotstandby.codec.control.AuthResponseDecoder;
import io.hotstandby.codec.control.AuthResponseEncoder;
import io.hotstandby.codec.control.BooleanType;
import io.hotstandby.codec.control.CommandOutcome;
import io.hotstandby.codec.control.ConfigChunkDecoder;
import io.hotstandby.codec.control.ConfigChunkEncoder;
import io.hotstandby.codec.control.ConfigDigestDecoder;
import io.hotstandby.codec.control.ConfigDigestEncoder;
import io.hotstandby.codec.control.FailoverState;
import io.hotstandby.codec.control.HelloAcceptDecoder;
import io.hotstandby.codec.control.HelloAcceptEncoder;
import io.hotstandby.codec.control.HelloDecoder;
import io.hotstandby.codec.control.HelloEncoder;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.HelloRefuseDecoder;
import io.hotstandby.codec.control.HelloRefuseEncoder;
import io.hotstandby.codec.control.PairingTermsDecoder;
import io.hotstandby.codec.control.PairingTermsEncoder;
import io.hotstandby.codec.control.KeepaliveAckDecoder;
import io.hotstandby.codec.control.KeepaliveAckEncoder;
import io.hotstandby.codec.control.KeepaliveDecoder;
import io.hotstandby.codec.control.KeepaliveEncoder;
import io.hotstandby.codec.control.Mode;
import io.hotstandby.codec.control.OperatorCommand;
import io.hotstandby.codec.control.OperatorCommandRequestDecoder;
import io.hotstandby.codec.control.OperatorCommandRequestEncoder;
import io.hotstandby.codec.control.OperatorCommandResultDecoder;
import io.hotstandby.codec.control.OperatorCommandResultEncoder;
import io.hotstandby.codec.control.Role;
import io.hotstandby.codec.control.RoleAnnounceDecoder;
import io.hotstandby.codec.control.RoleAnnounceEncoder;
import io.hotstandby.codec.control.RolePolicy;
import io.hotstandby.codec.control.SwitchoverReason;
import io.hotstandby.codec.control.SwitchoverRefusal;
import io.hotstandby.codec.control.SwitchoverRequestDecoder;
import io.hotstandby.codec.control.SwitchoverRequestEncoder;
import io.hotstandby.codec.control.SwitchoverResponseDecoder;
import io.hotstandby.codec.control.SwitchoverResponseEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.hotstandby.codec.FrameDescriptor.MAX_AUTH_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_CONFIG_CHUNK_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_FINGERPRINT_LENGTH;
import static io.hotstandby.codec.FrameDescriptor.MAX_TEXT_LENGTH;
import static io.hotstandby.codec.FrameFixture.assertConsumed;
import static io.hotstandby.codec.FrameFixture.assertLast;
import static io.hotstandby.codec.FrameFixture.readSingle;
import static io.hotstandby.codec.FrameFixture.varBytes;
import static io.hotstandby.codec.Samples.EXAMPLES;
import static io.hotstandby.codec.Samples.SEED;
import static io.hotstandby.codec.Samples.samples;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * Round trip of every control-schema message through FrameWriter, FrameReader and the generated
 * decoders, with extreme and random field values.
 */
class ControlRoundTripTest
{
    private static final int UINT16_MAX = 65535;

    private final FrameFixture fixture = new FrameFixture();
    private final FrameReader reader = new FrameReader(WireSchema.CONTROL);

    @Test
    void hello()
    {
        final HelloEncoder encoder = new HelloEncoder();
        final HelloDecoder decoder = new HelloDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final int version = s.unsigned(3, UINT16_MAX);
            final boolean authRequired = 0 != s.unsigned(2, 1);
            final byte[] challenge = s.blob(2, MAX_AUTH_LENGTH);

            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
            {
                e.epoch(s.l(0)).nodeId(s.i(0)).protocolVersion(version);
                e.flags().clear().authRequired(authRequired);
                e.putAuthChallenge(challenge, 0, challenge.length);
            });

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.i(0), decoder.nodeId());
            assertEquals(version, decoder.protocolVersion());
            assertEquals(authRequired, decoder.flags().authRequired());
            assertArrayEquals(challenge, varBytes(decoder.authChallengeLength(), decoder::getAuthChallenge));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void pairingTerms()
    {
        final PairingTermsEncoder encoder = new PairingTermsEncoder();
        final PairingTermsDecoder decoder = new PairingTermsDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final Mode mode = s.pick(Mode.values(), 0);
            final RolePolicy policy = s.pick(RolePolicy.values(), 1);
            final int flags = s.unsigned(2, 31);
            final byte[] software = s.blob(0, MAX_TEXT_LENGTH);
            final byte[] fingerprint = s.blob(1, MAX_FINGERPRINT_LENGTH);

            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
            {
                e.epoch(s.l(0)).wallClockMs(s.l(1)).priority(s.i(1)).health(s.i(2)).mode(mode).rolePolicy(policy);
                e.flags().clear()
                    .authRequired(0 != (flags & 1))
                    .tls(0 != (flags & 2))
                    .strictFingerprint(0 != (flags & 4))
                    .preemptEnabled(0 != (flags & 8))
                    .ready(0 != (flags & 16));
                e.putSoftwareVersion(software, 0, software.length)
                    .putFingerprint(fingerprint, 0, fingerprint.length);
            });

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.wallClockMs());
            assertEquals(s.i(1), decoder.priority());
            assertEquals(s.i(2), decoder.health());
            assertEquals(mode, decoder.mode());
            assertEquals(policy, decoder.rolePolicy());
            assertEquals(flags, decoder.flags().getRaw());
            assertArrayEquals(software, varBytes(decoder.softwareVersionLength(), decoder::getSoftwareVersion));
            assertArrayEquals(fingerprint, varBytes(decoder.fingerprintLength(), decoder::getFingerprint));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void authResponse()
    {
        final AuthResponseEncoder encoder = new AuthResponseEncoder();
        final AuthResponseDecoder decoder = new AuthResponseDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final byte[] hmac = s.blob(0, MAX_AUTH_LENGTH);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).nodeId(s.i(0)).putHmac(hmac, 0, hmac.length));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.i(0), decoder.nodeId());
            assertArrayEquals(hmac, varBytes(decoder.hmacLength(), decoder::getHmac));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void helloAccept()
    {
        final HelloAcceptEncoder encoder = new HelloAcceptEncoder();
        final HelloAcceptDecoder decoder = new HelloAcceptDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final int version = s.unsigned(0, UINT16_MAX);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).nodeId(s.i(0)).protocolVersion(version));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.i(0), decoder.nodeId());
            assertEquals(version, decoder.protocolVersion());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void helloRefuse()
    {
        final HelloRefuseEncoder encoder = new HelloRefuseEncoder();
        final HelloRefuseDecoder decoder = new HelloRefuseDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final HelloRefusal reason = s.pick(HelloRefusal.values(), 0);
            final byte[] detail = s.blob(0, MAX_TEXT_LENGTH);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).nodeId(s.i(0)).reason(reason).putDetail(detail, 0, detail.length));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.i(0), decoder.nodeId());
            assertEquals(reason, decoder.reason());
            assertArrayEquals(detail, varBytes(decoder.detailLength(), decoder::getDetail));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void keepalive()
    {
        final KeepaliveEncoder encoder = new KeepaliveEncoder();
        final KeepaliveDecoder decoder = new KeepaliveDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final FailoverState state = s.pick(FailoverState.values(), 0);
            final Role role = s.pick(Role.values(), 1);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).sequence(s.l(1)).sentTimeNs(s.l(2)).health(s.i(0)).state(state).role(role));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.sequence());
            assertEquals(s.l(2), decoder.sentTimeNs());
            assertEquals(s.i(0), decoder.health());
            assertEquals(state, decoder.state());
            assertEquals(role, decoder.role());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void keepaliveAck()
    {
        final KeepaliveAckEncoder encoder = new KeepaliveAckEncoder();
        final KeepaliveAckDecoder decoder = new KeepaliveAckDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final FailoverState state = s.pick(FailoverState.values(), 0);
            final Role role = s.pick(Role.values(), 1);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).sequence(s.l(1)).sentTimeNs(s.l(2)).health(s.i(0)).state(state).role(role));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.sequence());
            assertEquals(s.l(2), decoder.sentTimeNs());
            assertEquals(s.i(0), decoder.health());
            assertEquals(state, decoder.state());
            assertEquals(role, decoder.role());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void roleAnnounce()
    {
        final RoleAnnounceEncoder encoder = new RoleAnnounceEncoder();
        final RoleAnnounceDecoder decoder = new RoleAnnounceDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final FailoverState state = s.pick(FailoverState.values(), 0);
            final Role role = s.pick(Role.values(), 1);
            final SwitchoverReason reason = s.pick(SwitchoverReason.values(), 2);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).nodeId(s.i(0)).state(state).role(role).reason(reason));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.i(0), decoder.nodeId());
            assertEquals(state, decoder.state());
            assertEquals(role, decoder.role());
            assertEquals(reason, decoder.reason());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void switchoverRequest()
    {
        final SwitchoverRequestEncoder encoder = new SwitchoverRequestEncoder();
        final SwitchoverRequestDecoder decoder = new SwitchoverRequestDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final SwitchoverReason reason = s.pick(SwitchoverReason.values(), 0);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).requestId(s.l(1)).nodeId(s.i(0)).reason(reason));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.requestId());
            assertEquals(s.i(0), decoder.nodeId());
            assertEquals(reason, decoder.reason());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void switchoverResponse()
    {
        final SwitchoverResponseEncoder encoder = new SwitchoverResponseEncoder();
        final SwitchoverResponseDecoder decoder = new SwitchoverResponseDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final BooleanType accepted = s.pick(BooleanType.values(), 0);
            final SwitchoverRefusal refusal = s.pick(SwitchoverRefusal.values(), 1);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).requestId(s.l(1)).nodeId(s.i(0)).accepted(accepted).refusal(refusal));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.requestId());
            assertEquals(s.i(0), decoder.nodeId());
            assertEquals(accepted, decoder.accepted());
            assertEquals(refusal, decoder.refusal());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void operatorCommandRequest()
    {
        final OperatorCommandRequestEncoder encoder = new OperatorCommandRequestEncoder();
        final OperatorCommandRequestDecoder decoder = new OperatorCommandRequestDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final OperatorCommand command = s.pick(OperatorCommand.values(), 0);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).requestId(s.l(1)).command(command));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.requestId());
            assertEquals(command, decoder.command());
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void operatorCommandResult()
    {
        final OperatorCommandResultEncoder encoder = new OperatorCommandResultEncoder();
        final OperatorCommandResultDecoder decoder = new OperatorCommandResultDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final OperatorCommand command = s.pick(OperatorCommand.values(), 0);
            final CommandOutcome outcome = s.pick(CommandOutcome.values(), 1);
            final byte[] reason = s.blob(0, MAX_TEXT_LENGTH);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).requestId(s.l(1)).command(command).outcome(outcome)
                    .putReason(reason, 0, reason.length));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.requestId());
            assertEquals(command, decoder.command());
            assertEquals(outcome, decoder.outcome());
            assertArrayEquals(reason, varBytes(decoder.reasonLength(), decoder::getReason));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void configDigest()
    {
        final ConfigDigestEncoder encoder = new ConfigDigestEncoder();
        final ConfigDigestDecoder decoder = new ConfigDigestDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final byte[] module = s.blob(0, MAX_TEXT_LENGTH);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).digest(s.l(1)).itemCount(s.i(0)).putModuleName(module, 0, module.length));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.digest());
            assertEquals(s.i(0), decoder.itemCount());
            assertArrayEquals(module, varBytes(decoder.moduleNameLength(), decoder::getModuleName));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }

    @Test
    void configChunk()
    {
        final ConfigChunkEncoder encoder = new ConfigChunkEncoder();
        final ConfigChunkDecoder decoder = new ConfigChunkDecoder();
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(samples()).checkAssert((s) ->
        {
            final BooleanType last = s.pick(BooleanType.values(), 0);
            final BooleanType change = s.pick(BooleanType.values(), 1);
            final byte[] module = s.blob(0, MAX_TEXT_LENGTH);
            final byte[] bytes = s.blob(1, MAX_CONFIG_CHUNK_LENGTH);
            final UnsafeBuffer frame = fixture.single(encoder, (e) ->
                e.epoch(s.l(0)).transferId(s.l(1)).chunkIndex(s.i(0)).last(last).change(change)
                    .putModuleName(module, 0, module.length)
                    .putBytes(bytes, 0, bytes.length));

            readSingle(reader, frame, decoder);
            assertEquals(s.l(0), decoder.epoch());
            assertEquals(s.l(1), decoder.transferId());
            assertEquals(s.i(0), decoder.chunkIndex());
            assertEquals(last, decoder.last());
            assertEquals(change, decoder.change());
            assertArrayEquals(module, varBytes(decoder.moduleNameLength(), decoder::getModuleName));
            assertArrayEquals(bytes, varBytes(decoder.bytesLength(), decoder::getBytes));
            assertConsumed(reader, decoder);
            assertLast(reader);
        });
    }
}
