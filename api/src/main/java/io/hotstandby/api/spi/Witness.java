package io.hotstandby.api.spi;

/**
 * Optional tie-breaker consulted before a member whose control channel is down goes active (SPEC G3,
 * A11): the host pings a gateway, asks a third node, or reads a shared disk.
 *
 * <p>Threading: {@link #probe} is called on the conductor thread and must return at once; the host
 * answers later, from any thread, through the callback. No answer within the hook timeout counts as
 * {@link Verdict#UNKNOWN}.
 */
public interface Witness
{
    /** What the witness saw. */
    enum Verdict
    {
        /** The peer is alive (only the channel is down): do not go active. */
        PEER_ALIVE,
        /** The peer is dead: go active. */
        PEER_DEAD,
        /** No opinion: the member decides as if there were no witness. */
        UNKNOWN
    }

    /** Receives the witness' verdict; callable once, from any thread. */
    @FunctionalInterface
    interface Callback
    {
        /** @param verdict what the witness saw. */
        void onVerdict(Verdict verdict);
    }

    /**
     * @param peerNodeId the peer whose liveness is in question.
     * @param callback   to call once with the verdict.
     */
    void probe(int peerNodeId, Callback callback);
}
