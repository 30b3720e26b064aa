/**
 * Pairing and roles (SPEC A2-A8, A10, A11, C2, C3, D1, D4, D6, D7, F3, G1-G3): the
 * {@link io.hotstandby.impl.pairing.Conductor} agent and the parts it owns, one concern each.
 * <ul>
 *   <li>{@link io.hotstandby.impl.pairing.ControlChannel}: the control link, Hello and pre-shared-key
 *       challenge-response (the pairing terms travel only after the proof) ({@link io.hotstandby.impl.pairing.PeerAuthenticator},
 *       {@link io.hotstandby.impl.pairing.HandshakeRules}), keepalives
 *       ({@link io.hotstandby.impl.pairing.KeepaliveMonitor}: detection only) and reconnect backoff
 *       ({@link io.hotstandby.impl.pairing.ReconnectBackoff});</li>
 *   <li>{@link io.hotstandby.impl.pairing.ControlAdapter} / {@link io.hotstandby.impl.pairing.ControlPublisher}:
 *       decode (after the bounded frame check) and encode of the control SBE messages;</li>
 *   <li>{@link io.hotstandby.impl.pairing.FailoverStateMachine}: states, roles, epochs, election,
 *       make-before-break switchover, fallback, operator role commands (decision only);</li>
 *   <li>{@link io.hotstandby.impl.pairing.TakeoverPipeline}: the ordered, acknowledged traffic-switch steps;</li>
 *   <li>{@link io.hotstandby.impl.pairing.ConductorProxy}: the only way host threads reach the conductor.</li>
 * </ul>
 * Everything here runs on the conductor's thread and is given {@code nowNs}; nothing reads a clock.
 */
package io.hotstandby.impl.pairing;
