package io.hotstandby.api.hook;

/**
 * The host's VRRP (SPEC D1). The library decides the master/backup state of every VRRP group bound to
 * a hot-backup group ({@link io.hotstandby.api.config.VrrpBinding}), so all groups of a device switch
 * together. Called on the conductor thread in {@link TakeoverStep#ANNOUNCE}; must return at once.
 */
public interface VrrpHook
{
    /** State the library puts a VRRP group in. */
    enum GroupState
    {
        /** Owns the virtual address and forwards. */
        MASTER,
        /** Does not own the virtual address. */
        BACKUP
    }

    /**
     * @param vrid          the VRRP group.
     * @param interfaceName the interface it runs on.
     * @param state         the state to enter.
     * @param completion    to acknowledge once the host's VRRP has taken the state.
     */
    void setGroupState(int vrid, String interfaceName, GroupState state, HookCompletion completion);
}
