package io.hotstandby.api.entry;

/**
 * Common view of one replicated entry as delivered to
 * {@link io.hotstandby.api.spi.BackupProvider#apply} on the receiving member (SPEC B3, B5). A
 * flyweight over the received frame: valid only during the call, decoded in place, never stored.
 * Address getters copy into a caller-owned array so no object is created per entry.
 */
public interface EntryReader
{
    /** @return the entry's type. */
    EntryType type();

    /** @return the entry's key. */
    long key();

    /** @return absolute deadline, epoch ms, or 0 for none (G6: the receiver never ages entries itself). */
    long expiresAtMs();

    /** @return the node id of the member that owns the entry (dual-active: each side owns its own, A6). */
    int ownerNodeId();

    /** @return the replication sequence number of this update (B3). */
    long sequence();
}
