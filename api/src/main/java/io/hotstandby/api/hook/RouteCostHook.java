package io.hotstandby.api.hook;

import io.hotstandby.api.config.RouteCostPolicy;
import io.hotstandby.api.config.RoutingProtocol;

/**
 * Routing cost (SPEC D3): while standby, the member advertises a worse cost so that traffic prefers the
 * active; restored when it becomes active. Called on the conductor thread in
 * {@link TakeoverStep#ANNOUNCE}; must return at once.
 */
public interface RouteCostHook
{
    /**
     * @param policy     the adjustment to advertise (absolute or incremental).
     * @param completion to acknowledge.
     */
    void adjust(RouteCostPolicy policy, HookCompletion completion);

    /**
     * @param protocol   the protocol whose configured cost is advertised again.
     * @param completion to acknowledge.
     */
    void restore(RoutingProtocol protocol, HookCompletion completion);
}
