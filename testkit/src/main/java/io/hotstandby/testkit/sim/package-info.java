/**
 * Deterministic simulation of a whole pair (SPEC G8): {@link io.hotstandby.testkit.sim.PairSimulation}
 * runs two real nodes single-threaded on one clock and one in-process network under a seed, with faults,
 * so that any failure found by a property test replays exactly from its seed.
 */
package io.hotstandby.testkit.sim;
