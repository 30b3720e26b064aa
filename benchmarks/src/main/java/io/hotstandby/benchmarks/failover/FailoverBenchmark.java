package io.hotstandby.benchmarks.failover;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.HdrHistogram.Histogram;

import io.hotstandby.api.HotStandby;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.VrrpBinding;
import io.hotstandby.api.hook.ForwardingHook;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;

/**
 * End-to-end failover benchmark (SPEC A2, G1; issue 3): two real nodes over loopback TCP
 * (127.0.0.1 and 127.0.0.2) with a short keepalive. The active member runs in INVOKER mode on a
 * driver thread; each trial pauses it (its socket stays open, nothing is answered: a hung peer) and
 * measures, on the standby, the time from the silence to the detection and from the detection to the
 * acknowledgement of the last takeover step (no-op hooks). Then the paused member resumes, the
 * channel heals, the split brain resolves back to it and the next trial starts.
 *
 * <p>Knobs (system properties): {@code trials} (default 200), {@code keepalive.ms} (10),
 * {@code retries} (3), {@code port} (28514), {@code soak.s} (0: off; otherwise a second phase in which
 * a separate process keeps every core busy for that many seconds while the pair runs normally, and
 * every detection counts as false; {@code soak.nice} runs that process at a lower priority, as a
 * background batch job would). Without the soak, {@code false_detections} counts the peer losses
 * the standby declared outside the trials' silences. Prints one {@code RESULT bench=failover ...} line
 * last.
 */
public final class FailoverBenchmark
{
    private static final byte[] KEY = "failover-benchmark-key-000000".getBytes(StandardCharsets.UTF_8);
    private static final long AWAIT_NS = TimeUnit.SECONDS.toNanos(10);

    private FailoverBenchmark()
    {
    }

    /**
     * @param args ignored; see the class comment for the knobs.
     * @throws Exception on setup failure.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        final int trials = Integer.getInteger("trials", 200);
        final long keepaliveMs = Long.getLong("keepalive.ms", 10);
        final int retries = Integer.getInteger("retries", 3);
        final int port = Integer.getInteger("port", 28_514);
        final long soakSeconds = Long.getLong("soak.s", 0);

        final FailoverEvents standbyEvents = new FailoverEvents();
        final FailoverEvents activeEvents = new FailoverEvents();
        final HotStandbyNode standby = launch(0, port, keepaliveMs, retries, 100, ThreadingMode.SHARED, standbyEvents);
        final HotStandbyNode active = launch(1, port, keepaliveMs, retries, 200, ThreadingMode.INVOKER, activeEvents);
        final Histogram detect = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram takeover = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        int falseDetections = 0;
        try (InvokerDriver driver = new InvokerDriver(active, "hotstandby-2-invoker"))
        {
            standby.start();
            active.start();
            int aborted = 0;
            int earlyLosses = 0;
            for (int trial = 0; trial < trials; )
            {
                await("the pair to settle with node 2 active", () -> settled(standby, active));
                final int downsBefore = standbyEvents.downCount;
                final int announcesBefore = standbyEvents.announceCount;
                standbyEvents.lossExpected = true;
                final long silentSinceNs = driver.pause();
                final boolean detected = awaitOrFalse(() -> standbyEvents.downCount > downsBefore &&
                    standbyEvents.announceCount > announcesBefore && standby.status().role() == Role.ACTIVE);
                standbyEvents.lossExpected = false;
                driver.resume();
                if (detected && standbyEvents.lastDownNs - silentSinceNs < 0)
                {
                    // declared lost before the silence began: a false detection
                    earlyLosses++;
                    aborted++;
                    continue;
                }
                if (!detected || !standbyEvents.lossReason.contains("keepalives unanswered"))
                {
                    // the channel was lost for another reason just before the pause (a false detection,
                    // counted below); this trial measures nothing
                    aborted++;
                    continue;
                }
                detect.recordValue(standbyEvents.lastDownNs - silentSinceNs);
                takeover.recordValue(Math.max(0, standbyEvents.lastAnnounceNs - standbyEvents.lastDownNs));
                trial++;
            }
            falseDetections = standbyEvents.unexpectedLosses + earlyLosses;
            System.out.printf(Locale.ROOT, "trials: %d measured, %d aborted; losses outside trials: %d%n", trials,
                aborted, falseDetections);
            await("the pair to settle after the last trial", () -> settled(standby, active));
            if (soakSeconds > 0)
            {
                falseDetections = soak(soakSeconds, standbyEvents, activeEvents);
                System.out.printf(Locale.ROOT, "soak %d s with every core busy: %d peer losses%n", soakSeconds,
                    falseDetections);
            }
        }
        finally
        {
            standby.close();
            active.close();
        }
        System.out.printf(Locale.ROOT,
            "detect: p50 %.2f ms, p99 %.2f ms, max %.2f ms; takeover after detection: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
            ms(detect.getValueAtPercentile(50)), ms(detect.getValueAtPercentile(99)), ms(detect.getMaxValue()),
            ms(takeover.getValueAtPercentile(50)), ms(takeover.getValueAtPercentile(99)), ms(takeover.getMaxValue()));
        System.out.printf(Locale.ROOT,
            "RESULT bench=failover trials=%d keepalive_ms=%d retries=%d detect_p50_ms=%.2f detect_p99_ms=%.2f " +
            "takeover_p99_ms=%.3f false_detections=%d soak_s=%d%n",
            trials, keepaliveMs, retries, ms(detect.getValueAtPercentile(50)), ms(detect.getValueAtPercentile(99)),
            ms(takeover.getValueAtPercentile(99)), falseDetections, soakSeconds);
    }

    private static int soak(final long seconds, final FailoverEvents a, final FailoverEvents b) throws Exception
    {
        final String javaCommand = ProcessHandle.current().info().command().orElse("java");
        final int nice = Integer.getInteger("soak.nice", 0);
        final List<String> command = new ArrayList<>();
        if (nice > 0)
        {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.addAll(List.of(javaCommand, "-cp", System.getProperty("java.class.path"), BusyLoad.class.getName()));
        final Process busy = new ProcessBuilder(command).inheritIO().start();
        final int before = a.downCount + b.downCount;
        try
        {
            final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() - end < 0)
            {
                Thread.sleep(100);
            }
        }
        finally
        {
            busy.destroyForcibly().waitFor();
        }
        return a.downCount + b.downCount - before;
    }

    private static boolean settled(final HotStandbyNode standby, final HotStandbyNode active)
    {
        return standby.status().state() == FailoverState.SYNCHRONIZATION &&
            active.status().state() == FailoverState.SYNCHRONIZATION &&
            standby.status().role() == Role.STANDBY && active.status().role() == Role.ACTIVE &&
            standby.status().epoch() == active.status().epoch();
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    private static boolean awaitOrFalse(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private static double ms(final long ns)
    {
        return ns / 1_000_000.0;
    }

    private static HotStandbyNode launch(final int member, final int port, final long keepaliveMs, final int retries,
        final int priority, final ThreadingMode mode, final FailoverEvents events) throws Exception
    {
        final InetAddress a = InetAddress.getByName("127.0.0.1");
        final InetAddress b = InetAddress.getByName("127.0.0.2");
        final PairConfig config = PairConfig.builder().nodeId(member + 1)
            .controlLocal(member == 0 ? a : b).controlPeer(member == 0 ? b : a).controlPort(port)
            .keepaliveIntervalMs(keepaliveMs).keepaliveRetries(retries).reconnectBackoffMs(5, 50).priority(priority)
            .ringCapacityBytes(PairConfig.Builder.MIN_RING_CAPACITY_BYTES).retransmitWindowEntries(4096)
            .bindVrrp(new VrrpBinding(1, "eth0", BackupGroup.ACTIVE_GROUP))
            .authentication(Authentication.preSharedKey(KEY)).build();
        final ForwardingHook noOpForwarding = new ForwardingHook()
        {
            @Override
            public String name()
            {
                return "no-op";
            }

            @Override
            public void programForwarding(final boolean activeRole, final HookCompletion completion)
            {
                completion.complete();
            }
        };
        return HotStandby.launch(NodeContext.builder(config).threadingMode(mode).listener(events)
            .vrrpHook((vrid, itf, state, completion) -> completion.complete())
            .forwardingHook(noOpForwarding).build());
    }
}
