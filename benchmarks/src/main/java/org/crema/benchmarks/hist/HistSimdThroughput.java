package org.crema.benchmarks.hist;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@link HistSimdBenchmark}'s cases in thread CPU time, for a machine shared with other work: one
 * JVM per kernel choice, so run it twice, alternating, and compare.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.crema.benchmarks.hist.HistSimdThroughput true|false [repeats]}
 */
public final class HistSimdThroughput {
    private HistSimdThroughput() {}

    /**
     * @param args {@code true} for the vectorised kernels, {@code false} for the scalar loops; optional
     *     number of timed repeats (default 15)
     */
    public static void main(String[] args) {
        HistSimdBenchmark b = new HistSimdBenchmark();
        b.simd = args.length > 0 ? args[0] : "true";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("crema.simd=" + b.simd);
        run(mx, repeats, "regular1d", HistSimdBenchmark.N, b::regular1d);
        run(mx, repeats, "indexPass2d", HistSimdBenchmark.N, b::indexPass2d);
        run(mx, repeats, "indexPassDouble", HistSimdBenchmark.N, b::indexPassDouble);
        run(mx, repeats, "variations3d", 20L * HistSimdBenchmark.N, b::variations3d);
    }

    private static void run(ThreadMXBean mx, int repeats, String name, long ops, Supplier<?> op) {
        for (int i = 0; i < 30; i++) {
            op.get(); // warm-up: let the JIT compile the hot loops
        }
        double[] perSecond = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            op.get();
            long t1 = mx.getCurrentThreadCpuTime();
            perSecond[i] = ops / ((t1 - t0) / 1e9);
        }
        java.util.Arrays.sort(perSecond);
        System.out.printf(Locale.ROOT, "%-20s best %8.1f M/s   median %8.1f M/s   (per CPU-second)%n", name,
                perSecond[repeats - 1] / 1e6, perSecond[repeats / 2] / 1e6);
    }
}
