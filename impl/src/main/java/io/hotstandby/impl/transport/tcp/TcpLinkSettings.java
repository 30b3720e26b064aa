package io.hotstandby.impl.transport.tcp;

/**
 * Memory bounds and timeouts of every link of a {@link TcpFrameTransport} (SPEC F3). Immutable;
 * validated once at construction.
 *
 * @param inboundCapacity   least bytes of each link's inbound ring; rounded up to a power of two and
 *                          to 8 records of up to 64 KiB of body (longer frames are stored in
 *                          fragments). When it is full the link stops reading from the socket until
 *                          the owner polls, so TCP pushes back on the sender.
 * @param batchCapacity     least bytes of one outbound batch (the direct buffer claims are written
 *                          into and handed to Netty whole); raised to the link's largest frame.
 * @param highWaterMark     unsent outbound bytes above which claims that need a new batch return
 *                          {@code BACK_PRESSURED}.
 * @param lowWaterMark      unsent outbound bytes below which claims succeed again.
 * @param connectTimeoutMs  how long a client link stays CONNECTING before it closes, ms.
 */
public record TcpLinkSettings(int inboundCapacity, int batchCapacity, int highWaterMark, int lowWaterMark,
    int connectTimeoutMs)
{
    /** 4 MiB inbound ring, 256 KiB batches, 4 MiB / 2 MiB water marks, 5 s connect timeout. */
    public static final TcpLinkSettings DEFAULTS =
        new TcpLinkSettings(4 * 1024 * 1024, 256 * 1024, 4 * 1024 * 1024, 2 * 1024 * 1024, 5_000);

    /** Checks every bound is positive and the water marks ordered. */
    public TcpLinkSettings
    {
        if (inboundCapacity < 4096)
        {
            throw new IllegalArgumentException("inboundCapacity " + inboundCapacity + " < 4096");
        }
        if (batchCapacity < 1024)
        {
            throw new IllegalArgumentException("batchCapacity " + batchCapacity + " < 1024");
        }
        if (lowWaterMark <= 0 || highWaterMark < lowWaterMark)
        {
            throw new IllegalArgumentException("water marks " + lowWaterMark + ".." + highWaterMark);
        }
        if (connectTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("connectTimeoutMs " + connectTimeoutMs + " <= 0");
        }
    }
}
