package io.hotstandby.impl.replication.entry;

import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.PortalUserReader;

import static io.hotstandby.codec.replication.PortalUserDecoder.*;

/** Flyweight {@link PortalUserReader} over a received {@code PortalUser} message (SPEC B5). */
public final class PortalUserFlyweightReader extends EntryReaderFlyweight implements PortalUserReader
{
    /** A reader; position it with {@link #wrap}. */
    public PortalUserFlyweightReader()
    {
        super(EntryType.PORTAL_USER);
    }

    @Override
    public long expiresAtMs()
    {
        return buffer.getLong(bodyOffset + expiresAtMsEncodingOffset(), LE);
    }

    @Override
    public int ipVersion()
    {
        return version(userIpEncodingOffset());
    }

    @Override
    public int userIpv4()
    {
        return ipv4(userIpEncodingOffset());
    }

    @Override
    public int userIp(final byte[] dst)
    {
        return ip(userIpEncodingOffset(), dst);
    }

    @Override
    public void mac(final byte[] dst)
    {
        mac(macEncodingOffset(), dst);
    }

    @Override
    public int vrf()
    {
        return buffer.getInt(bodyOffset + vrfEncodingOffset(), LE);
    }

    @Override
    public long loginAtMs()
    {
        return buffer.getLong(bodyOffset + loginAtMsEncodingOffset(), LE);
    }

    @Override
    public long quotaBytes()
    {
        return buffer.getLong(bodyOffset + byteQuotaEncodingOffset(), LE);
    }

    @Override
    public int userNameLength()
    {
        return varLength();
    }

    @Override
    public int userName(final byte[] dst)
    {
        return varCopy(dst);
    }
}
