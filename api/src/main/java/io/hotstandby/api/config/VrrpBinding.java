package io.hotstandby.api.config;

/**
 * Binds one host VRRP group to a hot-backup group (SPEC D1). Immutable.
 *
 * @param vrid          the VRRP virtual router id, 1..255.
 * @param interfaceName the interface the VRRP group runs on, as the host names it.
 * @param group         the hot-backup group that decides this VRRP group's master/backup state.
 */
public record VrrpBinding(int vrid, String interfaceName, BackupGroup group)
{
}
