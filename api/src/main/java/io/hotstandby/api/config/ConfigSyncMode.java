package io.hotstandby.api.config;

/** When configuration is backed up from the primary to the secondary (SPEC C2). */
public enum ConfigSyncMode
{
    /** Bulk on pairing, then every change in real time. */
    AUTO,
    /** Only on the operator command {@code SYNC_CONFIG_NOW}. */
    MANUAL
}
