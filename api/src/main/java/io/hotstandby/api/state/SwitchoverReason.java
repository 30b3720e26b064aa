package io.hotstandby.api.state;

/**
 * Why a member's role or state changed (SPEC A7, A8, A10, A11). Carried in events, in the status'
 * last switchover and on the wire ({@link #code()}).
 */
public enum SwitchoverReason
{
    /** Initial election after the handshake. */
    ELECTION(1),
    /** The silence timer expired without a peer. */
    SILENCE_TIMEOUT(2),
    /** The peer was lost: keepalives unanswered or the channel closed. */
    PEER_LOST(3),
    /** A monitored track entry turned Negative (D6). */
    TRACK_NEGATIVE(4),
    /** A monitored interface or VLAN group went down (D4). */
    INTERFACE_DOWN(5),
    /** The host reported worse health than the peer's. */
    HEALTH(6),
    /** An operator command (A10). */
    OPERATOR(7),
    /** Fallback to the original active after the traffic-reversion delay (A8). */
    PREEMPT(8),
    /** The channel healed after a split brain and the deterministic rule picked one active (A11). */
    SPLIT_BRAIN_RESOLVED(9),
    /** The peer asked for the switchover (make-before-break, D1). */
    PEER_REQUEST(10),
    /** An operator reset re-ran the election (A10). */
    RESET(11);

    private final int code;

    SwitchoverReason(final int code)
    {
        this.code = code;
    }

    /** @return the wire value. */
    public int code()
    {
        return code;
    }

    /** @param code a wire value. @return the reason, or null when unknown. */
    public static SwitchoverReason fromCodeOrNull(final int code)
    {
        for (final SwitchoverReason r : values())
        {
            if (r.code == code)
            {
                return r;
            }
        }
        return null;
    }
}
