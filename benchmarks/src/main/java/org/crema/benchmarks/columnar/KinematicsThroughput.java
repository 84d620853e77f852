package org.crema.benchmarks.columnar;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

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
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String impl : new String[] {"scalar", "simd"}) {
            ColumnarKernelBenchmark b = new ColumnarKernelBenchmark();
            b.impl = impl;
            b.setUp();
            int n = ColumnarKernelBenchmark.N;
            run(mx, repeats, impl + " deltaPhi", n, b::deltaPhi);
            run(mx, repeats, impl + " deltaR", n, b::deltaR);
            run(mx, repeats, impl + " sinh", n, b::sinh);
            run(mx, repeats, impl + " sinh (Math.sinh loop)", n, b::sinhMath);
            run(mx, repeats, impl + " sinCos", n, b::sinCos);
            run(mx, repeats, impl + " cos + sin (StrictMath loop)", n, b::cosSinStrictMath);
            run(mx, repeats, impl + " cos + sin (Math loop)", n, b::cosSinMath);
            run(mx, repeats, impl + " pz", n, b::pz);
            run(mx, repeats, impl + " pairMass", n, b::pairMass);
            run(mx, repeats, impl + " toCartesian", n, b::toCartesian);
            run(mx, repeats, impl + " massFromCartesian", n, b::massFromCartesian);
        }
        PairMassBenchmark p = new PairMassBenchmark();
        p.setUp();
        run(mx, repeats, "dijets perPair (pairs)", PairMassBenchmark.PAIRS, p::perPair);
        run(mx, repeats, "dijets convertOnce (pairs)", PairMassBenchmark.PAIRS, p::convertOnce);
        TrijetBenchmark t = new TrijetBenchmark();
        t.setUp();
        run(mx, repeats, "trijet gatherAndAdd (events)", TrijetBenchmark.EVENTS, t::gatherAndAdd);
        run(mx, repeats, "trijet sumFromIndices (events)", TrijetBenchmark.EVENTS, t::sumFromIndices);
    }

    private static void run(ThreadMXBean mx, int repeats, String name, long ops, Supplier<?> op) {
        // warm-up: let the JIT compile the hot loops; Vector API loops run far slower until its
        // optimising compiler has, so at least 2 CPU-seconds as well as 5 calls
        long warmUntil = mx.getCurrentThreadCpuTime() + 2_000_000_000L;
        for (int i = 0; i < 5 || mx.getCurrentThreadCpuTime() < warmUntil; i++) {
            op.get();
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
