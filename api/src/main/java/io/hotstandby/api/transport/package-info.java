/**
 * Transport SPI (SPEC B1): {@link io.hotstandby.api.transport.FrameTransport} opens
 * {@link io.hotstandby.api.transport.FrameLink}s that move whole frames, written in place and read in
 * place (B2). The frames' contents are the SBE messages of the codec module; a transport never looks
 * inside them.
 */
package io.hotstandby.api.transport;
