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

    /**
     * @param lines lines written by {@link #write} or made by {@link #lines}.
     * @return a table holding those sessions.
     * @throws IllegalArgumentException for a line that is not a session.
     */
    public static SessionTable parse(final List<String> lines)
    {
        final SessionTable table = new SessionTable(Math.max(16, lines.size()));
        final Session s = new Session();
        for (final String line : lines)
        {
            final String[] f = line.split(" ");
            if (f.length != 14)
            {
                throw new IllegalArgumentException("not a session line: " + line);
            }
            s.reset();
            s.key = Long.parseUnsignedLong(f[0]);
            s.protocol = Integer.parseInt(f[1]);
            s.srcPort = endpoint(f[2], s.srcIp);
            s.dstPort = endpoint(f[3], s.dstIp);
            s.natPort = endpoint(f[4], s.natIp);
            s.ipVersion = f[2].indexOf('.') >= 0 ? 4 : 6;
            s.state = Integer.parseInt(f[5]);
            s.vrf = Integer.parseInt(f[6]);
            s.zone = Integer.parseInt(f[7]);
            s.flags = Integer.parseInt(f[8]);
            s.createdAtMs = Long.parseLong(f[9]);
            s.lastSeenMs = Long.parseLong(f[10]);
            s.bytes = Long.parseLong(f[11]);
            s.packets = Long.parseLong(f[12]);
            s.expiresAtMs = Long.parseLong(f[13]);
            table.put(s);
        }
        return table;
    }

    private static int endpoint(final String text, final byte[] address)
    {
        final int colon = text.lastIndexOf(':');
        final String host = text.substring(0, colon);
        java.util.Arrays.fill(address, (byte)0);
        if (host.indexOf('.') >= 0)
        {
            final String[] octets = host.split("\\.");
            for (int i = 0; i < 4; i++)
            {
                address[i] = (byte)Integer.parseInt(octets[i]);
            }
        }
        else
        {
            final String[] groups = host.split(":");
            for (int i = 0; i < 8; i++)
            {
                final int g = Integer.parseInt(groups[i], 16);
                address[2 * i] = (byte)(g >>> 8);
                address[2 * i + 1] = (byte)g;
            }
        }
        return Integer.parseInt(text.substring(colon + 1));
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
