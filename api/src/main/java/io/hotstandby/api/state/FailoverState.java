package io.hotstandby.api.state;

/**
 * Stateful-failover state of a member, as in the H3C manual (SPEC A4). {@link #code()} is the wire value.
 *
 * <pre>
 *   start ──► SILENCE ──(silence timer expires, no peer)──► INDEPENDENCE
 *                │                                              │
 *                └──(peer negotiated)──► SYNCHRONIZATION ◄──────┘ (peer negotiated)
 *                                             │
 *                   (peer lost) ──► SILENCE ◄─┘
 * </pre>
 */
public enum FailoverState
{
    /** Just started, or fell from Synchronization: the silence timer runs. */
    SILENCE(1),
    /** The silence timer expired with no peer: the member serves alone. */
    INDEPENDENCE(2),
    /** A peer is negotiated: bulk backup, then real-time backup. */
    SYNCHRONIZATION(3);

    private final int code;

    FailoverState(final int code)
    {
        this.code = code;
    }

    /** @return the wire value. */
    public int code()
    {
        return code;
    }

    /** @param code a wire value. @return the state, or null when unknown. */
    public static FailoverState fromCodeOrNull(final int code)
    {
        for (final FailoverState s : values())
        {
            if (s.code == code)
            {
                return s;
            }
        }
        return null;
    }
}
