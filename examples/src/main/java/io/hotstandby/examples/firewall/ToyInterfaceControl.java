package io.hotstandby.examples.firewall;

import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.hook.InterfaceHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The toy firewall's service-interface control for mirroring mode (SPEC D5): logs the mode each
 * interface is put in and acknowledges at once. Called on the library's conductor thread.
 */
public final class ToyInterfaceControl implements InterfaceHook
{
    private static final Logger LOG = LoggerFactory.getLogger(ToyInterfaceControl.class);

    private final String name;

    /** @param name the device's name, for the logs. */
    public ToyInterfaceControl(final String name)
    {
        this.name = name;
    }

    @Override
    public void setMode(final String interfaceName, final InterfaceMode mode, final HookCompletion completion)
    {
        LOG.info("{}: service interface {} -> {}", name, interfaceName, mode);
        completion.complete();
    }
}
