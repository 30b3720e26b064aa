package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.entry.PortalUserWriter;
import io.hotstandby.codec.AddressCodec;

import static io.hotstandby.codec.replication.PortalUserEncoder.*;

/** Flyweight {@link PortalUserWriter} over a claimed {@code PortalUser} message (SPEC B5). Single-threaded. */
public final class PortalUserFlyweightWriter extends EntryWriterFlyweight implements PortalUserWriter
{
    /** Bytes of the message without the user name, header and var-data length included. */
    public static final int FIXED_LENGTH = io.hotstandby.codec.FrameDescriptor.ENTRY_HEADER_LENGTH + BLOCK_LENGTH + 2;

    private int userNameLength;

    PortalUserFlyweightWriter()
    {
        super(EntryType.PORTAL_USER, TEMPLATE_ID, BLOCK_LENGTH);
    }

    void onWrap(final int userNameLength)
    {
        this.userNameLength = userNameLength;
        AddressCodec.putIpv4(buffer, bodyOffset + userIpEncodingOffset(), 0);
        buffer.putShort(bodyOffset + BLOCK_LENGTH, (short)userNameLength, LE);
    }

    @Override
    public PortalUserWriter key(final long key)
    {
        putKey(key);
        return this;
    }

    @Override
    public PortalUserWriter expiresAtMs(final long expiresAtMs)
    {
        buffer.putLong(bodyOffset + expiresAtMsEncodingOffset(), expiresAtMs, LE);
        return this;
    }

    @Override
    public PortalUserWriter userIpv4(final int address)
    {
        AddressCodec.putIpv4(buffer, bodyOffset + userIpEncodingOffset(), address);
        return this;
    }

    @Override
    public PortalUserWriter userIp(final byte[] address)
    {
        AddressCodec.putIp(buffer, bodyOffset + userIpEncodingOffset(), address);
        return this;
    }

    @Override
    public PortalUserWriter mac(final byte[] mac)
    {
        buffer.putBytes(bodyOffset + macEncodingOffset(), mac, 0, 6);
        return this;
    }

    @Override
    public PortalUserWriter vrf(final int vrf)
    {
        buffer.putInt(bodyOffset + vrfEncodingOffset(), vrf, LE);
        return this;
    }

    @Override
    public PortalUserWriter loginAtMs(final long loginAtMs)
    {
        buffer.putLong(bodyOffset + loginAtMsEncodingOffset(), loginAtMs, LE);
        return this;
    }

    @Override
    public PortalUserWriter quotaBytes(final long bytes)
    {
        buffer.putLong(bodyOffset + byteQuotaEncodingOffset(), bytes, LE);
        return this;
    }

    @Override
    public PortalUserWriter userName(final byte[] userName)
    {
        buffer.putBytes(bodyOffset + BLOCK_LENGTH + 2, userName, 0, Math.min(userNameLength, userName.length));
        return this;
    }

    @Override
    public OfferResult commit()
    {
        return doCommit();
    }

    @Override
    public void abort()
    {
        doAbort();
    }
}
