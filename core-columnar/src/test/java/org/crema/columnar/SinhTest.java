package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.scalar.FdlibmSinh;
import org.junit.jupiter.api.Test;

/**
 * The fdlibm sinh port ({@code FdlibmSinh}) and its lane-wise SIMD version against the JDK's own
 * {@link StrictMath#sinh}, compared by raw bits (NaN payloads included): special values, every
 * branch boundary of sinh, expm1 and exp a few ulps either side, a deterministic sweep over every
 * binary exponent (subnormals to overflow) and random bit patterns.
 */
class SinhTest {
    /** ulps on either side of each boundary. */
    private static final int ULPS = 8;

    private static void assertSameAsStrictMath(double[] x, double[] actual, String impl) {
        for (int i = 0; i < x.length; i++) {
            long expected = Double.doubleToRawLongBits(StrictMath.sinh(x[i]));
            long got = Double.doubleToRawLongBits(actual[i]);
            if (expected != got) {
                throw new AssertionError(impl + " sinh(" + x[i] + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(x[i]))
                        + ") = 0x" + Long.toHexString(got) + ", StrictMath gives 0x" + Long.toHexString(expected));
            }
        }
    }

    /** Checks the scalar port and, when the Vector API module is present, the SIMD kernel. */
    private static void check(double[] x) {
        double[] scalar = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            scalar[i] = FdlibmSinh.sinh(x[i]);
        }
        assertSameAsStrictMath(x, scalar, "FdlibmSinh");
        double[] out = new double[x.length];
        KernelTestSupport.scalar().sinh(x, 0, out, x.length);
        assertSameAsStrictMath(x, out, "scalar kernel");
        if (KernelTestSupport.vectorModulePresent()) {
            Kernels simd = KernelTestSupport.simd();
            simd.sinh(x, 0, out, x.length);
            assertSameAsStrictMath(x, out, "SIMD kernel");
            // at every lane position: shift the input by one element
            if (x.length > 1) {
                double[] shifted = new double[x.length - 1];
                simd.sinh(x, 1, shifted, shifted.length);
                assertSameAsStrictMath(java.util.Arrays.copyOfRange(x, 1, x.length), shifted, "SIMD kernel (shifted)");
            }
        }
    }


    @Test
    void specialValues() {
        double[] x = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            0x0.8p-1022, 0x1.0p-1060, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, -Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
            Double.longBitsToDouble(0xfff8_0000_dead_beefL), Double.longBitsToDouble(0x7ff4_0000_0000_0000L),
            1e-300, 1e-20, 1e-8, 0.1, 0.5, 1.0, 2.0, 4.7, -4.7, 10.0, 21.9, 22.0, 50.0, 100.0, 354.0, 700.0,
            709.78, 710.0, 710.4758600739439, 710.475860073944, 711.0, 1e10, 1e300};
        check(x);
        assertThat(Double.doubleToRawLongBits(FdlibmSinh.sinh(-0.0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(FdlibmSinh.sinh(710.4758600739439)).isFinite();
        assertThat(FdlibmSinh.sinh(Math.nextUp(710.4758600739439))).isInfinite();
    }

    @Test
    void branchBoundaries() {
        List<Double> v = new ArrayList<>();
        double ln2 = Math.log(2);
        // sinh: 2^-28, 1, 22, ln(MAX_VALUE), the overflow threshold
        for (int hi : new int[] {0x3e30_0000, 0x3ff0_0000, 0x4036_0000, 0x4086_2e42, 0x4086_33ce, 0x4086_33cf}) {
            DoubleNeighbours.addAround(v, DoubleNeighbours.highWord(hi), ULPS);
        }
        DoubleNeighbours.addAround(v, Double.longBitsToDouble(0x4086_33ce_8fb9_f87dL), ULPS);
        // expm1: 0.5 ln 2 and 1.5 ln 2 (high-word tests and the exact values), r = -0.25 for k = 1
        for (int hi : new int[] {0x3fd6_2e42, 0x3fd6_2e43, 0x3ff0_a2b2, 0x3ff0_a2b3}) {
            DoubleNeighbours.addAround(v, DoubleNeighbours.highWord(hi), ULPS);
        }
        DoubleNeighbours.addAround(v, 0.5 * ln2, ULPS);
        DoubleNeighbours.addAround(v, 1.5 * ln2, ULPS);
        DoubleNeighbours.addAround(v, ln2 - 0.25, ULPS);
        // every change of k in expm1 (k ≤ 32, including the switch at k = 20) and exp (k ≤ 1024)
        for (int k = 1; k <= 1025; k++) {
            DoubleNeighbours.addAround(v, (k - 0.5) * ln2, ULPS);
            DoubleNeighbours.addAround(v, k * ln2, ULPS);
        }
        // subnormals and the smallest normals
        DoubleNeighbours.addAround(v, Double.MIN_VALUE * 3, ULPS);
        DoubleNeighbours.addAround(v, Double.MIN_NORMAL, ULPS);
        check(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Random mantissas at every binary exponent, both signs: 4 096 × 2 047 × 2 ≈ 17 million values. */
    @Test
    void everyExponentSweep() {
        SplittableRandom r = new SplittableRandom(20261202);
        int perExponent = 4096;
        double[] x = new double[perExponent * 2];
        for (long exponent = 0; exponent <= 0x7fe; exponent++) {
            for (int i = 0; i < perExponent; i++) {
                long bits = (exponent << 52) | (r.nextLong() & 0x000f_ffff_ffff_ffffL);
                x[2 * i] = Double.longBitsToDouble(bits);
                x[2 * i + 1] = -x[2 * i];
            }
            check(x);
        }
    }

    /** The range sinh computes through expm1 (every physical η), densely: 8 million values in ±22. */
    @Test
    void expm1RangeSweep() {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[1 << 16];
        for (int round = 0; round < 128; round++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (r.nextDouble() * 2 - 1) * 22.5;
            }
            check(x);
        }
    }

    /** Pseudorapidities as NanoAOD stores them: float values widened to double. */
    @Test
    void everyFloatInTheEtaRange() {
        int n = 0;
        double[] x = new double[1 << 16];
        // every float in [0, 8) is too many for one test; every 256th, with both signs, is 8.5 million values
        for (int bits = 0; Float.intBitsToFloat(bits) < 8f; bits += 256) {
            x[n++] = Float.intBitsToFloat(bits);
            x[n++] = -Float.intBitsToFloat(bits + 17);
            if (n == x.length) {
                check(x);
                n = 0;
            }
        }
        check(java.util.Arrays.copyOf(x, n));
    }

    @Provide
    Arbitrary<double[]> anyBits() {
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble);
        Arbitrary<Double> physical = Arbitraries.doubles().between(-30, 30);
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 22.0, -22.0, 710.4758600739439);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(4, physical), net.jqwik.api.Tuple.of(1, special))
                .array(double[].class).ofMinSize(0).ofMaxSize(3000);
    }

    @Property(tries = 2000)
    void anyDoublesGiveStrictMathBits(@ForAll("anyBits") double[] x) {
        check(x);
    }
}
