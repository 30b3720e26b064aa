package io.hotstandby.testkit.net;

import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.transport.LinkSpec;
import io.hotstandby.impl.transport.inprocess.FrameFate;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;
import io.hotstandby.impl.transport.inprocess.LinkFaults;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded random frame faults for an {@link InProcessNetwork} (SPEC F5, G8): install with
 * {@code network.faults(injector)}. Each channel kind has its own {@link FaultProfile}; one
 * {@link SplittableRandom} drives every decision, so with one thread driving both nodes the same seed
 * gives the same faults. Called by the sending links on their agent threads; synchronized, so two
 * driving threads are safe (but then the interleaving, not the seed alone, fixes the sequence).
 * <pre>{@code
 * FaultInjector faults = FaultInjector.builder(seed)
 *     .profile(ChannelKind.DATA, FaultProfile.NONE.withDrop(0.01).withReorder(0.01))
 *     .build();
 * network.faults(faults);
 * }</pre>
 */
public final class FaultInjector implements LinkFaults
{
    private final long seed;
    private final SplittableRandom random;
    private final Map<ChannelKind, FaultProfile> profiles;
    private final long[] counts = new long[FrameFate.values().length];

    private FaultInjector(final long seed, final Map<ChannelKind, FaultProfile> profiles)
    {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.profiles = new EnumMap<>(profiles);
    }

    /**
     * @param seed fixes every decision; print it when a test fails.
     * @return a builder with no faults on any channel.
     */
    public static Builder builder(final long seed)
    {
        return new Builder(seed);
    }

    /** @return the seed this injector was built with. */
    public long seed()
    {
        return seed;
    }

    /**
     * @param kind the channel kind.
     * @return its profile.
     */
    public FaultProfile profile(final ChannelKind kind)
    {
        return profiles.get(kind);
    }

    /**
     * @param fate a fate.
     * @return how many frames got it so far.
     */
    public synchronized long count(final FrameFate fate)
    {
        return counts[fate.ordinal()];
    }

    /** {@inheritDoc} */
    @Override
    public synchronized FrameFate fate(final LinkSpec sender, final long nowNs)
    {
        final FaultProfile profile = profiles.get(sender.channel());
        final FrameFate fate = choose(profile, random.nextDouble());
        counts[fate.ordinal()]++;
        return fate;
    }

    /** {@inheritDoc} */
    @Override
    public synchronized long delayUntilNs(final LinkSpec sender, final long nowNs)
    {
        final FaultProfile profile = profiles.get(sender.channel());
        final long span = profile.maxDelayNs() - profile.minDelayNs();
        final long delayNs = profile.minDelayNs() + (span > 0 ? random.nextLong(span + 1) : 0);
        return nowNs + delayNs;
    }

    @Override
    public String toString()
    {
        return "FaultInjector{seed=" + seed + ", profiles=" + profiles + '}';
    }

    private static FrameFate choose(final FaultProfile profile, final double draw)
    {
        double bound = profile.drop();
        if (draw < bound)
        {
            return FrameFate.DROP;
        }
        bound += profile.delay();
        if (draw < bound)
        {
            return FrameFate.DELAY;
        }
        bound += profile.reorder();
        if (draw < bound)
        {
            return FrameFate.REORDER;
        }
        bound += profile.duplicate();
        if (draw < bound)
        {
            return FrameFate.DUPLICATE;
        }
        return FrameFate.DELIVER;
    }

    /** Collects the profiles of a {@link FaultInjector}; test thread only. */
    public static final class Builder
    {
        private final long seed;
        private final Map<ChannelKind, FaultProfile> profiles = new EnumMap<>(ChannelKind.class);

        private Builder(final long seed)
        {
            this.seed = seed;
            for (final ChannelKind kind : ChannelKind.values())
            {
                profiles.put(kind, FaultProfile.NONE);
            }
        }

        /**
         * @param kind    the channel kind.
         * @param profile its faults.
         * @return this builder.
         */
        public Builder profile(final ChannelKind kind, final FaultProfile profile)
        {
            profiles.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(profile, "profile"));
            return this;
        }

        /**
         * @param profile the faults of every channel kind.
         * @return this builder.
         */
        public Builder all(final FaultProfile profile)
        {
            for (final ChannelKind kind : ChannelKind.values())
            {
                profile(kind, profile);
            }
            return this;
        }

        /** @return the injector. */
        public FaultInjector build()
        {
            return new FaultInjector(seed, profiles);
        }
    }
}
