package io.hotstandby.api;

import java.util.ServiceLoader;

/**
 * Entry point for hosts: creates nodes through the implementation found on the class path
 * ({@code hotstandby-impl}). Called on the host's setup thread.
 *
 * <pre>{@code
 * PairConfig config = PairConfig.builder().nodeId(1).controlLocal(a).controlPeer(b)
 *     .authentication(Authentication.preSharedKey(key)).build();
 * HotStandbyNode node = HotStandby.launch(NodeContext.builder(config).provider(sessions).build());
 * node.start();
 * }</pre>
 */
public final class HotStandby
{
    private HotStandby()
    {
    }

    /**
     * @param context the node's context.
     * @return a node, not started; call {@link HotStandbyNode#start()}.
     * @throws IllegalStateException when no implementation is on the class path.
     */
    public static HotStandbyNode launch(final NodeContext context)
    {
        final HotStandbyFactory factory = ServiceLoader.load(HotStandbyFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no HotStandbyFactory on the class path: add hotstandby-impl"));
        return factory.create(context);
    }
}
