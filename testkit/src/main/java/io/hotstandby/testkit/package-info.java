/**
 * Testkit for host developers (SPEC F5, G8): a controllable {@link io.hotstandby.testkit.ManualClock},
 * a {@link io.hotstandby.testkit.SimulatedPeer} to pair a host's node under test with, and domain
 * assertions ({@link io.hotstandby.testkit.HotStandbyAssertions}). Fault injection lives in
 * {@code io.hotstandby.testkit.net}, the whole-pair simulation in {@code io.hotstandby.testkit.sim}, the
 * JUnit 5 extension in {@code io.hotstandby.testkit.junit}.
 */
package io.hotstandby.testkit;
