package io.hotstandby.examples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child JVM running one of the examples' mains on the test class path (with the Agrona flag),
 * its stdout collected line by line on a reader thread and its stderr kept in a file. Tests wait on its
 * lines with deadlines; nothing sleeps.
 */
public final class JavaProcess implements AutoCloseable
{
    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private final Path stderr;

    private JavaProcess(final String name, final Process process, final Path stderr)
    {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "stdout-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * @param name      for messages.
     * @param mainClass the main class.
     * @param stderr    file receiving the child's stderr.
     * @param args      its arguments.
     * @return the started process.
     * @throws IOException when it cannot start.
     */
    public static JavaProcess start(final String name, final Class<?> mainClass, final Path stderr, final String... args)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        return new JavaProcess(name, p, stderr);
    }

    private void readLines()
    {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = r.readLine()) != null)
            {
                synchronized (lines)
                {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        }
        catch (final IOException e)
        {
            synchronized (lines)
            {
                lines.add("<stdout closed: " + e.getMessage() + ">");
                lines.notifyAll();
            }
        }
    }

    /**
     * Waits for a line, polling until a deadline.
     *
     * @param what      what the test waits for, for the failure message.
     * @param match     the condition.
     * @param timeoutMs the deadline.
     * @return the first matching line.
     * @throws AssertionError on timeout, with the lines so far and the stderr tail.
     */
    public String await(final String what, final Predicate<String> match, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lines)
        {
            int checked = 0;
            while (true)
            {
                for (; checked < lines.size(); checked++)
                {
                    if (match.test(lines.get(checked)))
                    {
                        return lines.get(checked);
                    }
                }
                final long leftNs = deadline - System.nanoTime();
                if (leftNs <= 0)
                {
                    throw new AssertionError(name + ": timed out after " + timeoutMs + " ms waiting for " + what +
                        "\nlast lines: " + tail(lines, 3) + "\nstderr tail:\n" + stderrTail());
                }
                try
                {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(leftNs)));
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(name + ": interrupted waiting for " + what);
                }
            }
        }
    }

    /** @return a copy of every line so far. */
    public List<String> lines()
    {
        synchronized (lines)
        {
            return new ArrayList<>(lines);
        }
    }

    /** @return the last line matching, if any. */
    public Optional<String> last(final Predicate<String> match)
    {
        final List<String> copy = lines();
        for (int i = copy.size() - 1; i >= 0; i--)
        {
            if (match.test(copy.get(i)))
            {
                return Optional.of(copy.get(i));
            }
        }
        return Optional.empty();
    }

    /** @return the process. */
    public Process process()
    {
        return process;
    }

    /** Sends SIGTERM, leaving stdout open so the final lines can still be read. */
    public void terminate()
    {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL, leaving stdout open so the lines printed before it can still be read. */
    public void kill()
    {
        process.toHandle().destroyForcibly();
    }

    /**
     * @param timeoutMs deadline.
     * @return the exit code, after stdout was read to its end.
     */
    public int awaitExit(final long timeoutMs)
    {
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                throw new AssertionError(name + ": did not exit within " + timeoutMs + " ms; stderr tail:\n" + stderrTail());
            }
            reader.join(timeoutMs);
            return process.exitValue();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted waiting for exit");
        }
    }

    /** @return the last lines of the child's stderr. */
    public String stderrTail()
    {
        try
        {
            final List<String> all = java.nio.file.Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - 25), all.size()));
        }
        catch (final IOException e)
        {
            return "<cannot read " + stderr + ": " + e.getMessage() + ">";
        }
    }

    private static List<String> tail(final List<String> l, final int n)
    {
        return new ArrayList<>(l.subList(Math.max(0, l.size() - n), l.size()));
    }

    /** Kills the process if it still runs. */
    @Override
    public void close()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
