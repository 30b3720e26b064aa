/**
 * Reconciliation after a split brain (SPEC A11): a member that is active while its peer is away
 * records the keys it creates or updates, and those it deletes
 * ({@link io.hotstandby.impl.replication.reconcile.SplitJournal});
 * if the healed control channel deposes it, it sends those entries to the member that stays active
 * ({@link io.hotstandby.impl.replication.reconcile.ReconcileSource}) before asking for its bulk
 * backup, and the winner inserts the keys it does not hold and did not delete during the split
 * ({@link io.hotstandby.impl.replication.reconcile.ReconcileSink}) before it starts that bulk.
 */
package io.hotstandby.impl.replication.reconcile;
