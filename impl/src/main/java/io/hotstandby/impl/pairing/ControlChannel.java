package io.hotstandby.impl.pairing;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.time.Clock;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.WireSchema;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.SwitchoverRefusal;

/**
 * The control channel of one member (SPEC A2, A3, F3): opens a link through the {@link FrameTransport}
 * (the member with the higher address listens, the other connects), runs the Hello and the
 * pre-shared-key challenge-response, sends keepalives at the interval and answers the peer's, and
 * reconnects with bounded backoff. It detects; the conductor decides ({@link ChannelObserver}). Each
 * duty cycle first drives the transport's own I/O ({@link FrameTransport#doWork()}: the built-in TCP
 * transport of the control channel has no thread of its own), so a keepalive is read and answered
 * within one duty cycle of the conductor's thread.
 *
 * <p>Handshake on a new connection (F3: nothing about this member's configuration travels before
 * the peer has proved the key): both send Hello, which carries only the protocol version, the node id,
 * whether authentication is required and a fresh challenge. On the peer's Hello a member answers the
 * challenge (AuthResponse). Once the peer's answer verifies (at once, when authentication is off on
 * both) it sends its PairingTerms (epoch, wall clock, priority, health, mode, role policy, software
 * version, fingerprint); on the peer's PairingTerms it checks the pairing rules ({@link HandshakeRules})
 * and sends HelloAccept or HelloRefuse. The channel is up once it has both sent and received
 * HelloAccept. A peer that fails authentication gets a bare AUTH_FAILED refusal and the connection is
 * closed; it has received nothing but this member's Hello and AuthResponse, and nothing it sent is
 * acted on.
 *
 * <p>Threading: conductor thread only; bounded work per {@link #doWork(long)}.
 */
public final class ControlChannel implements ControlListener
{
    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);
    private static final int FRAME_LIMIT = 64;

    private enum Phase
    {
        IDLE, CONNECTING, HANDSHAKING, UP
    }

    private final PairConfig config;
    private final FrameTransport transport;
    private final LinkSpec spec;
    private final ChannelObserver observer;
    private final Clock clock;
    private final PeerAuthenticator authenticator;
    private final KeepaliveMonitor keepalives;
    private final ReconnectBackoff backoff;
    private final ControlPublisher publisher = new ControlPublisher();
    private final PeerView peer = new PeerView();
    private final ControlAdapter adapter;
    private final AtomicCounter keepalivesMissed;
    private final AtomicCounter pairingsRefused;
    private final AtomicCounter framesRejected;
    private final long handshakeTimeoutNs;
    private final byte[] fingerprint;
    private final int protocolVersion = WireSchema.CONTROL.schemaVersion();

    private FrameLink link;
    private Phase phase = Phase.IDLE;
    private ChannelState reportedState;
    private long reconnectAtNs;
    private long handshakeDeadlineNs;
    private byte[] challenge = new byte[0];
    private boolean peerHelloReceived;
    private boolean peerAuthenticated;
    private boolean peerTermsReceived;
    private boolean acceptSent;
    private boolean peerAccepted;
    private boolean refused;
    private boolean started;
    private boolean closed;
    private long keepaliveSequence;
    private long nowNs;
    private int health = 100;
    private FailoverState state = FailoverState.SILENCE;
    private Role role = Role.UNDECIDED;
    private boolean ready;

    /**
     * @param config           the pair configuration.
     * @param transport        carries the control frames.
     * @param observer         the conductor.
     * @param clock            for the wall clock in Hello only.
     * @param keepalivesMissed counter of keepalives missed.
     * @param pairingsRefused  counter of refused pairings.
     * @param framesRejected   counter of rejected frames.
     */
    public ControlChannel(final PairConfig config, final FrameTransport transport, final ChannelObserver observer,
        final Clock clock, final AtomicCounter keepalivesMissed, final AtomicCounter pairingsRefused,
        final AtomicCounter framesRejected)
    {
        this.config = config;
        this.transport = transport;
        this.observer = observer;
        this.clock = clock;
        this.keepalivesMissed = keepalivesMissed;
        this.pairingsRefused = pairingsRefused;
        this.framesRejected = framesRejected;
        this.spec = new LinkSpec(ChannelKind.CONTROL,
            new InetSocketAddress(config.controlLocal(), config.controlPort()),
            new InetSocketAddress(config.controlPeer(), config.controlPort()),
            config.isServer(), ControlAdapter.MAX_FRAME_LENGTH);
        this.authenticator = new PeerAuthenticator(config.authentication().copyOfKey());
        this.keepalives = new KeepaliveMonitor(TimeUnit.MILLISECONDS.toNanos(config.keepaliveIntervalMs()),
            config.keepaliveRetries());
        this.backoff = new ReconnectBackoff(TimeUnit.MILLISECONDS.toNanos(config.reconnectBackoffMinMs()),
            TimeUnit.MILLISECONDS.toNanos(config.reconnectBackoffMaxMs()));
        this.handshakeTimeoutNs = TimeUnit.MILLISECONDS.toNanos(config.handshakeTimeoutMs());
        this.fingerprint = HandshakeRules.fingerprintBytes(config);
        this.adapter = new ControlAdapter(this, peer);
    }

    /** @return the encoder of session messages; valid while {@link #isUp()}. */
    public ControlPublisher publisher()
    {
        return publisher;
    }

    /** @return true when the peer is negotiated. */
    public boolean isUp()
    {
        return phase == Phase.UP;
    }

    /** @return what is known of the peer. */
    public PeerView peer()
    {
        return peer;
    }

    /**
     * What this member announces in keepalives and Hello.
     *
     * @param epoch  current epoch.
     * @param health effective health 0..100.
     * @param state  failover state.
     * @param role   running role.
     * @param ready  replication readiness (G2).
     */
    public void local(final long epoch, final int health, final FailoverState state, final Role role,
        final boolean ready)
    {
        publisher.epoch(epoch);
        this.health = health;
        this.state = state;
        this.role = role;
        this.ready = ready;
    }

    /** @param nowNs opens the first connection at this time. */
    public void start(final long nowNs)
    {
        started = true;
        reconnectAtNs = nowNs;
        report(ChannelState.DOWN, "starting", nowNs);
    }

    /**
     * One duty cycle: connect, poll, keepalives, flush.
     *
     * @param nowNs time, ns.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        this.nowNs = nowNs;
        if (!started || closed)
        {
            return 0;
        }
        int work = transport.doWork();
        if (link == null)
        {
            if (nowNs - reconnectAtNs >= 0)
            {
                link = transport.open(spec);
                publisher.link(link);
                phase = Phase.CONNECTING;
                report(ChannelState.CONNECTING, spec.server() ? "listening" : "connecting", nowNs);
                work++;
            }
            else
            {
                return 0;
            }
        }
        final FrameLink.State linkState = link.state();
        if (linkState == FrameLink.State.CLOSED)
        {
            final String reason = link.closeReason();
            linkClosed(reason == null ? "connection closed" : reason, nowNs);
            return work + 1;
        }
        if (linkState == FrameLink.State.CONNECTED && phase == Phase.CONNECTING)
        {
            beginHandshake(nowNs);
            work++;
        }
        if (phase == Phase.HANDSHAKING || phase == Phase.UP)
        {
            work += link.poll(adapter, FRAME_LIMIT);
        }
        if (link == null)
        {
            return work;
        }
        if (phase == Phase.HANDSHAKING && nowNs - handshakeDeadlineNs >= 0)
        {
            drop("handshake timed out", nowNs);
            return work + 1;
        }
        if (phase == Phase.UP)
        {
            final int missed = keepalives.poll(nowNs);
            if (missed > 0)
            {
                keepalivesMissed.getAndAdd(missed);
            }
            if (keepalives.isPeerLost())
            {
                drop(keepalives.missed() + " keepalives unanswered", nowNs);
                return work + 1;
            }
            if (keepalives.isSendDue(nowNs) &&
                publisher.keepalive(++keepaliveSequence, nowNs, health, state, role))
            {
                keepalives.onSent(nowNs);
                work++;
            }
        }
        if (link != null)
        {
            work += link.flush();
        }
        return work;
    }

    /** @return frames flushed. */
    public int flush()
    {
        return link == null ? 0 : link.flush();
    }

    /** Closes the link: the peer sees the close at once. */
    public void close()
    {
        closed = true;
        if (link != null)
        {
            link.flush();
            link.close("member closed");
            link = null;
        }
        phase = Phase.IDLE;
    }

    /**
     * Drops the current connection (protocol error, or a decision of the conductor) and reconnects
     * after the backoff.
     *
     * @param reason logged and reported.
     * @param nowNs  time, ns.
     */
    public void drop(final String reason, final long nowNs)
    {
        if (link != null)
        {
            link.flush();
            link.close(reason);
        }
        linkClosed(reason, nowNs);
    }

    private void linkClosed(final String reason, final long nowNs)
    {
        final boolean wasUp = phase == Phase.UP;
        link = null;
        publisher.link(null);
        phase = Phase.IDLE;
        reconnectAtNs = nowNs + backoff.nextDelayNs();
        if (wasUp)
        {
            LOG.warn("node {}: control channel to {} lost: {}", config.nodeId(), spec.remote(), reason);
            report(ChannelState.DOWN, reason, nowNs);
            observer.onPeerLost(reason, nowNs);
        }
        else
        {
            LOG.debug("node {}: control connection closed before negotiation: {}", config.nodeId(), reason);
            report(refused ? ChannelState.REFUSED : ChannelState.DOWN, reason, nowNs);
        }
    }

    private void beginHandshake(final long nowNs)
    {
        phase = Phase.HANDSHAKING;
        peer.clear();
        peerHelloReceived = false;
        peerAuthenticated = false;
        peerTermsReceived = false;
        acceptSent = false;
        peerAccepted = false;
        refused = false;
        handshakeDeadlineNs = nowNs + handshakeTimeoutNs;
        challenge = authenticator.newChallenge();
        report(ChannelState.HANDSHAKING, "connected", nowNs);
        publisher.hello(config.nodeId(), protocolVersion, authenticator.enabled(), challenge);
    }

    private void report(final ChannelState newState, final String reason, final long nowNs)
    {
        if (newState != reportedState)
        {
            reportedState = newState;
            observer.onChannelState(newState, reason, nowNs);
        }
    }

    private void refuse(final HelloRefusal code, final String detail, final boolean tellDetail)
    {
        refused = true;
        pairingsRefused.increment();
        final String reason = "pairing refused (" + code + "): " + detail;
        LOG.warn("node {}: {} ({})", config.nodeId(), reason, spec.remote());
        publisher.helloRefuse(config.nodeId(), code, tellDetail ? detail : "");
        observer.onPairingRefused(reason, nowNs);
        drop(reason, nowNs);
    }

    // ---------------------------------------------------------------- handshake

    @Override
    public void onHello(final long epoch, final PeerView hello)
    {
        if (phase != Phase.HANDSHAKING || peerHelloReceived)
        {
            onMalformed("unexpected hello");
            return;
        }
        peerHelloReceived = true;
        keepalives.onHeard(nowNs);
        if (authenticator.enabled())
        {
            if (peer.challenge.length == 0)
            {
                refuse(HelloRefusal.AUTH_REQUIRED, "this member requires authentication and the peer offered none", true);
                return;
            }
            publisher.authResponse(config.nodeId(), authenticator.respond(peer.challenge, config.nodeId(), peer.nodeId));
        }
        else
        {
            if (peer.authRequired)
            {
                refuse(HelloRefusal.AUTH_REQUIRED, "the peer requires authentication and it is disabled here", true);
                return;
            }
            peerAuthenticated = true;
            sendTerms();
        }
    }

    @Override
    public void onAuthResponse(final long epoch, final int nodeId, final byte[] hmac)
    {
        if (phase != Phase.HANDSHAKING || !peerHelloReceived || peerAuthenticated || !authenticator.enabled())
        {
            onMalformed("unexpected authentication response");
            return;
        }
        if (nodeId != peer.nodeId || !authenticator.verify(challenge, peer.nodeId, config.nodeId(), hmac))
        {
            refuse(HelloRefusal.AUTH_FAILED, "the peer failed the pre-shared-key challenge", false);
            return;
        }
        peerAuthenticated = true;
        sendTerms();
    }

    /** The peer has proved the key (or authentication is off on both): now it may learn the terms. */
    private void sendTerms()
    {
        publisher.pairingTerms(clock.epochMillis(), config.priority(), health, config.mode(), config.rolePolicy(),
            config.strictFingerprint(), config.fallbackEnabled(), ready, config.softwareVersion(), fingerprint);
    }

    @Override
    public void onPairingTerms(final long epoch, final PeerView terms)
    {
        if (phase != Phase.HANDSHAKING || !peerAuthenticated || peerTermsReceived)
        {
            onMalformed("pairing terms before authentication");
            return;
        }
        peerTermsReceived = true;
        peer.epoch = epoch;
        checkAndAccept();
    }

    private void checkAndAccept()
    {
        final HandshakeRules.Refusal refusal = HandshakeRules.check(config, protocolVersion, peer);
        if (refusal != null)
        {
            refuse(refusal.code(), refusal.reason(), true);
            return;
        }
        publisher.helloAccept(config.nodeId(), Math.min(protocolVersion, peer.protocolVersion));
        acceptSent = true;
        maybeUp();
    }

    @Override
    public void onHelloAccept(final long epoch, final int nodeId, final int version)
    {
        if (phase != Phase.HANDSHAKING || !peerAuthenticated || !peerTermsReceived || nodeId != peer.nodeId)
        {
            onMalformed("hello accept before authentication");
            return;
        }
        peerAccepted = true;
        peer.epoch = Math.max(peer.epoch, epoch);
        maybeUp();
    }

    private void maybeUp()
    {
        if (acceptSent && peerAccepted && link != null)
        {
            phase = Phase.UP;
            backoff.reset();
            keepalives.reset(nowNs);
            LOG.info("node {}: paired with node {} at {} (mode {}, policy {}, priority {})", config.nodeId(),
                peer.nodeId, spec.remote(), peer.mode, peer.rolePolicy, peer.priority);
            report(ChannelState.UP, "paired with node " + peer.nodeId, nowNs);
            observer.onPeerUp(peer, nowNs);
        }
    }

    @Override
    public void onHelloRefuse(final long epoch, final int nodeId, final HelloRefusal reason, final String detail)
    {
        if (phase != Phase.HANDSHAKING)
        {
            onMalformed("unexpected hello refusal");
            return;
        }
        refused = true;
        pairingsRefused.increment();
        final String text = "the peer refused the pairing (" + reason + ")" +
            (detail == null || detail.isEmpty() ? "" : ": " + detail);
        LOG.warn("node {}: {}", config.nodeId(), text);
        observer.onPairingRefused(text, nowNs);
        drop(text, nowNs);
    }

    // ---------------------------------------------------------------- liveness

    @Override
    public void onKeepalive(final long epoch, final long sequence, final long sentTimeNs, final int health,
        final FailoverState state, final Role role)
    {
        if (phase != Phase.UP)
        {
            onMalformed("keepalive before the pairing completed");
            return;
        }
        keepalives.onHeard(nowNs);
        publisher.keepaliveAck(sequence, sentTimeNs, this.health, this.state, this.role);
        observer.onPeerStatus(epoch, health, state, role, nowNs);
    }

    @Override
    public void onKeepaliveAck(final long epoch, final long sequence, final long sentTimeNs, final int health,
        final FailoverState state, final Role role)
    {
        if (phase != Phase.UP)
        {
            onMalformed("keepalive ack before the pairing completed");
            return;
        }
        keepalives.onHeard(nowNs);
        observer.onPeerStatus(epoch, health, state, role, nowNs);
    }

    // ---------------------------------------------------------------- session messages

    private boolean session(final String what)
    {
        if (phase != Phase.UP)
        {
            onMalformed(what + " before the pairing completed");
            return false;
        }
        keepalives.onHeard(nowNs);
        return true;
    }

    @Override
    public void onRoleAnnounce(final long epoch, final int nodeId, final FailoverState state, final Role role,
        final SwitchoverReason reason)
    {
        if (session("role announce"))
        {
            observer.onRoleAnnounce(epoch, state, role, reason, nowNs);
        }
    }

    @Override
    public void onSwitchoverRequest(final long epoch, final long requestId, final int nodeId,
        final SwitchoverReason reason)
    {
        if (session("switchover request"))
        {
            observer.onSwitchoverRequest(epoch, requestId, reason, nowNs);
        }
    }

    @Override
    public void onSwitchoverResponse(final long epoch, final long requestId, final int nodeId, final boolean accepted,
        final SwitchoverRefusal refusal)
    {
        if (session("switchover response"))
        {
            observer.onSwitchoverResponse(epoch, requestId, accepted, refusal, nowNs);
        }
    }

    @Override
    public void onCommandRequest(final long epoch, final long requestId, final OperatorCommand command)
    {
        if (session("operator command"))
        {
            observer.onCommandRequest(epoch, requestId, command, nowNs);
        }
    }

    @Override
    public void onCommandResult(final long epoch, final long requestId, final OperatorCommand command,
        final boolean done, final String reason)
    {
        if (session("operator command result"))
        {
            observer.onCommandResult(epoch, requestId, command, done, reason, nowNs);
        }
    }

    @Override
    public void onConfigChunk(final long epoch, final long transferId, final int chunkIndex, final boolean last,
        final boolean change, final String module, final byte[] bytes)
    {
        if (session("configuration chunk"))
        {
            observer.onConfigChunk(epoch, transferId, chunkIndex, last, change, module, bytes);
        }
    }

    @Override
    public void onConfigDigest(final long epoch, final String module, final long digest)
    {
        if (session("configuration digest"))
        {
            observer.onConfigDigest(epoch, module, digest);
        }
    }

    @Override
    public void onMalformed(final String reason)
    {
        if (link == null)
        {
            return;
        }
        framesRejected.increment();
        LOG.warn("node {}: dropping control connection to {}: {}", config.nodeId(), spec.remote(), reason);
        observer.onFrameRejected(reason);
        drop(reason, nowNs);
    }
}
