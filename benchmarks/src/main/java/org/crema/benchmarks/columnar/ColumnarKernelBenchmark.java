package org.crema.benchmarks.columnar;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.crema.columnar.Comparison;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.Kernels.BinOp;
import org.crema.columnar.internal.Kernels.BoolOp;
import org.crema.columnar.internal.Kernels.UnOp;
import org.crema.columnar.internal.scalar.ScalarKernels;
import org.crema.columnar.internal.simd.SimdKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scalar/SIMD pairs for every Vector API kernel of core-columnar, on NanoAOD-like data: 10^6
 * floats (jet-pt-like values, a ~50% mask), and 200 000 events with Poisson(5) jets for the
 * per-event reductions. Scores are elements per second (one operation = one element; for the
 * per-event reductions one element = one jet), so ΔR and pair mass read directly as objects/s.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar
 * 'org.crema.benchmarks.columnar.*' -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ColumnarKernelBenchmark {
    static final int N = 1_000_000;
    static final int EVENTS = 200_000;

    /** Which implementation: the scalar specification or its Vector API twin. */
    @Param({"scalar", "simd"})
    public String impl;

    Kernels k;
    float[] a;
    float[] b;
    float[] phi1;
    float[] phi2;
    float[] m1;
    float[] m2;
    double[] da;
    double[] db;
    double[] dphi;
    int[] ia;
    boolean[] mask;
    boolean[] mask2;
    boolean[] boolOut;
    float[] floatOut;
    double[] doubleOut;
    double[] doubleOut2;
    int[] intOut;
    int[] offsets;
    float[] jetPt;
    float[] perEvent;
    FloatColumn ca, cb, cphi1, cphi2, cm1, cm2;
    double[] px, py, pz, energy;
    int jets;

    @Setup(Level.Trial)
    public void setUp() {
        k = "simd".equals(impl) ? SimdKernels.INSTANCE : ScalarKernels.INSTANCE;
        if (k == null) {
            throw new IllegalStateException("no SIMD kernels on this machine");
        }
        Random r = new Random(42);
        a = new float[N];
        b = new float[N];
        phi1 = new float[N];
        phi2 = new float[N];
        m1 = new float[N];
        m2 = new float[N];
        da = new double[N];
        db = new double[N];
        dphi = new double[N];
        ia = new int[N];
        mask = new boolean[N];
        mask2 = new boolean[N];
        for (int i = 0; i < N; i++) {
            // falling jet-pt-like spectrum, ~15 to a few hundred GeV; eta in ±4.7
            a[i] = (float) (15 + 30 * -Math.log(1 - r.nextDouble()));
            b[i] = (float) ((r.nextDouble() * 2 - 1) * 4.7);
            phi1[i] = (float) ((r.nextDouble() * 2 - 1) * Math.PI);
            phi2[i] = (float) ((r.nextDouble() * 2 - 1) * Math.PI);
            m1[i] = (float) (r.nextDouble() * 20);
            m2[i] = (float) (r.nextDouble() * 20);
            da[i] = a[i];
            db[i] = b[i];
            dphi[i] = phi1[i];
            ia[i] = r.nextInt(8);
            mask[i] = a[i] > 35f;
            mask2[i] = r.nextBoolean();
        }
        boolOut = new boolean[N];
        floatOut = new float[N];
        doubleOut = new double[N];
        doubleOut2 = new double[N];
        intOut = new int[N];
        ca = FloatColumn.of(a);
        cb = FloatColumn.of(b);
        cphi1 = FloatColumn.of(phi1);
        cphi2 = FloatColumn.of(phi2);
        cm1 = FloatColumn.of(m1);
        cm2 = FloatColumn.of(m2);
        px = new double[N];
        py = new double[N];
        pz = new double[N];
        energy = new double[N];
        ScalarKernels.INSTANCE.toCartesian(ca, cb, cphi1, cm1, px, py, pz, energy);
        offsets = new int[EVENTS + 1];
        double limit = Math.exp(-5);
        for (int e = 0; e < EVENTS; e++) {
            int c = 0;
            double p = r.nextDouble();
            while (p > limit) {
                p *= r.nextDouble();
                c++;
            }
            offsets[e + 1] = offsets[e] + c;
        }
        jets = offsets[EVENTS];
        jetPt = new float[jets];
        for (int i = 0; i < jets; i++) {
            jetPt[i] = (float) (15 + 30 * -Math.log(1 - r.nextDouble()));
        }
        perEvent = new float[EVENTS];
    }

    // ---- comparisons → masks

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] compareFloatScalar() {
        k.compare(Comparison.GT, a, 0, 30f, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] compareFloatElementwise() {
        k.compare(Comparison.LT, a, 0, b, 0, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] betweenFloat() {
        k.between(b, 0, -2.4f, 2.4f, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] compareDoubleScalar() {
        k.compare(Comparison.GE, da, 0, 30.0, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] compareDoubleElementwise() {
        k.compare(Comparison.LT, da, 0, db, 0, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] compareIntScalar() {
        k.compare(Comparison.GE, ia, 0, 2, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] compareIntElementwise() {
        k.compare(Comparison.EQ, ia, 0, ia, 1, boolOut, N - 1);
        return boolOut;
    }

    // ---- arithmetic

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] mulFloat() {
        k.binary(BinOp.MUL, a, 0, b, 0, floatOut, N);
        return floatOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] scaleFloat() {
        k.binary(BinOp.MUL, a, 0, 1.02f, false, floatOut, N);
        return floatOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] sqrtFloat() {
        k.unary(UnOp.SQRT, a, 0, floatOut, N);
        return floatOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] mulDouble() {
        k.binary(BinOp.MUL, da, 0, db, 0, doubleOut, N);
        return doubleOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] scaleDouble() {
        k.binary(BinOp.MAX, da, 0, 30.0, false, doubleOut, N);
        return doubleOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] absDouble() {
        k.unary(UnOp.ABS, db, 0, doubleOut, N);
        return doubleOut;
    }

    // ---- masks

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] andMask() {
        k.logic(BoolOp.AND, mask, 0, mask2, 0, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public boolean[] notMask() {
        k.not(mask, 0, boolOut, N);
        return boolOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int countTrue() {
        return k.countTrue(mask, 0, N);
    }

    // ---- sums

    @Benchmark
    @OperationsPerInvocation(N)
    public double sumFloat() {
        return k.sum(a, 0, N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double maskedSumFloat() {
        return k.maskedSum(a, 0, mask, 0, N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double sumDouble() {
        return k.sum(da, 0, N);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double maskedSumDouble() {
        return k.maskedSum(da, 0, mask, 0, N);
    }

    // ---- compaction

    @Benchmark
    @OperationsPerInvocation(N)
    public int compressFloat() {
        return k.compress(a, 0, mask, 0, N, floatOut);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int trueIndices() {
        return k.trueIndices(mask, 0, N, intOut);
    }

    // ---- per-event reductions over ~5 jets (one operation = one jet)

    @Benchmark
    @OperationsPerInvocation(1_000_000)
    public float[] perEventSum() {
        k.segmentedSum(jetPt, 0, offsets, 0, EVENTS, perEvent);
        return perEvent;
    }

    @Benchmark
    @OperationsPerInvocation(1_000_000)
    public float[] perEventMax() {
        k.segmentedMax(jetPt, 0, offsets, 0, EVENTS, Float.NaN, perEvent);
        return perEvent;
    }

    @Benchmark
    @OperationsPerInvocation(1_000_000)
    public float[] perEventMin() {
        k.segmentedMin(jetPt, 0, offsets, 0, EVENTS, Float.NaN, perEvent);
        return perEvent;
    }

    // ---- kinematics in double (one operation = one object or one pair)

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] deltaPhi() {
        k.deltaPhi(cphi1, cphi2, doubleOut);
        return doubleOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] deltaR() {
        k.deltaR(cb, cphi1, ca, cphi2, doubleOut);
        return doubleOut;
    }

    /** sinh of doubles in ±4.7 (η-like): the fdlibm port, scalar or in double lanes; same bits as {@link Math#sinh}. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] sinh() {
        k.sinh(db, 0, doubleOut, N);
        return doubleOut;
    }

    /** The JDK's {@link Math#sinh} on the same values (the same in both implementations): the reference cost. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] sinhMath() {
        for (int i = 0; i < N; i++) {
            doubleOut[i] = Math.sinh(db[i]);
        }
        return doubleOut;
    }

    /**
     * sin and cos of float-valued φ in ±π: fdlibm's (StrictMath's bits), scalar ({@link StrictMath})
     * or in double lanes with one argument reduction for both.
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] sinCos() {
        k.sinCos(dphi, 0, doubleOut, doubleOut2, N);
        return doubleOut;
    }

    /** {@link StrictMath#cos} + {@link StrictMath#sin} of float φ (the same in both implementations): the scalar reference. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] cosSinStrictMath() {
        for (int i = 0; i < N; i++) {
            double f = phi1[i];
            doubleOut[i] = StrictMath.cos(f) + StrictMath.sin(f);
        }
        return doubleOut;
    }

    /** {@link Math#cos} + {@link Math#sin} of float φ (JIT intrinsics, not StrictMath's bits): what the conversion used before. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] cosSinMath() {
        for (int i = 0; i < N; i++) {
            double f = phi1[i];
            doubleOut[i] = Math.cos(f) + Math.sin(f);
        }
        return doubleOut;
    }

    /** pz = pt sinh η from float (pt, η). */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] pz() {
        k.pz(a, 0, b, 0, doubleOut, N);
        return doubleOut;
    }

    /** Both objects converted per pair: cos, sin and sinh (in double lanes in the "simd" implementation). */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] pairMass() {
        k.pairMass(ca, cb, cphi1, cm1, ca, cb, cphi2, cm2, doubleOut);
        return doubleOut;
    }

    /** Like {@link #pairMass}: one object per operation. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] toCartesian() {
        k.toCartesian(ca, cb, cphi1, cm1, px, py, pz, doubleOut);
        return doubleOut;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] massFromCartesian() {
        k.mass(px, 0, py, 0, pz, 0, energy, 0, doubleOut, N);
        return doubleOut;
    }
}
