/**
 * The hand-written frame layer over the generated SBE codecs of {@code io.hotstandby.codec.control}
 * and {@code io.hotstandby.codec.replication}: {@link io.hotstandby.codec.FrameDescriptor} (layout and
 * bounds), {@link io.hotstandby.codec.FrameReader} (validation before decoding),
 * {@link io.hotstandby.codec.FrameWriter} (in-place encoding) and
 * {@link io.hotstandby.codec.AddressCodec} (address fields). All are single-threaded flyweights or
 * stateless helpers that allocate nothing per frame.
 */
package io.hotstandby.codec;
