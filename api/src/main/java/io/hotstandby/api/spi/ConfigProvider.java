package io.hotstandby.api.spi;

/**
 * One configuration module of the host (e.g. security policy, NAT policy) that takes part in
 * configuration backup (SPEC C1-C4). Configuration flows one way: the primary's overwrites the
 * secondary's (C2).
 *
 * <p>Threading: called on the library's conductor thread (or the host's thread in invoker mode); not
 * on a hot path, so byte arrays are fine. A method must not block for long: configuration is applied
 * between duty cycles.
 */
public interface ConfigProvider
{
    /** @return the module name, unique within the node, at most 64 bytes of UTF-8, e.g. {@code "security-policy"}. */
    String module();

    /** @return true when the module is backed up in active/standby and dual-active modes (C4). */
    default boolean normalMode()
    {
        return true;
    }

    /** @return true when the module is backed up in mirroring mode (C4: the wider set). */
    default boolean mirroringMode()
    {
        return true;
    }

    /** Primary: @return the whole module configuration, serialised by the host. */
    byte[] exportAll();

    /**
     * Secondary: replace the whole module configuration with {@code config}, removing anything not in it
     * (C2: redundant configuration on the secondary is removed, not left behind).
     *
     * @param config what {@link #exportAll()} returned on the primary.
     */
    void applyAll(byte[] config);

    /**
     * Secondary: apply one change, as passed to {@link io.hotstandby.api.HotStandbyNode#configChanged}
     * on the primary (C2 auto mode: real time).
     *
     * @param change the host-serialised change.
     */
    void applyChange(byte[] change);

    /** @return a digest of the module configuration; equal configurations give equal digests (C3). */
    long digest();
}
