package io.hotstandby.examples.firewall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A session table as text, one session per line sorted by key, so that two tables (a node's dump and
 * a replayed expectation) can be compared and diffed by people and tests. Control path only.
 *
 * <pre>
 *   key proto src:port dst:port nat:port state vrf zone flags created lastSeen bytes packets expires
 * </pre>
 */
public final class TableDump
{
    private TableDump()
    {
    }

    /** @param table a session table. @return its sessions as lines, sorted by key. */
    public static List<String> lines(final SessionTable table)
    {
        final List<String> lines = new ArrayList<>();
        table.forEach(s -> lines.add(line(s)));
        lines.sort(TableDump::byKey);
        return lines;
    }

    /**
     * Writes the table to a file atomically enough for a reader that waits for the process to exit.
     *
     * @param table the table.
     * @param file  the file to create or replace.
     */
    public static void write(final SessionTable table, final Path file)
    {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            for (final String line : lines(table))
            {
                w.write(line);
                w.write('\n');
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @param file a file written by {@link #write}.
     * @return its lines.
     */
    public static List<String> read(final Path file)
    {
        try
        {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @param s a session. @return its line. */
    public static String line(final Session s)
    {
        return Long.toUnsignedString(s.key) + ' ' + s.protocol + ' ' +
            address(s.ipVersion, s.srcIp) + ':' + s.srcPort + ' ' +
            address(s.ipVersion, s.dstIp) + ':' + s.dstPort + ' ' +
            address(s.ipVersion, s.natIp) + ':' + s.natPort + ' ' +
            s.state + ' ' + s.vrf + ' ' + s.zone + ' ' + s.flags + ' ' +
            s.createdAtMs + ' ' + s.lastSeenMs + ' ' + s.bytes + ' ' + s.packets + ' ' + s.expiresAtMs;
    }

    /** @param ipVersion 4 or 6. @param a 16 bytes. @return dotted or colon-hex text. */
    public static String address(final int ipVersion, final byte[] a)
    {
        if (ipVersion == 4)
        {
            return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
        }
        final StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < 16; i += 2)
        {
            if (i > 0)
            {
                b.append(':');
            }
            b.append(Integer.toHexString(((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF)));
        }
        return b.toString();
    }

    private static int byKey(final String a, final String b)
    {
        return Long.compareUnsigned(Long.parseUnsignedLong(a.substring(0, a.indexOf(' '))),
            Long.parseUnsignedLong(b.substring(0, b.indexOf(' '))));
    }
}
