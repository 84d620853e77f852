package org.crema.benchmarks.columnar;

import org.crema.benchmarks.CpuTimeRates;

/**
 * Per-core throughput of the kinematics kernels measured in thread CPU time, for machines shared
 * with other work where JMH's wall-clock scores swing with the load. Runs the operations of {@link
 * ColumnarKernelBenchmark} (scalar and SIMD) and {@link TrijetBenchmark}, repeats each one, and
 * prints the best and median operations per CPU-second (after at least 2 CPU-seconds of warm-up each).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/benchmarks.jar
 * org.crema.benchmarks.columnar.KinematicsThroughput [repeats]}
 */
public final class KinematicsThroughput {
    private KinematicsThroughput() {}

    /**
     * @param args optional number of timed repeats per operation (default 15)
     */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        // Vector API loops run far slower until C2 has compiled them: at least 2 CPU-seconds of warm-up
        CpuTimeRates rates = new CpuTimeRates(5, 2_000_000_000L, repeats);
        for (String impl : new String[] {"scalar", "simd"}) {
            ColumnarKernelBenchmark b = new ColumnarKernelBenchmark();
            b.impl = impl;
            b.setUp();
            int n = ColumnarKernelBenchmark.N;
            rates.print(impl + " deltaPhi", n, b::deltaPhi);
            rates.print(impl + " deltaR", n, b::deltaR);
            rates.print(impl + " sinh", n, b::sinh);
            rates.print(impl + " sinh (Math.sinh loop)", n, b::sinhMath);
            rates.print(impl + " sinCos", n, b::sinCos);
            rates.print(impl + " cos + sin (StrictMath loop)", n, b::cosSinStrictMath);
            rates.print(impl + " cos + sin (Math loop)", n, b::cosSinMath);
            rates.print(impl + " pz", n, b::pz);
            rates.print(impl + " pairMass", n, b::pairMass);
            rates.print(impl + " toCartesian", n, b::toCartesian);
            rates.print(impl + " massFromCartesian", n, b::massFromCartesian);
        }
        PairMassBenchmark p = new PairMassBenchmark();
        p.setUp();
        rates.print("dijets perPair (pairs)", PairMassBenchmark.PAIRS, p::perPair);
        rates.print("dijets convertOnce (pairs)", PairMassBenchmark.PAIRS, p::convertOnce);
        TrijetBenchmark t = new TrijetBenchmark();
        t.setUp();
        rates.print("trijet gatherAndAdd (events)", TrijetBenchmark.EVENTS, t::gatherAndAdd);
        rates.print("trijet sumFromIndices (events)", TrijetBenchmark.EVENTS, t::sumFromIndices);
    }

}
