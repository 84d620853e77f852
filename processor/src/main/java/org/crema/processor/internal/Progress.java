package org.crema.processor.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display (chunks done, events/s, ETA) redrawn with a carriage return. Only
 * active on a terminal, so logs and redirected output stay clean.
 */
public final class Progress {
    private final PrintStream out;
    private final int total;
    private final long totalEvents;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private int done;
    private long events;

    /**
     * @param out where to draw, or {@code null} for no display
     * @param total chunks to run
     * @param totalEvents events in those chunks
     */
    public Progress(PrintStream out, int total, long totalEvents) {
        this.out = out;
        this.total = total;
        this.totalEvents = totalEvents;
    }

    /** @return standard error if a terminal is attached, else {@code null} (no display) */
    public static PrintStream terminalOrNull() {
        // Since JDK 22 System.console() is non-null even when output is redirected; isTerminal() tells.
        java.io.Console c = System.console();
        return c != null && c.isTerminal() ? System.err : null;
    }

    /**
     * Records a finished chunk and redraws at most 10 times per second.
     *
     * @param chunkEvents events in the chunk
     */
    public void chunkDone(long chunkEvents) {
        done++;
        events += chunkEvents;
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < 100_000_000L && done < total) {
            return;
        }
        lastPrint = now;
        double secs = (now - startNanos) / 1e9;
        double rate = secs > 0 ? events / secs : 0;
        double eta = rate > 0 ? (totalEvents - events) / rate : Double.NaN;
        out.print(String.format(Locale.ROOT, "\r  chunks %d/%d  %.3g events/s  ETA %s   ", done, total, rate,
                Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%.0fs", eta)));
        out.flush();
    }

    /** Ends the line. */
    public void finish() {
        if (out != null) {
            out.println();
        }
    }
}
