package io.hotstandby.api.state;

/** State of the control or the data channel, as shown in the status (SPEC F1). */
public enum ChannelState
{
    /** Not connected; a reconnect is scheduled with backoff. */
    DOWN,
    /** Connecting (client) or waiting for the peer to connect (server). */
    CONNECTING,
    /** Connected; hello and authentication in progress. */
    HANDSHAKING,
    /** Connected, authenticated and negotiated. */
    UP,
    /** The peer was refused at handshake (see the status' refusal reason); retried with backoff. */
    REFUSED
}
