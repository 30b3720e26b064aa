package io.hotstandby.examples.demo;

import java.io.PrintStream;

/**
 * The demo's narration on a console: every line prefixed with the seconds since the demo started.
 * Used by the demo's main thread only.
 */
public final class ConsolePrinter
{
    private final PrintStream out;
    private final long startNs;

    /** @param out where to print, e.g. {@code System.out}. */
    public ConsolePrinter(final PrintStream out)
    {
        this.out = out;
        this.startNs = System.nanoTime();
    }

    /** @param title a phase of the demo, printed as a heading. */
    public void phase(final String title)
    {
        out.println();
        line("== " + title);
    }

    /** @param text one line of narration. */
    public void line(final String text)
    {
        out.printf("[%7.3fs] %s%n", (System.nanoTime() - startNs) / 1e9, text);
        out.flush();
    }

    /** @param text a line printed as is, without the time prefix. */
    public void raw(final String text)
    {
        out.println(text);
        out.flush();
    }
}
