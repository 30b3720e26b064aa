package io.hotstandby.testkit.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;

class PairSimulationTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void pairConvergesWithOneActive()
    {
        try (PairSimulation sim = PairSimulation.builder(1).build())
        {
            sim.start();
            assertTrue(sim.runUntil(sim::converged, 500 * MS), sim::toString);
            sim.runFor(200 * MS);
            assertTrue(sim.converged(), sim::toString);
        }
    }

    @Test
    void sameSeedReplaysTheSameRun()
    {
        assertEquals(trace(42), trace(42));
    }

    private static String trace(final long seed)
    {
        final StringBuilder sb = new StringBuilder();
        try (PairSimulation sim = PairSimulation.builder(seed).build())
        {
            sim.start();
            for (int i = 0; i < 300; i++)
            {
                if (i == 100)
                {
                    sim.partition();
                }
                if (i == 200)
                {
                    sim.heal();
                }
                sim.step();
                sb.append(sim.node(0).status().role()).append(sim.node(0).status().epoch())
                    .append(sim.node(1).status().role()).append(sim.node(1).status().epoch()).append(';');
            }
        }
        return sb.toString();
    }

    @Test
    void standbyTakesOverWhenTheActiveCrashes()
    {
        try (PairSimulation sim = PairSimulation.builder(7).build())
        {
            sim.start();
            assertTrue(sim.runUntil(sim::converged, 500 * MS), sim::toString);
            final int active = sim.node(0).status().role() == Role.ACTIVE ? 0 : 1;
            sim.crash(active);
            assertTrue(sim.runUntil(() -> sim.node(1 - active).status().role() == Role.ACTIVE, 100 * MS), sim::toString);
            assertEquals(FailoverState.SILENCE, sim.node(1 - active).status().state());
        }
    }
}
