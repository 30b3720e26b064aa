package io.hotstandby.examples.stat;

import io.hotstandby.impl.counters.NodeCounters;
import org.agrona.concurrent.status.CountersReader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints a running member's counters (SPEC F2) from its memory-mapped counters file, like AeronStat:
 * every second, or once with {@code --once}. Reads the file without touching the node.
 *
 * <pre>
 *   java --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED -cp examples/target/hotstandby-node.jar \
 *       io.hotstandby.examples.stat.Stat --counters-file /tmp/node-a.counters [--once] [--interval-ms=1000]
 * </pre>
 *
 * <p>Exit codes: 0 after {@code --once} (or when stopped), 1 when the file is missing or is not a
 * counters file, 2 for a bad argument.
 */
public final class Stat
{
    private Stat()
    {
    }

    /** @param args {@code --counters-file FILE} (or the file alone), {@code --once}, {@code --interval-ms=N}. */
    public static void main(final String[] args)
    {
        Path file = null;
        boolean once = false;
        long intervalMs = 1_000;
        for (int i = 0; i < args.length; i++)
        {
            final String a = args[i];
            if (a.equals("--once"))
            {
                once = true;
            }
            else if (a.equals("--counters-file") && i + 1 < args.length)
            {
                file = Path.of(args[++i]);
            }
            else if (a.startsWith("--counters-file="))
            {
                file = Path.of(a.substring("--counters-file=".length()));
            }
            else if (a.startsWith("--interval-ms="))
            {
                try
                {
                    intervalMs = Long.parseLong(a.substring("--interval-ms=".length()));
                }
                catch (final NumberFormatException e)
                {
                    intervalMs = -1;
                }
                if (intervalMs < 10)
                {
                    System.err.println("stat: interval-ms: must be a number of at least 10");
                    System.exit(2);
                }
            }
            else if (!a.startsWith("--") && file == null)
            {
                file = Path.of(a);
            }
            else
            {
                System.err.println("stat: unknown argument '" + a + "'; usage: Stat --counters-file FILE [--once] [--interval-ms=N]");
                System.exit(2);
            }
        }
        if (file == null)
        {
            System.err.println("stat: counters-file: is required; usage: Stat --counters-file FILE [--once] [--interval-ms=N]");
            System.exit(2);
        }
        if (!Files.isRegularFile(file))
        {
            System.err.println("stat: counters-file: " + file + " does not exist (is the node running with counters-file set?)");
            System.exit(1);
        }
        final CountersReader reader;
        try
        {
            reader = NodeCounters.openReader(file);
        }
        catch (final IllegalStateException e)
        {
            System.err.println("stat: counters-file: " + e.getMessage());
            System.exit(1);
            return;
        }
        do
        {
            print(file, reader, System.out);
            if (!once)
            {
                LockSupport.parkNanos(intervalMs * 1_000_000L);
            }
        }
        while (!once && !Thread.currentThread().isInterrupted());
    }

    /**
     * @param reader a reader over a counters file.
     * @return every allocated counter's label and current value, in id order.
     */
    public static Map<String, Long> read(final CountersReader reader)
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        reader.forEach((value, id, label) -> values.put(label, value));
        return values;
    }

    /**
     * Prints one block: a header line with the time and file, then one line per counter.
     *
     * @param file   the file, for the header.
     * @param reader a reader over it.
     * @param out    where to print.
     */
    public static void print(final Path file, final CountersReader reader, final PrintStream out)
    {
        final StringBuilder b = new StringBuilder(1024);
        b.append(Instant.now()).append(" - hotstandby counters ").append(file).append('\n');
        reader.forEach((value, id, label) ->
            b.append(String.format("%3d: %,20d - %s%n", id, value, label)));
        out.print(b);
        out.flush();
    }
}
