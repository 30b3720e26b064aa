package io.hotstandby.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.hotstandby.api.state.Role;
import io.hotstandby.testkit.HotStandbyAssertions;
import io.hotstandby.testkit.ManualClock;
import io.hotstandby.testkit.sim.PairSimulation;

@ExtendWith(HotStandbyExtension.class)
class HotStandbyExtensionTest
{
    @Test
    @Seed(42)
    void injectsASeededSimulation(final PairSimulation sim)
    {
        assertEquals(42, sim.seed());
        sim.start();
        HotStandbyAssertions.assertEventuallyConverged(sim, Duration.ofMillis(500));
    }

    @Test
    void injectsOneClockPerTestThatOnlyMovesWhenTold(final ManualClock clock, final ManualClock same)
    {
        assertSame(clock, same);
        final long t = clock.nanoTime();
        clock.advance(5, TimeUnit.MILLISECONDS);
        assertEquals(t + 5_000_000, clock.nanoTime());
        assertEquals(5, clock.epochMillis() - ManualClock.DEFAULT_EPOCH_ORIGIN_MS);
        assertThrows(IllegalArgumentException.class, () -> clock.set(t));
    }

    @Test
    void defaultSeedIsOne(final PairSimulation sim)
    {
        assertEquals(1, sim.seed());
    }

    @Test
    @Seed(9)
    void assertBecameActiveWithinFailsWithTheSimulationDescribed(final PairSimulation sim)
    {
        sim.start();
        HotStandbyAssertions.assertEventuallyConverged(sim, Duration.ofMillis(500));
        final int standby = sim.node(0).status().role() == Role.STANDBY ? 0 : 1;
        final AssertionError error = assertThrows(AssertionError.class,
            () -> HotStandbyAssertions.assertBecameActiveWithin(sim, standby, Duration.ofMillis(100)));
        assertTrue(error.getMessage().contains("seed=9"), error.getMessage());
        sim.crash(1 - standby);
        HotStandbyAssertions.assertBecameActiveWithin(sim, standby, Duration.ofMillis(10));
    }
}
