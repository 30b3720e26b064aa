package io.hotstandby.api.state;

/** The two channels between the members (SPEC A2, B1). */
public enum ChannelKind
{
    /** TCP control channel: handshake, keepalives, roles, commands, configuration. */
    CONTROL,
    /** Data channel: replicated entries and their acknowledgements. */
    DATA
}
