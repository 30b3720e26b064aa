package io.hotstandby.api.config;

/** Delivery guarantee of one entry type (SPEC B8, G5). */
public enum DeliveryMode
{
    /** Fire and forget; the lag is readable in the status. The default. */
    ASYNC,
    /**
     * The host's {@link io.hotstandby.api.spi.AcknowledgementListener} is told when the standby has
     * applied the entry (e.g. DHCP leases, which a client may use at once).
     */
    ACKNOWLEDGED
}
