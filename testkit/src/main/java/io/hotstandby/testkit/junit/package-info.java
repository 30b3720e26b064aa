/**
 * JUnit 5 support for host tests (SPEC F5): {@link io.hotstandby.testkit.junit.HotStandbyExtension}
 * injects a {@link io.hotstandby.testkit.ManualClock} or a seeded
 * {@link io.hotstandby.testkit.sim.PairSimulation} and closes them after each test.
 */
package io.hotstandby.testkit.junit;
