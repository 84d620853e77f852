package org.crema.benchmarks.hist;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.crema.hist.Hist;
import org.crema.hist.RegularAxis;
import org.crema.hist.StrCategoryAxis;
import org.crema.hist.VariableAxis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fill and merge throughput of {@link Hist}. Fill benchmarks report operations = individual fills
 * (entries × variations), so the score in ops/s is fills per second on one core. Every weighted
 * fill goes through the exact sums of the bins (Σw and Σw² as integers, see {@code Storage}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HistBenchmark {
    static final int N = 10_000_000;
    static final int N3D = 1_000_000;
    static final int VARIATIONS = 20;

    double[] values;
    float[] floatValues;
    double[] weights;
    double[] wideWeights;
    boolean[] allTrue;
    double[] masses;
    int[] categories;
    String[] variationNames;
    double[][] variationWeights;

    Hist regular;
    Hist regularWide;
    Hist regular2d;
    double[] values2;
    Hist variable;
    Hist threeD;
    Hist bigA;
    Hist bigB;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(12345);
        values = new double[N];
        floatValues = new float[N];
        weights = new double[N];
        wideWeights = new double[N];
        allTrue = new boolean[N];
        java.util.Arrays.fill(allTrue, true);
        for (int i = 0; i < N; i++) {
            // A falling spectrum like a jet pT, with some entries outside the axis range.
            values[i] = -5 + 30 * -Math.log(1 - r.nextDouble());
            floatValues[i] = (float) values[i];
            weights[i] = 0.5 + r.nextDouble();
            // Both signs over six decades: most values leave the exact sums' fast path.
            wideWeights[i] = (r.nextDouble() - 0.2) * Math.pow(10, r.nextInt(7) - 3);
        }
        values2 = new double[N];
        for (int i = 0; i < N; i++) {
            values2[i] = -5 + 30 * -Math.log(1 - r.nextDouble());
        }
        masses = new double[N3D];
        categories = new int[N3D];
        for (int i = 0; i < N3D; i++) {
            masses[i] = r.nextDouble() * 300;
            categories[i] = r.nextInt(3);
        }
        variationNames = new String[VARIATIONS];
        variationWeights = new double[VARIATIONS][N3D];
        for (int v = 0; v < VARIATIONS; v++) {
            variationNames[v] = "syst" + v;
            for (int i = 0; i < N3D; i++) {
                variationWeights[v][i] = 0.9 + 0.2 * r.nextDouble();
            }
        }
        regular = Hist.of(RegularAxis.of("pt", 100, 0, 200));
        regularWide = Hist.of(RegularAxis.of("pt", 100, 0, 200));
        regular2d = Hist.of(RegularAxis.of("x", 100, 0, 200), RegularAxis.of("y", 100, 0, 200));
        variable = Hist.of(VariableAxis.of("pt", 0, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80, 100, 120, 150, 200,
                250, 300, 400, 500, 700, 1000));
        threeD = Hist.of(StrCategoryAxis.of("category", "SR", "CR1", "CR2"), StrCategoryAxis.of(Hist.VARIATION_AXIS,
                variationNames), RegularAxis.of("mass", 60, 0, 300));
        bigA = Hist.of(RegularAxis.of("x", 998, 0, 1), RegularAxis.of("y", 998, 0, 1));
        bigB = bigA.emptyCopy();
        double[] x = new double[N3D];
        double[] y = new double[N3D];
        for (int i = 0; i < N3D; i++) {
            x[i] = r.nextDouble();
            y[i] = r.nextDouble();
        }
        bigA.fillWeighted(1.5, x, y);
        bigB.fillWeighted(2.0, x, y);
    }

    /** 1D regular axis, Σw/Σw² storage, double values and per-entry weights: 10^7 fills per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regularWeightedFill() {
        return regular.fillWeighted(weights, values);
    }

    /**
     * As {@link #regularWeightedFill} with weights of both signs spread over six decades: the cost of
     * exact sums when most values are far from the histogram's first weight.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regularWideWeightedFill() {
        return regularWide.fillWeighted(wideWeights, values);
    }

    /** 2D regular 100 × 100 axes, Σw/Σw² storage, per-entry weights: 10^7 fills per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regular2dWeightedFill() {
        return regular2d.fillWeighted(weights, values, values2);
    }

    /** As {@link #regularWeightedFill} with an all-true mask: the cost of the mask pass. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regularWeightedFillMasked() {
        return regular.filler().values((Object) values).weights(weights).mask(allTrue).fill();
    }

    /** As {@link #regularWeightedFill} from float values, the NanoAOD branch type. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist regularWeightedFillFloat() {
        return regular.fillWeighted(weights, floatValues);
    }

    /** 1D variable axis with 21 non-uniform bins, weighted: 10^7 fills per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public Hist variableWeightedFill() {
        return variable.fillWeighted(weights, values);
    }

    /** category × 20 variations × mass, all variations of a 10^6-entry chunk in one call: 2·10^7 fills. */
    @Benchmark
    @OperationsPerInvocation(N3D * VARIATIONS)
    public Hist fill3dVariations() {
        return threeD.fillVariations(new Object[] {categories, masses}, variationNames, variationWeights);
    }

    /** Adding two 10^6-bin weighted histograms (1000 × 1000 stored bins with flow): one merge per op. */
    @Benchmark
    public Hist merge1MBins() {
        return bigA.add(bigB);
    }
}
