/**
 * TCP transport on Netty NIO (SPEC A2, B1, F3): {@link io.hotstandby.impl.transport.tcp.TcpFrameTransport}
 * with its per-link bounds in {@link io.hotstandby.impl.transport.tcp.TcpLinkSettings}. Inside: the
 * agent-facing link (batched zero-copy claims from a fixed buffer pool), the event-loop handler and the
 * stream-to-ring frame assembler that checks every length prefix before using it.
 */
package io.hotstandby.impl.transport.tcp;
