package io.hotstandby.api.config;

/**
 * The two hot-backup groups a VRRP group can be bound to (SPEC D1). Every VRRP group bound to
 * {@link #ACTIVE_GROUP} is master on the active member and backup on the standby; every group bound to
 * {@link #STANDBY_GROUP} is the reverse. All bound groups of a device switch together.
 */
public enum BackupGroup
{
    /** Master while this member is Active. */
    ACTIVE_GROUP,
    /** Master while this member is Standby (the peer's mirror group in dual-active designs). */
    STANDBY_GROUP
}
