package io.hotstandby.api.command;

/**
 * Operator commands (SPEC A10), given through {@link io.hotstandby.api.HotStandbyNode#execute}.
 * {@link #code()} is the wire value, used when a command is relayed to the peer.
 */
public enum OperatorCommand
{
    /** Make this member active (from the standby: the peer steps down, make-before-break). */
    SWITCH_TO_ACTIVE(1),
    /** Make this member standby (the peer takes over first, make-before-break). */
    SWITCH_TO_STANDBY(2),
    /** Dual-active: the peer takes the active group. */
    SWITCH_PEER_TO_ACTIVE(3),
    /** Dual-active: the peer gives the active group to this member. */
    SWITCH_PEER_TO_STANDBY(4),
    /** Re-run the election. */
    RESET(5),
    /** Back up the whole configuration to the secondary now (C2 manual mode). */
    SYNC_CONFIG_NOW(6),
    /** Compare configuration digests now (C3). */
    CHECK_CONSISTENCY_NOW(7);

    private final int code;

    OperatorCommand(final int code)
    {
        this.code = code;
    }

    /** @return the wire value. */
    public int code()
    {
        return code;
    }

    /** @param code a wire value. @return the command, or null when unknown. */
    public static OperatorCommand fromCodeOrNull(final int code)
    {
        for (final OperatorCommand c : values())
        {
            if (c.code == code)
            {
                return c;
            }
        }
        return null;
    }
}
