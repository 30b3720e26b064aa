package io.hotstandby.impl.node;

import io.hotstandby.api.HotStandbyFactory;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.transport.tcp.TcpFrameTransport;
import io.hotstandby.impl.transport.tcp.TcpLinkSettings;

/**
 * The implementation's {@link HotStandbyFactory}, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services}: {@link io.hotstandby.api.HotStandby#launch} finds it on the class path.
 * Channels the context leaves unset use the built-in Netty TCP transports: the control channel on an
 * event-loop thread of its own, the data channel driven by the replication agent. Called on the host's
 * setup thread.
 */
public final class DefaultHotStandbyFactory implements HotStandbyFactory
{

    @Override
    public HotStandbyNode create(final NodeContext context)
    {
        return new DefaultHotStandbyNode(context, DefaultHotStandbyFactory::controlTransport,
            DefaultHotStandbyFactory::dataTransport);
    }

    /**
     * @return the built-in control-channel transport: TCP driven by the conductor's own thread, so that
     * a keepalive is read, answered and written by one thread of each member (a member hears its peer
     * as long as the peer's conductor runs; no second thread whose scheduling could delay the answer).
     */
    static FrameTransport controlTransport()
    {
        return TcpFrameTransport.callerDriven(TcpLinkSettings.DEFAULTS);
    }

    /**
     * @return the built-in data-channel transport: TCP driven by the replication agent's own thread (no
     * hand-off between the agent and an event loop on the replication path).
     */
    static FrameTransport dataTransport()
    {
        return TcpFrameTransport.callerDriven(TcpLinkSettings.DEFAULTS);
    }
}
