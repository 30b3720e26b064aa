package io.hotstandby.testkit.sim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.command.OperatorCommand;
import io.hotstandby.api.config.TrackMonitor;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;
import io.hotstandby.api.state.TrackState;
import io.hotstandby.api.status.HotStandbyStatus;

/**
 * The five pairing properties of issue 3 over random event sequences in the deterministic pair
 * simulation, 1,000 seeds each. A failure names the seed: {@code PairSimulation.builder(seed)} with the
 * same script replays it exactly.
 */
class PairPropertiesTest
{
    static
    {
        // 5,000 simulated runs log every transition; keep the suite's output to warnings
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private static final int SEEDS = 1_000;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long KEEPALIVE_MS = 10;
    private static final long SILENCE_MS = 40;
    /** Simulated time per step: 5 steps per keepalive interval keep 5,000 runs well under a minute. */
    private static final long STEP_MS = 2;

    private static final OperatorCommand[] COMMANDS = {
        OperatorCommand.SWITCH_TO_ACTIVE, OperatorCommand.SWITCH_TO_STANDBY, OperatorCommand.RESET };

    private interface SeedRun
    {
        void run(long seed, SplittableRandom events);
    }

    private static void forEachSeed(final String property, final SeedRun run)
    {
        for (long seed = 1; seed <= SEEDS; seed++)
        {
            try
            {
                run.run(seed, new SplittableRandom(seed * 0x9E3779B97F4A7C15L));
            }
            catch (final AssertionError | RuntimeException ex)
            {
                throw new AssertionError(property + " failed for seed " + seed + ": " + ex.getMessage(), ex);
            }
        }
    }

    private static PairSimulation simulation(final long seed, final SplittableRandom events,
        final HotStandbyListener[] listeners)
    {
        final int priority0 = events.nextBoolean() ? 100 : 150;
        final int priority1 = events.nextBoolean() ? 100 : 150;
        final boolean fallback = events.nextBoolean();
        final long fallbackDelayMs = 30 + events.nextInt(50);
        return PairSimulation.builder(seed)
            .stepNs(STEP_MS * MS)
            .config(0, b -> b.priority(priority0).monitorTrack(new TrackMonitor(1, null)).fallback(fallback, fallbackDelayMs))
            .config(1, b -> b.priority(priority1).monitorTrack(new TrackMonitor(1, null)).fallback(fallback, fallbackDelayMs))
            .context((member, b) -> b.listener(listeners == null ? HotStandbyListener.NO_OP : listeners[member]))
            .build();
    }

    /** One random event: channel faults, track, health or an operator command. */
    private static void randomEvent(final PairSimulation sim, final SplittableRandom events, final boolean channelFaults)
    {
        final int member = events.nextInt(2);
        final HotStandbyNode node = sim.node(member);
        switch (events.nextInt(channelFaults ? 7 : 4))
        {
            case 0 -> node.reportTrack(1, events.nextBoolean() ? TrackState.NEGATIVE : TrackState.POSITIVE);
            case 1 -> node.reportHealth(events.nextBoolean() ? 100 : 30 + events.nextInt(60));
            case 2 -> node.execute(COMMANDS[events.nextInt(COMMANDS.length)]);
            case 3 -> { }
            case 4 -> sim.partition();
            case 5 -> sim.heal();
            default -> sim.sever();
        }
    }

    private static void chaos(final PairSimulation sim, final SplittableRandom events, final long durationMs,
        final boolean channelFaults)
    {
        final long end = sim.clock().nanoTime() + durationMs * MS;
        while (sim.clock().nanoTime() - end < 0)
        {
            randomEvent(sim, events, channelFaults);
            sim.runFor((1 + events.nextInt(25)) * MS);
        }
    }

    private static boolean bothUp(final PairSimulation sim)
    {
        return sim.node(0).status().state() == FailoverState.SYNCHRONIZATION &&
            sim.node(1).status().state() == FailoverState.SYNCHRONIZATION;
    }

    @Test
    void channelUpSettlesWithExactlyOneActiveWithinBoundedKeepaliveIntervals()
    {
        forEachSeed("property 1 (one active once paired)", (seed, events) ->
        {
            try (PairSimulation sim = simulation(seed, events, null))
            {
                sim.start();
                chaos(sim, events, 60, true);
                sim.heal();
                if (!sim.runUntil(() -> bothUp(sim), 1_000 * MS))
                {
                    fail("the pair never negotiated after the faults stopped: " + sim);
                }
                if (!sim.runUntil(sim::converged, 10 * KEEPALIVE_MS * MS))
                {
                    fail("no single active member within 10 keepalive intervals of the handshake: " + sim);
                }
                sim.runFor(100 * MS);
                if (!sim.converged())
                {
                    fail("did not stay settled: " + sim);
                }
            }
        });
    }

    @Test
    void epochNeverDecreasesAndRisesOnEveryRoleChange()
    {
        forEachSeed("property 2 (epochs)", (seed, events) ->
        {
            final long[] lastEventEpoch = new long[2];
            final HotStandbyListener[] listeners = new HotStandbyListener[2];
            for (int i = 0; i < 2; i++)
            {
                final int member = i;
                listeners[i] = new HotStandbyListener()
                {
                    @Override
                    public void onRoleChange(final Role from, final Role to, final long epoch,
                        final SwitchoverReason reason, final String detail)
                    {
                        if (epoch <= lastEventEpoch[member])
                        {
                            throw new AssertionError("node " + (member + 1) + " changed role " + from + "->" + to +
                                " without raising the epoch: " + lastEventEpoch[member] + " -> " + epoch);
                        }
                        lastEventEpoch[member] = epoch;
                    }
                };
            }
            try (PairSimulation sim = simulation(seed, events, listeners))
            {
                final long[] epoch = new long[2];
                final Role[] role = { Role.UNDECIDED, Role.UNDECIDED };
                sim.afterEachStep(() ->
                {
                    for (int i = 0; i < 2; i++)
                    {
                        final HotStandbyStatus s = sim.node(i).status();
                        if (s.epoch() < epoch[i])
                        {
                            throw new AssertionError("node " + (i + 1) + " epoch decreased " + epoch[i] + " -> " + s.epoch());
                        }
                        if (s.role() != role[i] && s.epoch() <= epoch[i])
                        {
                            throw new AssertionError("node " + (i + 1) + " role " + role[i] + " -> " + s.role() +
                                " without a higher epoch");
                        }
                        epoch[i] = s.epoch();
                        role[i] = s.role();
                    }
                });
                sim.start();
                chaos(sim, events, 100, true);
            }
        });
    }

    @Test
    void memberWithWorseHealthNeverStaysActiveAgainstHealthyPeer()
    {
        final long boundMs = 15 * KEEPALIVE_MS;
        forEachSeed("property 3 (worse health never stays active)", (seed, events) ->
        {
            try (PairSimulation sim = simulation(seed, events, null))
            {
                final long[] violatingSince = { -1 };
                sim.afterEachStep(() ->
                {
                    final HotStandbyStatus a = sim.node(0).status();
                    final HotStandbyStatus b = sim.node(1).status();
                    final boolean paired = a.state() == FailoverState.SYNCHRONIZATION &&
                        b.state() == FailoverState.SYNCHRONIZATION;
                    final boolean violating = paired &&
                        (a.role() == Role.ACTIVE && b.role() != Role.ACTIVE && a.health() < b.health() ||
                        b.role() == Role.ACTIVE && a.role() != Role.ACTIVE && b.health() < a.health());
                    final long now = sim.clock().nanoTime();
                    if (!violating)
                    {
                        violatingSince[0] = -1;
                    }
                    else if (violatingSince[0] < 0)
                    {
                        violatingSince[0] = now;
                    }
                    else if (now - violatingSince[0] > boundMs * MS)
                    {
                        throw new AssertionError("the less healthy member stayed active for more than " + boundMs +
                            " ms: " + sim);
                    }
                });
                sim.start();
                sim.runUntil(sim::converged, 500 * MS);
                chaos(sim, events, 120, false);
                sim.runFor(2 * boundMs * MS);
            }
        });
    }

    @Test
    void exactlyOneActiveWithinBoundAfterPartitionHeals()
    {
        final long boundMs = 400;
        forEachSeed("property 4 (partition heals to one active)", (seed, events) ->
        {
            try (PairSimulation sim = simulation(seed, events, null))
            {
                sim.start();
                if (!sim.runUntil(sim::converged, 500 * MS))
                {
                    fail("no initial convergence: " + sim);
                }
                sim.partition();
                final long partitionMs = 20 + events.nextInt(130);
                final long end = sim.clock().nanoTime() + partitionMs * MS;
                while (sim.clock().nanoTime() - end < 0)
                {
                    randomEvent(sim, events, false);
                    sim.runFor((1 + events.nextInt(30)) * MS);
                }
                sim.heal();
                if (!sim.runUntil(sim::converged, boundMs * MS))
                {
                    fail("not exactly one active within " + boundMs + " ms of the heal (partition " + partitionMs +
                        " ms): " + sim);
                }
            }
        });
    }

    @Test
    void noMemberWithoutRoleDecisionLongerThanSilenceTimer()
    {
        forEachSeed("property 5 (role decided within the silence timer)", (seed, events) ->
        {
            try (PairSimulation sim = simulation(seed, events, null))
            {
                final long[] undecidedSince = { -1, -1 };
                final LongConsumer noop = x -> { };
                sim.afterEachStep(() ->
                {
                    final long now = sim.clock().nanoTime();
                    for (int i = 0; i < 2; i++)
                    {
                        if (sim.isCrashed(i))
                        {
                            undecidedSince[i] = -1;
                            continue;
                        }
                        if (sim.node(i).status().role() != Role.UNDECIDED)
                        {
                            undecidedSince[i] = -1;
                        }
                        else if (undecidedSince[i] < 0)
                        {
                            undecidedSince[i] = now - STEP_MS * MS;
                        }
                        else if (now - undecidedSince[i] > (SILENCE_MS + STEP_MS) * MS)
                        {
                            throw new AssertionError("node " + (i + 1) + " undecided for more than the silence timer: " + sim);
                        }
                    }
                });
                sim.start();
                final long end = sim.clock().nanoTime() + 120 * MS;
                while (sim.clock().nanoTime() - end < 0)
                {
                    if (events.nextInt(8) == 0)
                    {
                        final int member = events.nextInt(2);
                        if (sim.isCrashed(member))
                        {
                            sim.restart(member);
                        }
                        else
                        {
                            sim.crash(member);
                        }
                    }
                    else
                    {
                        randomEvent(sim, events, true);
                    }
                    sim.runFor((1 + events.nextInt(25)) * MS);
                }
                noop.accept(0);
            }
        });
    }
}
