package io.hotstandby.api.state;

/**
 * Running role of a member (SPEC A4). In dual-active mode both members are {@link #ACTIVE}.
 * {@link #code()} is the wire value.
 */
public enum Role
{
    /** No role decided yet (Silence, before the silence timer or an election). */
    UNDECIDED(0),
    /** Forwards traffic and replicates its entries to the peer. */
    ACTIVE(1),
    /** Receives the peer's entries and is ready to take over. */
    STANDBY(2);

    private final int code;

    Role(final int code)
    {
        this.code = code;
    }

    /** @return the wire value. */
    public int code()
    {
        return code;
    }

    /** @param code a wire value. @return the role, or null when unknown. */
    public static Role fromCodeOrNull(final int code)
    {
        for (final Role r : values())
        {
            if (r.code == code)
            {
                return r;
            }
        }
        return null;
    }
}
