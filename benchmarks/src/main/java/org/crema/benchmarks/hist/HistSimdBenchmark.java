package org.crema.benchmarks.hist;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.hist.StrCategoryAxis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vectorised fill kernels against their scalar twins: each benchmark runs once with {@code
 * simd=true} (the Vector API kernels from the first fill) and once with {@code simd=false} (the
 * scalar loops), each in its own JVM, since the choice is made once per JVM. The cases run the
 * index pass of regular axes in weighted fills of one and two axes, in a {@code Storage.DOUBLE} fill
 * (where the index pass is a larger share of the work) and beside the 20 accumulations of a
 * variation fill. Operations are fills.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistSimdBenchmark {
    static final int N = 1_000_000;

    @Param({"true", "false"})
    String simd;

    double[] x;
    double[] y;
    double[] w;
    Hist regular1d;
    Hist regular2d;
    Hist regularDouble;
    Hist threeD;
    String[] names;
    double[][] vw;
    int[] category;

    @Setup(Level.Trial)
    public void setup() {
        // Read once, at the first fill of this JVM (each parameter value runs in its own fork).
        System.setProperty("crema.simd", simd);
        System.setProperty("crema.simd.fillWarmup", "0");
        SplittableRandom r = new SplittableRandom(12345);
        x = new double[N];
        y = new double[N];
        w = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = r.nextDouble() * 220 - 10;
            y[i] = r.nextDouble() * 220 - 10;
            w[i] = 0.5 + r.nextDouble();
        }
        regular1d = Hist.of(RegularAxis.of("x", 100, 0, 200));
        regular2d = Hist.of(RegularAxis.of("x", 100, 0, 200), RegularAxis.of("y", 100, 0, 200));
        regularDouble = Hist.of(Storage.DOUBLE, RegularAxis.of("x", 100, 0, 200));
        names = new String[20];
        vw = new double[20][];
        for (int v = 0; v < 20; v++) {
            names[v] = "syst" + v;
            vw[v] = new double[N];
            for (int i = 0; i < N; i++) {
                vw[v][i] = 0.9 + 0.2 * r.nextDouble();
            }
        }
        category = new int[N];
        for (int i = 0; i < N; i++) {
            category[i] = r.nextInt(3);
        }
        threeD = Hist.of(StrCategoryAxis.of("category", "SR", "CR1", "CR2"),
                StrCategoryAxis.of(Hist.VARIATION_AXIS, names), RegularAxis.of("mass", 60, 0, 300));
    }

    /** 1-D regular axis, weighted. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regular1d() {
        return regular1d.fillWeighted(w, x);
    }

    /** 2-D 100 × 100 regular, weighted: two index passes per entry. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist indexPass2d() {
        return regular2d.fillWeighted(w, x, y);
    }

    /** 1-D regular, {@code Storage.DOUBLE}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist indexPassDouble() {
        return regularDouble.fillWeighted(w, x);
    }

    /** category × 20 variations × mass (60): one index pass for 20 fills. */
    @Benchmark
    @OperationsPerInvocation(N * 20)
    public Hist variations3d() {
        return threeD.fillVariations(new Object[] {category, x}, names, vw);
    }
}
