package io.hotstandby.api.config;

/**
 * How a member's management role is decided (SPEC A5).
 *
 * <p>Manual {@link #PRIMARY}/{@link #SECONDARY}: the management role never changes by itself; allowed
 * in active/standby and dual-active, not in mirroring. {@link #AUTO}: the role follows the running
 * state; allowed in active/standby and mirroring, not in dual-active. Both members manual-primary (or
 * both manual-secondary) is refused at handshake.
 */
public enum RolePolicy
{
    /** Manually configured primary: prefers Active, owns the configuration (C2). */
    PRIMARY(1),
    /** Manually configured secondary: prefers Standby, receives the configuration (C2). */
    SECONDARY(2),
    /** Role follows the running state, decided by health, priority and address. */
    AUTO(3);

    private final int code;

    RolePolicy(final int code)
    {
        this.code = code;
    }

    /** @return the wire value. */
    public int code()
    {
        return code;
    }

    /**
     * @param code a wire value.
     * @return the policy with that wire value.
     * @throws IllegalArgumentException when no policy has that value.
     */
    public static RolePolicy fromCode(final int code)
    {
        for (final RolePolicy p : values())
        {
            if (p.code == code)
            {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown role policy code: " + code);
    }

    /**
     * @param mode the operating mode.
     * @return true when this policy may be used in that mode (A5).
     */
    public boolean allowedIn(final Mode mode)
    {
        return switch (this)
        {
            case PRIMARY, SECONDARY -> mode != Mode.MIRRORING;
            case AUTO -> mode != Mode.DUAL_ACTIVE;
        };
    }
}
