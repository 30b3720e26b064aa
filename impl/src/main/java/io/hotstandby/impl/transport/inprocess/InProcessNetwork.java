package io.hotstandby.impl.transport.inprocess;

import io.hotstandby.api.time.Clock;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.LinkSpec;
import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A shared in-process network between nodes (SPEC B1: two boards of one chassis; SPEC F5/G8: the
 * transport of every deterministic test). Each node gets its own {@link #transport()}. A server link
 * ({@code spec.server()}) and a client link pair up when the server's local address and port equal
 * the client's remote ones and the client's local address is the one the server accepts (its
 * remote address); either may open first, the client's port is irrelevant. A client whose server
 * accepts another address is closed as refused.
 *
 * <p>Frames travel in one bounded {@link OneToOneRingBuffer} per direction and are delivered when the
 * receiver polls: deterministic when one thread drives both nodes, thread-safe when two threads do.
 * Frame contract (prefix included in claims, body delivered) as in {@code io.hotstandby.impl.transport}.
 *
 * <p>Faults (SPEC F5): a per-frame {@link LinkFaults} hook ({@link #faults(LinkFaults)}), and
 * network operations called from the test or host thread: {@link #partition}/{@link #heal} (frames
 * silently lost both ways, links stay CONNECTED: the silent peer), {@link #sever} (connection reset),
 * {@link #crash}/{@link #restart} (a node's links reset; new links to or from it refused). All
 * lifecycle changes take this network's lock; the frame path takes none. Times come from the
 * network's {@link Clock}.
 */
public final class InProcessNetwork
{
    /** Default lower bound of each direction's ring capacity, bytes. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256 * 1024;

    /** Bodies up to this length travel as one ring record; longer ones are fragmented. */
    static final int UNFRAGMENTED_BODY_LENGTH = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(InProcessNetwork.class);
    private static final int RECORDS_PER_RING = 8;

    private final Clock clock;
    private final int queueCapacity;
    private final List<InProcessLink> pendingServers = new ArrayList<>();
    private final List<InProcessLink> pendingClients = new ArrayList<>();
    private final List<InProcessConnection> connections = new ArrayList<>();
    private final Set<AddressPair> partitions = new HashSet<>();
    private final Set<InetAddress> crashed = new HashSet<>();
    private volatile LinkFaults faults = LinkFaults.NONE;

    /**
     * A network with rings of at least {@link #DEFAULT_QUEUE_CAPACITY} bytes per direction.
     *
     * @param clock the time for delays and fault decisions.
     */
    public InProcessNetwork(final Clock clock)
    {
        this(clock, DEFAULT_QUEUE_CAPACITY);
    }

    /**
     * @param clock         the time for delays and fault decisions.
     * @param queueCapacity least bytes of each direction's ring; rounded up to a power of two, to 8
     *                      records of up to 64 KiB of body and to twice the largest frame of the pair. A full ring back-pressures the
     *                      sender (flush moves nothing, then tryClaim returns BACK_PRESSURED).
     */
    public InProcessNetwork(final Clock clock, final int queueCapacity)
    {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (queueCapacity < 1024)
        {
            throw new IllegalArgumentException("queueCapacity " + queueCapacity + " < 1024");
        }
        this.queueCapacity = queueCapacity;
    }

    /** @return a new transport for one node on this network; any thread. */
    public InProcessTransport transport()
    {
        return new InProcessTransport(this);
    }

    /** @param faults consulted for every frame from now on; {@link LinkFaults#NONE} to stop faults. */
    public void faults(final LinkFaults faults)
    {
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /** @return the current per-frame fault hook. */
    public LinkFaults faults()
    {
        return faults;
    }

    /**
     * Silently drops every frame between the two addresses, both ways, on current and future links;
     * the links stay CONNECTED.
     *
     * @param a one node's address.
     * @param b the other node's address.
     */
    public synchronized void partition(final InetAddress a, final InetAddress b)
    {
        partitions.add(new AddressPair(a, b));
        markPartitions(a, b, true);
        LOG.info("partitioned {} and {}", a.getHostAddress(), b.getHostAddress());
    }

    /**
     * Ends a {@link #partition} between the two addresses.
     *
     * @param a one node's address.
     * @param b the other node's address.
     */
    public synchronized void heal(final InetAddress a, final InetAddress b)
    {
        partitions.remove(new AddressPair(a, b));
        markPartitions(a, b, false);
        LOG.info("healed {} and {}", a.getHostAddress(), b.getHostAddress());
    }

    /**
     * Resets every connected link between the two addresses: both ends CLOSED with reason
     * "connection reset", unread frames lost.
     *
     * @param a one node's address.
     * @param b the other node's address.
     * @return links pairs reset.
     */
    public synchronized int sever(final InetAddress a, final InetAddress b)
    {
        int count = 0;
        for (final InProcessConnection connection : new ArrayList<>(connections))
        {
            if (connection.joins(a, b))
            {
                reset(connection.server(), "connection reset");
                count++;
            }
        }
        LOG.info("severed {} connection(s) between {} and {}", count, a.getHostAddress(), b.getHostAddress());
        return count;
    }

    /**
     * Crashes a node: its links close at once (its own with "node crashed", its peers' with
     * "connection reset", unread frames lost), and links from or to it are refused until
     * {@link #restart}.
     *
     * @param address the node's address.
     */
    public synchronized void crash(final InetAddress address)
    {
        crashed.add(address);
        for (final InProcessConnection connection : new ArrayList<>(connections))
        {
            if (connection.server().spec().local().getAddress().equals(address))
            {
                reset(connection.server(), "node crashed");
            }
            else if (connection.client().spec().local().getAddress().equals(address))
            {
                reset(connection.client(), "node crashed");
            }
        }
        for (final InProcessLink link : new ArrayList<>(pendingServers))
        {
            if (link.spec().local().getAddress().equals(address))
            {
                closeUnpaired(link, "node crashed");
            }
        }
        for (final InProcessLink link : new ArrayList<>(pendingClients))
        {
            if (link.spec().local().getAddress().equals(address))
            {
                closeUnpaired(link, "node crashed");
            }
            else if (link.spec().remote().getAddress().equals(address))
            {
                closeUnpaired(link, refusedDown(address));
            }
        }
        LOG.info("crashed {}", address.getHostAddress());
    }

    /** @param address a node crashed with {@link #crash}; links from and to it are accepted again. */
    public synchronized void restart(final InetAddress address)
    {
        crashed.remove(address);
        LOG.info("restarted {}", address.getHostAddress());
    }

    /** @return links currently connected (pairs), for tests and diagnostics. */
    public synchronized int connectedCount()
    {
        return connections.size();
    }

    synchronized FrameLink open(final InProcessTransport transport, final LinkSpec spec)
    {
        validate(spec);
        final InProcessLink link = new InProcessLink(this, transport, spec, clock);
        final InetAddress localAddress = spec.local().getAddress();
        if (crashed.contains(localAddress))
        {
            link.closed("node crashed", false);
        }
        else if (spec.server())
        {
            openServer(link);
        }
        else if (crashed.contains(spec.remote().getAddress()))
        {
            link.closed(refusedDown(spec.remote().getAddress()), false);
        }
        else
        {
            openClient(link);
        }
        return link;
    }

    synchronized void close(final InProcessLink link, final String reason)
    {
        if (FrameLink.State.CLOSED == link.state())
        {
            return;
        }
        link.closed(reason, false);
        pendingServers.remove(link);
        pendingClients.remove(link);
        final InProcessLink peer = link.peer();
        if (null != peer)
        {
            connections.remove(link.connection());
            if (FrameLink.State.CLOSED != peer.state())
            {
                peer.closed("closed by peer: " + reason, false);
            }
        }
        LOG.debug("{} closed: {}", link, reason);
    }

    synchronized void closeAll(final InProcessTransport transport)
    {
        for (final InProcessConnection connection : new ArrayList<>(connections))
        {
            if (connection.server().transport() == transport)
            {
                close(connection.server(), "transport closed");
            }
            else if (connection.client().transport() == transport)
            {
                close(connection.client(), "transport closed");
            }
        }
        for (final InProcessLink link : new ArrayList<>(pendingServers))
        {
            if (link.transport() == transport)
            {
                close(link, "transport closed");
            }
        }
        for (final InProcessLink link : new ArrayList<>(pendingClients))
        {
            if (link.transport() == transport)
            {
                close(link, "transport closed");
            }
        }
    }

    void lostForSpace(final InProcessLink link)
    {
        LOG.warn("{}: ring full, frame lost", link);
    }

    private void openServer(final InProcessLink server)
    {
        final InetSocketAddress local = server.spec().local();
        if (listening(local))
        {
            server.closed("address already in use: " + local, false);
            return;
        }
        for (final InProcessLink client : new ArrayList<>(pendingClients))
        {
            if (client.spec().remote().equals(local))
            {
                pendingClients.remove(client);
                if (accepts(server, client))
                {
                    connect(server, client);
                    return;
                }
                refuse(server, client);
            }
        }
        pendingServers.add(server);
    }

    private void openClient(final InProcessLink client)
    {
        for (final InProcessLink server : pendingServers)
        {
            if (server.spec().local().equals(client.spec().remote()))
            {
                if (accepts(server, client))
                {
                    pendingServers.remove(server);
                    connect(server, client);
                }
                else
                {
                    refuse(server, client);
                }
                return;
            }
        }
        pendingClients.add(client);
    }

    private boolean listening(final InetSocketAddress local)
    {
        for (final InProcessLink server : pendingServers)
        {
            if (server.spec().local().equals(local))
            {
                return true;
            }
        }
        for (final InProcessConnection connection : connections)
        {
            if (connection.server().spec().local().equals(local))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean accepts(final InProcessLink server, final InProcessLink client)
    {
        return server.spec().remote().getAddress().equals(client.spec().local().getAddress());
    }

    private static void refuse(final InProcessLink server, final InProcessLink client)
    {
        final String reason = "connection refused: " + server.spec().local() + " accepts only " +
            server.spec().remote().getAddress().getHostAddress() + ", not " +
            client.spec().local().getAddress().getHostAddress();
        LOG.warn(reason);
        client.closed(reason, false);
    }

    private void connect(final InProcessLink server, final InProcessLink client)
    {
        final int capacity = ringCapacity(Math.max(server.spec().maxFrameLength(), client.spec().maxFrameLength()));
        final OneToOneRingBuffer toServer = newRing(capacity);
        final OneToOneRingBuffer toClient = newRing(capacity);
        final boolean partitioned = partitions.contains(
            new AddressPair(server.spec().local().getAddress(), client.spec().local().getAddress()));
        final InProcessConnection connection = new InProcessConnection(server, client, partitioned);
        connections.add(connection);
        server.connected(client, connection, toServer, toClient);
        client.connected(server, connection, toClient, toServer);
        LOG.debug("connected {} and {}", server, client);
    }

    private void reset(final InProcessLink side, final String sideReason)
    {
        final InProcessLink peer = side.peer();
        connections.remove(side.connection());
        if (FrameLink.State.CLOSED != side.state())
        {
            side.closed(sideReason, true);
        }
        if (FrameLink.State.CLOSED != peer.state())
        {
            peer.closed("connection reset", true);
        }
    }

    private void closeUnpaired(final InProcessLink link, final String reason)
    {
        pendingServers.remove(link);
        pendingClients.remove(link);
        link.closed(reason, false);
    }

    private void markPartitions(final InetAddress a, final InetAddress b, final boolean partitioned)
    {
        for (final InProcessConnection connection : connections)
        {
            if (connection.joins(a, b))
            {
                connection.partitioned(partitioned);
            }
        }
    }

    private int ringCapacity(final int maxFrameLength)
    {
        final int record = BitUtil.align(
            RecordDescriptor.HEADER_LENGTH + InProcessLink.RECORD_BODY_OFFSET +
            Math.min(maxFrameLength, UNFRAGMENTED_BODY_LENGTH), RecordDescriptor.ALIGNMENT);
        // room for the largest frame, fragmented, with the padding of one wrap
        final int largestFrame = 2 * maxFrameLength;
        return BitUtil.findNextPositivePowerOfTwo(
            Math.max(queueCapacity, Math.max(record * RECORDS_PER_RING, largestFrame)));
    }

    private static OneToOneRingBuffer newRing(final int capacity)
    {
        return new OneToOneRingBuffer(new UnsafeBuffer(new byte[capacity + RingBufferDescriptor.TRAILER_LENGTH]));
    }

    private static String refusedDown(final InetAddress address)
    {
        return "connection refused: " + address.getHostAddress() + " is down";
    }

    private static void validate(final LinkSpec spec)
    {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.local(), "spec.local");
        Objects.requireNonNull(spec.remote(), "spec.remote");
        if (spec.local().isUnresolved() || spec.remote().isUnresolved())
        {
            throw new IllegalArgumentException("unresolved address in " + spec);
        }
        if (spec.maxFrameLength() <= io.hotstandby.codec.FrameDescriptor.FRAME_LENGTH_FIELD_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength " + spec.maxFrameLength() + " too small");
        }
    }

    private record AddressPair(InetAddress low, InetAddress high)
    {
        AddressPair(final InetAddress low, final InetAddress high)
        {
            final boolean ordered = low.getHostAddress().compareTo(high.getHostAddress()) <= 0;
            this.low = ordered ? low : high;
            this.high = ordered ? high : low;
        }
    }
}
