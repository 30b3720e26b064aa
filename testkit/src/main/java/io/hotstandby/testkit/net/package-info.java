/**
 * Network fault injection for host developers' tests (SPEC F5): {@link io.hotstandby.testkit.net.FaultInjector},
 * a seeded {@link io.hotstandby.impl.transport.inprocess.LinkFaults} for
 * {@link io.hotstandby.impl.transport.inprocess.InProcessNetwork}, configured per channel kind with
 * {@link io.hotstandby.testkit.net.FaultProfile}. Partitions, severed connections and crashes are
 * operations of the network itself.
 */
package io.hotstandby.testkit.net;
