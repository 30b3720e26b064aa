package io.hotstandby.api;

import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.hook.ForwardingHook;
import io.hotstandby.api.hook.InterfaceHook;
import io.hotstandby.api.hook.RouteCostHook;
import io.hotstandby.api.hook.VirtualIpHook;
import io.hotstandby.api.hook.VrrpHook;
import io.hotstandby.api.spi.AcknowledgementListener;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.spi.ConfigProvider;
import io.hotstandby.api.spi.Witness;
import io.hotstandby.api.time.Clock;
import io.hotstandby.api.time.SystemClock;
import io.hotstandby.api.transport.FrameTransport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a node needs from its host besides the {@link PairConfig}: providers, hooks, listener,
 * clock, threading, transports (Aeron's Context pattern). Built once with {@link #builder(PairConfig)}
 * on the host's setup thread, then handed to {@link HotStandby#launch(NodeContext)}. Immutable.
 *
 * <p>Missing hooks are allowed (a host without VRRP binds none); but a configuration that needs a hook
 * (VRRP bindings, virtual IPs, route costs, mirroring's interface control) without it is refused by
 * {@link Builder#build()} with the name of the missing hook.
 */
public final class NodeContext
{
    private final PairConfig config;
    private final Clock clock;
    private final ThreadingMode threadingMode;
    private final HotStandbyListener listener;
    private final Map<EntryType, BackupProvider<?>> providers;
    private final Map<String, ConfigProvider> configProviders;
    private final VrrpHook vrrpHook;
    private final VirtualIpHook virtualIpHook;
    private final RouteCostHook routeCostHook;
    private final InterfaceHook interfaceHook;
    private final List<ForwardingHook> forwardingHooks;
    private final Witness witness;
    private final AcknowledgementListener acknowledgementListener;
    private final FrameTransport controlTransport;
    private final FrameTransport dataTransport;
    private final Path countersFile;

    private NodeContext(final Builder b)
    {
        config = b.config;
        clock = b.clock;
        threadingMode = b.threadingMode;
        listener = b.listener;
        providers = Collections.unmodifiableMap(new EnumMap<>(b.providers));
        configProviders = Collections.unmodifiableMap(new LinkedHashMap<>(b.configProviders));
        vrrpHook = b.vrrpHook;
        virtualIpHook = b.virtualIpHook;
        routeCostHook = b.routeCostHook;
        interfaceHook = b.interfaceHook;
        forwardingHooks = List.copyOf(b.forwardingHooks);
        witness = b.witness;
        acknowledgementListener = b.acknowledgementListener;
        controlTransport = b.controlTransport;
        dataTransport = b.dataTransport;
        countersFile = b.countersFile;
    }

    /** @param config the validated pair configuration. @return a builder. */
    public static Builder builder(final PairConfig config)
    {
        return new Builder(config);
    }

    /** @return the pair configuration. */
    public PairConfig config()
    {
        return config;
    }

    /** @return the clock every agent reads once per duty cycle. */
    public Clock clock()
    {
        return clock;
    }

    /** @return who drives the agents. */
    public ThreadingMode threadingMode()
    {
        return threadingMode;
    }

    /** @return the event listener, {@link HotStandbyListener#NO_OP} by default. */
    public HotStandbyListener listener()
    {
        return listener;
    }

    /** @return the backup provider of each registered entry type. */
    public Map<EntryType, BackupProvider<?>> providers()
    {
        return providers;
    }

    /** @return configuration providers by module name, in registration order. */
    public Map<String, ConfigProvider> configProviders()
    {
        return configProviders;
    }

    /** @return the VRRP hook, or null. */
    public VrrpHook vrrpHook()
    {
        return vrrpHook;
    }

    /** @return the virtual-IP hook, or null. */
    public VirtualIpHook virtualIpHook()
    {
        return virtualIpHook;
    }

    /** @return the routing-cost hook, or null. */
    public RouteCostHook routeCostHook()
    {
        return routeCostHook;
    }

    /** @return the interface-control hook, or null. */
    public InterfaceHook interfaceHook()
    {
        return interfaceHook;
    }

    /** @return forwarding hooks, in the order they run. */
    public List<ForwardingHook> forwardingHooks()
    {
        return forwardingHooks;
    }

    /** @return the witness, or null. */
    public Witness witness()
    {
        return witness;
    }

    /** @return the acknowledgement listener (B8), or null. */
    public AcknowledgementListener acknowledgementListener()
    {
        return acknowledgementListener;
    }

    /** @return the control-channel transport, or null for the built-in TCP transport. */
    public FrameTransport controlTransport()
    {
        return controlTransport;
    }

    /** @return the data-channel transport, or null for the built-in TCP transport. */
    public FrameTransport dataTransport()
    {
        return dataTransport;
    }

    /** @return where counters are published for external readers (F2), or null for none. */
    public Path countersFile()
    {
        return countersFile;
    }

    /** Builds a {@link NodeContext}; single-threaded, setup time only. */
    public static final class Builder
    {
        private final PairConfig config;
        private Clock clock = SystemClock.INSTANCE;
        private ThreadingMode threadingMode = ThreadingMode.SHARED;
        private HotStandbyListener listener = HotStandbyListener.NO_OP;
        private final Map<EntryType, BackupProvider<?>> providers = new EnumMap<>(EntryType.class);
        private final Map<String, ConfigProvider> configProviders = new LinkedHashMap<>();
        private VrrpHook vrrpHook;
        private VirtualIpHook virtualIpHook;
        private RouteCostHook routeCostHook;
        private InterfaceHook interfaceHook;
        private final List<ForwardingHook> forwardingHooks = new ArrayList<>();
        private Witness witness;
        private AcknowledgementListener acknowledgementListener;
        private FrameTransport controlTransport;
        private FrameTransport dataTransport;
        private Path countersFile;

        private Builder(final PairConfig config)
        {
            if (config == null)
            {
                throw new IllegalArgumentException("config: is required");
            }
            this.config = config;
        }

        /** @param clock the time source. @return this builder. */
        public Builder clock(final Clock clock)
        {
            this.clock = clock;
            return this;
        }

        /** @param mode who drives the agents. @return this builder. */
        public Builder threadingMode(final ThreadingMode mode)
        {
            this.threadingMode = mode;
            return this;
        }

        /** @param listener event listener. @return this builder. */
        public Builder listener(final HotStandbyListener listener)
        {
            this.listener = listener;
            return this;
        }

        /**
         * @param provider the host table of one entry type; one per type.
         * @param <R>      the reader type.
         * @return this builder.
         * @throws IllegalArgumentException when a provider for that type is already registered.
         */
        public <R extends EntryReader> Builder provider(final BackupProvider<R> provider)
        {
            if (providers.putIfAbsent(provider.type(), provider) != null)
            {
                throw new IllegalArgumentException("provider: a provider for " + provider.type() + " is already registered");
            }
            return this;
        }

        /**
         * @param provider a configuration module; one per module name.
         * @return this builder.
         * @throws IllegalArgumentException when a provider for that module is already registered.
         */
        public Builder configProvider(final ConfigProvider provider)
        {
            if (configProviders.putIfAbsent(provider.module(), provider) != null)
            {
                throw new IllegalArgumentException("configProvider: module " + provider.module() + " is already registered");
            }
            return this;
        }

        /** @param hook the host's VRRP. @return this builder. */
        public Builder vrrpHook(final VrrpHook hook)
        {
            this.vrrpHook = hook;
            return this;
        }

        /** @param hook the host's floating IPs. @return this builder. */
        public Builder virtualIpHook(final VirtualIpHook hook)
        {
            this.virtualIpHook = hook;
            return this;
        }

        /** @param hook the host's routing-cost control. @return this builder. */
        public Builder routeCostHook(final RouteCostHook hook)
        {
            this.routeCostHook = hook;
            return this;
        }

        /** @param hook the host's service-interface control (mirroring). @return this builder. */
        public Builder interfaceHook(final InterfaceHook hook)
        {
            this.interfaceHook = hook;
            return this;
        }

        /** @param hook a forwarding step; run in the order added. @return this builder. */
        public Builder forwardingHook(final ForwardingHook hook)
        {
            this.forwardingHooks.add(hook);
            return this;
        }

        /** @param witness tie-breaker when the control channel is down (G3). @return this builder. */
        public Builder witness(final Witness witness)
        {
            this.witness = witness;
            return this;
        }

        /** @param listener told of acknowledged entries (B8). @return this builder. */
        public Builder acknowledgementListener(final AcknowledgementListener listener)
        {
            this.acknowledgementListener = listener;
            return this;
        }

        /** @param transport control-channel transport; null for built-in TCP. @return this builder. */
        public Builder controlTransport(final FrameTransport transport)
        {
            this.controlTransport = transport;
            return this;
        }

        /** @param transport data-channel transport; null for built-in TCP. @return this builder. */
        public Builder dataTransport(final FrameTransport transport)
        {
            this.dataTransport = transport;
            return this;
        }

        /** @param file memory-mapped counters file (F2); null for none. @return this builder. */
        public Builder countersFile(final Path file)
        {
            this.countersFile = file;
            return this;
        }

        /**
         * @return the context.
         * @throws io.hotstandby.api.config.ConfigException when the configuration needs a hook that is missing.
         */
        public NodeContext build()
        {
            if (clock == null)
            {
                throw new io.hotstandby.api.config.ConfigException("clock", "is required");
            }
            if (threadingMode == null)
            {
                throw new io.hotstandby.api.config.ConfigException("threadingMode", "is required");
            }
            if (listener == null)
            {
                throw new io.hotstandby.api.config.ConfigException("listener", "is required (use HotStandbyListener.NO_OP)");
            }
            if (!config.vrrpBindings().isEmpty() && vrrpHook == null)
            {
                throw new io.hotstandby.api.config.ConfigException("vrrpHook", "VRRP bindings are configured but no VRRP hook is supplied");
            }
            if (!config.virtualIps().isEmpty() && virtualIpHook == null)
            {
                throw new io.hotstandby.api.config.ConfigException("virtualIpHook", "virtual IPs are configured but no virtual-IP hook is supplied");
            }
            if (!config.routeCosts().isEmpty() && routeCostHook == null)
            {
                throw new io.hotstandby.api.config.ConfigException("routeCostHook", "route costs are configured but no routing-cost hook is supplied");
            }
            if (config.mode() == io.hotstandby.api.config.Mode.MIRRORING && interfaceHook == null)
            {
                throw new io.hotstandby.api.config.ConfigException("interfaceHook", "mirroring mode needs the interface-control hook");
            }
            return new NodeContext(this);
        }
    }
}
