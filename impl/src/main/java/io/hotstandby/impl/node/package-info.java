/**
 * The node facade (SPEC A-G): {@link io.hotstandby.impl.node.DefaultHotStandbyNode} wires transports,
 * counters, the replication engine and the pairing conductor and runs them in the host's chosen
 * threading mode; {@link io.hotstandby.impl.node.DefaultHotStandbyFactory} is what
 * {@link io.hotstandby.api.HotStandby#launch} finds through {@link java.util.ServiceLoader}.
 */
package io.hotstandby.impl.node;
