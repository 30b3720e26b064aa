package io.hotstandby.examples.node;

import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.ConfigException;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.RolePolicy;
import io.hotstandby.api.config.VrrpBinding;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The node launcher's configuration: {@code key=value} lines (Java properties format) from
 * {@code --config FILE}, overridden by {@code --key=value} flags, turned into a validated
 * {@link PairConfig} plus the launcher's own settings. Every refusal is a
 * {@link LauncherConfigException} naming the launcher key; the {@link PairConfig} rules (SPEC A1, A9)
 * are checked by its builder and their field names mapped back to launcher keys.
 *
 * <p>Used once, on the launcher's main thread.
 */
public final class LauncherConfig
{
    /** Every key the launcher accepts, with its meaning, in the order {@code --help} prints them. */
    public static final Map<String, String> KEYS = keys();

    private static final Map<String, String> KEY_BY_FIELD = Map.ofEntries(
        Map.entry("nodeId", "node-id"),
        Map.entry("controlLocal", "control-local"),
        Map.entry("controlPeer", "control-peer"),
        Map.entry("controlPort", "control-port"),
        Map.entry("dataLocal", "data-local"),
        Map.entry("dataPeer", "data-peer"),
        Map.entry("dataPort", "data-port"),
        Map.entry("mode", "mode"),
        Map.entry("rolePolicy", "role-policy"),
        Map.entry("priority", "priority"),
        Map.entry("keepaliveIntervalMs", "keepalive-ms"),
        Map.entry("keepaliveRetries", "keepalive-retries"),
        Map.entry("silenceTimeoutMs", "silence-ms"),
        Map.entry("handshakeTimeoutMs", "handshake-timeout-ms"),
        Map.entry("authentication", "psk"),
        Map.entry("fallbackDelayMs", "fallback-delay-ms"),
        Map.entry("vrrpBindings", "vrrp"),
        Map.entry("vrrpHook", "vrrp"),
        Map.entry("virtualIps", "virtual-ip"),
        Map.entry("virtualIpHook", "virtual-ip"),
        Map.entry("managementInterface", "management-interface"));

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final PairConfig pairConfig;
    private final long rate;
    private final long seed;
    private final long statusMs;
    private final int maxSessions;
    private final Path countersFile;
    private final Path dumpFile;

    private LauncherConfig(final PairConfig pairConfig, final long rate, final long seed, final long statusMs,
        final int maxSessions, final Path countersFile, final Path dumpFile)
    {
        this.pairConfig = pairConfig;
        this.rate = rate;
        this.seed = seed;
        this.statusMs = statusMs;
        this.maxSessions = maxSessions;
        this.countersFile = countersFile;
        this.dumpFile = dumpFile;
    }

    /**
     * @param args the command line: {@code --config FILE} and/or {@code --key=value} flags.
     * @return the validated configuration.
     * @throws LauncherConfigException naming the key at fault.
     */
    public static LauncherConfig parse(final String... args)
    {
        return fromValues(merge(args));
    }

    /**
     * @param args the command line.
     * @return the effective key/value pairs: the file's, then the flags' on top.
     * @throws LauncherConfigException for an unreadable file or an unknown key or flag.
     */
    public static Map<String, String> merge(final String... args)
    {
        final Map<String, String> flags = new LinkedHashMap<>();
        Path file = null;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (arg.equals("--config"))
            {
                if (i + 1 >= args.length)
                {
                    throw new LauncherConfigException("config", "--config needs a file");
                }
                file = Path.of(args[++i]);
            }
            else if (arg.startsWith("--config="))
            {
                file = Path.of(arg.substring("--config=".length()));
            }
            else if (arg.startsWith("--") && arg.indexOf('=') > 2)
            {
                flags.put(arg.substring(2, arg.indexOf('=')).trim(), arg.substring(arg.indexOf('=') + 1).trim());
            }
            else
            {
                throw new LauncherConfigException(arg.startsWith("--") ? arg.substring(2) : arg,
                    "not a flag: use --config FILE or --key=value");
            }
        }
        final Map<String, String> values = new LinkedHashMap<>();
        if (file != null)
        {
            values.putAll(readFile(file));
        }
        values.putAll(flags);
        for (final String key : values.keySet())
        {
            if (!KEYS.containsKey(key))
            {
                throw new LauncherConfigException(key, "unknown key (known: " + String.join(", ", KEYS.keySet()) + ")");
            }
        }
        return values;
    }

    /**
     * @param values key/value pairs, keys as in {@link #KEYS}.
     * @return the validated configuration.
     * @throws LauncherConfigException naming the key at fault.
     */
    public static LauncherConfig fromValues(final Map<String, String> values)
    {
        final PairConfig.Builder b = PairConfig.builder()
            .nodeId(intValue(values, "node-id", -1, true))
            .controlLocal(address(values, "control-local", true))
            .controlPeer(address(values, "control-peer", true))
            .controlPort(intValue(values, "control-port", PairConfig.DEFAULT_CONTROL_PORT, false))
            .dataLocal(address(values, "data-local", false))
            .dataPeer(address(values, "data-peer", false))
            .dataPort(intValue(values, "data-port", 0, false))
            .mode(mode(values.getOrDefault("mode", "active-standby")))
            .rolePolicy(rolePolicy(values.getOrDefault("role-policy", "auto")))
            .priority(intValue(values, "priority", PairConfig.DEFAULT_PRIORITY, false))
            .keepaliveIntervalMs(longValue(values, "keepalive-ms", PairConfig.DEFAULT_KEEPALIVE_INTERVAL_MS))
            .keepaliveRetries(intValue(values, "keepalive-retries", PairConfig.DEFAULT_KEEPALIVE_RETRIES, false))
            .silenceTimeoutMs(longValue(values, "silence-ms", 0))
            .handshakeTimeoutMs(longValue(values, "handshake-timeout-ms", 0))
            .fallback(bool(values, "fallback", false), longValue(values, "fallback-delay-ms", PairConfig.DEFAULT_FALLBACK_DELAY_MS))
            .authentication(authentication(values.get("psk")));
        final String vrrp = values.get("vrrp");
        if (vrrp != null && !vrrp.isBlank())
        {
            b.bindVrrp(vrrpBinding(vrrp));
        }
        final InetAddress vip = address(values, "virtual-ip", false);
        if (vip != null)
        {
            b.virtualIp(vip);
        }
        final String mgmt = values.get("management-interface");
        if (mgmt != null && !mgmt.isBlank())
        {
            b.managementInterface(mgmt);
        }
        final PairConfig pair;
        try
        {
            pair = b.build();
        }
        catch (final ConfigException e)
        {
            throw new LauncherConfigException(KEY_BY_FIELD.getOrDefault(e.field(), e.field()), e.rule());
        }
        final long rate = longValue(values, "rate", 0);
        if (rate < 0 || rate > 1_000_000)
        {
            throw new LauncherConfigException("rate", "must be in 0..1000000 sessions per second (was " + rate + ")");
        }
        final long statusMs = longValue(values, "status-ms", 1_000);
        if (statusMs < 10 || statusMs > 3_600_000)
        {
            throw new LauncherConfigException("status-ms", "must be in 10..3600000 (was " + statusMs + ")");
        }
        final int maxSessions = intValue(values, "max-sessions", 10_000, false);
        if (maxSessions < 8 || maxSessions > 10_000_000)
        {
            throw new LauncherConfigException("max-sessions", "must be in 8..10000000 (was " + maxSessions + ")");
        }
        return new LauncherConfig(pair, rate, longValue(values, "seed", 1), statusMs, maxSessions,
            path(values, "counters-file"), path(values, "dump-file"));
    }

    /** @return the validated pair configuration. */
    public PairConfig pairConfig()
    {
        return pairConfig;
    }

    /** @return generated sessions per second while active and paired, 0 for none. */
    public long rate()
    {
        return rate;
    }

    /** @return the traffic generator's seed. */
    public long seed()
    {
        return seed;
    }

    /** @return the status line interval, ms. */
    public long statusMs()
    {
        return statusMs;
    }

    /** @return the generator's bound on live sessions. */
    public int maxSessions()
    {
        return maxSessions;
    }

    /** @return the counters file, or null for none. */
    public Path countersFile()
    {
        return countersFile;
    }

    /** @return where the session table is written on exit, or null for nowhere. */
    public Path dumpFile()
    {
        return dumpFile;
    }

    private static Map<String, String> keys()
    {
        final Map<String, String> k = new LinkedHashMap<>();
        k.put("node-id", "this member's node id, 1..65535 (required)");
        k.put("control-local", "this member's control-channel IP address (required)");
        k.put("control-peer", "the peer's control-channel IP address (required)");
        k.put("control-port", "control-channel TCP port shared by both members (default 18514)");
        k.put("data-local", "this member's data-channel IP address (default control-local)");
        k.put("data-peer", "the peer's data-channel IP address (default control-peer)");
        k.put("data-port", "data-channel TCP port (default control-port + 1)");
        k.put("mode", "active-standby | mirroring | dual-active (default active-standby)");
        k.put("role-policy", "primary | secondary | auto (default auto)");
        k.put("priority", "0..255, higher wins an auto election (default 100)");
        k.put("keepalive-ms", "keepalive interval, ms (default 1000)");
        k.put("keepalive-retries", "unanswered keepalives before the peer is lost (default 3)");
        k.put("silence-ms", "how long a starting member looks for its peer before serving alone, ms " +
            "(default keepalive-ms x (keepalive-retries + 1))");
        k.put("handshake-timeout-ms", "longest a handshake may take, ms (default keepalive-ms x keepalive-retries)");
        k.put("psk", "pre-shared key, 16..256 bytes, or 'none' to turn authentication off (required)");
        k.put("fallback", "true | false: return traffic to the original active (default false)");
        k.put("fallback-delay-ms", "traffic-reversion delay, ms (default 60000)");
        k.put("rate", "generated sessions per second while active and paired, 0 = no traffic (default 0)");
        k.put("seed", "traffic generator seed (default 1)");
        k.put("max-sessions", "most live generated sessions (default 10000)");
        k.put("status-ms", "status line interval, ms (default 1000)");
        k.put("counters-file", "memory-mapped counters file for the stat tool (default none)");
        k.put("dump-file", "file the session table is written to on exit (default none)");
        k.put("vrrp", "a VRRP group bound to the active group, as VRID@INTERFACE (default none)");
        k.put("virtual-ip", "a floating IP held by the active member (default none)");
        k.put("management-interface", "management interface, required in mirroring mode");
        return java.util.Collections.unmodifiableMap(k);
    }

    private static Map<String, String> readFile(final Path file)
    {
        final Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(r);
        }
        catch (final IOException e)
        {
            throw new LauncherConfigException("config", "cannot read " + file + ": " + e.getMessage());
        }
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String key : p.stringPropertyNames())
        {
            values.put(key.trim(), p.getProperty(key).trim());
        }
        return values;
    }

    private static int intValue(final Map<String, String> values, final String key, final int fallback,
        final boolean required)
    {
        final String v = values.get(key);
        if (v == null || v.isEmpty())
        {
            if (required)
            {
                throw new LauncherConfigException(key, "is required");
            }
            return fallback;
        }
        try
        {
            return Integer.parseInt(v);
        }
        catch (final NumberFormatException e)
        {
            throw new LauncherConfigException(key, "not a whole number: '" + v + "'");
        }
    }

    private static long longValue(final Map<String, String> values, final String key, final long fallback)
    {
        final String v = values.get(key);
        if (v == null || v.isEmpty())
        {
            return fallback;
        }
        try
        {
            return Long.parseLong(v);
        }
        catch (final NumberFormatException e)
        {
            throw new LauncherConfigException(key, "not a whole number: '" + v + "'");
        }
    }

    private static boolean bool(final Map<String, String> values, final String key, final boolean fallback)
    {
        final String v = values.get(key);
        if (v == null || v.isEmpty())
        {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT))
        {
            case "true" -> true;
            case "false" -> false;
            default -> throw new LauncherConfigException(key, "must be true or false (was '" + v + "')");
        };
    }

    private static Path path(final Map<String, String> values, final String key)
    {
        final String v = values.get(key);
        return v == null || v.isEmpty() ? null : Path.of(v);
    }

    private static InetAddress address(final Map<String, String> values, final String key, final boolean required)
    {
        final String v = values.get(key);
        if (v == null || v.isEmpty())
        {
            if (required)
            {
                throw new LauncherConfigException(key, "is required");
            }
            return null;
        }
        if (!IPV4_LITERAL.matcher(v).matches() && !IPV6_LITERAL.matcher(v).matches())
        {
            throw new LauncherConfigException(key, "not an IP address literal: '" + v + "' (host names are not resolved)");
        }
        try
        {
            return InetAddress.getByName(v);
        }
        catch (final UnknownHostException e)
        {
            throw new LauncherConfigException(key, "not an IP address: '" + v + "'");
        }
    }

    private static Mode mode(final String v)
    {
        return switch (v.toLowerCase(Locale.ROOT))
        {
            case "active-standby" -> Mode.ACTIVE_STANDBY;
            case "mirroring" -> Mode.MIRRORING;
            case "dual-active" -> Mode.DUAL_ACTIVE;
            default -> throw new LauncherConfigException("mode",
                "must be active-standby, mirroring or dual-active (was '" + v + "')");
        };
    }

    private static RolePolicy rolePolicy(final String v)
    {
        return switch (v.toLowerCase(Locale.ROOT))
        {
            case "primary" -> RolePolicy.PRIMARY;
            case "secondary" -> RolePolicy.SECONDARY;
            case "auto" -> RolePolicy.AUTO;
            default -> throw new LauncherConfigException("role-policy", "must be primary, secondary or auto (was '" + v + "')");
        };
    }

    private static Authentication authentication(final String psk)
    {
        if (psk == null || psk.isEmpty())
        {
            throw new LauncherConfigException("psk", "is required: a pre-shared key of 16..256 bytes, or 'none' to turn authentication off");
        }
        if (psk.equals("none"))
        {
            return Authentication.disabled();
        }
        return Authentication.preSharedKey(psk.getBytes(StandardCharsets.UTF_8));
    }

    private static VrrpBinding vrrpBinding(final String v)
    {
        final int at = v.indexOf('@');
        if (at <= 0 || at == v.length() - 1)
        {
            throw new LauncherConfigException("vrrp", "must be VRID@INTERFACE, e.g. 1@eth0 (was '" + v + "')");
        }
        try
        {
            return new VrrpBinding(Integer.parseInt(v.substring(0, at)), v.substring(at + 1), BackupGroup.ACTIVE_GROUP);
        }
        catch (final NumberFormatException e)
        {
            throw new LauncherConfigException("vrrp", "the VRID must be a number (was '" + v + "')");
        }
    }

}
