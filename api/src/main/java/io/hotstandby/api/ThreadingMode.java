package io.hotstandby.api;

/**
 * Which threads drive a node's agents (conductor and replication), as in Aeron (STYLE: no hidden
 * threads). Chosen in {@link NodeContext}.
 */
public enum ThreadingMode
{
    /** One library thread per agent. */
    DEDICATED,
    /** One library thread runs both agents in turn. */
    SHARED,
    /**
     * No library thread: the host calls {@link HotStandbyNode#doWork()} from its own thread (vendor
     * firmware that owns its threads). Netty I/O threads of the built-in TCP transport still exist; a
     * host that forbids them supplies its own {@link io.hotstandby.api.transport.FrameTransport}.
     */
    INVOKER
}
