package org.crema.benchmarks.hist;

import org.crema.benchmarks.CpuTimeRates;

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
        CpuTimeRates rates = new CpuTimeRates(5, 0, repeats);
        HistBenchmark b = new HistBenchmark();
        b.setup();
        rates.print("regularWeightedFill", HistBenchmark.N, b::regularWeightedFill);
        rates.print("regularWideWeightedFill", HistBenchmark.N, b::regularWideWeightedFill);
        rates.print("regular2dWeightedFill", HistBenchmark.N, b::regular2dWeightedFill);
        rates.print("regularWeightedFillFloat", HistBenchmark.N, b::regularWeightedFillFloat);
        rates.print("regularWeightedFillMasked", HistBenchmark.N, b::regularWeightedFillMasked);
        rates.print("variableWeightedFill", HistBenchmark.N, b::variableWeightedFill);
        rates.print("fill3dVariations", (long) HistBenchmark.N3D * HistBenchmark.VARIATIONS, b::fill3dVariations);
        rates.print("merge1MBins (ops = stored bins added)", 1_000_000, b::merge1MBins);
    }

}
