package io.hotstandby.impl.pairing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.transport.FrameHandler;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.control.HelloRefusal;
import io.hotstandby.codec.control.SwitchoverRefusal;

/**
 * A scripted control-channel peer for tests: speaks the real protocol with the real publisher and
 * adapter, but lets the test send what it wants (stale epochs, messages out of order, garbage).
 */
final class RawPeer implements ControlListener
{
    final FrameLink link;
    final ControlPublisher publisher = new ControlPublisher();
    final PeerView view = new PeerView();
    final ControlAdapter adapter = new ControlAdapter(this, view);
    final PeerAuthenticator auth;
    final List<String> received = new CopyOnWriteArrayList<>();
    /** Every frame body received, as raw bytes, for tests that decode what went over the wire. */
    final List<byte[]> frames = new CopyOnWriteArrayList<>();
    private final FrameHandler recorder = (buffer, offset, length) ->
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        frames.add(copy);
        adapter.onFrame(buffer, offset, length);
    };
    final int nodeId;
    boolean helloSent;
    boolean up;
    Role role = Role.ACTIVE;
    long epoch;
    long lastPeerEpoch;
    long keepaliveSeq;

    RawPeer(final FrameTransport transport, final InetAddress local, final InetAddress remote, final int nodeId,
        final byte[] key)
    {
        this.nodeId = nodeId;
        this.auth = new PeerAuthenticator(key);
        this.link = transport.open(new LinkSpec(ChannelKind.CONTROL, new InetSocketAddress(local, 18_514),
            new InetSocketAddress(remote, 18_514), false, ControlAdapter.MAX_FRAME_LENGTH));
        publisher.link(link);
    }

    /** Runs once per step: hello when connected, poll, keepalive, flush. */
    void doWork(final boolean handshake)
    {
        if (link.state() == FrameLink.State.CONNECTED && !helloSent && handshake)
        {
            helloSent = true;
            publisher.hello(nodeId, 1, auth.enabled(), auth.newChallenge());
        }
        if (link.state() != FrameLink.State.CONNECTING && handshake)
        {
            // also after a close: what the member sent before closing is still delivered
            link.poll(recorder, 16);
        }
        if (up)
        {
            publisher.epoch(epoch);
            publisher.keepalive(++keepaliveSeq, 0, 100, FailoverState.SYNCHRONIZATION, role);
        }
        link.flush();
    }

    @Override
    public void onHello(final long epoch, final PeerView peer)
    {
        received.add("hello");
        if (auth.enabled())
        {
            publisher.authResponse(nodeId, auth.respond(peer.challenge, nodeId, peer.nodeId));
        }
        else
        {
            sendTerms();
        }
    }

    @Override
    public void onAuthResponse(final long epoch, final int nodeId, final byte[] hmac)
    {
        received.add("auth");
        sendTerms();
    }

    private void sendTerms()
    {
        publisher.pairingTerms(0, 100, 100, Mode.ACTIVE_STANDBY, RolePolicy.AUTO, false, false, true, "raw",
            new byte[0]);
    }

    @Override
    public void onPairingTerms(final long epoch, final PeerView peer)
    {
        received.add("terms");
        publisher.helloAccept(this.nodeId, 1);
    }

    @Override
    public void onHelloAccept(final long epoch, final int nodeId, final int protocolVersion)
    {
        received.add("accept");
        up = true;
    }

    @Override
    public void onHelloRefuse(final long epoch, final int nodeId, final HelloRefusal reason, final String detail)
    {
        received.add("refuse " + reason);
    }

    @Override
    public void onKeepalive(final long epoch, final long sequence, final long sentTimeNs, final int health,
        final FailoverState state, final Role role)
    {
        lastPeerEpoch = Math.max(lastPeerEpoch, epoch);
        publisher.epoch(this.epoch);
        publisher.keepaliveAck(sequence, sentTimeNs, 100, FailoverState.SYNCHRONIZATION, this.role);
    }

    @Override
    public void onKeepaliveAck(final long epoch, final long sequence, final long sentTimeNs, final int health,
        final FailoverState state, final Role role)
    {
        lastPeerEpoch = Math.max(lastPeerEpoch, epoch);
    }

    @Override
    public void onRoleAnnounce(final long epoch, final int nodeId, final FailoverState state, final Role role,
        final SwitchoverReason reason)
    {
        lastPeerEpoch = Math.max(lastPeerEpoch, epoch);
        received.add("announce " + role + " " + epoch);
    }

    @Override
    public void onSwitchoverRequest(final long epoch, final long requestId, final int nodeId,
        final SwitchoverReason reason)
    {
        received.add("switchover-request " + reason);
    }

    @Override
    public void onSwitchoverResponse(final long epoch, final long requestId, final int nodeId, final boolean accepted,
        final SwitchoverRefusal refusal)
    {
        received.add("switchover-response " + accepted + " " + refusal);
    }

    @Override
    public void onCommandRequest(final long epoch, final long requestId, final OperatorCommand command)
    {
        received.add("command " + command);
    }

    @Override
    public void onCommandResult(final long epoch, final long requestId, final OperatorCommand command,
        final boolean done, final String reason)
    {
        received.add("result " + command);
    }

    @Override
    public void onConfigChunk(final long epoch, final long transferId, final int chunkIndex, final boolean last,
        final boolean change, final String module, final byte[] bytes)
    {
        received.add("chunk " + module);
    }

    @Override
    public void onConfigDigest(final long epoch, final String module, final long digest)
    {
        received.add("digest " + module);
    }

    @Override
    public void onMalformed(final String reason)
    {
        received.add("malformed " + reason);
    }
}
