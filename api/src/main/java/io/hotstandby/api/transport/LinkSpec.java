package io.hotstandby.api.transport;

import io.hotstandby.api.state.ChannelKind;

import java.net.InetSocketAddress;

/**
 * What a {@link FrameTransport} is asked to open: one point-to-point link between the two members
 * (SPEC A2, B1). Immutable.
 *
 * @param channel          control or data channel.
 * @param local            this member's address and port (the server listens on it; a client binds to
 *                         its address with an ephemeral port).
 * @param remote           the peer's address and port; a server accepts only this address.
 * @param server           true for the member with the higher address (A2).
 * @param maxFrameLength   largest frame either side may send, bytes; a longer one drops the link.
 */
public record LinkSpec(ChannelKind channel, InetSocketAddress local, InetSocketAddress remote, boolean server,
    int maxFrameLength)
{
}
