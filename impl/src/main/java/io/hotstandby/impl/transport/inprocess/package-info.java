/**
 * In-process transport (SPEC B1, F5, G8): {@link io.hotstandby.impl.transport.inprocess.InProcessNetwork}
 * pairs the server and client links that nodes open through their
 * {@link io.hotstandby.impl.transport.inprocess.InProcessTransport}s and carries frames over bounded
 * Agrona rings, one per direction. Faults: the per-frame
 * {@link io.hotstandby.impl.transport.inprocess.LinkFaults} hook (deliver, drop, delay, reorder,
 * duplicate: {@link io.hotstandby.impl.transport.inprocess.FrameFate}) and the network's partition,
 * heal, sever, crash and restart operations.
 */
package io.hotstandby.impl.transport.inprocess;
