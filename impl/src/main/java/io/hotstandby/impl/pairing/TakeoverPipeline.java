package io.hotstandby.impl.pairing;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.hotstandby.api.NodeContext;
import io.hotstandby.api.config.BackupGroup;
import io.hotstandby.api.config.Mode;
import io.hotstandby.api.config.RouteCostPolicy;
import io.hotstandby.api.config.VrrpBinding;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.hook.ForwardingHook;
import io.hotstandby.api.hook.HookCompletion;
import io.hotstandby.api.hook.InterfaceHook;
import io.hotstandby.api.hook.TakeoverStep;
import io.hotstandby.api.hook.VrrpHook;
import io.hotstandby.impl.replication.ReplicationControl;

/**
 * The ordered traffic-switch pipeline (SPEC G1, B9, D1-D3, D5, D7). Becoming active runs
 * {@link TakeoverStep#COMMIT_ENTRIES} (the replication engine installs every received entry), then
 * {@link TakeoverStep#PROGRAM_FORWARDING} (interface modes in mirroring, host forwarding hooks), then
 * {@link TakeoverStep#ANNOUNCE} (VRRP groups, virtual IPs, routing cost restored). Stepping down runs
 * ANNOUNCE (VRRP backup, virtual IPs released, routing cost adjusted) then PROGRAM_FORWARDING.
 *
 * <p>Each step calls all its hooks at once and waits for every {@link HookCompletion} or the hook
 * timeout; failures and timeouts are reported with {@link HotStandbyListener#onTakeoverStep} and the
 * pipeline goes on. Hooks may complete from any thread: a completion puts itself on a queue that the
 * conductor drains, so the conductor never blocks and never shares state with a host thread. A new
 * role change abandons the running pipeline (its late completions are ignored).
 *
 * <p>Threading: conductor thread, except {@link HookCompletion} calls (any thread).
 */
public final class TakeoverPipeline
{
    private static final Logger LOG = LoggerFactory.getLogger(TakeoverPipeline.class);
    private static final int DRAIN_LIMIT = 64;

    private final NodeContext context;
    private final ReplicationControl replication;
    private final HotStandbyListener listener;
    private final AtomicCounter hookFailures;
    private final long hookTimeoutNs;
    private final ManyToOneConcurrentArrayQueue<Completion> completions = new ManyToOneConcurrentArrayQueue<>(4096);
    private final Consumer<Completion> onCompletion = this::onCompletion;
    private final List<String> failures = new ArrayList<>();

    private TakeoverStep[] steps = new TakeoverStep[0];
    private boolean active;
    private boolean ownsActiveGroup;
    private boolean ownsStandbyGroup;
    private int stepIndex = -1;
    private long run;
    private int outstanding;
    private long stepStartNs;
    private long stepDeadlineNs;
    private final List<Completion> pending = new ArrayList<>();
    private Runnable onDone;

    /**
     * @param context      hooks and configuration.
     * @param replication  commits entries for the takeover.
     * @param hookFailures counter of failed or timed-out hooks.
     */
    public TakeoverPipeline(final NodeContext context, final ReplicationControl replication,
        final AtomicCounter hookFailures)
    {
        this.context = context;
        this.replication = replication;
        this.listener = context.listener();
        this.hookFailures = hookFailures;
        this.hookTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.config().hookTimeoutMs());
    }

    /**
     * Starts the pipeline for a new role, abandoning any running one.
     *
     * @param becomeActive true to take over, false to step down.
     * @param nowNs        time, ns.
     * @param onDone       run on the conductor thread when the last step finished, or null.
     */
    public void start(final boolean becomeActive, final long nowNs, final Runnable onDone)
    {
        start(becomeActive, becomeActive, !becomeActive, nowNs, onDone);
    }

    /**
     * Starts the pipeline for a new role and VRRP group ownership (dual-active: each member masters
     * one group while paired and the survivor masters both), abandoning any running one.
     *
     * @param becomeActive     true to take over, false to step down.
     * @param ownsActiveGroup  true when the VRRP groups bound to the active group are master here.
     * @param ownsStandbyGroup true when the VRRP groups bound to the standby group are master here.
     * @param nowNs            time, ns.
     * @param onDone           run on the conductor thread when the last step finished, or null.
     */
    public void start(final boolean becomeActive, final boolean ownsActiveGroup, final boolean ownsStandbyGroup,
        final long nowNs, final Runnable onDone)
    {
        this.ownsActiveGroup = ownsActiveGroup;
        this.ownsStandbyGroup = ownsStandbyGroup;
        if (isRunning())
        {
            LOG.info("node {}: abandoning the running {} pipeline at step {}", context.config().nodeId(),
                active ? "takeover" : "step-down", steps[stepIndex]);
        }
        run++;
        pending.clear();
        this.active = becomeActive;
        this.onDone = onDone;
        steps = becomeActive ?
            new TakeoverStep[]{ TakeoverStep.COMMIT_ENTRIES, TakeoverStep.PROGRAM_FORWARDING, TakeoverStep.ANNOUNCE } :
            new TakeoverStep[]{ TakeoverStep.ANNOUNCE, TakeoverStep.PROGRAM_FORWARDING };
        stepIndex = -1;
        nextStep(nowNs);
    }

    /** @return true while a step waits for acknowledgements. */
    public boolean isRunning()
    {
        return stepIndex >= 0 && stepIndex < steps.length;
    }

    /**
     * Drains completions and checks the step timeout.
     *
     * @param nowNs time, ns.
     * @return work done.
     */
    public int doWork(final long nowNs)
    {
        int work = completions.drain(onCompletion, DRAIN_LIMIT);
        if (isRunning())
        {
            if (outstanding == 0)
            {
                finishStep(nowNs);
                work++;
            }
            else if (nowNs - stepDeadlineNs >= 0)
            {
                for (final Completion c : pending)
                {
                    if (c.finished.compareAndSet(false, true))
                    {
                        failures.add(c.name + ": timed out after " + context.config().hookTimeoutMs() + " ms");
                    }
                }
                outstanding = 0;
                finishStep(nowNs);
                work++;
            }
        }
        return work;
    }

    private void onCompletion(final Completion c)
    {
        if (c.run != run || c.step != stepIndex)
        {
            return;
        }
        outstanding--;
        if (c.failure != null)
        {
            failures.add(c.name + ": " + c.failure);
        }
    }

    private void finishStep(final long nowNs)
    {
        final TakeoverStep step = steps[stepIndex];
        final List<String> reported = List.copyOf(failures);
        if (!reported.isEmpty())
        {
            hookFailures.getAndAdd(reported.size());
            LOG.warn("node {}: {} step {} finished with failures: {}", context.config().nodeId(),
                active ? "takeover" : "step-down", step, reported);
        }
        else
        {
            LOG.info("node {}: {} step {} done in {} us", context.config().nodeId(),
                active ? "takeover" : "step-down", step, (nowNs - stepStartNs) / 1000);
        }
        listener.onTakeoverStep(step, nowNs - stepStartNs, reported);
        nextStep(nowNs);
    }

    private void nextStep(final long nowNs)
    {
        final long thisRun = run;
        while (run == thisRun)
        {
            stepIndex++;
            failures.clear();
            pending.clear();
            outstanding = 0;
            if (stepIndex >= steps.length)
            {
                final Runnable done = onDone;
                onDone = null;
                if (done != null)
                {
                    done.run();
                }
                return;
            }
            stepStartNs = nowNs;
            stepDeadlineNs = nowNs + hookTimeoutNs;
            runHooks(steps[stepIndex]);
            // completions that arrived synchronously are drained now so an all-immediate step needs no extra cycle
            completions.drain(onCompletion, Integer.MAX_VALUE);
            if (outstanding > 0)
            {
                return;
            }
            final TakeoverStep step = steps[stepIndex];
            final List<String> reported = List.copyOf(failures);
            if (!reported.isEmpty())
            {
                hookFailures.getAndAdd(reported.size());
                LOG.warn("node {}: step {} finished with failures: {}", context.config().nodeId(), step, reported);
            }
            listener.onTakeoverStep(step, 0, reported);
        }
    }

    private void runHooks(final TakeoverStep step)
    {
        switch (step)
        {
            case COMMIT_ENTRIES -> replication.commitForTakeover(newCompletion("commit-entries"));
            case PROGRAM_FORWARDING ->
            {
                final InterfaceHook interfaceHook = context.interfaceHook();
                if (interfaceHook != null && context.config().mode() == Mode.MIRRORING)
                {
                    final InterfaceHook.InterfaceMode mode = active ?
                        InterfaceHook.InterfaceMode.FORWARDING : InterfaceHook.InterfaceMode.CONTROL_ONLY;
                    for (final String name : context.config().serviceInterfaces())
                    {
                        call(() -> interfaceHook.setMode(name, mode, lastCompletion), "interface " + name);
                    }
                }
                for (final ForwardingHook hook : context.forwardingHooks())
                {
                    call(() -> hook.programForwarding(active, lastCompletion), "forwarding " + hook.name());
                }
            }
            case ANNOUNCE ->
            {
                final VrrpHook vrrp = context.vrrpHook();
                if (vrrp != null)
                {
                    for (final VrrpBinding b : context.config().vrrpBindings())
                    {
                        final boolean master = b.group() == BackupGroup.ACTIVE_GROUP ? ownsActiveGroup : ownsStandbyGroup;
                        final VrrpHook.GroupState state = master ? VrrpHook.GroupState.MASTER : VrrpHook.GroupState.BACKUP;
                        call(() -> vrrp.setGroupState(b.vrid(), b.interfaceName(), state, lastCompletion),
                            "vrrp " + b.vrid() + "@" + b.interfaceName());
                    }
                }
                if (context.virtualIpHook() != null)
                {
                    for (final InetAddress vip : context.config().virtualIps())
                    {
                        call(() ->
                        {
                            if (active)
                            {
                                context.virtualIpHook().claim(vip, lastCompletion);
                            }
                            else
                            {
                                context.virtualIpHook().release(vip, lastCompletion);
                            }
                        }, "virtual-ip " + vip.getHostAddress());
                    }
                }
                if (context.routeCostHook() != null)
                {
                    for (final RouteCostPolicy policy : context.config().routeCosts())
                    {
                        call(() ->
                        {
                            if (active)
                            {
                                context.routeCostHook().restore(policy.protocol(), lastCompletion);
                            }
                            else
                            {
                                context.routeCostHook().adjust(policy, lastCompletion);
                            }
                        }, "route-cost " + policy.protocol());
                    }
                }
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }

    private Completion lastCompletion;

    private void call(final Runnable hookCall, final String name)
    {
        lastCompletion = newCompletion(name);
        try
        {
            hookCall.run();
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("node {}: hook {} threw", context.config().nodeId(), name, ex);
            lastCompletion.fail("threw " + ex);
        }
    }

    private Completion newCompletion(final String name)
    {
        final Completion c = new Completion(this, run, stepIndex, name);
        pending.add(c);
        outstanding++;
        return c;
    }

    private void offer(final Completion c)
    {
        if (!completions.offer(c))
        {
            LOG.error("node {}: hook completion queue full; {} will count as timed out", context.config().nodeId(),
                c.name);
        }
    }

    /** One hook's acknowledgement; callable once from any thread. */
    private static final class Completion implements HookCompletion
    {
        private final TakeoverPipeline pipeline;
        private final long run;
        private final int step;
        private final String name;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile String failure;

        Completion(final TakeoverPipeline pipeline, final long run, final int step, final String name)
        {
            this.pipeline = pipeline;
            this.run = run;
            this.step = step;
            this.name = name;
        }

        @Override
        public void complete()
        {
            if (finished.compareAndSet(false, true))
            {
                pipeline.offer(this);
            }
        }

        @Override
        public void fail(final String reason)
        {
            if (finished.compareAndSet(false, true))
            {
                failure = reason == null ? "failed" : reason;
                pipeline.offer(this);
            }
        }
    }
}
