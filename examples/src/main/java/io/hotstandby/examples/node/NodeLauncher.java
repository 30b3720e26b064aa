package io.hotstandby.examples.node;

import io.hotstandby.api.HotStandby;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.ConfigException;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.HotStandbyStatus;
import io.hotstandby.examples.firewall.RatePacer;
import io.hotstandby.examples.firewall.TableDump;
import io.hotstandby.examples.firewall.ToyFirewall;
import io.hotstandby.examples.firewall.TrafficGenerator;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one member of a pair as its own process: a toy firewall (SPEC F6) on a node built from a
 * {@code key=value} file and {@code --key=value} flags ({@link LauncherConfig}), printing one JSON
 * status object per line on stdout ({@link StatusLine}, SPEC F1) on every state or role change and
 * every {@code status-ms}; logs go to stderr.
 *
 * <pre>
 *   java --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -jar examples/target/hotstandby-node.jar \
 *       --config examples/config/node-a.properties [--key=value ...]
 * </pre>
 *
 * <p>While the member is active and paired with a synchronized standby, its main thread (the toy data
 * plane) generates {@code rate} session operations per second and offers them for replication. SIGTERM (or Ctrl-C)
 * prints a final status line, writes {@code dump-file} if set, closes the node and exits 0. A bad
 * configuration prints one line naming the key on stderr and exits 2.
 *
 * <p>Threads: the main thread (generator, status lines) and the library's own, in shared mode.
 */
public final class NodeLauncher
{
    /** Exit code of a configuration the launcher refuses. */
    public static final int EXIT_BAD_CONFIG = 2;
    /** Exit code when the node cannot be created (no implementation on the class path). */
    public static final int EXIT_NO_NODE = 1;
    private static final int MAX_OPERATIONS_PER_CYCLE = 1_000;

    private final LauncherConfig config;
    private final PrintStream out;
    private final RoleWatch watch = new RoleWatch();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private final long settleNs;
    private long quietSinceNs;

    private NodeLauncher(final LauncherConfig config, final PrintStream out)
    {
        this.config = config;
        this.out = out;
        this.settleNs = TimeUnit.MILLISECONDS.toNanos(Math.max(200, 4 * config.pairConfig().keepaliveIntervalMs()));
    }

    /**
     * @param args {@code --config FILE} and/or {@code --key=value} flags; {@code --help} lists the keys.
     */
    public static void main(final String[] args)
    {
        for (final String arg : args)
        {
            if (arg.equals("--help") || arg.equals("-h"))
            {
                usage(System.out);
                return;
            }
        }
        final LauncherConfig config;
        try
        {
            config = LauncherConfig.parse(args);
        }
        catch (final LauncherConfigException e)
        {
            System.err.println("hotstandby-node: bad configuration: " + e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        }
        final NodeLauncher launcher = new NodeLauncher(config, System.out);
        final Thread hook = new Thread(launcher::onSignal, "hotstandby-node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        final int code = launcher.run();
        System.exit(code);
    }

    private static void usage(final PrintStream out)
    {
        out.println("usage: java --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -jar hotstandby-node.jar " +
            "[--config FILE] [--key=value ...]");
        out.println("keys (file: key=value, flags: --key=value; a flag overrides the file):");
        for (final Map.Entry<String, String> e : LauncherConfig.KEYS.entrySet())
        {
            out.printf("  %-22s %s%n", e.getKey(), e.getValue());
        }
    }

    /** Shutdown hook: SIGTERM or Ctrl-C while running stops the main loop and exits 0 once it is done. */
    private void onSignal()
    {
        if (!running)
        {
            return;
        }
        running = false;
        try
        {
            finished.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    private int run()
    {
        try
        {
            final ToyFirewall firewall = new ToyFirewall("node-" + config.pairConfig().nodeId());
            final NodeContext context;
            try
            {
                context = firewall.register(config.pairConfig())
                    .listener(watch)
                    .countersFile(config.countersFile())
                    .threadingMode(ThreadingMode.SHARED)
                    .build();
            }
            catch (final ConfigException e)
            {
                System.err.println("hotstandby-node: bad configuration: " + e.getMessage());
                return EXIT_BAD_CONFIG;
            }
            final HotStandbyNode node;
            try
            {
                node = HotStandby.launch(context);
            }
            catch (final IllegalStateException e)
            {
                System.err.println("hotstandby-node: " + e.getMessage());
                return EXIT_NO_NODE;
            }
            try
            {
                node.start();
                loop(node, firewall);
            }
            finally
            {
                node.close();
            }
            return 0;
        }
        finally
        {
            running = false;
            finished.countDown();
        }
    }

    private void loop(final HotStandbyNode node, final ToyFirewall firewall)
    {
        final TrafficGenerator generator = new TrafficGenerator(config.seed(), config.pairConfig().nodeId(),
            config.maxSessions(), firewall.sessions());
        final RatePacer pacer = new RatePacer(config.rate(), MAX_OPERATIONS_PER_CYCLE);
        final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
        final long statusNs = TimeUnit.MILLISECONDS.toNanos(config.statusMs());
        long seqBase = -1;
        long nextStatusNs = System.nanoTime();
        boolean trafficOn = false;
        try (EntryProducer producer = node.newProducer())
        {
            while (running)
            {
                final long nowNs = System.nanoTime();
                int work = 0;
                if (config.rate() > 0 && watch.activeAndPaired())
                {
                    if (!trafficOn && settled(node, nowNs))
                    {
                        trafficOn = true;
                        pacer.start(nowNs);
                        if (seqBase < 0)
                        {
                            seqBase = node.status().replication().sentSequence();
                        }
                    }
                    for (int i = pacer.due(nowNs); i > 0; i--)
                    {
                        generator.step(producer);
                        work++;
                    }
                }
                else
                {
                    trafficOn = false;
                    quietSinceNs = 0;
                }
                if (watch.takeChanged() || nowNs - nextStatusNs >= 0)
                {
                    print(node, generator, seqBase);
                    nextStatusNs = nowNs + statusNs;
                }
                idle.idle(work);
            }
            print(node, generator, seqBase);
        }
        if (config.dumpFile() != null)
        {
            TableDump.write(firewall.sessions(), config.dumpFile());
        }
    }

    /**
     * Generated traffic starts once the standby is synchronized and everything sent so far is
     * acknowledged, and has stayed so for a few keepalive intervals (long enough for the bulk backup a
     * joining standby requests to have run), so that operation n goes out as sequence seqBase + n.
     */
    private boolean settled(final HotStandbyNode node, final long nowNs)
    {
        final HotStandbyStatus s = node.status();
        final boolean quiet = s.peer() != null && s.peer().role() == Role.STANDBY &&
            s.peer().state() == FailoverState.SYNCHRONIZATION && !s.replication().bulkInProgress() &&
            s.replication().sentSequence() == s.replication().ackedSequence();
        if (!quiet)
        {
            quietSinceNs = 0;
            return false;
        }
        if (quietSinceNs == 0)
        {
            quietSinceNs = nowNs;
        }
        return nowNs - quietSinceNs >= settleNs;
    }

    private void print(final HotStandbyNode node, final TrafficGenerator generator, final long seqBase)
    {
        out.println(StatusLine.format(node.status(), generator.operations(), generator.rejected(), seqBase));
        out.flush();
    }
}
