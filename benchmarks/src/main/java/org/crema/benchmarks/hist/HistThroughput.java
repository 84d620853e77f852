package org.crema.benchmarks.hist;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Per-core fill throughput measured in thread CPU time, for machines shared with other work where
 * JMH's wall-clock scores swing with the load. Runs the same operations as {@link HistBenchmark},
 * repeats each one, and prints the best and median fills per CPU-second.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.crema.benchmarks.hist.HistThroughput [repeats]}
 */
public final class HistThroughput {
    private HistThroughput() {}

    /**
     * @param args optional number of timed repeats per operation (default 15)
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        HistBenchmark b = new HistBenchmark();
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        run(mx, repeats, "regularWeightedFill", HistBenchmark.N, b::regularWeightedFill);
        run(mx, repeats, "regularWideWeightedFill", HistBenchmark.N, b::regularWideWeightedFill);
        run(mx, repeats, "regular2dWeightedFill", HistBenchmark.N, b::regular2dWeightedFill);
        run(mx, repeats, "regularWeightedFillFloat", HistBenchmark.N, b::regularWeightedFillFloat);
        run(mx, repeats, "regularWeightedFillMasked", HistBenchmark.N, b::regularWeightedFillMasked);
        run(mx, repeats, "variableWeightedFill", HistBenchmark.N, b::variableWeightedFill);
        run(mx, repeats, "fill3dVariations", (long) HistBenchmark.N3D * HistBenchmark.VARIATIONS, b::fill3dVariations);
        run(mx, repeats, "merge1MBins (ops = stored bins added)", 1_000_000, b::merge1MBins);
    }

    private static void run(ThreadMXBean mx, int repeats, String name, long ops, Supplier<?> op) {
        for (int i = 0; i < 5; i++) {
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
        System.out.printf(Locale.ROOT, "%-34s best %10.1f M/s   median %10.1f M/s   (per CPU-second)%n", name,
                perSecond[repeats - 1] / 1e6, perSecond[repeats / 2] / 1e6);
    }
}
