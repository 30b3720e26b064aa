package io.hotstandby.examples.demo;

/**
 * What the pair demo runs: ports, table sizes, traffic rate and duration, timers. Immutable; parsed
 * once from {@code --key=value} flags on the main thread.
 *
 * @param controlPort    control-channel port on both loopback addresses (data channel: the next port).
 * @param sessionsBefore session operations A runs alone, before B joins (they reach B by bulk backup).
 * @param portBlocks     NAT port blocks A allocates before B joins.
 * @param leases         DHCP leases A grants before B joins.
 * @param rate           session operations per second during live replication.
 * @param liveMs         how long live replication runs before A is killed, ms.
 * @param seed           the traffic generator's seed.
 * @param maxSessions    the generator's bound on live sessions.
 * @param keepaliveMs    keepalive interval, ms (the peer is lost after 3 unanswered).
 * @param together       false (the default) to start B only once A serves alone, so that A's tables reach B
 *                       by bulk backup; true ({@code --together}) to start both members at once, A filling
 *                       its tables once paired, so that they reach B in real time.
 */
public record DemoSettings(int controlPort, int sessionsBefore, int portBlocks, int leases, int rate, long liveMs,
    long seed, int maxSessions, long keepaliveMs, boolean together)
{
    /** @param together see {@link #together()}. @return a copy with that value. */
    public DemoSettings withTogether(final boolean together)
    {
        return new DemoSettings(controlPort, sessionsBefore, portBlocks, leases, rate, liveMs, seed, maxSessions,
            keepaliveMs, together);
    }

    /** @return the defaults of the README's demo: about 15 s end to end. */
    public static DemoSettings defaults()
    {
        return new DemoSettings(28_614, 20_000, 2_000, 1_000, 20_000, 6_000, 42, 50_000, 100, false);
    }

    /** @param controlPort the port to use. @return a short form for the test suite (a few seconds). */
    public static DemoSettings shortForm(final int controlPort)
    {
        return new DemoSettings(controlPort, 2_000, 200, 100, 5_000, 1_500, 7, 5_000, 100, false);
    }

    /**
     * @param args {@code --short}, {@code --together}, {@code --control-port=N}, {@code --sessions-before=N}, {@code --port-blocks=N},
     *             {@code --leases=N}, {@code --rate=N}, {@code --live-ms=N}, {@code --seed=N},
     *             {@code --max-sessions=N}, {@code --keepalive-ms=N}.
     * @return the settings.
     * @throws IllegalArgumentException naming the flag at fault.
     */
    public static DemoSettings parse(final String... args)
    {
        DemoSettings s = defaults();
        for (final String arg : args)
        {
            if (arg.equals("--short"))
            {
                s = shortForm(s.controlPort).withTogether(s.together);
                continue;
            }
            if (arg.equals("--together"))
            {
                s = s.withTogether(true);
                continue;
            }
            final int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0)
            {
                throw new IllegalArgumentException(arg + ": not a flag; use --key=value or --short");
            }
            final String key = arg.substring(2, eq);
            final long v;
            try
            {
                v = Long.parseLong(arg.substring(eq + 1));
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException(key + ": not a number: '" + arg.substring(eq + 1) + "'");
            }
            s = switch (key)
            {
                case "control-port" -> new DemoSettings(range(key, v, 1, 65_534), s.sessionsBefore, s.portBlocks, s.leases,
                    s.rate, s.liveMs, s.seed, s.maxSessions, s.keepaliveMs, s.together);
                case "sessions-before" -> new DemoSettings(s.controlPort, range(key, v, 0, 5_000_000), s.portBlocks,
                    s.leases, s.rate, s.liveMs, s.seed, s.maxSessions, s.keepaliveMs, s.together);
                case "port-blocks" -> new DemoSettings(s.controlPort, s.sessionsBefore, range(key, v, 0, 1_000_000),
                    s.leases, s.rate, s.liveMs, s.seed, s.maxSessions, s.keepaliveMs, s.together);
                case "leases" -> new DemoSettings(s.controlPort, s.sessionsBefore, s.portBlocks,
                    range(key, v, 0, 1_000_000), s.rate, s.liveMs, s.seed, s.maxSessions, s.keepaliveMs, s.together);
                case "rate" -> new DemoSettings(s.controlPort, s.sessionsBefore, s.portBlocks, s.leases,
                    range(key, v, 1, 1_000_000), s.liveMs, s.seed, s.maxSessions, s.keepaliveMs, s.together);
                case "live-ms" -> new DemoSettings(s.controlPort, s.sessionsBefore, s.portBlocks, s.leases, s.rate,
                    range(key, v, 100, 60_000), s.seed, s.maxSessions, s.keepaliveMs, s.together);
                case "seed" -> new DemoSettings(s.controlPort, s.sessionsBefore, s.portBlocks, s.leases, s.rate,
                    s.liveMs, v, s.maxSessions, s.keepaliveMs, s.together);
                case "max-sessions" -> new DemoSettings(s.controlPort, s.sessionsBefore, s.portBlocks, s.leases, s.rate,
                    s.liveMs, s.seed, range(key, v, 8, 10_000_000), s.keepaliveMs, s.together);
                case "keepalive-ms" -> new DemoSettings(s.controlPort, s.sessionsBefore, s.portBlocks, s.leases, s.rate,
                    s.liveMs, s.seed, s.maxSessions, range(key, v, 10, 1_000), s.together);
                default -> throw new IllegalArgumentException(key + ": unknown flag");
            };
        }
        return s;
    }

    private static int range(final String key, final long v, final long min, final long max)
    {
        if (v < min || v > max)
        {
            throw new IllegalArgumentException(key + ": must be in " + min + ".." + max + " (was " + v + ")");
        }
        return (int)v;
    }
}
