package io.hotstandby.api.spi;

import io.hotstandby.api.entry.EntryType;

/**
 * Told when the standby has applied an entry of a type whose delivery mode is
 * {@link io.hotstandby.api.config.DeliveryMode#ACKNOWLEDGED} (SPEC B8), e.g. so that a DHCP server
 * answers the client only once the lease is safe on the peer.
 *
 * <p>Threading: called on the replication agent thread; must return at once and must not call back
 * into the producer it is told about.
 */
@FunctionalInterface
public interface AcknowledgementListener
{
    /**
     * @param type     the entry type.
     * @param key      the entry key.
     * @param sequence the replication sequence the standby acknowledged.
     */
    void onAcknowledged(EntryType type, long key, long sequence);
}
