package io.hotstandby.testkit.replication;

import io.hotstandby.api.entry.EntryReader;
import io.hotstandby.api.entry.EntrySink;
import io.hotstandby.api.entry.EntryType;
import io.hotstandby.api.spi.BackupProvider;
import io.hotstandby.testkit.provider.SimpleBackupProvider;

/** Replays a failing seed with a trace of one key's applies and deletes ({@code -Dreplication.traceKey=K}). */
final class TracingProvider<R extends EntryReader> implements BackupProvider<R>
{
    private static final org.slf4j.Logger TRACE = org.slf4j.LoggerFactory.getLogger(TracingProvider.class);
    private final int member;
    private final SimpleBackupProvider<R> table;
    private final long key;
    private final EnginePair pair;

    TracingProvider(final int member, final SimpleBackupProvider<R> table, final long key, final EnginePair pair)
    {
        this.member = member;
        this.table = table;
        this.key = key;
        this.pair = pair;
    }

    @Override
    public EntryType type()
    {
        return table.type();
    }

    @Override
    public void apply(final R entry)
    {
        table.apply(entry);
        if (entry.key() == key && type() == EnginePair.TRACE_TYPE)
        {
            TRACE.info("step " + pair.steps + " member " + member + " apply seq " + entry.sequence() + " " +
                java.util.Arrays.hashCode(table.encoded(key)));
        }
    }

    @Override
    public void delete(final long k)
    {
        table.delete(k);
        if (k == key && type() == EnginePair.TRACE_TYPE)
        {
            TRACE.info("step " + pair.steps + " member " + member + " delete");
        }
    }

    @Override
    public long snapshot(final long position, final int limit, final EntrySink sink)
    {
        return table.snapshot(position, limit, sink);
    }

    @Override
    public long size()
    {
        return table.size();
    }

    @Override
    public void flush()
    {
        table.flush();
    }

    @Override
    public void adoptOwner(final int ownerNodeId)
    {
        table.adoptOwner(ownerNodeId);
    }
}
