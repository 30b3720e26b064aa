package io.hotstandby.impl.replication.link;

import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.codec.FrameDescriptor;

import java.net.InetSocketAddress;

/**
 * Lifecycle of the data channel's link (SPEC B1): opened when the peer is up, reopened after a
 * bounded backoff when it closes ({@link #MIN_BACKOFF_NS}, doubling per failed attempt up to
 * {@link #MAX_BACKOFF_NS}, back to the minimum once connected), closed when the peer goes down. Detects transitions and reports them from
 * {@link #poll(long)}; deciding what they mean is the engine's business.
 *
 * <p>Threading: replication agent thread only.
 */
public final class DataChannel
{
    /** {@link #poll} result: nothing changed. */
    public static final int NO_CHANGE = 0;
    /** {@link #poll} result: the link just connected. */
    public static final int CONNECTED = 1;
    /** {@link #poll} result: the link just closed. */
    public static final int CLOSED = 2;

    /** First reconnect delay: the peer's listener may simply not be bound yet. */
    static final long MIN_BACKOFF_NS = 2_000_000L;
    /** Longest reconnect delay: each failed attempt doubles it, up to this. */
    static final long MAX_BACKOFF_NS = 50_000_000L;

    private final FrameTransport transport;
    private final LinkSpec spec;
    private FrameLink link;
    private boolean wanted;
    private boolean wasConnected;
    private long reopenAtNs;
    private long backoffNs = MIN_BACKOFF_NS;

    /**
     * @param transport the data-channel transport.
     * @param config    the data addresses and port.
     */
    public DataChannel(final FrameTransport transport, final PairConfig config)
    {
        this.transport = transport;
        final InetSocketAddress local = new InetSocketAddress(config.dataLocal(), config.dataPort());
        final InetSocketAddress remote = new InetSocketAddress(config.dataPeer(), config.dataPort());
        final boolean server = compare(config.dataLocal().getAddress(), config.dataPeer().getAddress()) > 0;
        this.spec = new LinkSpec(ChannelKind.DATA, local, remote, server, FrameDescriptor.MAX_FRAME_LENGTH);
    }

    /** @return the link, connected or not, or null. */
    public FrameLink link()
    {
        return link;
    }

    /** @return true when the link is connected. */
    public boolean connected()
    {
        return link != null && link.state() == FrameLink.State.CONNECTED;
    }

    /** @param wanted true while the peer is up: keep a link open. */
    public void wanted(final boolean wanted)
    {
        this.wanted = wanted;
    }

    /**
     * Closes the current link; a new one is opened after the backoff if still wanted.
     *
     * @param reason logged by the transport.
     * @param nowNs  the agent's time.
     */
    public void close(final String reason, final long nowNs)
    {
        if (link != null)
        {
            link.close(reason);
        }
        reopenAtNs = nowNs + backoffNs;
    }

    /**
     * @param nowNs the agent's time.
     * @return {@link #NO_CHANGE}, {@link #CONNECTED} or {@link #CLOSED}.
     */
    public int poll(final long nowNs)
    {
        if (link != null)
        {
            final FrameLink.State state = link.state();
            if (state == FrameLink.State.CONNECTED && !wasConnected)
            {
                wasConnected = true;
                backoffNs = MIN_BACKOFF_NS;
                return CONNECTED;
            }
            if (state == FrameLink.State.CLOSED)
            {
                link = null;
                final boolean was = wasConnected;
                wasConnected = false;
                if (reopenAtNs - nowNs <= 0)
                {
                    reopenAtNs = nowNs + backoffNs;
                    backoffNs = Math.min(MAX_BACKOFF_NS, backoffNs * 2);
                }
                return was ? CLOSED : NO_CHANGE;
            }
            return NO_CHANGE;
        }
        if (wanted && nowNs - reopenAtNs >= 0)
        {
            link = transport.open(spec);
        }
        return NO_CHANGE;
    }

    /** Closes the link for good. */
    public void shutdown()
    {
        wanted = false;
        if (link != null)
        {
            link.close("replication engine closed");
            link = null;
        }
    }

    private static int compare(final byte[] a, final byte[] b)
    {
        if (a.length != b.length)
        {
            return Integer.compare(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++)
        {
            final int c = Integer.compare(a[i] & 0xFF, b[i] & 0xFF);
            if (c != 0)
            {
                return c;
            }
        }
        return 0;
    }
}
