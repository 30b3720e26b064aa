package io.hotstandby.api.entry;

/**
 * The built-in replicated entry types (SPEC B5), each with its own SBE message, writer and reader.
 * {@link #code()} is the wire value; {@link #defaultPriority()} orders types when several wait to be
 * sent (G5: leases and port blocks before short flows; lower value is sent first).
 */
public enum EntryType
{
    /** Firewall session: 5-tuple, VRF/zone, state, timers, NAT translation. */
    FIREWALL_SESSION(1, 3),
    /** NAT/AFT public port block allocated to a private address. */
    NAT_PORT_BLOCK(2, 1),
    /** DHCP lease. */
    DHCP_LEASE(3, 0),
    /** Authenticated portal user. */
    PORTAL_USER(4, 2),
    /** Last-hop record (return path of a flow). */
    LAST_HOP(5, 3),
    /** An opaque host-defined entry: a type id and up to 4096 bytes. */
    CUSTOM(6, 2);

    private static final EntryType[] BY_CODE = new EntryType[7];

    static
    {
        for (final EntryType t : values())
        {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int defaultPriority;

    EntryType(final int code, final int defaultPriority)
    {
        this.code = code;
        this.defaultPriority = defaultPriority;
    }

    /** @return the wire value. */
    public int code()
    {
        return code;
    }

    /** @return the default send priority, 0 (first) to 3 (last). */
    public int defaultPriority()
    {
        return defaultPriority;
    }

    /**
     * Allocation-free lookup for decoders.
     *
     * @param code a wire value.
     * @return the type, or null when the code is unknown.
     */
    public static EntryType fromCodeOrNull(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
