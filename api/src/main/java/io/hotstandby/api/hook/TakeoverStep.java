package io.hotstandby.api.hook;

/**
 * The ordered steps of a takeover (SPEC G1, B9, D7). The library runs them strictly in this order and
 * waits for each step's acknowledgements (or its timeout) before the next, so the VIP never moves
 * before the sessions are installed. Stepping down runs the reverse order.
 */
public enum TakeoverStep
{
    /** Install every replicated entry in the host: the providers' {@code flush()} (B9). */
    COMMIT_ENTRIES,
    /** Program forwarding: interface modes (D5), host {@link ForwardingHook}s. */
    PROGRAM_FORWARDING,
    /** Announce: VRRP master (D1), virtual IPs with gratuitous ARP / NA (D2), routing cost (D3). */
    ANNOUNCE
}
