package io.hotstandby.api.hook;

/**
 * A host step run in {@link TakeoverStep#PROGRAM_FORWARDING} (SPEC G1, D7): e.g. enable the session
 * fast path, program the forwarding tables. Called on the conductor thread; must return at once and
 * acknowledge through the completion.
 */
public interface ForwardingHook
{
    /** @return a short name for events and logs. */
    String name();

    /**
     * @param active     true when this member becomes active, false when it steps down.
     * @param completion to acknowledge the step.
     */
    void programForwarding(boolean active, HookCompletion completion);
}
