package org.crema.benchmarks.hist;

import org.crema.benchmarks.CpuTimeRates;

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
        CpuTimeRates rates = new CpuTimeRates(30, 0, repeats);
        b.setup();
        System.out.println("crema.simd=" + b.simd);
        rates.print("regular1d", HistSimdBenchmark.N, b::regular1d);
        rates.print("indexPass2d", HistSimdBenchmark.N, b::indexPass2d);
        rates.print("indexPassDouble", HistSimdBenchmark.N, b::indexPassDouble);
        rates.print("variations3d", 20L * HistSimdBenchmark.N, b::variations3d);
    }

}
