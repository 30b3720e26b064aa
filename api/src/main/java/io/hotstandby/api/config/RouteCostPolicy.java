package io.hotstandby.api.config;

/**
 * How the standby advertises a routing protocol's cost (SPEC D3). Immutable.
 *
 * @param protocol    the routing protocol.
 * @param adjustment  {@link Adjustment#ABSOLUTE}: the standby advertises {@code value};
 *                    {@link Adjustment#INCREMENTAL}: the standby advertises its cost plus {@code value}.
 * @param value       the cost or increment, 1..65535.
 */
public record RouteCostPolicy(RoutingProtocol protocol, Adjustment adjustment, int value)
{
    /** How {@link #value()} is applied. */
    public enum Adjustment
    {
        /** Replace the cost with the value. */
        ABSOLUTE,
        /** Add the value to the cost. */
        INCREMENTAL
    }
}
