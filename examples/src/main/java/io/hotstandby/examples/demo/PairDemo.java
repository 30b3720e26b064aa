package io.hotstandby.examples.demo;

import io.hotstandby.api.HotStandby;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.config.VrrpBinding;
import io.hotstandby.api.entry.DhcpLeaseWriter;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.NatPortBlockWriter;
import io.hotstandby.api.hook.VrrpHook;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.HotStandbyStatus;
import io.hotstandby.api.status.ReplicationStatus;
import io.hotstandby.examples.firewall.Addresses;
import io.hotstandby.examples.firewall.Lease;
import io.hotstandby.examples.firewall.PortBlock;
import io.hotstandby.examples.firewall.RatePacer;
import io.hotstandby.examples.firewall.SessionTable;
import io.hotstandby.examples.firewall.TableCut;
import io.hotstandby.examples.firewall.TableDump;
import io.hotstandby.examples.firewall.ToyFirewall;
import io.hotstandby.examples.firewall.TrafficGenerator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The two-node toy-firewall demo (SPEC F6): two members in one JVM over real loopback TCP
 * (A = 127.0.0.1, B = 127.0.0.2; control and data channels; pre-shared-key authentication). A serves
 * alone and fills its tables; B joins and receives them by bulk backup; A replicates live traffic at a
 * visible rate; then A is killed abruptly (its node closed, channels cut without any handover) and B
 * detects it, runs the takeover pipeline (commit entries, program forwarding, announce VRRP master and
 * the floating IP) and serves. The summary compares B's tables with what A had acknowledged; the
 * process exits 0 only if nothing acknowledged was lost.
 *
 * <pre>
 *   java --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -jar examples/target/hotstandby-demo.jar [--short]
 * </pre>
 *
 * <p>Threads: the demo's main thread is A's data plane (the traffic generator) and the narrator; each
 * node runs its agents on one library thread (shared mode).
 */
public final class PairDemo
{
    private static final String PSK = "toy-firewall-pair-demo-key";
    private static final int VRID = 1;
    private static final long WAIT_MS = 15_000;
    /** How long a starting member looks for its peer before it serves alone (A4), ms. */
    private static final long SILENCE_MS = 1_500;
    /** Longest a handshake may take: the first one in a fresh JVM warms up HMAC and the codecs, ms. */
    private static final long HANDSHAKE_MS = 1_000;

    private final DemoSettings settings;
    private final ConsolePrinter out;
    private final InetAddress addressA;
    private final InetAddress addressB;
    private final InetAddress floatingIp;

    /**
     * @param settings what to run.
     * @param out      where to narrate.
     */
    public PairDemo(final DemoSettings settings, final ConsolePrinter out)
    {
        this.settings = settings;
        this.out = out;
        try
        {
            addressA = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            addressB = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
            floatingIp = InetAddress.getByAddress(new byte[] {127, 0, 0, 100});
        }
        catch (final UnknownHostException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** @param args see {@link DemoSettings#parse}. */
    public static void main(final String[] args)
    {
        quietLibraryLogs();
        final DemoSettings settings;
        try
        {
            settings = DemoSettings.parse(args);
        }
        catch (final IllegalArgumentException e)
        {
            System.err.println("pair-demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        final DemoSummary summary = new PairDemo(settings, new ConsolePrinter(System.out)).run();
        System.exit(summary.passed() ? 0 : 1);
    }

    /**
     * The narration is the demo's output: the library logs only warnings, the toy firewall's hooks
     * (VRRP, floating IP) log what they do. Either can be overridden with the usual slf4j-simple
     * system properties.
     */
    private static void quietLibraryLogs()
    {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.slf4j.simpleLogger.log.io.hotstandby.examples") == null)
        {
            System.setProperty("org.slf4j.simpleLogger.log.io.hotstandby.examples", "info");
        }
    }

    /** @return the outcome, after printing the summary. */
    public DemoSummary run()
    {
        final ToyFirewall fwA = new ToyFirewall("A");
        final ToyFirewall fwB = new ToyFirewall("B");
        final DemoEvents evA = new DemoEvents("A");
        final DemoEvents evB = new DemoEvents("B");
        out.phase("Two toy firewalls on loopback: A = 127.0.0.1 (node 1, priority 200), B = 127.0.0.2 (node 2, priority 100)");
        out.line("control channel port " + settings.controlPort() + ", data channel port " + (settings.controlPort() + 1) +
            ", keepalive " + settings.keepaliveMs() + " ms x 3, pre-shared key authentication, VRRP " + VRID +
            " and floating IP " + floatingIp.getHostAddress() + " bound to the active member");
        final HotStandbyNode nodeA = HotStandby.launch(fwA.register(config(1, addressA, addressB, 200))
            .listener(evA).threadingMode(ThreadingMode.SHARED).build());
        final HotStandbyNode nodeB = HotStandby.launch(fwB.register(config(2, addressB, addressA, 100))
            .listener(evB).threadingMode(ThreadingMode.SHARED).build());
        try
        {
            return run(nodeA, nodeB, fwA, fwB, evA, evB);
        }
        finally
        {
            nodeB.close();
            nodeA.close();
        }
    }

    private DemoSummary run(final HotStandbyNode nodeA, final HotStandbyNode nodeB, final ToyFirewall fwA,
        final ToyFirewall fwB, final DemoEvents evA, final DemoEvents evB)
    {
        final EntryProducer producerA;
        final TrafficGenerator generator = new TrafficGenerator(settings.seed(), 1, settings.maxSessions(), fwA.sessions());
        if (settings.together())
        {
            out.phase("A and B start together: pairing and election");
            nodeA.start();
            nodeB.start();
            await("A is active and B standby", evA, evB, () -> nodeA.status().role() == Role.ACTIVE &&
                nodeB.status().role() == Role.STANDBY && nodeB.status().state() == FailoverState.SYNCHRONIZATION &&
                nodeB.status().ready(), nodeA, nodeB);
            out.phase("A fills its tables; every entry reaches B in real time");
            producerA = nodeA.newProducer();
            fill(fwA, producerA, generator);
        }
        else
        {
            out.phase("A starts alone");
            nodeA.start();
            await("A elects itself active after its silence timer", evA, evB, () -> evA.role == Role.ACTIVE, nodeA, nodeB);
            out.phase("A serves alone and fills its tables");
            producerA = nodeA.newProducer();
            fill(fwA, producerA, generator);
            out.phase("B starts: pairing, election, bulk backup");
            nodeB.start();
        }
        await("B is standby, holding all of A's tables, every entry acknowledged", evA, evB, () ->
        {
            final HotStandbyStatus a = nodeA.status();
            final HotStandbyStatus b = nodeB.status();
            return b.role() == Role.STANDBY && b.state() == FailoverState.SYNCHRONIZATION && b.ready() &&
                a.replication().ackedSequence() == a.replication().sentSequence() &&
                fwB.sessions().size() == fwA.sessions().size() && fwB.portBlocks().size() == fwA.portBlocks().size() &&
                fwB.leases().size() == fwA.leases().size();
        }, nodeA, nodeB);
        final long seqBase = nodeA.status().replication().sentSequence();
        final long opsBefore = generator.operations();
        final long rejectedBefore = generator.rejected();
        out.line(String.format("B holds %,d sessions, %,d port blocks, %,d leases; A's sequence is at %,d",
            fwB.sessions().size(), fwB.portBlocks().size(), fwB.leases().size(), seqBase));

        out.phase(String.format("Live replication: %,d session operations per second for %.1f s",
            settings.rate(), settings.liveMs() / 1e3));
        liveTraffic(nodeA, nodeB, fwA, fwB, evA, evB, generator, producerA);

        final ReplicationStatus lastSeen = nodeA.status().replication();
        final long killNs = System.nanoTime();
        evB.resetTakeover();
        nodeA.close();
        producerA.close();
        out.phase("A was killed abruptly, mid-traffic: its node closed, the channels dropped without any handover");
        out.line(String.format("A ran %,d session operations (%,d offers refused while paired); it had sent " +
            "sequence %,d, B had acknowledged %,d", generator.operations(), generator.rejected() - rejectedBefore,
            lastSeen.sentSequence(), lastSeen.ackedSequence()));
        final boolean tookOver = awaitQuietly("B detects the loss and takes over", evA, evB,
            () -> evB.takeoverDoneNs != 0 && nodeB.status().role() == Role.ACTIVE, nodeA, nodeB);
        evB.drainTo(out);

        out.phase("Checking B's tables against what A had acknowledged");
        final long opsAcknowledged = opsBefore + (lastSeen.ackedSequence() - seqBase);
        final long opsOnB = TableCut.find(fwB.sessions(), settings.seed(), 1, settings.maxSessions(),
            generator.operations());
        final SessionTable expected = TrafficGenerator.replay(settings.seed(), 1, settings.maxSessions(), opsAcknowledged);
        // B holding A's exact table as of an operation at or after the acknowledged one has lost nothing;
        // otherwise every session that differs from A's acknowledged table counts as lost.
        final long lost = (opsOnB != TableCut.NO_PREFIX && opsOnB >= opsAcknowledged ? 0 :
            differingSessions(expected, fwB.sessions())) +
            (fwB.portBlocks().contentEquals(fwA.portBlocks()) ? 0 : Math.abs(fwA.portBlocks().size() - fwB.portBlocks().size()) + 1) +
            (fwB.leases().contentEquals(fwA.leases()) ? 0 : Math.abs(fwA.leases().size() - fwB.leases().size()) + 1);
        out.line(opsOnB == TableCut.NO_PREFIX ? "B's session table matches NO prefix of A's operations" :
            String.format("B's session table equals A's table as of operation %,d of %,d (%,d acknowledged)",
            opsOnB, generator.operations(), opsAcknowledged));
        out.line("B's NAT port blocks " + (fwB.portBlocks().contentEquals(fwA.portBlocks()) ? "equal" : "DIFFER from") +
            " A's; B's DHCP leases " + (fwB.leases().contentEquals(fwA.leases()) ? "equal" : "DIFFER from") + " A's");

        final boolean vrrpMaster = fwB.vrrp().state(VRID) == VrrpHook.GroupState.MASTER;
        final boolean vipHeld = fwB.floatingIps().holds(floatingIp);
        final double detectionMs = evB.peerLostNs == 0 ? -1 : (evB.peerLostNs - killNs) / 1e6;
        final double takeoverMs = evB.takeoverDoneNs == 0 || evB.peerLostNs == 0 ? -1 :
            (evB.takeoverDoneNs - evB.peerLostNs) / 1e6;
        final DemoSummary summary = new DemoSummary(generator.operations(), settings.portBlocks(), settings.leases(),
            lastSeen.sentSequence(), lastSeen.ackedSequence(), opsAcknowledged, opsOnB, fwB.sessions().size(),
            expected.size(), fwB.portBlocks().size(), fwB.leases().size(), lost, detectionMs, takeoverMs, tookOver,
            vrrpMaster, vipHeld, evA.protocolErrors() + evB.protocolErrors());
        if (tookOver)
        {
            serve(nodeB, fwB);
        }
        summary.print(out);
        return summary;
    }

    private void fill(final ToyFirewall fwA, final EntryProducer producerA, final TrafficGenerator generator)
    {
        for (int i = 0; i < settings.sessionsBefore(); i++)
        {
            generator.step(producerA);
        }
        allocatePortBlocks(fwA, producerA);
        grantLeases(fwA, producerA);
        out.line(String.format("A holds %,d sessions (after %,d operations), %,d NAT port blocks, %,d DHCP leases%s",
            fwA.sessions().size(), generator.operations(), fwA.portBlocks().size(), fwA.leases().size(),
            generator.rejected() == 0 ? "" : String.format(" (%,d session offers not replicated yet: no peer; the " +
            "bulk backup carries the tables)", generator.rejected())));
    }

    private void liveTraffic(final HotStandbyNode nodeA, final HotStandbyNode nodeB, final ToyFirewall fwA,
        final ToyFirewall fwB, final DemoEvents evA, final DemoEvents evB, final TrafficGenerator generator,
        final EntryProducer producerA)
    {
        final RatePacer pacer = new RatePacer(settings.rate(), 1_000);
        final long startNs = System.nanoTime();
        final long endNs = startNs + TimeUnit.MILLISECONDS.toNanos(settings.liveMs());
        pacer.start(startNs);
        long nextStatusNs = startNs + TimeUnit.SECONDS.toNanos(1);
        long lastOps = generator.operations();
        long lastStatusNs = startNs;
        long nowNs;
        while ((nowNs = System.nanoTime()) - endNs < 0)
        {
            final int due = pacer.due(nowNs);
            for (int i = 0; i < due; i++)
            {
                generator.step(producerA);
            }
            if (nowNs - nextStatusNs >= 0)
            {
                final double rate = (generator.operations() - lastOps) / ((nowNs - lastStatusNs) / 1e9);
                statusLine(nodeA, nodeB, fwA, fwB, evA, evB, rate);
                lastOps = generator.operations();
                lastStatusNs = nowNs;
                nextStatusNs += TimeUnit.SECONDS.toNanos(1);
            }
            if (due == 0)
            {
                LockSupport.parkNanos(200_000);
            }
        }
    }

    private void statusLine(final HotStandbyNode nodeA, final HotStandbyNode nodeB, final ToyFirewall fwA,
        final ToyFirewall fwB, final DemoEvents evA, final DemoEvents evB, final double opsPerSecond)
    {
        evA.drainTo(out);
        evB.drainTo(out);
        final HotStandbyStatus a = nodeA.status();
        final HotStandbyStatus b = nodeB.status();
        out.line(String.format("A %s/%s sent %,d acked %,d lag %,d entries %,d us | B %s/%s applied %,d | sessions A %,d B %,d | %,.0f ops/s",
            a.role(), a.state(), a.replication().sentSequence(), a.replication().ackedSequence(),
            a.replication().lagEntries(), a.replication().lagMicros(), b.role(), b.state(),
            b.replication().appliedSequence(), fwA.sessions().size(), fwB.sessions().size(), opsPerSecond));
    }

    private void serve(final HotStandbyNode nodeB, final ToyFirewall fwB)
    {
        out.phase("B serves as the new active");
        final long before = fwB.sessions().size();
        try (EntryProducer producerB = nodeB.newProducer())
        {
            final TrafficGenerator own = new TrafficGenerator(settings.seed() + 1, 2, settings.maxSessions(), fwB.sessions());
            for (int i = 0; i < 1_000; i++)
            {
                own.step(producerB);
            }
            out.line(String.format("B ran %,d session operations of its own; its table went from %,d to %,d sessions " +
                "(%,d offers refused); they wait in its log for the next standby", own.operations(), before,
                fwB.sessions().size(), own.rejected()));
        }
        out.line("B: VRRP group " + VRID + " is " + fwB.vrrp().state(VRID) + ", floating IP " + floatingIp.getHostAddress() +
            (fwB.floatingIps().holds(floatingIp) ? " held" : " NOT held"));
    }

    /**
     * @return the sessions whose content differs between the reference and B's table (missing, extra,
     * or another version): 0 when B holds the reference exactly.
     */
    private static long differingSessions(final SessionTable reference, final SessionTable onNewActive)
    {
        final java.util.Map<Long, String> ref = new java.util.HashMap<>();
        reference.forEach(s -> ref.put(s.key, TableDump.line(s)));
        final long[] differing = {0};
        onNewActive.forEach(s ->
        {
            final String expected = ref.remove(s.key);
            if (!TableDump.line(s).equals(expected))
            {
                differing[0]++;
            }
        });
        return differing[0] + ref.size();
    }

    private void allocatePortBlocks(final ToyFirewall fw, final EntryProducer producer)
    {
        final PortBlock p = new PortBlock();
        for (int i = 0; i < settings.portBlocks(); i++)
        {
            p.reset();
            p.key = i;
            Addresses.ipv4(p.publicIp, 0xCB007100 | (i % 254 + 1));
            p.portStart = 1024 + 256 * (i / 254 % 250);
            p.portEnd = p.portStart + 255;
            Addresses.ipv4(p.privateIp, 0x0A400000 | i);
            p.vrf = i % 4;
            fw.portBlocks().put(p);
            final NatPortBlockWriter w = producer.claimNatPortBlock();
            if (w != null)
            {
                p.writeTo(w).commit();
            }
        }
    }

    private void grantLeases(final ToyFirewall fw, final EntryProducer producer)
    {
        final Lease l = new Lease();
        for (int i = 0; i < settings.leases(); i++)
        {
            l.reset();
            l.key = i;
            l.mac[0] = 0x02;
            l.mac[4] = (byte)(i >>> 8);
            l.mac[5] = (byte)i;
            Addresses.ipv4(l.ip, 0xC0A80000 | (i & 0xFFFF));
            l.leaseStartMs = TrafficGenerator.BASE_EPOCH_MS;
            l.expiresAtMs = TrafficGenerator.BASE_EPOCH_MS + 86_400_000L;
            final byte[] name = ("client-" + i).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, l.hostname, 0, name.length);
            l.hostnameLength = name.length;
            fw.leases().put(l);
            final DhcpLeaseWriter w = producer.claimDhcpLease(l.hostnameLength);
            if (w != null)
            {
                l.writeTo(w).commit();
            }
        }
    }

    private PairConfig config(final int nodeId, final InetAddress local, final InetAddress peer, final int priority)
    {
        return PairConfig.builder()
            .nodeId(nodeId)
            .controlLocal(local).controlPeer(peer).controlPort(settings.controlPort())
            .dataPort(settings.controlPort() + 1)
            .keepaliveIntervalMs(settings.keepaliveMs()).keepaliveRetries(3)
            .silenceTimeoutMs(SILENCE_MS).handshakeTimeoutMs(HANDSHAKE_MS).reconnectBackoffMs(10, 100)
            .priority(priority)
            .authentication(Authentication.preSharedKey(PSK.getBytes(StandardCharsets.UTF_8)))
            .bindVrrp(new VrrpBinding(VRID, "eth1", BackupGroup.ACTIVE_GROUP))
            .virtualIp(floatingIp)
            .build();
    }

    private void await(final String what, final DemoEvents evA, final DemoEvents evB, final BooleanSupplier done,
        final HotStandbyNode nodeA, final HotStandbyNode nodeB)
    {
        if (!awaitQuietly(what, evA, evB, done, nodeA, nodeB))
        {
            throw new IllegalStateException("timed out after " + WAIT_MS + " ms waiting until " + what);
        }
    }

    private boolean awaitQuietly(final String what, final DemoEvents evA, final DemoEvents evB,
        final BooleanSupplier done, final HotStandbyNode nodeA, final HotStandbyNode nodeB)
    {
        out.line("waiting until " + what);
        final long startNs = System.nanoTime();
        final long deadlineNs = startNs + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        long nextStatusNs = startNs + TimeUnit.SECONDS.toNanos(1);
        while (!done.getAsBoolean())
        {
            evA.drainTo(out);
            evB.drainTo(out);
            final long nowNs = System.nanoTime();
            if (nowNs - deadlineNs >= 0)
            {
                out.line("gave up waiting until " + what);
                return false;
            }
            if (nowNs - nextStatusNs >= 0)
            {
                out.line("... A " + brief(nodeA) + " | B " + brief(nodeB));
                nextStatusNs += TimeUnit.SECONDS.toNanos(1);
            }
            LockSupport.parkNanos(1_000_000);
        }
        evA.drainTo(out);
        evB.drainTo(out);
        out.line(String.format("done: %s (%.0f ms)", what, (System.nanoTime() - startNs) / 1e6));
        return true;
    }

    private static String brief(final HotStandbyNode node)
    {
        final HotStandbyStatus s = node.status();
        return s.role() + "/" + s.state() + " control " + s.control() + " data " + s.data() + " sent " +
            s.replication().sentSequence() + " acked " + s.replication().ackedSequence() + " applied " +
            s.replication().appliedSequence();
    }
}
