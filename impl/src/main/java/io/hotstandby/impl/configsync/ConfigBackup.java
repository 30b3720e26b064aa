package io.hotstandby.impl.configsync;

import io.hotstandby.api.config.Mode;
import io.hotstandby.api.event.HotStandbyListener;
import io.hotstandby.api.spi.ConfigProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Configuration backup (SPEC C1-C4): the primary exports its modules and real-time changes to the
 * secondary in bounded chunks; the secondary reassembles and applies them, replacing its whole module
 * configuration on a full export (so redundant configuration is removed, C2); both compare per-module
 * digests on command or schedule (C3). Only modules that take part in the pair's mode are synced (C4).
 *
 * <p>Detects and applies; it never decides who is primary: the conductor calls the primary-side
 * methods only on the primary, and feeds received messages to the secondary-side methods only on the
 * secondary (configuration never flows back, C2).
 *
 * <p>Threading: conductor thread only. Control path: allocation is fine, every size read from the
 * wire is bounded.
 */
public final class ConfigBackup
{
    /** Largest chunk, bytes (fits the control schema's 16 KiB var-data). */
    public static final int MAX_CHUNK_BYTES = 16 * 1024 - 64;
    /** Largest configuration of one module accepted from the peer, bytes. */
    public static final int MAX_MODULE_BYTES = 16 * 1024 * 1024;
    /** Most transfers being reassembled at once. */
    public static final int MAX_OPEN_TRANSFERS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigBackup.class);

    private final Map<String, ConfigProvider> modules = new TreeMap<>();
    private final HotStandbyListener listener;
    private final Map<Long, Inbound> inbound = new HashMap<>();
    private final Map<String, Long> peerDigests = new TreeMap<>();
    private long nextTransferId = 1;

    private static final class Inbound
    {
        final String module;
        final boolean change;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int nextIndex;

        Inbound(final String module, final boolean change)
        {
            this.module = module;
            this.change = change;
        }
    }

    /**
     * @param providers the host's modules by name.
     * @param mode      the pair's mode; modules that do not take part in it are not synced (C4).
     * @param listener  told of inconsistencies.
     */
    public ConfigBackup(final Map<String, ConfigProvider> providers, final Mode mode, final HotStandbyListener listener)
    {
        this.listener = listener;
        providers.forEach((name, p) ->
        {
            if (mode == Mode.MIRRORING ? p.mirroringMode() : p.normalMode())
            {
                modules.put(name, p);
            }
        });
    }

    /** @return the names of the modules that take part in this mode. */
    public List<String> modules()
    {
        return new ArrayList<>(modules.keySet());
    }

    /**
     * Primary: sends every module's whole configuration (pairing in auto mode, or SYNC_CONFIG_NOW).
     *
     * @param out the control channel.
     * @return false when the channel refused a chunk; the caller retries the whole export later.
     */
    public boolean exportAll(final ConfigOutbound out)
    {
        for (final ConfigProvider p : modules.values())
        {
            if (!send(out, p.module(), p.exportAll(), false))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Primary, auto mode: sends one change of a module in real time.
     *
     * @param out    the control channel.
     * @param module the module.
     * @param change the host-serialised change.
     * @return false when the module is unknown or does not take part, or the channel refused.
     */
    public boolean exportChange(final ConfigOutbound out, final String module, final byte[] change)
    {
        if (!modules.containsKey(module))
        {
            LOG.warn("configuration change of module '{}' not synced: module not registered for this mode", module);
            return false;
        }
        return send(out, module, change, true);
    }

    private boolean send(final ConfigOutbound out, final String module, final byte[] bytes, final boolean change)
    {
        final long transferId = nextTransferId++;
        int index = 0;
        int offset = 0;
        do
        {
            final int length = Math.min(MAX_CHUNK_BYTES, bytes.length - offset);
            final boolean last = offset + length == bytes.length;
            if (!out.sendChunk(module, transferId, index++, last, change, bytes, offset, length))
            {
                return false;
            }
            offset += length;
        }
        while (offset < bytes.length);
        return true;
    }

    /**
     * Secondary: one received chunk. Reassembles per transfer; on the last chunk applies the whole
     * module ({@code applyAll}, replacing everything) or the change ({@code applyChange}).
     *
     * @return null when accepted, or why the chunk was refused (the caller logs it and drops the
     * channel if it is a protocol violation).
     */
    public String onChunk(final String module, final long transferId, final int chunkIndex, final boolean last,
        final boolean change, final byte[] bytes)
    {
        final ConfigProvider provider = modules.get(module);
        if (provider == null)
        {
            return "configuration chunk for unknown module '" + module + "'";
        }
        Inbound in = inbound.get(transferId);
        if (in == null)
        {
            if (chunkIndex != 0)
            {
                return "configuration transfer " + transferId + " starts at chunk " + chunkIndex;
            }
            if (inbound.size() >= MAX_OPEN_TRANSFERS)
            {
                return "more than " + MAX_OPEN_TRANSFERS + " configuration transfers open at once";
            }
            in = new Inbound(module, change);
            inbound.put(transferId, in);
        }
        if (!in.module.equals(module) || in.change != change || in.nextIndex != chunkIndex)
        {
            inbound.remove(transferId);
            return "configuration transfer " + transferId + " out of order at chunk " + chunkIndex;
        }
        if (in.bytes.size() + bytes.length > MAX_MODULE_BYTES)
        {
            inbound.remove(transferId);
            return "configuration of module '" + module + "' exceeds " + MAX_MODULE_BYTES + " bytes";
        }
        in.bytes.write(bytes, 0, bytes.length);
        in.nextIndex++;
        if (last)
        {
            inbound.remove(transferId);
            final byte[] whole = in.bytes.toByteArray();
            if (change)
            {
                provider.applyChange(whole);
            }
            else
            {
                provider.applyAll(whole);
            }
            LOG.info("configuration of module '{}' {} from the primary ({} bytes)", module,
                change ? "changed" : "replaced", whole.length);
        }
        return null;
    }

    /** Drops half-received transfers, e.g. when the channel goes down. */
    public void reset()
    {
        inbound.clear();
        peerDigests.clear();
    }

    /**
     * Sends every module's digest (C3: on command or schedule).
     *
     * @param out the control channel.
     * @return false when the channel refused one.
     */
    public boolean sendDigests(final ConfigOutbound out)
    {
        for (final ConfigProvider p : modules.values())
        {
            if (!out.sendDigest(p.module(), p.digest()))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Records the peer's digest of one module.
     *
     * @param module the module.
     * @param digest the peer's digest.
     */
    public void onPeerDigest(final String module, final long digest)
    {
        peerDigests.put(module, digest);
    }

    /**
     * Compares the digests received so far with this member's (C3). An inconsistency is logged with the
     * module names and reported to the listener.
     *
     * @return the modules that differ or that one side lacks; empty when consistent.
     */
    public List<String> compare()
    {
        final List<String> differ = new ArrayList<>();
        for (final ConfigProvider p : modules.values())
        {
            final Long peer = peerDigests.get(p.module());
            if (peer == null || peer != p.digest())
            {
                differ.add(p.module());
            }
        }
        for (final String peerModule : peerDigests.keySet())
        {
            if (!modules.containsKey(peerModule))
            {
                differ.add(peerModule);
            }
        }
        if (!differ.isEmpty())
        {
            LOG.warn("configuration inconsistent with the peer in modules {}", differ);
            listener.onConfigInconsistent(List.copyOf(differ));
        }
        return differ;
    }
}
