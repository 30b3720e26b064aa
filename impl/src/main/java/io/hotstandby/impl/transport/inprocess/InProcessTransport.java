package io.hotstandby.impl.transport.inprocess;

import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.api.transport.LinkSpec;

/**
 * One node's view of an {@link InProcessNetwork} (SPEC B1): opens links that pair with the links the
 * other node opens on the same network. Obtained from {@link InProcessNetwork#transport()}; {@link #open}
 * never blocks and is safe from any thread (the conductor and the replication agent open their own
 * links); {@link #close()} closes every link this transport opened.
 */
public final class InProcessTransport implements FrameTransport
{
    private final InProcessNetwork network;

    InProcessTransport(final InProcessNetwork network)
    {
        this.network = network;
    }

    /** {@inheritDoc} */
    @Override
    public FrameLink open(final LinkSpec spec)
    {
        return network.open(this, spec);
    }

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        network.closeAll(this);
    }
}
