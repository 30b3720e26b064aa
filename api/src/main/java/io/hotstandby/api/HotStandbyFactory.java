package io.hotstandby.api;

/**
 * Implemented by the implementation module and found through {@link java.util.ServiceLoader}, so that
 * hosts compile against the api module only. Hosts do not call it; they call {@link HotStandby}.
 */
public interface HotStandbyFactory
{
    /**
     * @param context the validated context.
     * @return a node, not started.
     */
    HotStandbyNode create(NodeContext context);
}
