package io.hotstandby.impl.node;

import io.hotstandby.api.HotStandbyFactory;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.transport.FrameTransport;

/**
 * The implementation's {@link HotStandbyFactory}, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services}: {@link io.hotstandby.api.HotStandby#launch} finds it on the class path.
 * Channels the context leaves unset use the built-in Netty TCP transport. Called on the host's setup
 * thread.
 */
public final class DefaultHotStandbyFactory implements HotStandbyFactory
{
    private static final String TCP_TRANSPORT = "io.hotstandby.impl.transport.tcp.TcpFrameTransport";

    @Override
    public HotStandbyNode create(final NodeContext context)
    {
        return new DefaultHotStandbyNode(context, DefaultHotStandbyFactory::tcpTransport);
    }

    /** @return a new instance of the built-in TCP transport. */
    static FrameTransport tcpTransport()
    {
        try
        {
            return (FrameTransport)Class.forName(TCP_TRANSPORT).getDeclaredConstructor().newInstance();
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("the built-in TCP transport " + TCP_TRANSPORT + " is not available: " +
                "supply NodeContext controlTransport and dataTransport", ex);
        }
    }
}
