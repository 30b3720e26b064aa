package io.hotstandby.impl.counters;

import io.hotstandby.api.counter.CounterId;
import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;

import static org.agrona.BitUtil.CACHE_LINE_LENGTH;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * The counters of one member (SPEC F2), one Agrona {@link AtomicCounter} per {@link CounterId},
 * allocated in {@code CounterId.id()} order so that a counter's id in the file equals its enum id.
 * Either on the heap, or in a memory-mapped file that an external reader
 * ({@link #openReader(Path)}) reads while the node runs, without stopping it.
 *
 * <p>File layout (all little-endian):
 * <pre>
 *   0                    8                   16
 *   +--------------------+--------------------+------------------------+----------------------+
 *   | magic "HSBCNT01"   | metadata length    | metadata (Agrona)      | values (Agrona)      |
 *   +--------------------+--------------------+------------------------+----------------------+
 * </pre>
 *
 * <p>Threading: counters are incremented by the agents with ordered writes and read by anyone.
 * Creation and {@link #close()} on the node's setup thread.
 */
public final class NodeCounters implements AutoCloseable
{
    /** File magic, "HSBCNT01" as a little-endian long. */
    public static final long MAGIC = 0x3130544E43425348L;
    /** Bytes before the metadata region. */
    public static final int HEADER_LENGTH = 16;
    private static final int COUNTER_COUNT = 32;
    private static final int METADATA_LENGTH = COUNTER_COUNT * CountersReader.METADATA_LENGTH;
    private static final int VALUES_LENGTH = COUNTER_COUNT * CountersReader.COUNTER_LENGTH;

    private final MappedByteBuffer mapped;
    private final AtomicCounter[] counters = new AtomicCounter[CounterId.values().length];

    private NodeCounters(final AtomicBuffer metadata, final AtomicBuffer values, final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        final CountersManager manager = new CountersManager(metadata, values);
        final CounterId[] ids = CounterId.values().clone();
        java.util.Arrays.sort(ids, java.util.Comparator.comparingInt(CounterId::id));
        for (final CounterId id : ids)
        {
            final AtomicCounter counter = manager.newCounter(id.label(), id.id());
            if (counter.id() != id.id())
            {
                throw new IllegalStateException("counter ids must be dense from 0: " + id);
            }
            counters[id.ordinal()] = counter;
        }
    }

    /** @return counters on the heap (no external reader). */
    public static NodeCounters inMemory()
    {
        return new NodeCounters(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(METADATA_LENGTH, CACHE_LINE_LENGTH)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(VALUES_LENGTH, CACHE_LINE_LENGTH)), null);
    }

    /**
     * @param file the file to create or overwrite.
     * @return counters in a memory-mapped file readable by {@link #openReader(Path)}.
     */
    public static NodeCounters mapped(final Path file)
    {
        final File f = file.toFile();
        IoUtil.deleteIfExists(f);
        final MappedByteBuffer buffer = IoUtil.mapNewFile(f, HEADER_LENGTH + METADATA_LENGTH + VALUES_LENGTH);
        final UnsafeBuffer whole = new UnsafeBuffer(buffer);
        whole.putLong(8, METADATA_LENGTH);
        final NodeCounters counters = new NodeCounters(
            new UnsafeBuffer(buffer, HEADER_LENGTH, METADATA_LENGTH),
            new UnsafeBuffer(buffer, HEADER_LENGTH + METADATA_LENGTH, VALUES_LENGTH), buffer);
        whole.putLongVolatile(0, MAGIC);
        return counters;
    }

    /**
     * Opens a counters file written by {@link #mapped(Path)} for reading, from another process.
     *
     * @param file the file.
     * @return a reader over the live counters; {@code forEach} lists every counter with its label.
     * @throws IllegalStateException when the file is not a counters file.
     */
    public static CountersReader openReader(final Path file)
    {
        final MappedByteBuffer buffer = IoUtil.mapExistingFile(file.toFile(), "counters");
        final UnsafeBuffer whole = new UnsafeBuffer(buffer);
        if (whole.capacity() < HEADER_LENGTH || whole.getLongVolatile(0) != MAGIC)
        {
            throw new IllegalStateException(file + " is not a hotstandby counters file");
        }
        final int metadataLength = (int)whole.getLong(8);
        return new CountersReader(new UnsafeBuffer(buffer, HEADER_LENGTH, metadataLength),
            new UnsafeBuffer(buffer, HEADER_LENGTH + metadataLength, whole.capacity() - HEADER_LENGTH - metadataLength));
    }

    /** @param id the counter. @return the live counter. */
    public AtomicCounter get(final CounterId id)
    {
        return counters[id.ordinal()];
    }

    /** Unmaps the file, if any; the counters must no longer be used. */
    @Override
    public void close()
    {
        if (mapped != null)
        {
            IoUtil.unmap(mapped);
        }
    }
}
