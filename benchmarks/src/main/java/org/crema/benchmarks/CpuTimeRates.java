package org.crema.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Operations per CPU-second of the calling thread, for the throughput commands run on machines shared
 * with other work, where JMH's wall-clock scores swing with the load: an operation is warmed up,
 * repeated, and its best and median rates are printed in one line that {@code run-all.sh --compare}
 * pairs across releases.
 */
public final class CpuTimeRates {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final int warmupCalls;
    private final long warmupCpuNanos;
    private final int repeats;

    /**
     * @param warmupCalls calls before timing (the JIT compiles the hot loops meanwhile)
     * @param warmupCpuNanos at least this much CPU time of warm-up as well (Vector API loops run far
     *     slower until the optimising compiler has compiled them); 0 for none
     * @param repeats timed calls
     */
    public CpuTimeRates(int warmupCalls, long warmupCpuNanos, int repeats) {
        this.warmupCalls = warmupCalls;
        this.warmupCpuNanos = warmupCpuNanos;
        this.repeats = repeats;
    }

    /**
     * Warms the operation up, times the repeated calls and prints
     * {@code NAME best X M/s median Y M/s (per CPU-second)}.
     *
     * @param name the line's label
     * @param ops operations per call
     * @param op the operation
     */
    public void print(String name, long ops, Supplier<?> op) {
        long warmUntil = MX.getCurrentThreadCpuTime() + warmupCpuNanos;
        for (int i = 0; i < warmupCalls || MX.getCurrentThreadCpuTime() < warmUntil; i++) {
            op.get();
        }
        double[] perSecond = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = MX.getCurrentThreadCpuTime();
            op.get();
            long t1 = MX.getCurrentThreadCpuTime();
            perSecond[i] = ops / ((t1 - t0) / 1e9);
        }
        Arrays.sort(perSecond);
        System.out.printf(Locale.ROOT, "%-34s best %10.1f M/s   median %10.1f M/s   (per CPU-second)%n", name,
                perSecond[repeats - 1] / 1e6, perSecond[repeats / 2] / 1e6);
    }
}
