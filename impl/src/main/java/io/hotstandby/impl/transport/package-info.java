/**
 * Built-in {@link io.hotstandby.api.transport.FrameTransport}s (SPEC B1): {@code tcp} (Netty NIO, for
 * the control and data channels between two devices) and {@code inprocess} (two boards of one
 * chassis, and every deterministic test with fault injection).
 *
 * <p>Frame contract shared by both, matching {@link io.hotstandby.codec.FrameDescriptor}: a claim
 * covers a whole frame <em>including</em> its 4-byte little-endian length prefix, as written by
 * {@link io.hotstandby.codec.FrameWriter} ({@code link.commit(writer.finish())}). At commit the
 * transport (re)writes the prefix as {@code length - 4}, so the prefix on the wire is always right.
 * Lengths given to {@code tryClaim}, {@code commit} and {@code LinkSpec.maxFrameLength()} count the
 * prefix. A {@link io.hotstandby.api.transport.FrameHandler} receives the body only (prefix
 * stripped), ready for {@link io.hotstandby.codec.FrameReader#validateBody}.
 */
package io.hotstandby.impl.transport;
