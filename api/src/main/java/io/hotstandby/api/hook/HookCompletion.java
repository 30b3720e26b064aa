package io.hotstandby.api.hook;

/**
 * Acknowledges one traffic-switch step (SPEC D7, G1). The library hands one to every hook call; the
 * host calls {@link #complete()} or {@link #fail(String)} exactly once, from any thread, at once or
 * later. If neither happens within the configured hook timeout the step is reported as timed out and
 * the pipeline goes on: a slow or failing hook never hangs the state machine. Calls after the first,
 * or after the timeout, are ignored.
 */
public interface HookCompletion
{
    /** The step is done. */
    void complete();

    /** @param reason why the step failed, shown in events and logs. */
    void fail(String reason);
}
