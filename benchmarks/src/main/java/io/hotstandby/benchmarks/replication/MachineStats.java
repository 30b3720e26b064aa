package io.hotstandby.benchmarks.replication;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code WORKLOAD.md} asks the benchmark to report besides its own figures: CPU used by this JVM
 * and by other processes ({@code /proc/stat}, {@code /proc/self/stat}), the load average, and the
 * kernel's per-socket TCP counters of the data port ({@code ss -tin}). Called by the benchmark's main
 * thread outside the measured paths.
 */
final class MachineStats
{
    private static final Pattern BYTES_SENT = Pattern.compile("\\bbytes_sent:(\\d+)");
    private static final Pattern SEGS_OUT = Pattern.compile("\\bsegs_out:(\\d+)");

    private MachineStats()
    {
    }

    /** @return {machine busy ticks, this JVM's ticks, nanoTime}, or null. */
    static long[] cpu()
    {
        try
        {
            final String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            final long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]);
            final String self = Files.readString(Path.of("/proc/self/stat"));
            final String[] g = self.substring(self.lastIndexOf(')') + 2).split(" ");
            return new long[] {busy, Long.parseLong(g[11]) + Long.parseLong(g[12]), System.nanoTime()};
        }
        catch (final Exception ex)
        {
            return null;
        }
    }

    /** @return {cores used by this JVM, cores used by other processes} between two samples, or null. */
    static double[] cores(final long[] a, final long[] b)
    {
        if (a == null || b == null)
        {
            return null;
        }
        final double seconds = (b[2] - a[2]) / 1e9;
        final double self = (b[1] - a[1]) / 100.0 / seconds;
        final double all = (b[0] - a[0]) / 100.0 / seconds;
        return new double[] {self, Math.max(0, all - self)};
    }

    static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (final Exception ex)
        {
            return "NA";
        }
    }

    /** @param port the data port. @return {payload bytes sent, segments sent} over both directions, or null. */
    static long[] tcp(final int port)
    {
        try
        {
            final Process p = new ProcessBuilder("ss", "-tinH", "state", "established", "(", "sport", "=", ":" + port,
                "or", "dport", "=", ":" + port, ")").redirectErrorStream(true).start();
            long bytes = 0;
            long segments = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    Matcher m = BYTES_SENT.matcher(line);
                    if (m.find())
                    {
                        bytes += Long.parseLong(m.group(1));
                    }
                    m = SEGS_OUT.matcher(line);
                    if (m.find())
                    {
                        segments += Long.parseLong(m.group(1));
                    }
                }
            }
            return p.waitFor() == 0 ? new long[] {bytes, segments} : null;
        }
        catch (final Exception ex)
        {
            return null;
        }
    }
}
