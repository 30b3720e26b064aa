/**
 * Replicated entries (SPEC B2, B5-B8, G5, G6): the built-in {@link io.hotstandby.api.entry.EntryType}s,
 * the zero-copy write path ({@link io.hotstandby.api.entry.EntryProducer}, flyweight writers over a
 * claimed ring slot) and the in-place read path (flyweight readers handed to
 * {@link io.hotstandby.api.spi.BackupProvider}). Every entry has a 64-bit key chosen by the host and
 * replication applies it as an upsert (create or update) or a delete, in order per key.
 */
package io.hotstandby.api.entry;
