package io.hotstandby.impl.replication;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.PairConfig;
import io.hotstandby.api.entry.EntryProducer;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.api.state.Role;
import io.hotstandby.api.status.ReplicationStatus;
import io.hotstandby.api.time.Clock;
import io.hotstandby.api.transport.FrameLink;
import io.hotstandby.api.transport.FrameTransport;
import io.hotstandby.codec.FrameDescriptor;
import io.hotstandby.impl.counters.NodeCounters;
import io.hotstandby.impl.replication.link.DataChannel;
import io.hotstandby.impl.replication.link.DataPublisher;
import io.hotstandby.impl.replication.producer.ProducerGate;
import io.hotstandby.impl.replication.producer.RingEntryProducer;
import io.hotstandby.impl.replication.receiver.Receiver;
import io.hotstandby.impl.replication.reconcile.ReconcileSource;
import io.hotstandby.impl.replication.reconcile.SplitJournal;
import io.hotstandby.impl.replication.sender.Sender;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The replication engine (SPEC B1-B9, E3, G1, G2, G4-G6, A6): producer rings, the {@link Sender}, the
 * {@link Receiver} and the data channel, driven by one agent through {@link #doWork(long)}.
 *
 * <p>Each member runs both halves: the sender streams this member's entries when it is active; the
 * receiver applies the peer's when it is standby (or both, in dual-active mode, each tagged with its
 * owner). The data channel is opened when the conductor reports the peer up; the receiver then tells
 * the sender where to start (resume from the retransmit window, or a bulk backup).
 *
 * <p>Split brain (A11): while this member is active and its peer is away, the sender journals the keys
 * offered ({@link SplitJournal}). If the peer comes back as a plain standby, the journal is discarded;
 * if the healed control channel deposes this member ({@link #onDeposed}), it sends the journaled
 * entries to the winner ({@link ReconcileSource}) and holds its resync request until the winner
 * acknowledged them; the winner merges them before it starts this member's bulk backup. Not in
 * dual-active mode, where each member keeps its own entries and the survivor adopts its peer's.
 *
 * <p>Threading: built on the node's setup thread. The conductor's {@code on*} and
 * {@link #commitForTakeover} calls are queued (a many-to-one queue, Aeron's proxy pattern) and run at
 * the start of the next duty cycle on the agent thread; {@link #doWork(long)} runs on the replication
 * agent thread only; {@link #newProducer()} on any thread; {@link #isReady()}, {@link #status()} and
 * {@link #localEntryCounts()} and {@link #peerEntryCounts()} from any thread.
 */
public final class ReplicationEngine implements ReplicationControl
{
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationEngine.class);
    private static final long HEARTBEAT_INTERVAL_NS = 100_000_000L;
    private static final int POLL_FRAME_LIMIT = 64;
    private static final int COMMAND_LIMIT = 16;
    /** The status snapshot is refreshed at most this often (it is an object: no allocation per cycle). */
    private static final long STATUS_INTERVAL_NS = 1_000_000L;

    private final NodeContext context;
    private final PairConfig config;
    private final Clock clock;
    private final ProducerGate gate;
    private final DataPublisher publisher = new DataPublisher();
    private final DataChannel channel;
    private final Sender sender;
    private final Receiver receiver;
    private final ManyToOneConcurrentArrayQueue<Runnable> commands = new ManyToOneConcurrentArrayQueue<>(1024);
    private final NodeCounters counters;
    private volatile RingEntryProducer[] producers = new RingEntryProducer[0];

    private Role role = Role.UNDECIDED;
    private long epoch;
    private int peerNodeId = -1;
    private boolean peerUp;
    private boolean deposed;
    private long nextHeartbeatNs;
    /** This member's providers by type code, and their sizes as the heartbeat reports them (F1). */
    private final BackupProvider<?>[] providersByCode = new BackupProvider<?>[8];
    private final long[] entryCounts = new long[8];
    private long nowNs;
    private long nextStatusNs;
    private volatile Role publishedRole = Role.UNDECIDED;
    private volatile ReplicationStatus status = ReplicationStatus.EMPTY;
    private volatile boolean closed;
    private final FrameTransport transport;

    /**
     * @param context       the node's context (config, providers, clock, listener, acknowledgement listener).
     * @param dataTransport the data-channel transport; null to use {@link NodeContext#dataTransport()}.
     * @param counters      the node's counters (F2).
     */
    public ReplicationEngine(final NodeContext context, final FrameTransport dataTransport, final NodeCounters counters)
    {
        final FrameTransport transport = dataTransport != null ? dataTransport : context.dataTransport();
        if (transport == null)
        {
            throw new IllegalArgumentException("dataTransport: is required");
        }
        this.transport = transport;
        this.context = context;
        this.config = context.config();
        this.clock = context.clock();
        this.counters = counters;
        this.gate = new ProducerGate(config);
        this.channel = new DataChannel(transport, config);
        this.sender = new Sender(
            config, gate, publisher, context.providers(), context.acknowledgementListener(), context.listener(), counters);
        this.receiver = new Receiver(
            context.providers(), publisher, sender, context.listener(), counters,
            config.readyMaxLagEntries(), config.maxClockSkewMs(), FrameDescriptor.MAX_FRAME_LENGTH);
        context.providers().forEach((type, provider) -> providersByCode[type.code()] = provider);
    }

    @Override
    public void onRoleChange(final Role newRole, final long newEpoch, final long nowNs)
    {
        publishedRole = newRole;
        enqueue(() -> applyRole(newRole, newEpoch));
    }

    @Override
    public void onDeposed(final long nowNs)
    {
        enqueue(() -> deposed = true);
    }

    @Override
    public void onPeerUp(final int peerNodeId, final long epoch, final long nowNs)
    {
        enqueue(() ->
        {
            this.peerNodeId = peerNodeId;
            this.peerUp = true;
            applyEpoch(Math.max(this.epoch, epoch));
            channel.wanted(true);
            updateGate();
        });
    }

    @Override
    public void onPeerDown(final long nowNs)
    {
        enqueue(() ->
        {
            peerUp = false;
            channel.wanted(false);
            channel.close("peer down", this.nowNs);
            sender.onLinkDown();
            receiver.onLinkDown();
            sender.reconcileSource().onLinkDown();
            if (config.mode() == Mode.DUAL_ACTIVE && role == Role.ACTIVE && peerNodeId >= 0)
            {
                adoptPeerEntries();
            }
            armJournal();
            updateGate();
        });
    }

    @Override
    public void commitForTakeover(final HookCompletion completion)
    {
        enqueue(() -> commit(completion));
    }

    @Override
    public boolean isReady()
    {
        return publishedRole == Role.ACTIVE || receiver.ready();
    }

    @Override
    public ReplicationStatus status()
    {
        return status;
    }

    @Override
    public Map<EntryType, Long> peerEntryCounts()
    {
        return receiver.peerEntryCounts();
    }

    @Override
    public Map<EntryType, Long> localEntryCounts()
    {
        final Map<EntryType, Long> counts = new EnumMap<>(EntryType.class);
        for (final Map.Entry<EntryType, BackupProvider<?>> e : context.providers().entrySet())
        {
            counts.put(e.getKey(), e.getValue().size());
        }
        return counts;
    }

    @Override
    public EntryProducer newProducer()
    {
        final RingEntryProducer producer = new RingEntryProducer(gate, config.ringCapacityBytes(), counters);
        synchronized (this)
        {
            final RingEntryProducer[] current = producers;
            final RingEntryProducer[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = producer;
            producers = next;
        }
        return producer;
    }

    @Override
    public int doWork(final long nowNs)
    {
        if (closed)
        {
            return 0;
        }
        this.nowNs = nowNs;
        final long nowMs = clock.epochMillis();
        gate.nowMs(nowMs);
        receiver.time(nowNs, nowMs);
        int work = runCommands();
        work += transport.doWork();

        final int change = channel.poll(nowNs);
        if (change == DataChannel.CONNECTED)
        {
            LOG.info("data channel connected");
            publisher.link(channel.link());
            receiver.onLinkUp();
            nextHeartbeatNs = nowNs;
            work++;
        }
        else if (change == DataChannel.CLOSED)
        {
            LOG.info("data channel closed: {}", channel.link() == null ? "link closed" : channel.link().closeReason());
            publisher.link(null);
            sender.onLinkDown();
            receiver.onLinkDown();
            sender.reconcileSource().onLinkDown();
            work++;
        }

        final FrameLink link = channel.connected() ? channel.link() : null;
        if (link != null)
        {
            work += link.poll(receiver, POLL_FRAME_LIMIT);
            final String rejection = receiver.takeRejection();
            if (rejection != null)
            {
                channel.close(rejection, nowNs);
                publisher.link(null);
                sender.onLinkDown();
                receiver.onLinkDown();
                sender.reconcileSource().onLinkDown();
            }
        }

        final RingEntryProducer[] current = producers;
        work += sender.doWork(nowNs, current, role == Role.ACTIVE);
        work += sender.reconcileSource().doWork(nowNs, sender.reconcileSource().active() && drained(current));
        receiver.hold(sender.reconcileSource().active());
        work += receiver.doWork(nowNs);
        if (publisher.connected())
        {
            if (nowNs - nextHeartbeatNs >= 0)
            {
                if (publisher.heartbeat(epoch, nowMs, sender.sentSequence(), entryCounts()))
                {
                    nextHeartbeatNs = nowNs + HEARTBEAT_INTERVAL_NS;
                }
            }
            publisher.link().flush();
        }
        removeClosedProducers(current);
        publishStatus(nowNs);
        return work;
    }

    /** The sizes of this member's tables for the heartbeat, by type code; -1 where it has no table. */
    private long[] entryCounts()
    {
        for (int code = 0; code < entryCounts.length; code++)
        {
            entryCounts[code] = providersByCode[code] == null ? -1 : providersByCode[code].size();
        }
        return entryCounts;
    }

    @Override
    public void close()
    {
        closed = true;
        gate.close();
        channel.shutdown();
    }

    /** @return the current role as the agent applied it. Agent thread. */
    Role role()
    {
        return role;
    }

    private void applyRole(final Role newRole, final long newEpoch)
    {
        final Role previous = role;
        role = newRole;
        applyEpoch(Math.max(epoch, newEpoch));
        final boolean dualActive = config.mode() == Mode.DUAL_ACTIVE;
        if (newRole == Role.ACTIVE)
        {
            if (dualActive)
            {
                receiver.mode(true, false);
            }
            else
            {
                receiver.resetStream();
                receiver.mode(false, false);
            }
            if (previous == Role.STANDBY && peerNodeId >= 0)
            {
                adoptPeerEntries();
            }
        }
        else if (newRole == Role.STANDBY)
        {
            sender.resetStream();
            receiver.mode(true, !dualActive);
        }
        else
        {
            sender.resetStream();
            receiver.mode(false, false);
        }
        reconcileOnRoleChange(previous, newRole);
        updateGate();
        LOG.info("replication role {} -> {} in epoch {}", previous, newRole, epoch);
    }

    /**
     * The split-brain journal and reconciliation follow the role (A11): a member deposed with a journal
     * reconciles; a member that stops being active for any other reason forgets its journal; an active
     * member whose peer is away journals.
     */
    private void reconcileOnRoleChange(final Role previous, final Role newRole)
    {
        final SplitJournal journal = sender.journal();
        final ReconcileSource reconcile = sender.reconcileSource();
        final boolean wasDeposed = deposed;
        deposed = false;
        receiver.acceptsReconciliation(newRole == Role.ACTIVE && config.mode() != Mode.DUAL_ACTIVE);
        if (newRole == Role.ACTIVE)
        {
            reconcile.cancel("this member is active again");
            armJournal();
        }
        else if (previous == Role.ACTIVE)
        {
            if (wasDeposed && journal.armed() && !journal.isEmpty())
            {
                reconcile.start(nowNs);
            }
            else
            {
                reconcile.cancel("this member stopped being active");
                journal.discard(wasDeposed ? "deposed with nothing created during the split" :
                    "this member stopped being active");
            }
        }
    }

    /** Journals while this member is active and its peer is away: a possible split brain (A11). */
    private void armJournal()
    {
        if (role == Role.ACTIVE && !peerUp && config.mode() != Mode.DUAL_ACTIVE)
        {
            sender.journal().arm(peerNodeId < 0, peerNodeId < 0 ?
                "active without ever having seen the peer" : "active while the peer is away");
        }
    }

    private void applyEpoch(final long newEpoch)
    {
        epoch = newEpoch;
        sender.epoch(newEpoch);
        receiver.epoch(newEpoch);
    }

    private void adoptPeerEntries()
    {
        for (final BackupProvider<?> provider : context.providers().values())
        {
            provider.adoptOwner(peerNodeId);
        }
    }

    private void commit(final HookCompletion completion)
    {
        try
        {
            final FrameLink link = channel.connected() ? channel.link() : null;
            if (link != null)
            {
                for (int i = 0; i < 10_000 && link.poll(receiver, POLL_FRAME_LIMIT) > 0; i++)
                {
                    receiver.doWork(nowNs);
                }
            }
            for (final BackupProvider<?> provider : context.providers().values())
            {
                provider.flush();
            }
            completion.complete();
        }
        catch (final RuntimeException ex)
        {
            LOG.error("commit for takeover failed", ex);
            completion.fail("commit failed: " + ex);
        }
    }

    private void updateGate()
    {
        // while the peer is away after having been up, offers keep flowing into the retransmit window so
        // that a quick return resumes without a bulk backup (the sender switches to a bulk once the
        // window overflows); before any peer was ever seen there is nobody to replicate to.
        gate.accepting(role == Role.ACTIVE && peerNodeId >= 0 && !closed);
    }

    private int runCommands()
    {
        int n = 0;
        Runnable command;
        while (n < COMMAND_LIMIT && (command = commands.poll()) != null)
        {
            command.run();
            n++;
        }
        return n;
    }

    private void enqueue(final Runnable command)
    {
        if (!commands.offer(command))
        {
            throw new IllegalStateException("replication command queue full");
        }
    }

    private void removeClosedProducers(final RingEntryProducer[] current)
    {
        for (final RingEntryProducer p : current)
        {
            if (p.isClosed() && empty(p))
            {
                synchronized (this)
                {
                    final RingEntryProducer[] now = producers;
                    int kept = 0;
                    final RingEntryProducer[] next = new RingEntryProducer[now.length - 1];
                    for (final RingEntryProducer q : now)
                    {
                        if (q != p && kept < next.length)
                        {
                            next[kept++] = q;
                        }
                    }
                    producers = next;
                }
                return;
            }
        }
    }

    private static boolean drained(final RingEntryProducer[] current)
    {
        for (final RingEntryProducer p : current)
        {
            if (!empty(p))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean empty(final RingEntryProducer p)
    {
        for (int i = 0; i < 4; i++)
        {
            if (p.ring(i) != null && p.ring(i).size() > 0)
            {
                return false;
            }
        }
        return true;
    }

    private void publishStatus(final long nowNs)
    {
        if (nowNs - nextStatusNs < 0)
        {
            return;
        }
        nextStatusNs = nowNs + STATUS_INTERVAL_NS;
        final ReplicationStatus previous = status;
        final long sent = sender.sentSequence();
        final long acked = sender.durableSequence();
        final long applied = receiver.appliedSequence();
        // the recovery point as this member sees it: the sender's unacknowledged entries, or, on a
        // standby, the entries the peer announced and this member has not applied yet
        final boolean receiving = role == Role.STANDBY;
        final long lag = receiving ? receiver.lagEntries() : sender.lagEntries();
        final boolean bulk = sender.bulkInProgress() || receiver.inBulk();
        final long lastBulk = sender.lastBulkMillis();
        final long skew = receiver.clockSkewMs();
        if (previous.sentSequence() != sent || previous.ackedSequence() != acked || previous.appliedSequence() != applied ||
            previous.bulkInProgress() != bulk || previous.lastBulkMillis() != lastBulk || previous.clockSkewMs() != skew ||
            previous.lagEntries() != lag || (lag > 0 && receiving))
        {
            status = new ReplicationStatus(sent, acked, applied, lag,
                receiving ? receiver.lagMicros(nowNs) : sender.lagMicros(nowNs), bulk, lastBulk, skew);
        }
    }
}
