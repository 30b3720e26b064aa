package io.hotstandby.codec;

/**
 * Bits of the {@code flags} field of the replication {@code FirewallSession} message (SPEC B5: HTTP
 * and DNS sessions have their own switches). Bits 8 to 31 belong to the host.
 */
public final class SessionFlags
{
    /** The session is an HTTP session. */
    public static final int HTTP = 1;

    /** The session is a DNS session. */
    public static final int DNS = 1 << 1;

    /** Lowest bit the host may use for its own flags. */
    public static final int FIRST_HOST_BIT = 1 << 8;

    private SessionFlags()
    {
    }
}
