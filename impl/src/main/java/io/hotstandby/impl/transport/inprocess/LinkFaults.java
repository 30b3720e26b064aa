package io.hotstandby.impl.transport.inprocess;

import io.hotstandby.api.transport.LinkSpec;

/**
 * Per-frame fault hook of {@link InProcessNetwork} (SPEC F5). Consulted once for every frame as the
 * sending link flushes it, on the sender's agent thread, in send order; a partitioned pair of
 * addresses drops frames before this hook is asked. Implementations shared by two nodes driven from
 * two threads must be thread-safe; with one driving thread the calls are a deterministic sequence.
 * {@code io.hotstandby.testkit.net.FaultInjector} is the seeded implementation.
 */
public interface LinkFaults
{
    /** Delivers everything. */
    LinkFaults NONE = (sender, nowNs) -> FrameFate.DELIVER;

    /**
     * @param sender the sending link's spec (its channel, local and remote addresses).
     * @param nowNs  the network clock's time, ns.
     * @return the frame's fate.
     */
    FrameFate fate(LinkSpec sender, long nowNs);

    /**
     * Called right after {@link #fate} returned {@link FrameFate#DELAY}, for the same frame.
     *
     * @param sender the sending link's spec.
     * @param nowNs  the network clock's time, ns.
     * @return the earliest network clock time at which the frame may be delivered, ns.
     */
    default long delayUntilNs(final LinkSpec sender, final long nowNs)
    {
        return nowNs;
    }
}
