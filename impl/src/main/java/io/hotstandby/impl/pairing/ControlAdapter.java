package io.hotstandby.impl.pairing;

import org.agrona.DirectBuffer;

import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.codec.FrameMessageHandler;
import io.hotstandby.codec.FrameReader;
import io.hotstandby.codec.FrameRejection;
import io.hotstandby.codec.WireSchema;
import io.hotstandby.codec.control.AuthResponseDecoder;
import io.hotstandby.codec.control.BooleanType;
import io.hotstandby.codec.control.CommandOutcome;
import io.hotstandby.codec.control.ConfigChunkDecoder;
import io.hotstandby.codec.control.ConfigDigestDecoder;
import io.hotstandby.codec.control.HelloAcceptDecoder;
import io.hotstandby.codec.control.HelloDecoder;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.HelloRefuseDecoder;
import io.hotstandby.codec.control.KeepaliveAckDecoder;
import io.hotstandby.codec.control.KeepaliveDecoder;
import io.hotstandby.codec.control.PairingTermsDecoder;
import io.hotstandby.codec.control.OperatorCommandRequestDecoder;
import io.hotstandby.codec.control.OperatorCommandResultDecoder;
import io.hotstandby.codec.control.RoleAnnounceDecoder;
import io.hotstandby.codec.control.SwitchoverRefusal;
import io.hotstandby.codec.control.SwitchoverRequestDecoder;
import io.hotstandby.codec.control.SwitchoverResponseDecoder;

/**
 * Decodes control-channel frames (SPEC A2, A3, F3): every frame is first checked by the bounded
 * {@link FrameReader}; then each message is decoded in place by a decoder kept as a field and handed
 * to the {@link ControlListener} as values (Aeron's Adapter). A frame that fails the check, or a
 * message with a value unknown to this version (an enum code, an unexpected template), is reported
 * through {@link ControlListener#onMalformed(String)} and nothing more of the frame is delivered.
 *
 * <p>Frames are accepted with or without the stream length prefix that {@code FrameWriter} writes,
 * whichever way the transport delivers them.
 *
 * <p>Threading: conductor thread only.
 */
public final class ControlAdapter implements FrameHandler, FrameMessageHandler
{
    /** Largest control frame, bytes: one configuration chunk plus headers. */
    public static final int MAX_FRAME_LENGTH = 32 * 1024;

    private final FrameReader reader = new FrameReader(WireSchema.CONTROL, MAX_FRAME_LENGTH);
    private final ControlListener listener;
    private final PeerView peerScratch;
    private final HelloDecoder hello = new HelloDecoder();
    private final AuthResponseDecoder authResponse = new AuthResponseDecoder();
    private final HelloAcceptDecoder helloAccept = new HelloAcceptDecoder();
    private final HelloRefuseDecoder helloRefuse = new HelloRefuseDecoder();
    private final KeepaliveDecoder keepalive = new KeepaliveDecoder();
    private final KeepaliveAckDecoder keepaliveAck = new KeepaliveAckDecoder();
    private final PairingTermsDecoder pairingTerms = new PairingTermsDecoder();
    private final RoleAnnounceDecoder roleAnnounce = new RoleAnnounceDecoder();
    private final SwitchoverRequestDecoder switchoverRequest = new SwitchoverRequestDecoder();
    private final SwitchoverResponseDecoder switchoverResponse = new SwitchoverResponseDecoder();
    private final OperatorCommandRequestDecoder commandRequest = new OperatorCommandRequestDecoder();
    private final OperatorCommandResultDecoder commandResult = new OperatorCommandResultDecoder();
    private final ConfigChunkDecoder configChunk = new ConfigChunkDecoder();
    private final ConfigDigestDecoder configDigest = new ConfigDigestDecoder();
    private boolean failed;

    /**
     * @param listener    receives decoded messages.
     * @param peerScratch filled with the fields of a received Hello.
     */
    public ControlAdapter(final ControlListener listener, final PeerView peerScratch)
    {
        this.listener = listener;
        this.peerScratch = peerScratch;
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        failed = false;
        final FrameRejection rejection;
        if (length >= FrameDescriptor.MIN_FRAME_LENGTH &&
            buffer.getInt(offset, java.nio.ByteOrder.LITTLE_ENDIAN) == length - FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH)
        {
            rejection = reader.validateFrame(buffer, offset, length);
        }
        else
        {
            rejection = reader.validateBody(buffer, offset, length);
        }
        if (rejection != FrameRejection.OK)
        {
            listener.onMalformed("malformed control frame: " + rejection + " at offset " + reader.errorOffset());
            return;
        }
        reader.forEach(this);
    }

    @Override
    public void onMessage(final int schemaId, final int templateId, final int actingBlockLength,
        final int actingVersion, final DirectBuffer buffer, final int offset, final int length)
    {
        if (failed)
        {
            return;
        }
        switch (templateId)
        {
            case HelloDecoder.TEMPLATE_ID -> onHello(buffer, offset, actingBlockLength, actingVersion);
            case PairingTermsDecoder.TEMPLATE_ID -> onPairingTerms(buffer, offset, actingBlockLength, actingVersion);
            case AuthResponseDecoder.TEMPLATE_ID ->
            {
                authResponse.wrap(buffer, offset, actingBlockLength, actingVersion);
                final byte[] hmac = new byte[authResponse.hmacLength()];
                authResponse.getHmac(hmac, 0, hmac.length);
                listener.onAuthResponse(authResponse.epoch(), authResponse.nodeId(), hmac);
            }
            case HelloAcceptDecoder.TEMPLATE_ID ->
            {
                helloAccept.wrap(buffer, offset, actingBlockLength, actingVersion);
                listener.onHelloAccept(helloAccept.epoch(), helloAccept.nodeId(), helloAccept.protocolVersion());
            }
            case HelloRefuseDecoder.TEMPLATE_ID ->
            {
                helloRefuse.wrap(buffer, offset, actingBlockLength, actingVersion);
                final HelloRefusal reason = helloRefuse.reason();
                listener.onHelloRefuse(helloRefuse.epoch(), helloRefuse.nodeId(), reason, helloRefuse.detail());
            }
            case KeepaliveDecoder.TEMPLATE_ID ->
            {
                keepalive.wrap(buffer, offset, actingBlockLength, actingVersion);
                final FailoverState state = FailoverState.fromCodeOrNull(keepalive.stateRaw());
                final Role role = Role.fromCodeOrNull(keepalive.roleRaw());
                if (state == null || role == null)
                {
                    fail("keepalive with unknown state or role");
                    return;
                }
                listener.onKeepalive(keepalive.epoch(), keepalive.sequence(), keepalive.sentTimeNs(), keepalive.health(),
                    state, role);
            }
            case KeepaliveAckDecoder.TEMPLATE_ID ->
            {
                keepaliveAck.wrap(buffer, offset, actingBlockLength, actingVersion);
                final FailoverState state = FailoverState.fromCodeOrNull(keepaliveAck.stateRaw());
                final Role role = Role.fromCodeOrNull(keepaliveAck.roleRaw());
                if (state == null || role == null)
                {
                    fail("keepalive ack with unknown state or role");
                    return;
                }
                listener.onKeepaliveAck(keepaliveAck.epoch(), keepaliveAck.sequence(), keepaliveAck.sentTimeNs(),
                    keepaliveAck.health(), state, role);
            }
            case RoleAnnounceDecoder.TEMPLATE_ID ->
            {
                roleAnnounce.wrap(buffer, offset, actingBlockLength, actingVersion);
                final FailoverState state = FailoverState.fromCodeOrNull(roleAnnounce.stateRaw());
                final Role role = Role.fromCodeOrNull(roleAnnounce.roleRaw());
                final SwitchoverReason reason = SwitchoverReason.fromCodeOrNull(roleAnnounce.reasonRaw());
                if (state == null || role == null || reason == null)
                {
                    fail("role announce with unknown state, role or reason");
                    return;
                }
                listener.onRoleAnnounce(roleAnnounce.epoch(), roleAnnounce.nodeId(), state, role, reason);
            }
            case SwitchoverRequestDecoder.TEMPLATE_ID ->
            {
                switchoverRequest.wrap(buffer, offset, actingBlockLength, actingVersion);
                final SwitchoverReason reason = SwitchoverReason.fromCodeOrNull(switchoverRequest.reasonRaw());
                if (reason == null)
                {
                    fail("switchover request with unknown reason");
                    return;
                }
                listener.onSwitchoverRequest(switchoverRequest.epoch(), switchoverRequest.requestId(),
                    switchoverRequest.nodeId(), reason);
            }
            case SwitchoverResponseDecoder.TEMPLATE_ID ->
            {
                switchoverResponse.wrap(buffer, offset, actingBlockLength, actingVersion);
                final BooleanType accepted = switchoverResponse.accepted();
                final SwitchoverRefusal refusal = switchoverResponse.refusal();
                if (accepted == BooleanType.NULL_VAL || refusal == SwitchoverRefusal.NULL_VAL)
                {
                    fail("switchover response with unknown values");
                    return;
                }
                listener.onSwitchoverResponse(switchoverResponse.epoch(), switchoverResponse.requestId(),
                    switchoverResponse.nodeId(), accepted == BooleanType.TRUE, refusal);
            }
            case OperatorCommandRequestDecoder.TEMPLATE_ID ->
            {
                commandRequest.wrap(buffer, offset, actingBlockLength, actingVersion);
                final OperatorCommand command = OperatorCommand.fromCodeOrNull(commandRequest.commandRaw());
                if (command == null)
                {
                    fail("operator command with unknown code");
                    return;
                }
                listener.onCommandRequest(commandRequest.epoch(), commandRequest.requestId(), command);
            }
            case OperatorCommandResultDecoder.TEMPLATE_ID ->
            {
                commandResult.wrap(buffer, offset, actingBlockLength, actingVersion);
                final OperatorCommand command = OperatorCommand.fromCodeOrNull(commandResult.commandRaw());
                final CommandOutcome outcome = commandResult.outcome();
                if (command == null || outcome == CommandOutcome.NULL_VAL)
                {
                    fail("operator command result with unknown values");
                    return;
                }
                listener.onCommandResult(commandResult.epoch(), commandResult.requestId(), command,
                    outcome == CommandOutcome.DONE, commandResult.reason());
            }
            case ConfigChunkDecoder.TEMPLATE_ID ->
            {
                configChunk.wrap(buffer, offset, actingBlockLength, actingVersion);
                final long epoch = configChunk.epoch();
                final long transferId = configChunk.transferId();
                final int index = configChunk.chunkIndex();
                final boolean last = configChunk.last() == BooleanType.TRUE;
                final boolean change = configChunk.change() == BooleanType.TRUE;
                final String module = configChunk.moduleName();
                final byte[] bytes = new byte[configChunk.bytesLength()];
                configChunk.getBytes(bytes, 0, bytes.length);
                listener.onConfigChunk(epoch, transferId, index, last, change, module, bytes);
            }
            case ConfigDigestDecoder.TEMPLATE_ID ->
            {
                configDigest.wrap(buffer, offset, actingBlockLength, actingVersion);
                final long epoch = configDigest.epoch();
                final long digest = configDigest.digest();
                configDigest.itemCount();
                listener.onConfigDigest(epoch, configDigest.moduleName(), digest);
            }
            default -> fail("unexpected control message template " + templateId);
        }
    }

    private void onHello(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        hello.wrap(buffer, offset, blockLength, version);
        final PeerView p = peerScratch;
        final long epoch = hello.epoch();
        p.nodeId = hello.nodeId();
        p.protocolVersion = hello.protocolVersion();
        p.authRequired = hello.flags().authRequired();
        p.challenge = new byte[hello.authChallengeLength()];
        hello.getAuthChallenge(p.challenge, 0, p.challenge.length);
        listener.onHello(epoch, p);
    }

    private void onPairingTerms(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        pairingTerms.wrap(buffer, offset, blockLength, version);
        final long epoch = pairingTerms.epoch();
        final Mode mode = modeOrNull(pairingTerms.modeRaw());
        final RolePolicy policy = policyOrNull(pairingTerms.rolePolicyRaw());
        if (mode == null || policy == null)
        {
            fail("pairing terms with unknown mode or role policy");
            return;
        }
        final PeerView p = peerScratch;
        pairingTerms.wallClockMs();
        p.priority = pairingTerms.priority();
        p.health = pairingTerms.health();
        p.mode = mode;
        p.rolePolicy = policy;
        p.strictFingerprint = pairingTerms.flags().strictFingerprint();
        p.ready = pairingTerms.flags().ready();
        p.softwareVersion = pairingTerms.softwareVersion();
        p.fingerprint = new byte[pairingTerms.fingerprintLength()];
        pairingTerms.getFingerprint(p.fingerprint, 0, p.fingerprint.length);
        listener.onPairingTerms(epoch, p);
    }

    private void fail(final String reason)
    {
        failed = true;
        listener.onMalformed(reason);
    }

    private static Mode modeOrNull(final short code)
    {
        for (final Mode m : Mode.values())
        {
            if (m.code() == code)
            {
                return m;
            }
        }
        return null;
    }

    private static RolePolicy policyOrNull(final short code)
    {
        for (final RolePolicy p : RolePolicy.values())
        {
            if (p.code() == code)
            {
                return p;
            }
        }
        return null;
    }
}
