package io.hotstandby.testkit;

import java.time.Duration;

import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.testkit.sim.PairSimulation;

/**
 * Domain assertions for host tests (SPEC F5): they run the simulation until the condition holds or the
 * simulated time runs out, and fail with an {@link AssertionError} that describes both members (and the
 * seed, for a {@link PairSimulation}). Simulated time only: never a wall-clock wait.
 */
public final class HotStandbyAssertions
{
    private HotStandbyAssertions()
    {
    }

    /**
     * Both members negotiated each other and exactly one is active (active/standby and mirroring), or
     * both are active (dual-active).
     *
     * @param sim    the simulation.
     * @param within most simulated time to wait.
     */
    public static void assertEventuallyConverged(final PairSimulation sim, final Duration within)
    {
        if (!sim.runUntil(() -> converged(sim.node(0), sim.node(1)), within.toNanos()))
        {
            throw new AssertionError("the pair did not converge within " + within + ": " + sim);
        }
    }

    /**
     * The host's node and the simulated peer negotiated each other and the roles are decided.
     *
     * @param peer   the simulated peer with the host's node attached.
     * @param host   the host's node.
     * @param within most simulated time to wait.
     */
    public static void assertEventuallyConverged(final SimulatedPeer peer, final HotStandbyNode host,
        final Duration within)
    {
        if (!peer.runUntil(() -> converged(host, peer.node()), within.toNanos()))
        {
            throw new AssertionError("the host's node and the simulated peer did not converge within " + within +
                ": host " + describe(host) + ", peer " + describe(peer.node()));
        }
    }

    /**
     * @param sim    the simulation.
     * @param member 0 or 1.
     * @param within most simulated time to wait.
     */
    public static void assertBecameActiveWithin(final PairSimulation sim, final int member, final Duration within)
    {
        if (!sim.runUntil(() -> sim.node(member).status().role() == Role.ACTIVE, within.toNanos()))
        {
            throw new AssertionError("member " + member + " did not become active within " + within + ": " + sim);
        }
    }

    /**
     * @param peer   the simulated peer with the host's node attached.
     * @param host   the host's node.
     * @param within most simulated time to wait.
     */
    public static void assertBecameActiveWithin(final SimulatedPeer peer, final HotStandbyNode host,
        final Duration within)
    {
        if (!peer.runUntil(() -> host.status().role() == Role.ACTIVE, within.toNanos()))
        {
            throw new AssertionError("the host's node did not become active within " + within + ": host " +
                describe(host) + ", peer " + describe(peer.node()));
        }
    }

    private static boolean converged(final HotStandbyNode a, final HotStandbyNode b)
    {
        final var x = a.status();
        final var y = b.status();
        if (x.state() != FailoverState.SYNCHRONIZATION || y.state() != FailoverState.SYNCHRONIZATION)
        {
            return false;
        }
        if (x.mode() == io.hotstandby.api.config.Mode.DUAL_ACTIVE)
        {
            return x.role() == Role.ACTIVE && y.role() == Role.ACTIVE;
        }
        return x.role() == Role.ACTIVE && y.role() == Role.STANDBY || x.role() == Role.STANDBY && y.role() == Role.ACTIVE;
    }

    private static String describe(final HotStandbyNode node)
    {
        final var s = node.status();
        return "node " + s.nodeId() + " " + s.state() + "/" + s.role() + "@" + s.epoch() + " control " + s.control();
    }
}
