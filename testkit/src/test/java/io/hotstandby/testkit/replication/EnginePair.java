package io.hotstandby.testkit.replication;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.CustomEntryWriter;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.entry.FirewallSessionWriter;
import io.hotstandby.api.entry.LastHopWriter;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.entry.OfferResult;
import io.hotstandby.api.entry.PortalUserWriter;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.AcknowledgementListener;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.ReplicationEngine;
import io.hotstandby.impl.transport.inprocess.InProcessNetwork;
import io.hotstandby.testkit.ManualClock;
import io.hotstandby.testkit.provider.EntryCopier;
import io.hotstandby.testkit.provider.SimpleBackupProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Two replication engines driven directly through {@link io.hotstandby.impl.replication.ReplicationControl}
 * (no conductor), one deterministic thread, a {@link ManualClock} and an {@link InProcessNetwork}
 * (or any other transports). Each member has a {@link SimpleBackupProvider} per entry type; the
 * "host" of a member writes its table first and then offers the entry to its producer, as a real
 * data plane does.
 */
final class EnginePair implements AutoCloseable
{
    private static final org.slf4j.Logger TRACE = org.slf4j.LoggerFactory.getLogger(EnginePair.class);
    static final long STEP_NS = 1_000_000L;
    static final Long TRACE_KEY = Long.getLong("replication.traceKey");
    static final EntryType TRACE_TYPE = EntryType.valueOf(System.getProperty("replication.traceType", "FIREWALL_SESSION"));
    long steps;

    final ManualClock clock = new ManualClock();
    final InProcessNetwork network;
    final ReplicationEngine[] engines = new ReplicationEngine[2];
    final NodeCounters[] counters = new NodeCounters[2];
    final PairConfig[] configs = new PairConfig[2];
    final FrameTransport[] transports = new FrameTransport[2];
    @SuppressWarnings("unchecked")
    final Map<EntryType, SimpleBackupProvider<?>>[] tables = new Map[2];
    final EntryProducer[] producers = new EntryProducer[2];
    final EntrySink[][] localSinks = new EntrySink[2][8];
    final EntryCopier copier = new EntryCopier();
    final long[] epochs = new long[2];
    final Role[] roles = {Role.UNDECIDED, Role.UNDECIDED};
    private final SplittableRandom order;
    private final long member1ClockOffsetMs;

    EnginePair(final long seed, final UnaryOperator<PairConfig.Builder> customise,
        final HotStandbyListener listener, final AcknowledgementListener ackListener)
    {
        this(seed, customise, listener, ackListener, 0);
    }

    EnginePair(final long seed, final UnaryOperator<PairConfig.Builder> customise,
        final HotStandbyListener listener, final AcknowledgementListener ackListener, final long member1ClockOffsetMs)
    {
        this.member1ClockOffsetMs = member1ClockOffsetMs;
        order = new SplittableRandom(seed);
        network = new InProcessNetwork(clock);
        for (int m = 0; m < 2; m++)
        {
            transports[m] = network.transport();
            build(m, customise, listener, ackListener, transports[m]);
        }
    }

    EnginePair(final FrameTransport[] transports, final UnaryOperator<PairConfig.Builder> customise)
    {
        member1ClockOffsetMs = 0;
        order = new SplittableRandom(0);
        network = null;
        for (int m = 0; m < 2; m++)
        {
            this.transports[m] = transports[m];
            build(m, customise, HotStandbyListener.NO_OP, null, transports[m]);
        }
    }

    private void build(final int m, final UnaryOperator<PairConfig.Builder> customise,
        final HotStandbyListener listener, final AcknowledgementListener ackListener, final FrameTransport transport)
    {
        configs[m] = customise.apply(PairConfig.builder()
            .nodeId(m + 1)
            .controlLocal(address(m)).controlPeer(address(1 - m))
            .dataLocal(address(m)).dataPeer(address(1 - m))
            .authentication(Authentication.preSharedKey("replication-test-key".getBytes(StandardCharsets.UTF_8))))
            .build();
        final io.hotstandby.api.time.Clock memberClock = m == 1 && member1ClockOffsetMs != 0 ? new io.hotstandby.api.time.Clock()
        {
            @Override
            public long nanoTime()
            {
                return clock.nanoTime();
            }

            @Override
            public long epochMillis()
            {
                return clock.epochMillis() + member1ClockOffsetMs;
            }
        } : clock;
        final NodeContext.Builder context = NodeContext.builder(configs[m]).clock(memberClock).listener(listener)
            .acknowledgementListener(ackListener).dataTransport(transport);
        tables[m] = new EnumMap<>(EntryType.class);
        for (final EntryType type : EntryType.values())
        {
            final SimpleBackupProvider<EntryReader> table = SimpleBackupProvider.of(type);
            tables[m].put(type, table);
            context.provider(TRACE_KEY == null ? table : new TracingProvider<>(m, table, TRACE_KEY, this));
            localSinks[m][type.code()] = table.newLocalSink();
        }
        counters[m] = NodeCounters.inMemory();
        engines[m] = new ReplicationEngine(context.build(), transport, counters[m]);
        producers[m] = engines[m].newProducer();
    }

    static InetAddress address(final int member)
    {
        try
        {
            return InetAddress.getByName(member == 0 ? "127.0.0.1" : "127.0.0.2");
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Member 0 active, member 1 standby, both told the peer is up. */
    void startActiveStandby(final long epoch)
    {
        role(0, Role.ACTIVE, epoch);
        role(1, Role.STANDBY, epoch);
        peerUp(0, epoch);
        peerUp(1, epoch);
    }

    void role(final int m, final Role role, final long epoch)
    {
        roles[m] = role;
        epochs[m] = epoch;
        engines[m].onRoleChange(role, epoch, clock.nanoTime());
    }

    void peerUp(final int m, final long epoch)
    {
        engines[m].onPeerUp(2 - m, epoch, clock.nanoTime());
    }

    void peerDown(final int m)
    {
        engines[m].onPeerDown(clock.nanoTime());
    }

    /** Advances the clock one step and runs one duty cycle of each engine, in a seeded order. */
    void step()
    {
        final long now = clock.advance(STEP_NS);
        steps++;
        if (order.nextBoolean())
        {
            engines[0].doWork(now);
            engines[1].doWork(now);
        }
        else
        {
            engines[1].doWork(now);
            engines[0].doWork(now);
        }
    }

    boolean runUntil(final BooleanSupplier condition, final int maxSteps)
    {
        for (int i = 0; i < maxSteps; i++)
        {
            if (condition.getAsBoolean())
            {
                return true;
            }
            step();
        }
        return condition.getAsBoolean();
    }

    @SuppressWarnings("unchecked")
    SimpleBackupProvider<EntryReader> table(final int m, final EntryType type)
    {
        return (SimpleBackupProvider<EntryReader>)tables[m].get(type);
    }

    /**
     * The host of member {@code m} creates or updates an entry: table first, then the offer.
     *
     * @return the offer's outcome.
     */
    OfferResult upsert(final int m, final EntryType type, final long key, final SplittableRandom content)
    {
        write(localSinks[m][type.code()], type, key, content);
        if (TRACE_KEY != null && TRACE_KEY == key && type == TRACE_TYPE)
        {
            TRACE.info("step " + steps + " host " + m + " upsert " + key + " " + java.util.Arrays.hashCode(table(m, type).encoded(key)));
        }
        final SimpleBackupProvider<EntryReader> table = table(m, type);
        final OfferResult[] result = {OfferResult.ACCEPTED};
        table.read(key, r ->
        {
            if (!copier.copy(r, producers[m]))
            {
                result[0] = producers[m].lastRejection();
            }
        });
        return result[0];
    }

    /** The host of member {@code m} deletes an entry: table first, then the offer. */
    OfferResult delete(final int m, final EntryType type, final long key)
    {
        table(m, type).remove(key);
        final OfferResult r = producers[m].delete(type, key);
        if (TRACE_KEY != null && TRACE_KEY == key && type == TRACE_TYPE)
        {
            TRACE.info("step " + steps + " host " + m + " delete " + key + " " + r);
        }
        return r;
    }

    /** @return null when member 1's tables equal member 0's, else the first difference. */
    String difference()
    {
        for (final EntryType type : EntryType.values())
        {
            final String d = table(0, type).describeDifference(table(1, type));
            if (d != null)
            {
                return d;
            }
        }
        return null;
    }

    static void write(final EntrySink sink, final EntryType type, final long key, final SplittableRandom r)
    {
        switch (type)
        {
            case FIREWALL_SESSION:
            {
                final FirewallSessionWriter w = sink.claimFirewallSession();
                w.key(key).srcIpv4(r.nextInt()).dstIpv4(r.nextInt()).srcPort(r.nextInt(65536)).dstPort(r.nextInt(65536))
                    .protocol(r.nextInt(256)).state(r.nextInt(256)).vrf(r.nextInt()).zone(r.nextInt())
                    .createdAtMs(r.nextLong(1, 1L << 40)).lastSeenMs(r.nextLong()).bytes(r.nextLong()).packets(r.nextLong())
                    .natIpv4(r.nextInt()).natPort(r.nextInt(65536)).flags(r.nextInt() << 8).expiresAtMs(r.nextLong(1L << 42));
                if (r.nextInt(4) == 0)
                {
                    w.srcIp(bytes(r, 16)).dstIp(bytes(r, 16));
                }
                w.commit();
                break;
            }
            case NAT_PORT_BLOCK:
            {
                final NatPortBlockWriter w = sink.claimNatPortBlock();
                w.key(key).publicIpv4(r.nextInt()).privateIp(bytes(r, r.nextBoolean() ? 4 : 16)).portStart(r.nextInt(65536))
                    .portEnd(r.nextInt(65536)).vrf(r.nextInt()).expiresAtMs(r.nextLong(1L << 42));
                w.commit();
                break;
            }
            case DHCP_LEASE:
            {
                final byte[] host = bytes(r, r.nextInt(40));
                final DhcpLeaseWriter w = sink.claimDhcpLease(host.length);
                w.key(key).mac(bytes(r, 6)).ipv4(r.nextInt()).vrf(r.nextInt()).leaseStartMs(r.nextLong(1L << 41))
                    .hostname(host).expiresAtMs(r.nextLong(1L << 42));
                w.commit();
                break;
            }
            case PORTAL_USER:
            {
                final byte[] name = bytes(r, r.nextInt(1, 60));
                final PortalUserWriter w = sink.claimPortalUser(name.length);
                w.key(key).userIpv4(r.nextInt()).mac(bytes(r, 6)).vrf(r.nextInt()).loginAtMs(r.nextLong(1L << 41))
                    .quotaBytes(r.nextLong()).userName(name).expiresAtMs(r.nextLong(1L << 42));
                w.commit();
                break;
            }
            case LAST_HOP:
            {
                final LastHopWriter w = sink.claimLastHop();
                w.key(key).nextHopIp(bytes(r, r.nextBoolean() ? 4 : 16)).ifIndex(r.nextInt()).mac(bytes(r, 6))
                    .vrf(r.nextInt()).expiresAtMs(r.nextLong(1L << 42));
                w.commit();
                break;
            }
            case CUSTOM:
            {
                final byte[] payload = bytes(r, r.nextInt(0, 300));
                final CustomEntryWriter w = sink.claimCustom(payload.length);
                w.key(key).customTypeId(r.nextInt()).payload(payload, 0).expiresAtMs(r.nextLong(1L << 42));
                w.commit();
                break;
            }
            default:
                throw new IllegalArgumentException(String.valueOf(type));
        }
    }

    static byte[] bytes(final SplittableRandom r, final int n)
    {
        final byte[] b = new byte[n];
        for (int i = 0; i < n; i++)
        {
            b[i] = (byte)r.nextInt(256);
        }
        return b;
    }

    @Override
    public void close()
    {
        for (final ReplicationEngine e : engines)
        {
            e.close();
        }
        for (final FrameTransport t : transports)
        {
            t.close();
        }
        for (final NodeCounters c : counters)
        {
            c.close();
        }
    }
}
