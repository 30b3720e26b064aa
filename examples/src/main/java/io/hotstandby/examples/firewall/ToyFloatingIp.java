package io.hotstandby.examples.firewall;

import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.hook.VirtualIpHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toy firewall's floating IPs (SPEC D2): it binds nothing and sends no ARP; it logs what a real
 * device would do (answer ARP/ND, announce with a gratuitous ARP), remembers which addresses it
 * holds, and acknowledges at once. Called on the library's conductor thread; {@link #holds} may be
 * read from any thread.
 */
public final class ToyFloatingIp implements VirtualIpHook
{
    private static final Logger LOG = LoggerFactory.getLogger(ToyFloatingIp.class);

    private final String name;
    private final Set<InetAddress> held = ConcurrentHashMap.newKeySet();

    /** @param name the device's name, for the logs. */
    public ToyFloatingIp(final String name)
    {
        this.name = name;
    }

    @Override
    public void claim(final InetAddress address, final HookCompletion completion)
    {
        held.add(address);
        LOG.info("{}: floating IP {} claimed: answering ARP for it, gratuitous ARP announced", name,
            address.getHostAddress());
        completion.complete();
    }

    @Override
    public void release(final InetAddress address, final HookCompletion completion)
    {
        held.remove(address);
        LOG.info("{}: floating IP {} released: no longer answering ARP for it", name, address.getHostAddress());
        completion.complete();
    }

    /** @param address a floating IP. @return true while this device answers for it. */
    public boolean holds(final InetAddress address)
    {
        return held.contains(address);
    }
}
