package io.hotstandby.impl.configsync;

/**
 * Where {@link ConfigBackup} sends configuration messages: the control channel's publisher implements
 * it (one SBE {@code ConfigChunk} or {@code ConfigDigest} per call). Called on the conductor thread.
 */
public interface ConfigOutbound
{
    /**
     * Sends one piece of a module's configuration, primary to secondary (C2).
     *
     * @param module     the module name.
     * @param transferId identifies one export or one change; chunks of one transfer share it.
     * @param chunkIndex 0, 1, 2... within the transfer.
     * @param last       true on the transfer's last chunk.
     * @param change     true when the transfer is one change ({@code applyChange}), false for a whole export ({@code applyAll}).
     * @param bytes      the chunk's bytes.
     * @param offset     offset in bytes.
     * @param length     chunk length, at most {@link ConfigBackup#MAX_CHUNK_BYTES}.
     * @return false when the channel cannot take it now (the transfer is retried later).
     */
    boolean sendChunk(String module, long transferId, int chunkIndex, boolean last, boolean change, byte[] bytes,
        int offset, int length);

    /**
     * Sends the digest of one module (C3).
     *
     * @param module the module name.
     * @param digest the module's digest.
     * @return false when the channel cannot take it now.
     */
    boolean sendDigest(String module, long digest);
}
