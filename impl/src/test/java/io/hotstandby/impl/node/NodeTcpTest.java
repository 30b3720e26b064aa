package io.hotstandby.impl.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hotstandby.api.HotStandby;
import io.hotstandby.api.HotStandbyNode;
import io.hotstandby.api.NodeContext;
import io.hotstandby.api.ThreadingMode;
import io.hotstandby.api.config.Authentication;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.state.ChannelKind;
import io.hotstandby.api.state.ChannelState;
import io.hotstandby.api.state.FailoverState;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.state.SwitchoverReason;

/**
 * Two real nodes over loopback TCP (127.0.0.1 and 127.0.0.2): pairing through the ServiceLoader
 * factory, immediate detection of a closed channel, keepalive-timeout detection of a silent peer,
 * and refusal of a wrong key. Waits poll a condition with a deadline; nothing asserts wall-clock time.
 */
class NodeTcpTest
{
    private static final byte[] KEY = "loopback-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final long DEADLINE_MS = 15_000;

    private final List<HotStandbyNode> nodes = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll()
    {
        nodes.forEach(HotStandbyNode::close);
    }

    /** Events of one node as short strings. */
    private static final class Events implements HotStandbyListener
    {
        final List<String> list = new CopyOnWriteArrayList<>();

        @Override
        public void onChannelChange(final ChannelKind channel, final ChannelState state, final String reason)
        {
            list.add(channel + " " + state + " " + reason);
        }

        @Override
        public void onRoleChange(final Role from, final Role to, final long epoch, final SwitchoverReason reason,
            final String detail)
        {
            list.add("role " + to + " " + reason + " " + detail);
        }

        @Override
        public void onPairingRefused(final String reason)
        {
            list.add("refused " + reason);
        }

        boolean has(final String fragment)
        {
            return list.stream().anyMatch(e -> e.contains(fragment));
        }
    }

    private static int freePort() throws IOException
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            final int port;
            try (ServerSocket s = new ServerSocket())
            {
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                port = s.getLocalPort();
            }
            if (port < 65_000 && free(port) && free(port + 1))
            {
                return port;
            }
        }
        throw new IOException("no free port pair on loopback");
    }

    private static boolean free(final int port)
    {
        for (final String address : new String[]{ "127.0.0.1", "127.0.0.2" })
        {
            try (ServerSocket s = new ServerSocket())
            {
                s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            }
            catch (final IOException ex)
            {
                return false;
            }
        }
        return true;
    }

    private HotStandbyNode node(final int member, final int port, final long keepaliveMs, final int retries,
        final byte[] key, final ThreadingMode mode, final Events events) throws IOException
    {
        final InetAddress a = InetAddress.getByName("127.0.0.1");
        final InetAddress b = InetAddress.getByName("127.0.0.2");
        final PairConfig config = PairConfig.builder().nodeId(member + 1)
            .controlLocal(member == 0 ? a : b).controlPeer(member == 0 ? b : a).controlPort(port)
            .keepaliveIntervalMs(keepaliveMs).keepaliveRetries(retries).reconnectBackoffMs(10, 200)
            .authentication(Authentication.preSharedKey(key)).build();
        final HotStandbyNode node = HotStandby.launch(NodeContext.builder(config).threadingMode(mode).listener(events).build());
        nodes.add(node);
        return node;
    }

    private static void await(final String what, final BooleanSupplier condition, final Runnable eachLoop)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                fail("timed out waiting for " + what);
            }
            eachLoop.run();
        }
    }

    private static void await(final String what, final BooleanSupplier condition)
    {
        await(what, condition, Thread::onSpinWait);
    }

    private static boolean paired(final HotStandbyNode x, final HotStandbyNode y)
    {
        return x.status().state() == FailoverState.SYNCHRONIZATION && y.status().state() == FailoverState.SYNCHRONIZATION &&
            (x.status().role() == Role.ACTIVE) != (y.status().role() == Role.ACTIVE) &&
            x.status().role() != Role.UNDECIDED && y.status().role() != Role.UNDECIDED;
    }

    @Test
    void launchFindsTheFactoryAndTwoNodesPairOverLoopback() throws Exception
    {
        final int port = freePort();
        final Events e0 = new Events();
        final Events e1 = new Events();
        final HotStandbyNode n0 = node(0, port, 50, 3, KEY, ThreadingMode.SHARED, e0);
        final HotStandbyNode n1 = node(1, port, 50, 3, KEY, ThreadingMode.DEDICATED, e1);
        assertInstanceOf(DefaultHotStandbyNode.class, n0);
        n0.start();
        n1.start();
        await("pairing", () -> paired(n0, n1));
        assertEquals(ChannelState.UP, n0.status().control());
        assertEquals(2, n0.status().peer().nodeId());
        assertTrue(n0.status().authenticationEnabled());
        assertNotNull(n0.status().toJson());
        assertThrows(IllegalStateException.class, n0::doWork);
        assertTrue(agentThreadAlive("hotstandby-1-agent"));
        assertTrue(agentThreadAlive("hotstandby-2-conductor") && agentThreadAlive("hotstandby-2-replication"));
        n0.close();
        n1.close();
        await("agent threads to stop", () -> !agentThreadAlive("hotstandby-1-agent") &&
            !agentThreadAlive("hotstandby-2-conductor") && !agentThreadAlive("hotstandby-2-replication"));
    }

    private static boolean agentThreadAlive(final String name)
    {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void closedChannelIsDetectedAtOnceNotByKeepalives() throws Exception
    {
        final int port = freePort();
        final Events e0 = new Events();
        final HotStandbyNode n0 = node(0, port, 1_000, 3, KEY, ThreadingMode.SHARED, e0);
        final HotStandbyNode n1 = node(1, port, 1_000, 3, KEY, ThreadingMode.SHARED, new Events());
        n0.start();
        n1.start();
        await("pairing", () -> paired(n0, n1));
        n1.close();
        await("peer lost", () -> n0.status().state() == FailoverState.SILENCE);
        assertEquals(Role.ACTIVE, n0.status().role());
        assertTrue(e0.list.stream().anyMatch(e -> e.startsWith("CONTROL DOWN") && !e.contains("keepalives unanswered")),
            e0.list::toString);
    }

    @Test
    void silentPeerIsDeclaredLostAfterIntervalTimesRetries() throws Exception
    {
        final int port = freePort();
        final Events e0 = new Events();
        final HotStandbyNode n0 = node(0, port, 20, 3, KEY, ThreadingMode.SHARED, e0);
        final HotStandbyNode silent = node(1, port, 20, 3, KEY, ThreadingMode.INVOKER, new Events());
        n0.start();
        silent.start();
        await("pairing", () -> paired(n0, silent), silent::doWork);
        // the silent member's socket stays open but its conductor no longer runs: no keepalive answered
        await("silent peer lost", () -> n0.status().state() == FailoverState.SILENCE);
        assertTrue(e0.has("CONTROL DOWN 3 keepalives unanswered"), e0.list::toString);
        assertEquals(Role.ACTIVE, n0.status().role());
    }

    @Test
    void wrongKeyIsRefusedOverTcp() throws Exception
    {
        final int port = freePort();
        final Events e0 = new Events();
        final Events e1 = new Events();
        final HotStandbyNode n0 = node(0, port, 50, 3, KEY, ThreadingMode.SHARED, e0);
        final HotStandbyNode n1 = node(1, port, 50, 3, "a-completely-different-key!!".getBytes(StandardCharsets.UTF_8),
            ThreadingMode.SHARED, e1);
        n0.start();
        n1.start();
        await("refusal", () -> e0.has("AUTH_FAILED") || e1.has("AUTH_FAILED"));
        await("both serve alone", () -> n0.status().state() == FailoverState.INDEPENDENCE &&
            n1.status().state() == FailoverState.INDEPENDENCE);
        assertFalse(e0.has("CONTROL UP") || e1.has("CONTROL UP"));
        assertTrue(n0.status().refusalReason() != null || n1.status().refusalReason() != null);
    }
}
