package io.hotstandby.api.config;

/**
 * Operating mode of a pair (SPEC A6). Chosen once in {@link PairConfig}; both members must agree
 * (a mismatch refuses the pairing at handshake, A3).
 *
 * <p>{@link #code()} is the value carried on the wire; it never depends on declaration order.
 */
public enum Mode
{
    /** One member forwards, the other stands by with every entry installed. */
    ACTIVE_STANDBY(1),
    /**
     * Active/standby where both members use the same service addresses. Needs the interface-control
     * hook and a management interface; forbids VRRP association and virtual IPs (A9).
     */
    MIRRORING(2),
    /** Both forward; each backs up the entries it owns to the other; the survivor serves both sets. */
    DUAL_ACTIVE(3);

    private final int code;

    Mode(final int code)
    {
        this.code = code;
    }

    /** @return the wire value of this mode. */
    public int code()
    {
        return code;
    }

    /**
     * @param code a wire value.
     * @return the mode with that wire value.
     * @throws IllegalArgumentException when no mode has that value.
     */
    public static Mode fromCode(final int code)
    {
        for (final Mode m : values())
        {
            if (m.code == code)
            {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode code: " + code);
    }
}
