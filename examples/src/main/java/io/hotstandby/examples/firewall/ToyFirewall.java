package io.hotstandby.examples.firewall;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;

/**
 * One toy firewall: its session table, NAT port-block pool and DHCP lease pool (each a backup
 * provider), its VRRP group, floating IPs and interface control (traffic-switch hooks). Built on the
 * host's setup thread; {@link #register} wires everything into a node context the way a vendor does.
 */
public final class ToyFirewall
{
    private final String name;
    private final SessionTable sessions = new SessionTable();
    private final PortBlockPool portBlocks = new PortBlockPool();
    private final LeasePool leases = new LeasePool();
    private final ToyVrrpGroup vrrp;
    private final ToyFloatingIp floatingIps;
    private final ToyInterfaceControl interfaces;

    /** @param name the device's name, for the logs. */
    public ToyFirewall(final String name)
    {
        this.name = name;
        this.vrrp = new ToyVrrpGroup(name);
        this.floatingIps = new ToyFloatingIp(name);
        this.interfaces = new ToyInterfaceControl(name);
    }

    /**
     * @param config the pair configuration.
     * @return a context builder with every table and hook of this firewall registered (hooks only where
     * the configuration uses them).
     */
    public NodeContext.Builder register(final PairConfig config)
    {
        final NodeContext.Builder b = NodeContext.builder(config)
            .provider(sessions).provider(portBlocks).provider(leases);
        if (!config.vrrpBindings().isEmpty())
        {
            b.vrrpHook(vrrp);
        }
        if (!config.virtualIps().isEmpty())
        {
            b.virtualIpHook(floatingIps);
        }
        if (config.mode() == Mode.MIRRORING)
        {
            b.interfaceHook(interfaces);
        }
        return b;
    }

    /** @return the device's name. */
    public String name()
    {
        return name;
    }

    /** @return the session table. */
    public SessionTable sessions()
    {
        return sessions;
    }

    /** @return the NAT port-block pool. */
    public PortBlockPool portBlocks()
    {
        return portBlocks;
    }

    /** @return the DHCP lease pool. */
    public LeasePool leases()
    {
        return leases;
    }

    /** @return the VRRP group. */
    public ToyVrrpGroup vrrp()
    {
        return vrrp;
    }

    /** @return the floating IPs. */
    public ToyFloatingIp floatingIps()
    {
        return floatingIps;
    }
}
