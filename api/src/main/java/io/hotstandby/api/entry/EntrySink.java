package io.hotstandby.api.entry;

/**
 * Zero-copy write path for entries (SPEC B2, B5): each {@code claim*} reserves space in
 * library-owned memory and returns a flyweight writer positioned on it; the caller sets the fields
 * and then calls {@code commit()} (or {@code abort()}). No object is created per entry.
 *
 * <p>Calling pattern (the writer is valid only until commit/abort, and only one claim may be open at a
 * time on one sink):
 * <pre>{@code
 * FirewallSessionWriter w = sink.claimFirewallSession();
 * if (w != null) {
 *     w.key(id).srcIpv4(src).dstIpv4(dst).srcPort(sp).dstPort(dp).protocol(6)
 *      .createdAtMs(created).expiresAtMs(deadline);
 *     OfferResult r = w.commit();
 * } else {
 *     OfferResult why = sink.lastRejection();   // e.g. RING_FULL, counted
 * }
 * }</pre>
 *
 * <p>Not thread-safe: an {@link EntryProducer} belongs to one data-plane thread; a snapshot sink is
 * used only inside {@link io.hotstandby.api.spi.BackupProvider#snapshot}.
 */
public interface EntrySink
{
    /** @return a writer for a firewall session, or null when nothing can be claimed (see {@link #lastRejection()}). */
    FirewallSessionWriter claimFirewallSession();

    /** @return a writer for a NAT/AFT port block, or null (see {@link #lastRejection()}). */
    NatPortBlockWriter claimNatPortBlock();

    /**
     * @param hostnameLength length in bytes of the hostname the caller will write, 0..255.
     * @return a writer for a DHCP lease, or null (see {@link #lastRejection()}).
     */
    DhcpLeaseWriter claimDhcpLease(int hostnameLength);

    /**
     * @param userNameLength length in bytes of the user name the caller will write, 0..255.
     * @return a writer for a portal user, or null (see {@link #lastRejection()}).
     */
    PortalUserWriter claimPortalUser(int userNameLength);

    /** @return a writer for a last-hop record, or null (see {@link #lastRejection()}). */
    LastHopWriter claimLastHop();

    /**
     * @param payloadLength length in bytes of the opaque payload, 0..{@link CustomEntryWriter#MAX_PAYLOAD_BYTES}.
     * @return a writer for a custom entry, or null (see {@link #lastRejection()}).
     */
    CustomEntryWriter claimCustom(int payloadLength);

    /** @return why the last claim returned null; {@link OfferResult#ACCEPTED} after a successful claim. */
    OfferResult lastRejection();
}
