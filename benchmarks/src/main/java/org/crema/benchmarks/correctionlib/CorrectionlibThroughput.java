package org.crema.benchmarks.correctionlib;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A benchmark command complementing {@link CorrectionlibBenchmark} on a shared machine: it runs the
 * same four cases and prints evaluations per second of wall time and per second of this thread's CPU
 * time (which other processes competing for the cores do not inflate).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.crema.benchmarks.correctionlib.CorrectionlibThroughput [repetitions]}.
 */
public final class CorrectionlibThroughput {
    private CorrectionlibThroughput() {
    }

    /**
     * @param args optional number of measured repetitions per case (default 20, after 10 warm-up)
     */
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        CorrectionlibBenchmark b = new CorrectionlibBenchmark();
        b.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"binning", "multiBinning", "formula", "jecCompound"};
        for (String name : names) {
            Runnable r = switch (name) {
                case "binning" -> b::binning;
                case "multiBinning" -> b::multiBinning;
                case "formula" -> b::formula;
                default -> b::jecCompound;
            };
            for (int k = 0; k < 10; k++) {
                r.run();
            }
            long wall0 = System.nanoTime();
            long cpu0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < reps; k++) {
                r.run();
            }
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) * 1e-9;
            double wall = (System.nanoTime() - wall0) * 1e-9;
            double evals = (double) CorrectionlibBenchmark.N * reps;
            System.out.printf(Locale.ROOT, "%-14s %8.1f M evaluations/s (wall)  %8.1f M evaluations/s (thread CPU)  %6.1f ns/evaluation (CPU)%n",
                    name, evals / wall * 1e-6, evals / cpu * 1e-6, cpu / evals * 1e9);
        }
    }
}
