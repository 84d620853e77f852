package org.crema.benchmarks.hist;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.Storage;
import org.crema.hist.VariableAxis;
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
 * scalar loops), each in its own JVM, since the choice is made once per JVM. The cases isolate the
 * kernels: {@link #indexPass2d} and {@link #indexPassDouble} use only the vectorised index pass
 * (100 × 100 bins are too many for the lane copies; {@code Storage.DOUBLE} has none),
 * {@link #laneAccumulate} only the lane-private accumulation (a variable axis has no vectorised
 * index pass), {@link #regular1d} both. Operations are fills.
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
    Hist variable;

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
        variable = Hist.of(VariableAxis.of("x", 0, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 100, 120, 150, 200));
    }

    /** 1-D regular axis, weighted: vectorised index pass and lane-private accumulation. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regular1d() {
        return regular1d.fillWeighted(w, x);
    }

    /** 2-D 100 × 100 regular, weighted: the vectorised index pass only (two axes per entry). */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist indexPass2d() {
        return regular2d.fillWeighted(w, x, y);
    }

    /** 1-D regular, {@code Storage.DOUBLE}: the vectorised index pass only. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist indexPassDouble() {
        return regularDouble.fillWeighted(w, x);
    }

    /** 1-D variable axis, weighted: the lane-private accumulation only. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist laneAccumulate() {
        return variable.fillWeighted(w, x);
    }
}
