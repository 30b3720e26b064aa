package io.hotstandby.impl.node;

import io.hotstandby.api.HotStandbyFactory;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.transport.tcp.TcpFrameTransport;

/**
 * The implementation's {@link HotStandbyFactory}, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services}: {@link io.hotstandby.api.HotStandby#launch} finds it on the class path.
 * Channels the context leaves unset use the built-in Netty TCP transport. Called on the host's setup
 * thread.
 */
public final class DefaultHotStandbyFactory implements HotStandbyFactory
{

    @Override
    public HotStandbyNode create(final NodeContext context)
    {
        return new DefaultHotStandbyNode(context, DefaultHotStandbyFactory::tcpTransport);
    }

    /** @return a new instance of the built-in TCP transport. */
    static FrameTransport tcpTransport()
    {
        return new TcpFrameTransport();
    }
}
