package io.hotstandby.impl.pairing;

import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.codec.FrameWriter;
import io.hotstandby.codec.control.AuthResponseEncoder;
import io.hotstandby.codec.control.BooleanType;
import io.hotstandby.codec.control.CommandOutcome;
import io.hotstandby.codec.control.ConfigChunkEncoder;
import io.hotstandby.codec.control.ConfigDigestEncoder;
import io.hotstandby.codec.control.HelloAcceptEncoder;
import io.hotstandby.codec.control.HelloEncoder;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.HelloRefuseEncoder;
import io.hotstandby.codec.control.KeepaliveAckEncoder;
import io.hotstandby.codec.control.KeepaliveEncoder;
import io.hotstandby.codec.control.PairingTermsEncoder;
import io.hotstandby.codec.control.OperatorCommandRequestEncoder;
import io.hotstandby.codec.control.OperatorCommandResultEncoder;
import io.hotstandby.codec.control.RoleAnnounceEncoder;
import io.hotstandby.codec.control.SwitchoverRefusal;
import io.hotstandby.codec.control.SwitchoverRequestEncoder;
import io.hotstandby.codec.control.SwitchoverResponseEncoder;
import io.hotstandby.impl.configsync.ConfigOutbound;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

/**
 * Encodes control-channel messages (SPEC A2, A3, A10, A11, C2, C3, D1) straight into the current
 * {@link FrameLink}'s claimed buffer: one frame per message, encoders kept as fields (Aeron's
 * Publisher). Every method returns false when the link cannot take the frame now (not connected or
 * back-pressured); the caller decides whether to retry. The caller flushes once per duty cycle.
 *
 * <p>A configuration chunk that carries one change ({@code applyChange}) rather than a whole export
 * is sent with a negative transfer id (the version-1 schema has no separate flag).
 *
 * <p>Threading: conductor thread only.
 */
public final class ControlPublisher implements ConfigOutbound
{
    /** Claim used for every message except configuration chunks, bytes. */
    static final int SMALL_CLAIM = 1024;
    /** Claim used for configuration chunks, bytes. */
    static final int CHUNK_CLAIM = 17 * 1024;

    private final FrameWriter writer = new FrameWriter();
    private final HelloEncoder hello = new HelloEncoder();
    private final PairingTermsEncoder pairingTerms = new PairingTermsEncoder();
    private final AuthResponseEncoder authResponse = new AuthResponseEncoder();
    private final HelloAcceptEncoder helloAccept = new HelloAcceptEncoder();
    private final HelloRefuseEncoder helloRefuse = new HelloRefuseEncoder();
    private final KeepaliveEncoder keepalive = new KeepaliveEncoder();
    private final KeepaliveAckEncoder keepaliveAck = new KeepaliveAckEncoder();
    private final RoleAnnounceEncoder roleAnnounce = new RoleAnnounceEncoder();
    private final SwitchoverRequestEncoder switchoverRequest = new SwitchoverRequestEncoder();
    private final SwitchoverResponseEncoder switchoverResponse = new SwitchoverResponseEncoder();
    private final OperatorCommandRequestEncoder commandRequest = new OperatorCommandRequestEncoder();
    private final OperatorCommandResultEncoder commandResult = new OperatorCommandResultEncoder();
    private final ConfigChunkEncoder configChunk = new ConfigChunkEncoder();
    private final ConfigDigestEncoder configDigest = new ConfigDigestEncoder();

    private FrameLink link;
    private long epoch;

    /** @param link the link to write to, or null when there is none. */
    void link(final FrameLink link)
    {
        this.link = link;
    }

    /** @param epoch the epoch stamped on every following message (G3). */
    void epoch(final long epoch)
    {
        this.epoch = epoch;
    }

    private boolean claim(final int length)
    {
        if (link == null)
        {
            return false;
        }
        final int offset = link.tryClaim(length);
        if (offset < 0)
        {
            return false;
        }
        writer.wrap(link.buffer(), offset, length);
        return true;
    }

    private boolean finish()
    {
        link.commit(writer.finish());
        return true;
    }

    /**
     * The first message on a connection: only what the challenge-response needs (F3), epoch 0.
     */
    boolean hello(final int nodeId, final int version, final boolean authRequired, final byte[] challenge)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(hello).epoch(0).nodeId(nodeId).protocolVersion(version);
        hello.flags().clear().authRequired(authRequired);
        hello.putAuthChallenge(challenge, 0, challenge.length);
        writer.commit(hello);
        return finish();
    }

    /**
     * What the pairing rules check (A3); sent only once the peer has proved the key.
     */
    boolean pairingTerms(final long wallClockMs, final int priority, final int health, final Mode mode,
        final RolePolicy policy, final boolean strictFingerprint, final boolean preempt, final boolean ready,
        final String softwareVersion, final byte[] fingerprint)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(pairingTerms).epoch(epoch).wallClockMs(wallClockMs).priority(priority).health(health)
            .mode(io.hotstandby.codec.control.Mode.get((short)mode.code()))
            .rolePolicy(io.hotstandby.codec.control.RolePolicy.get((short)policy.code()));
        pairingTerms.flags().clear().strictFingerprint(strictFingerprint).preemptEnabled(preempt).ready(ready);
        pairingTerms.softwareVersion(softwareVersion == null ? "" : truncate(softwareVersion));
        pairingTerms.putFingerprint(fingerprint, 0, fingerprint.length);
        writer.commit(pairingTerms);
        return finish();
    }

    boolean authResponse(final int nodeId, final byte[] hmac)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(authResponse).epoch(epoch).nodeId(nodeId).putHmac(hmac, 0, hmac.length);
        writer.commit(authResponse);
        return finish();
    }

    boolean helloAccept(final int nodeId, final int version)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(helloAccept).epoch(epoch).nodeId(nodeId).protocolVersion(version);
        writer.commit(helloAccept);
        return finish();
    }

    boolean helloRefuse(final int nodeId, final HelloRefusal reason, final String detail)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(helloRefuse).epoch(epoch).nodeId(nodeId).reason(reason).detail(truncate(detail));
        writer.commit(helloRefuse);
        return finish();
    }

    boolean keepalive(final long sequence, final long nowNs, final int health, final FailoverState state,
        final Role role)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(keepalive).epoch(epoch).sequence(sequence).sentTimeNs(nowNs).health(health)
            .state(io.hotstandby.codec.control.FailoverState.get((short)state.code()))
            .role(io.hotstandby.codec.control.Role.get((short)role.code()));
        writer.commit(keepalive);
        return finish();
    }

    boolean keepaliveAck(final long sequence, final long sentTimeNs, final int health, final FailoverState state,
        final Role role)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(keepaliveAck).epoch(epoch).sequence(sequence).sentTimeNs(sentTimeNs).health(health)
            .state(io.hotstandby.codec.control.FailoverState.get((short)state.code()))
            .role(io.hotstandby.codec.control.Role.get((short)role.code()));
        writer.commit(keepaliveAck);
        return finish();
    }

    boolean roleAnnounce(final int nodeId, final FailoverState state, final Role role, final SwitchoverReason reason)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(roleAnnounce).epoch(epoch).nodeId(nodeId)
            .state(io.hotstandby.codec.control.FailoverState.get((short)state.code()))
            .role(io.hotstandby.codec.control.Role.get((short)role.code()))
            .reason(io.hotstandby.codec.control.SwitchoverReason.get((short)reason.code()));
        writer.commit(roleAnnounce);
        return finish();
    }

    boolean switchoverRequest(final long requestId, final int nodeId, final SwitchoverReason reason)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(switchoverRequest).epoch(epoch).requestId(requestId).nodeId(nodeId)
            .reason(io.hotstandby.codec.control.SwitchoverReason.get((short)reason.code()));
        writer.commit(switchoverRequest);
        return finish();
    }

    boolean switchoverResponse(final long requestId, final int nodeId, final boolean accepted,
        final SwitchoverRefusal refusal)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(switchoverResponse).epoch(epoch).requestId(requestId).nodeId(nodeId)
            .accepted(accepted ? BooleanType.TRUE : BooleanType.FALSE).refusal(refusal);
        writer.commit(switchoverResponse);
        return finish();
    }

    boolean commandRequest(final long requestId, final OperatorCommand command)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(commandRequest).epoch(epoch).requestId(requestId)
            .command(io.hotstandby.codec.control.OperatorCommand.get((short)command.code()));
        writer.commit(commandRequest);
        return finish();
    }

    boolean commandResult(final long requestId, final OperatorCommand command, final boolean done, final String reason)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(commandResult).epoch(epoch).requestId(requestId)
            .command(io.hotstandby.codec.control.OperatorCommand.get((short)command.code()))
            .outcome(done ? CommandOutcome.DONE : CommandOutcome.REFUSED).reason(truncate(reason));
        writer.commit(commandResult);
        return finish();
    }

    @Override
    public boolean sendChunk(final String module, final long transferId, final int chunkIndex, final boolean last,
        final boolean change, final byte[] bytes, final int offset, final int length)
    {
        if (!claim(CHUNK_CLAIM))
        {
            return false;
        }
        writer.begin(configChunk).epoch(epoch).transferId(transferId).chunkIndex(chunkIndex)
            .last(last ? BooleanType.TRUE : BooleanType.FALSE).change(change ? BooleanType.TRUE : BooleanType.FALSE).moduleName(truncate(module))
            .putBytes(bytes, offset, length);
        writer.commit(configChunk);
        return finish();
    }

    @Override
    public boolean sendDigest(final String module, final long digest)
    {
        if (!claim(SMALL_CLAIM))
        {
            return false;
        }
        writer.begin(configDigest).epoch(epoch).digest(digest).itemCount(0).moduleName(truncate(module));
        writer.commit(configDigest);
        return finish();
    }

    private static String truncate(final String text)
    {
        if (text == null)
        {
            return "";
        }
        String t = text;
        while (t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255)
        {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
