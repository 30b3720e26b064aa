package io.hotstandby.api.config;

/**
 * Replication policy of one entry type (SPEC B5, B6, B8, G5, E3). Immutable; built with
 * {@link #defaults(io.hotstandby.api.entry.EntryType)} and the {@code with*} methods.
 *
 * @param enabled   whether entries of this type are replicated at all (B5).
 * @param minAgeMs  delay time: an entry is replicated only once it has lived longer than this
 *                  (B6, E3); 0 replicates at once. Applied to entries that carry a creation time.
 * @param priority  send priority, 0 (first) to 3 (last) (G5).
 * @param delivery  asynchronous, or acknowledged to the host (B8).
 */
public record EntryTypePolicy(boolean enabled, long minAgeMs, int priority, DeliveryMode delivery)
{
    /** Largest delay time accepted, one day in milliseconds. */
    public static final long MAX_MIN_AGE_MS = 86_400_000L;

    /**
     * @param type the entry type.
     * @return enabled, no delay, the type's default priority, asynchronous.
     */
    public static EntryTypePolicy defaults(final io.hotstandby.api.entry.EntryType type)
    {
        return new EntryTypePolicy(true, 0, type.defaultPriority(), DeliveryMode.ASYNC);
    }

    /** @param enabled see {@link #enabled()}. @return a copy with that value. */
    public EntryTypePolicy withEnabled(final boolean enabled)
    {
        return new EntryTypePolicy(enabled, minAgeMs, priority, delivery);
    }

    /** @param minAgeMs see {@link #minAgeMs()}. @return a copy with that value. */
    public EntryTypePolicy withMinAgeMs(final long minAgeMs)
    {
        return new EntryTypePolicy(enabled, minAgeMs, priority, delivery);
    }

    /** @param priority see {@link #priority()}. @return a copy with that value. */
    public EntryTypePolicy withPriority(final int priority)
    {
        return new EntryTypePolicy(enabled, minAgeMs, priority, delivery);
    }

    /** @param delivery see {@link #delivery()}. @return a copy with that value. */
    public EntryTypePolicy withDelivery(final DeliveryMode delivery)
    {
        return new EntryTypePolicy(enabled, minAgeMs, priority, delivery);
    }
}
