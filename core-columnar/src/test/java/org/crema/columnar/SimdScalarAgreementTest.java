package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.Kernels.BinOp;
import org.crema.columnar.internal.Kernels.BoolOp;
import org.crema.columnar.internal.Kernels.UnOp;
import org.crema.columnar.internal.simd.SimdKernels;
import org.junit.jupiter.api.Assumptions;

/**
 * Every SIMD kernel against its scalar twin on sizes around the vector width, primes, large sizes,
 * unaligned starts, and data with NaN, ±Inf, ±0 and extremes. Masks, indices and element-wise
 * float results and every kinematic quantity (Δφ, ΔR, Cartesian components, masses) must be
 * bit-identical (same IEEE operations per lane, no FMA on either side); sums may differ by the
 * order of double additions.
 */
class SimdScalarAgreementTest {
    private static Kernels scalar;
    private static Kernels simd;

    @BeforeContainer
    static void kernels() {
        Assumptions.assumeTrue(KernelTestSupport.vectorModulePresent(), "needs --add-modules jdk.incubator.vector");
        scalar = KernelTestSupport.scalar();
        simd = KernelTestSupport.simd();
    }

    @Provide
    Arbitrary<Integer> sizes() {
        int l = SimdKernels.floatLanes();
        int d = SimdKernels.doubleLanes();
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, 2, 3, d - 1, d, d + 1, 3 * d - 1, 3 * d + 1,
                        l / 2 - 1, l / 2, l / 2 + 1, l - 1, l, l + 1, 2 * l - 1, 2 * l, 2 * l + 1,
                        4 * l - 1, 4 * l + 1, 31, 32, 33, 7, 13, 97, 1009, 4099, 65_537),
                Arbitraries.integers().between(0, 3000));
    }

    @Provide
    Arbitrary<Integer> starts() {
        return Arbitraries.of(0, 1, 3, 7);
    }

    private static void assertSameBits(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                throw new AssertionError("element " + i + ": " + a[i] + " != " + b[i]);
            }
        }
    }

    private static void assertSameBits(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToLongBits(a[i]) != Double.doubleToLongBits(b[i])) {
                throw new AssertionError("element " + i + ": " + a[i] + " != " + b[i]);
            }
        }
    }

    @Property(tries = 300)
    void comparisonsAreExact(@ForAll("sizes") int n, @ForAll("starts") int off, @ForAll long seed) {
        Random r = new Random(seed);
        float[] a = KernelTestSupport.floats(r, n + off, true);
        float[] b = KernelTestSupport.floats(r, n + off, true);
        double[] da = KernelTestSupport.doubles(r, n + off, true);
        double[] db = KernelTestSupport.doubles(r, n + off, true);
        int[] ia = KernelTestSupport.ints(r, n + off);
        int[] ib = KernelTestSupport.ints(r, n + off);
        float t = KernelTestSupport.SPECIAL[r.nextInt(KernelTestSupport.SPECIAL.length)];
        for (Comparison op : Comparison.values()) {
            boolean[] x = new boolean[n];
            boolean[] y = new boolean[n];
            scalar.compare(op, a, off, t, x, n);
            simd.compare(op, a, off, t, y, n);
            assertThat(y).as("float %s scalar", op).isEqualTo(x);
            scalar.compare(op, a, off, b, off, x, n);
            simd.compare(op, a, off, b, off, y, n);
            assertThat(y).as("float %s element-wise", op).isEqualTo(x);
            scalar.compare(op, da, off, (double) t, x, n);
            simd.compare(op, da, off, (double) t, y, n);
            assertThat(y).as("double %s scalar", op).isEqualTo(x);
            scalar.compare(op, da, off, db, off, x, n);
            simd.compare(op, da, off, db, off, y, n);
            assertThat(y).as("double %s element-wise", op).isEqualTo(x);
            scalar.compare(op, ia, off, 3, x, n);
            simd.compare(op, ia, off, 3, y, n);
            assertThat(y).as("int %s scalar", op).isEqualTo(x);
            scalar.compare(op, ia, off, ib, off, x, n);
            simd.compare(op, ia, off, ib, off, y, n);
            assertThat(y).as("int %s element-wise", op).isEqualTo(x);
        }
        boolean[] x = new boolean[n];
        boolean[] y = new boolean[n];
        scalar.between(a, off, -2.5f, 2.5f, x, n);
        simd.between(a, off, -2.5f, 2.5f, y, n);
        assertThat(y).isEqualTo(x);
        scalar.between(da, off, -2.5, 2.5, x, n);
        simd.between(da, off, -2.5, 2.5, y, n);
        assertThat(y).isEqualTo(x);
        scalar.between(ia, off, -3, 10, x, n);
        simd.between(ia, off, -3, 10, y, n);
        assertThat(y).isEqualTo(x);
    }

    @Property(tries = 200)
    void arithmeticIsBitIdentical(@ForAll("sizes") int n, @ForAll("starts") int off, @ForAll long seed) {
        Random r = new Random(seed);
        float[] a = KernelTestSupport.floats(r, n + off, true);
        float[] b = KernelTestSupport.floats(r, n + off, true);
        double[] da = KernelTestSupport.doubles(r, n + off, true);
        double[] db = KernelTestSupport.doubles(r, n + off, true);
        float s = KernelTestSupport.SPECIAL[r.nextInt(KernelTestSupport.SPECIAL.length)];
        for (BinOp op : BinOp.values()) {
            float[] x = new float[n];
            float[] y = new float[n];
            scalar.binary(op, a, off, b, off, x, n);
            simd.binary(op, a, off, b, off, y, n);
            assertSameBits(x, y);
            for (boolean first : new boolean[] {false, true}) {
                scalar.binary(op, a, off, s, first, x, n);
                simd.binary(op, a, off, s, first, y, n);
                assertSameBits(x, y);
            }
            double[] dx = new double[n];
            double[] dy = new double[n];
            scalar.binary(op, da, off, db, off, dx, n);
            simd.binary(op, da, off, db, off, dy, n);
            assertSameBits(dx, dy);
            for (boolean first : new boolean[] {false, true}) {
                scalar.binary(op, da, off, (double) s, first, dx, n);
                simd.binary(op, da, off, (double) s, first, dy, n);
                assertSameBits(dx, dy);
            }
        }
        for (UnOp op : UnOp.values()) {
            float[] x = new float[n];
            float[] y = new float[n];
            scalar.unary(op, a, off, x, n);
            simd.unary(op, a, off, y, n);
            assertSameBits(x, y);
            double[] dx = new double[n];
            double[] dy = new double[n];
            scalar.unary(op, da, off, dx, n);
            simd.unary(op, da, off, dy, n);
            assertSameBits(dx, dy);
        }
    }

    @Property(tries = 200)
    void maskLogicIsExact(@ForAll("sizes") int n, @ForAll("starts") int off, @ForAll long seed) {
        Random r = new Random(seed);
        boolean[] a = KernelTestSupport.bools(r, n + off);
        boolean[] b = KernelTestSupport.bools(r, n + off);
        for (BoolOp op : BoolOp.values()) {
            boolean[] x = new boolean[n];
            boolean[] y = new boolean[n];
            scalar.logic(op, a, off, b, off, x, n);
            simd.logic(op, a, off, b, off, y, n);
            assertThat(y).as("%s", op).isEqualTo(x);
        }
        boolean[] x = new boolean[n];
        boolean[] y = new boolean[n];
        scalar.not(a, off, x, n);
        simd.not(a, off, y, n);
        assertThat(y).isEqualTo(x);
        assertThat(simd.countTrue(a, off, n)).isEqualTo(scalar.countTrue(a, off, n));
        int[] ix = new int[n];
        int[] iy = new int[n];
        int kx = scalar.trueIndices(a, off, n, ix);
        int ky = simd.trueIndices(a, off, n, iy);
        assertThat(ky).isEqualTo(kx);
        assertThat(iy).isEqualTo(ix);
        float[] v = KernelTestSupport.floats(r, n + off, true);
        float[] cx = new float[n];
        float[] cy = new float[n];
        kx = scalar.compress(v, off, a, off, n, cx);
        ky = simd.compress(v, off, a, off, n, cy);
        assertThat(ky).isEqualTo(kx);
        assertSameBits(Arrays.copyOf(cx, kx), Arrays.copyOf(cy, ky));
    }

    /**
     * Sums: both accumulate exactly-widened floats in double, only the order differs, so the
     * difference is bounded by n·2⁻⁵² of the sum of magnitudes (standard summation error bound, with
     * margin). Non-finite results must match exactly (NaN with NaN, +Inf with +Inf).
     */
    private static void assertSumClose(double expected, double actual, double sumAbs, int n) {
        if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
            assertThat(Double.valueOf(actual)).isEqualTo(Double.valueOf(expected));
            return;
        }
        double tol = (n + 1) * 0x1p-52 * sumAbs;
        assertThat(Math.abs(actual - expected)).as("sum %s vs %s", actual, expected).isLessThanOrEqualTo(tol);
    }

    @Property(tries = 300)
    void sumsAgreeWithinOrderingTolerance(@ForAll("sizes") int n, @ForAll("starts") int off, @ForAll long seed,
                                          @ForAll boolean specials) {
        Random r = new Random(seed);
        float[] a = KernelTestSupport.floats(r, n + off, specials);
        double[] da = KernelTestSupport.doubles(r, n + off, specials);
        boolean[] m = KernelTestSupport.bools(r, n + off);
        double sumAbs = 0;
        double maskedAbs = 0;
        double dsumAbs = 0;
        double dmaskedAbs = 0;
        for (int i = off; i < n + off; i++) {
            sumAbs += Math.abs(a[i]);
            dsumAbs += Math.abs(da[i]);
            if (m[i]) {
                maskedAbs += Math.abs(a[i]);
                dmaskedAbs += Math.abs(da[i]);
            }
        }
        assertSumClose(scalar.sum(a, off, n), simd.sum(a, off, n), sumAbs, n);
        assertSumClose(scalar.maskedSum(a, off, m, off, n), simd.maskedSum(a, off, m, off, n), maskedAbs, n);
        // double sums of values near Double.MAX_VALUE may overflow in one order and not another
        if (dsumAbs < 1e300) {
            assertSumClose(scalar.sum(da, off, n), simd.sum(da, off, n), dsumAbs, n);
        }
        if (dmaskedAbs < 1e300) {
            assertSumClose(scalar.maskedSum(da, off, m, off, n), simd.maskedSum(da, off, m, off, n), dmaskedAbs, n);
        }
    }

    @Property(tries = 200)
    void segmentedReductionsAgree(@ForAll("sizes") int events, @ForAll("starts") int base, @ForAll long seed) {
        Random r = new Random(seed);
        int[] counts = KernelTestSupport.poissonCounts(r, events, r.nextInt(3) == 0 ? 0.3 : 5);
        int[] offsets = KernelTestSupport.offsets(counts, base);
        float[] c = KernelTestSupport.floats(r, offsets[events] + 2, true);
        float[] x = new float[events];
        float[] y = new float[events];
        scalar.segmentedMax(c, 1, offsets, 0, events, -1f, x);
        simd.segmentedMax(c, 1, offsets, 0, events, -1f, y);
        assertSameBits(x, y);
        scalar.segmentedMin(c, 1, offsets, 0, events, Float.NaN, x);
        simd.segmentedMin(c, 1, offsets, 0, events, Float.NaN, y);
        assertSameBits(x, y);
        scalar.segmentedSum(c, 1, offsets, 0, events, x);
        simd.segmentedSum(c, 1, offsets, 0, events, y);
        for (int e = 0; e < events; e++) {
            double sumAbs = 0;
            for (int j = 1 + offsets[e]; j < 1 + offsets[e + 1]; j++) {
                sumAbs += Math.abs(c[j]);
            }
            if (!Float.isFinite(x[e]) || !Float.isFinite(y[e])) {
                assertThat(Float.valueOf(y[e])).isEqualTo(Float.valueOf(x[e]));
            } else {
                // double accumulation then one float rounding: at most one float ulp apart
                assertThat(Math.abs(x[e] - y[e])).isLessThanOrEqualTo(Math.ulp(x[e]) + (float) (64 * 0x1p-52 * sumAbs));
            }
        }
    }

    /** (pt, η, φ, m)-like floats with about 1 in 50 special values (NaN, ±Inf, ±0, extremes) in any field. */
    private static float[][] kinematics(Random r, int size) {
        float[][] v = new float[8][size];
        for (int i = 0; i < size; i++) {
            for (int s = 0; s < 2; s++) {
                v[4 * s][i] = (float) (15 + r.nextDouble() * 500);
                v[4 * s + 1][i] = (float) ((r.nextDouble() * 2 - 1) * 5);
                v[4 * s + 2][i] = (float) ((r.nextDouble() * 2 - 1) * (r.nextInt(10) == 0 ? 20 : Math.PI));
                v[4 * s + 3][i] = r.nextBoolean() ? 0f : (float) (r.nextDouble() * 20);
                if (r.nextInt(50) == 0) {
                    v[4 * s + r.nextInt(4)][i] = KernelTestSupport.SPECIAL[r.nextInt(KernelTestSupport.SPECIAL.length)];
                }
            }
        }
        return v;
    }

    @Property(tries = 300)
    void kinematicsAreBitIdentical(@ForAll("sizes") int n, @ForAll("starts") int off, @ForAll long seed) {
        Random r = new Random(seed);
        float[][] v = kinematics(r, n + off);
        FloatColumn[] c = new FloatColumn[8];
        for (int k = 0; k < 8; k++) {
            c[k] = FloatColumn.wrap(v[k], off, n);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        scalar.deltaPhi(c[2], c[6], x);
        simd.deltaPhi(c[2], c[6], y);
        assertSameBits(x, y);
        scalar.deltaR(c[1], c[2], c[5], c[6], x);
        simd.deltaR(c[1], c[2], c[5], c[6], y);
        assertSameBits(x, y);
        scalar.pairMass(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], x);
        simd.pairMass(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], y);
        assertSameBits(x, y);
        scalar.pz(v[0], off, v[1], off, x, n);
        simd.pz(v[0], off, v[1], off, y, n);
        assertSameBits(x, y);
        double[] d = KernelTestSupport.doubles(r, n + off, true);
        scalar.sinh(d, off, x, n);
        simd.sinh(d, off, y, n);
        assertSameBits(x, y);
        double[] x2 = new double[n];
        double[] y2 = new double[n];
        scalar.sinCos(d, off, x, x2, n);
        simd.sinCos(d, off, y, y2, n);
        assertSameBits(x, y);
        assertSameBits(x2, y2);
        scalar.transverse(v[0], off, v[2], off, x, x2, n);
        simd.transverse(v[0], off, v[2], off, y, y2, n);
        assertSameBits(x, y);
        assertSameBits(x2, y2);
        double[][] sc = new double[4][n];
        double[][] vc = new double[4][n];
        scalar.toCartesian(c[0], c[1], c[2], c[3], sc[0], sc[1], sc[2], sc[3]);
        simd.toCartesian(c[0], c[1], c[2], c[3], vc[0], vc[1], vc[2], vc[3]);
        for (int k = 0; k < 4; k++) {
            assertSameBits(sc[k], vc[k]);
        }
        // mass from Cartesian spans at an unaligned start, with the same specials flowing through
        double[][] sh = new double[4][n + off];
        for (int k = 0; k < 4; k++) {
            System.arraycopy(sc[k], 0, sh[k], off, n);
        }
        scalar.mass(sh[0], off, sh[1], off, sh[2], off, sh[3], off, x, n);
        simd.mass(sh[0], off, sh[1], off, sh[2], off, sh[3], off, y, n);
        assertSameBits(x, y);
    }

    @Property(tries = 100)
    void aValueDoesNotDependOnItsChunk(@ForAll("sizes") int n, @ForAll long seed) {
        Random r = new Random(seed);
        float[][] v = kinematics(r, n);
        FloatColumn[] whole = new FloatColumn[8];
        for (int k = 0; k < 8; k++) {
            whole[k] = FloatColumn.wrap(v[k], 0, n);
        }
        double[] dr = new double[n];
        double[] mass = new double[n];
        simd.deltaR(whole[1], whole[2], whole[5], whole[6], dr);
        simd.pairMass(whole[0], whole[1], whole[2], whole[3], whole[4], whole[5], whole[6], whole[7], mass);
        // cut the input into chunks of random sizes (1 .. 3 vectors): every element lands at another lane
        for (int from = 0; from < n; ) {
            int len = Math.min(n - from, 1 + r.nextInt(3 * SimdKernels.doubleLanes() + 1));
            FloatColumn[] part = new FloatColumn[8];
            for (int k = 0; k < 8; k++) {
                part[k] = whole[k].region(from, len);
            }
            for (Kernels k : new Kernels[] {simd, scalar}) {
                double[] x = new double[len];
                k.deltaR(part[1], part[2], part[5], part[6], x);
                assertSameBits(java.util.Arrays.copyOfRange(dr, from, from + len), x);
                k.pairMass(part[0], part[1], part[2], part[3], part[4], part[5], part[6], part[7], x);
                assertSameBits(java.util.Arrays.copyOfRange(mass, from, from + len), x);
            }
            from += len;
        }
    }
}
