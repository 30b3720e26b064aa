package io.hotstandby.api.hook;

/**
 * Service interfaces in mirroring mode (SPEC D5): on the standby they pass only control traffic (LLDP,
 * LACP). Called on the conductor thread in {@link TakeoverStep#PROGRAM_FORWARDING}; must return at once.
 */
public interface InterfaceHook
{
    /** The state the library puts a service interface in. */
    enum InterfaceMode
    {
        /** Forwards everything (active). */
        FORWARDING,
        /** Passes only link-control protocols such as LLDP and LACP (standby). */
        CONTROL_ONLY
    }

    /**
     * @param interfaceName the service interface.
     * @param mode          the state to enter.
     * @param completion    to acknowledge.
     */
    void setMode(String interfaceName, InterfaceMode mode, HookCompletion completion);
}
