package io.hotstandby.api.config;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static io.hotstandby.api.config.PairConfigRulesTest.valid;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties over the address, port and timer rules of SPEC A1/A9. */
class PairConfigPropertiesTest
{
    private static final long SEED = 0x5EEDL;

    private static Gen<InetAddress> ipv4()
    {
        return integers().all().map(PairConfigPropertiesTest::v4);
    }

    private static Gen<InetAddress> ipv6()
    {
        return longs().all().zip(longs().all(), PairConfigPropertiesTest::v6);
    }

    static InetAddress v4(final int a)
    {
        try
        {
            return InetAddress.getByAddress(new byte[]{(byte)(a >>> 24), (byte)(a >>> 16), (byte)(a >>> 8), (byte)a});
        }
        catch (final UnknownHostException e)
        {
            throw new AssertionError(e);
        }
    }

    static InetAddress v6(final long hi, final long lo)
    {
        final byte[] b = new byte[16];
        for (int i = 0; i < 8; i++)
        {
            b[i] = (byte)(hi >>> (56 - 8 * i));
            b[8 + i] = (byte)(lo >>> (56 - 8 * i));
        }
        // keep clear of IPv4-mapped addresses, which InetAddress turns into IPv4
        b[0] = (byte)0x20;
        try
        {
            return InetAddress.getByAddress(b);
        }
        catch (final UnknownHostException e)
        {
            throw new AssertionError(e);
        }
    }

    private static boolean builds(final PairConfig.Builder b)
    {
        try
        {
            b.build();
            return true;
        }
        catch (final ConfigException e)
        {
            return false;
        }
    }

    @Test
    void sameFamilyDistinctAddressesBuildAndExactlyOneSideIsServer()
    {
        qt().withFixedSeed(SEED).withExamples(500).forAll(ipv4(), ipv4())
            .assuming((a, b) -> !a.equals(b))
            .check((a, b) -> builds(valid().controlLocal(a).controlPeer(b)) &&
                valid().controlLocal(a).controlPeer(b).build().isServer() !=
                valid().controlLocal(b).controlPeer(a).build().isServer());
        qt().withFixedSeed(SEED).withExamples(300).forAll(ipv6(), ipv6())
            .assuming((a, b) -> !a.equals(b))
            .check((a, b) -> builds(valid().controlLocal(a).controlPeer(b)));
    }

    @Test
    void mixedFamiliesAndEqualAddressesAreAlwaysRefused()
    {
        qt().withFixedSeed(SEED).withExamples(300).forAll(ipv4(), ipv6())
            .check((a, b) -> !builds(valid().controlLocal(a).controlPeer(b)) && !builds(valid().controlLocal(b).controlPeer(a)));
        qt().withFixedSeed(SEED).withExamples(300).forAll(ipv4())
            .check(a -> !builds(valid().controlLocal(a).controlPeer(a)));
    }

    @Test
    void portsAreAcceptedExactlyInOneTo65535()
    {
        qt().withFixedSeed(SEED).withExamples(1000).forAll(integers().between(-100_000, 100_000))
            .check(port -> builds(valid().controlPort(port).dataPort(port == 1 ? 2 : 1)) == (port >= 1 && port <= 65_535));
    }

    @Test
    void keepaliveTimersAreAcceptedExactlyInTheirRanges()
    {
        qt().withFixedSeed(SEED).withExamples(1000)
            .forAll(longs().between(-10, 70_000), integers().between(-5, 300))
            .check((interval, retries) -> builds(valid().keepaliveIntervalMs(interval).keepaliveRetries(retries)) ==
                (interval >= 1 && interval <= 60_000 && retries >= 1 && retries <= 255));
    }

    @Test
    void silenceTimerIsNeverShorterThanOneKeepalive()
    {
        qt().withFixedSeed(SEED).withExamples(1000)
            .forAll(longs().between(1, 60_000), longs().between(1, 200_000))
            .check((interval, silence) -> builds(valid().keepaliveIntervalMs(interval).silenceTimeoutMs(silence)) ==
                (silence >= interval));
    }

    @Test
    void defaultSilenceTimerCoversEveryRetry()
    {
        qt().withFixedSeed(SEED).withExamples(500)
            .forAll(longs().between(1, 60_000), integers().between(1, 255))
            .check((interval, retries) ->
            {
                final PairConfig c = valid().keepaliveIntervalMs(interval).keepaliveRetries(retries).build();
                return c.silenceTimeoutMs() > interval * retries;
            });
    }
}
