package org.crema.processor.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a run: chunks done, events, events/s and ETA. On a terminal one line is redrawn with a
 * carriage return; otherwise (a log file, a batch job) a plain line is printed every few seconds, so
 * the log shows the run is alive without filling up. A timer prints even while no chunk finishes, so a
 * run of few large chunks still reports.
 */
public final class Progress {
    /** Interval of the plain log lines when the output is not a terminal. */
    public static final long LOG_INTERVAL_MILLIS = 5_000;
    /** Interval of the terminal line's redraw while no chunk finishes. */
    static final long TERMINAL_INTERVAL_MILLIS = 1_000;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long totalEvents;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastPrint;
    private int done;
    private long events;
    private boolean finished;

    /**
     * A terminal display without a timer (redrawn as chunks finish).
     *
     * @param out where to draw, or {@code null} for no display
     * @param total chunks to run
     * @param totalEvents events in those chunks
     */
    public Progress(PrintStream out, int total, long totalEvents) {
        this(out, true, 0, total, totalEvents);
    }

    /**
     * @param out where to print, or {@code null} for nothing
     * @param terminal redraw one line ({@code true}) or print plain lines ({@code false})
     * @param intervalMillis print at least this often, also while no chunk finishes; 0 for no timer
     * @param total chunks to run
     * @param totalEvents events in those chunks
     */
    public Progress(PrintStream out, boolean terminal, long intervalMillis, int total, long totalEvents) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.totalEvents = totalEvents;
        if (out != null && intervalMillis > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "crema-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::tick, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    /**
     * The display a run uses: a redrawn line on a terminal, plain lines every
     * {@value #LOG_INTERVAL_MILLIS} ms on standard error otherwise.
     *
     * @param enabled whether the run shows progress at all
     * @param total chunks to run
     * @param totalEvents events in those chunks
     * @return the display; call {@link #finish} at the end
     */
    public static Progress start(boolean enabled, int total, long totalEvents) {
        if (!enabled) {
            return new Progress(null, total, totalEvents);
        }
        PrintStream term = terminalOrNull();
        return term != null ? new Progress(term, true, TERMINAL_INTERVAL_MILLIS, total, totalEvents)
                : new Progress(System.err, false, LOG_INTERVAL_MILLIS, total, totalEvents);
    }

    /** @return standard error if a terminal is attached, else {@code null} (no display) */
    public static PrintStream terminalOrNull() {
        // Since JDK 22 System.console() is non-null even when output is redirected; isTerminal() tells.
        java.io.Console c = System.console();
        return c != null && c.isTerminal() ? System.err : null;
    }

    /**
     * Records a finished chunk; on a terminal redraws at most 10 times per second.
     *
     * @param chunkEvents events in the chunk
     */
    public synchronized void chunkDone(long chunkEvents) {
        done++;
        events += chunkEvents;
        if (out == null || !terminal || finished) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < 100_000_000L && done < total) {
            return;
        }
        print(now);
    }

    private synchronized void tick() {
        if (!finished) {
            print(System.nanoTime());
        }
    }

    private void print(long now) {
        lastPrint = now;
        String line = line((now - startNanos) / 1e9);
        if (terminal) {
            out.print("\r  " + line + "   ");
        } else {
            out.println("crema: " + line);
        }
        out.flush();
    }

    /** @return e.g. {@code chunks 3/10 (30%), 1.2M/4M events, 312k events/s, ETA 22s} */
    synchronized String line(double seconds) {
        double rate = seconds > 0 ? events / seconds : 0;
        double eta = rate > 0 ? (totalEvents - events) / rate : Double.NaN;
        return String.format(Locale.ROOT, "chunks %d/%d (%d%%), %s/%s events, %s events/s, ETA %s", done, total,
                total == 0 ? 100 : 100L * done / total, human(events), human(totalEvents), human(rate),
                Double.isNaN(eta) ? "?" : duration(eta));
    }

    /** @return 950, 12.3k, 4.56M, 1.2G: three significant digits at most */
    static String human(double v) {
        String[] units = {"", "k", "M", "G", "T"};
        int u = 0;
        while (Math.abs(v) >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String s = u == 0 ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("\\.?0+$", "");
        }
        return s + units[u];
    }

    /** @return 42s, 3m05s, 2h07m */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }

    /** Stops the timer and ends the line. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (out != null && terminal) {
            out.println();
        }
    }
}
