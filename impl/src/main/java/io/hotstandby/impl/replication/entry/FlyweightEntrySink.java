package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.entry.PortalUserWriter;
import io.hotstandby.codec.FrameDescriptor;

/**
 * {@link EntrySink} over a {@link ClaimTarget} (SPEC B2, B5): one flyweight writer per entry type,
 * kept in fields and re-positioned by every claim, so no object is created per entry. The target
 * decides where the bytes go (a producer ring, the bulk stream, a digest).
 *
 * <p>Threading: single-threaded, like its target.
 */
public final class FlyweightEntrySink implements EntrySink
{
    private final ClaimTarget target;
    private final FirewallSessionFlyweightWriter firewallSession = new FirewallSessionFlyweightWriter();
    private final NatPortBlockFlyweightWriter natPortBlock = new NatPortBlockFlyweightWriter();
    private final DhcpLeaseFlyweightWriter dhcpLease = new DhcpLeaseFlyweightWriter();
    private final PortalUserFlyweightWriter portalUser = new PortalUserFlyweightWriter();
    private final LastHopFlyweightWriter lastHop = new LastHopFlyweightWriter();
    private final CustomEntryFlyweightWriter custom = new CustomEntryFlyweightWriter();
    private OfferResult lastRejection = OfferResult.ACCEPTED;

    /** @param target where claims go. */
    public FlyweightEntrySink(final ClaimTarget target)
    {
        this.target = target;
    }

    @Override
    public FirewallSessionWriter claimFirewallSession()
    {
        final int offset = claim(EntryType.FIREWALL_SESSION, FirewallSessionFlyweightWriter.LENGTH);
        if (offset < 0)
        {
            return null;
        }
        firewallSession.wrap(target, target.buffer(), offset, FirewallSessionFlyweightWriter.LENGTH);
        firewallSession.onWrap();
        return firewallSession;
    }

    @Override
    public NatPortBlockWriter claimNatPortBlock()
    {
        final int offset = claim(EntryType.NAT_PORT_BLOCK, NatPortBlockFlyweightWriter.LENGTH);
        if (offset < 0)
        {
            return null;
        }
        natPortBlock.wrap(target, target.buffer(), offset, NatPortBlockFlyweightWriter.LENGTH);
        natPortBlock.onWrap();
        return natPortBlock;
    }

    @Override
    public DhcpLeaseWriter claimDhcpLease(final int hostnameLength)
    {
        if (hostnameLength < 0 || hostnameLength > FrameDescriptor.MAX_TEXT_LENGTH)
        {
            lastRejection = OfferResult.TOO_LONG;
            return null;
        }
        final int length = DhcpLeaseFlyweightWriter.FIXED_LENGTH + hostnameLength;
        final int offset = claim(EntryType.DHCP_LEASE, length);
        if (offset < 0)
        {
            return null;
        }
        dhcpLease.wrap(target, target.buffer(), offset, length);
        dhcpLease.onWrap(hostnameLength);
        return dhcpLease;
    }

    @Override
    public PortalUserWriter claimPortalUser(final int userNameLength)
    {
        if (userNameLength < 0 || userNameLength > FrameDescriptor.MAX_TEXT_LENGTH)
        {
            lastRejection = OfferResult.TOO_LONG;
            return null;
        }
        final int length = PortalUserFlyweightWriter.FIXED_LENGTH + userNameLength;
        final int offset = claim(EntryType.PORTAL_USER, length);
        if (offset < 0)
        {
            return null;
        }
        portalUser.wrap(target, target.buffer(), offset, length);
        portalUser.onWrap(userNameLength);
        return portalUser;
    }

    @Override
    public LastHopWriter claimLastHop()
    {
        final int offset = claim(EntryType.LAST_HOP, LastHopFlyweightWriter.LENGTH);
        if (offset < 0)
        {
            return null;
        }
        lastHop.wrap(target, target.buffer(), offset, LastHopFlyweightWriter.LENGTH);
        lastHop.onWrap();
        return lastHop;
    }

    @Override
    public CustomEntryWriter claimCustom(final int payloadLength)
    {
        if (payloadLength < 0 || payloadLength > CustomEntryWriter.MAX_PAYLOAD_BYTES)
        {
            lastRejection = OfferResult.TOO_LONG;
            return null;
        }
        final int length = CustomEntryFlyweightWriter.FIXED_LENGTH + payloadLength;
        final int offset = claim(EntryType.CUSTOM, length);
        if (offset < 0)
        {
            return null;
        }
        custom.wrap(target, target.buffer(), offset, length);
        custom.onWrap(payloadLength);
        return custom;
    }

    @Override
    public OfferResult lastRejection()
    {
        return lastRejection;
    }

    private int claim(final EntryType type, final int length)
    {
        final int offset = target.claim(type, length);
        lastRejection = offset < 0 ? target.claimRejection() : OfferResult.ACCEPTED;
        return offset;
    }
}
