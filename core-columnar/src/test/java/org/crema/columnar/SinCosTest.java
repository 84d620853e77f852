package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.crema.columnar.internal.Kernels;
import org.junit.jupiter.api.Test;

/**
 * The lane-wise port of fdlibm's sin and cos (SIMD kernel) and the scalar kernel against the JDK's
 * own {@link StrictMath#sin} and {@link StrictMath#cos}, compared by raw bits (NaN payloads
 * included): special values, every branch boundary of sin, cos, their kernels and the argument
 * reduction a few ulps either side, the doubles nearest to multiples of π/2 (where the reduction
 * cancels and takes its second and third iterations), a sweep over every binary exponent, every
 * 64th float in [−8, 8] and random bit patterns.
 */
class SinCosTest {
    /** ulps on either side of each boundary. */
    private static final int ULPS = 8;
    /** fdlibm's π/2 pieces (rem_pio2's pio2_1, pio2_1t), to find where its reduction cancels. */
    private static final double PIO2_1 = 0x1.921fb544p0;
    private static final double PIO2_1T = 0x1.0b4611a626331p-34;

    private static void assertSameAsStrictMath(double[] x, double[] sin, double[] cos, String impl) {
        for (int i = 0; i < x.length; i++) {
            compare("sin", x[i], StrictMath.sin(x[i]), sin[i], impl);
            compare("cos", x[i], StrictMath.cos(x[i]), cos[i], impl);
        }
    }

    private static void compare(String f, double x, double expected, double actual, String impl) {
        long e = Double.doubleToRawLongBits(expected);
        long a = Double.doubleToRawLongBits(actual);
        if (e != a) {
            throw new AssertionError(impl + " " + f + "(" + x + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(x))
                    + ") = 0x" + Long.toHexString(a) + " (" + actual + "), StrictMath gives 0x" + Long.toHexString(e)
                    + " (" + expected + ")");
        }
    }

    /** Checks the scalar kernel and, when the Vector API module is present, the SIMD kernel at every lane position. */
    private static void check(double[] x) {
        double[] sin = new double[x.length];
        double[] cos = new double[x.length];
        KernelTestSupport.scalar().sinCos(x, 0, sin, cos, x.length);
        assertSameAsStrictMath(x, sin, cos, "scalar kernel");
        if (KernelTestSupport.vectorModulePresent()) {
            Kernels simd = KernelTestSupport.simd();
            Arrays.fill(sin, 42);
            Arrays.fill(cos, 42);
            simd.sinCos(x, 0, sin, cos, x.length);
            assertSameAsStrictMath(x, sin, cos, "SIMD kernel");
            if (x.length > 1) {
                double[] shiftedSin = new double[x.length - 1];
                double[] shiftedCos = new double[x.length - 1];
                simd.sinCos(x, 1, shiftedSin, shiftedCos, shiftedSin.length);
                assertSameAsStrictMath(Arrays.copyOfRange(x, 1, x.length), shiftedSin, shiftedCos, "SIMD kernel (shifted)");
            }
        }
    }

    private static void check(List<Double> v) {
        check(v.stream().mapToDouble(Double::doubleValue).toArray());
    }


    /** The biased exponent of |x| minus that of fdlibm's first-round remainder |x| − n·(pio2_1 + pio2_1t). */
    private static int cancellation(double x) {
        double t = Math.abs(x);
        int n = (int) (t * 0x1.45f306dc9c883p-1 + 0.5);
        double y0 = (t - n * PIO2_1) - n * PIO2_1T;
        return Math.getExponent(t) - Math.getExponent(y0);
    }

    @Test
    void specialValues() {
        double[] x = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            0x0.8p-1022, 0x1.0p-1060, 0x1.0p-28, 1e-9, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, -Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
            Double.longBitsToDouble(0xfff8_0000_dead_beefL), Double.longBitsToDouble(0x7ff4_0000_0000_0000L),
            Math.PI / 4, -Math.PI / 4, 3 * Math.PI / 4, -3 * Math.PI / 4, Math.PI, -Math.PI, Math.PI / 2, -Math.PI / 2,
            0.3, 0.78125, 1.0, 2.0, 3.0, 10.0, 100.0, 1e5, 0x1.0p19 * Math.PI / 2, 0x1.0p20, 1e6, 1e10, 1e22, 1e300};
        check(x);
        // 1e22 and Double.MAX_VALUE take the Payne–Hanek reduction; a well-known value checks that path is the JDK's
        assertThat(StrictMath.sin(1e22)).isEqualTo(-0.8522008497671888);
    }

    /** fdlibm's table of the high words of n·π/2 equals the high words of n·pio2_1, which the lanes use. */
    @Test
    void highWordsOfMultiplesOfHalfPiMatchFdlibmsTable() {
        int[] npio2Hw = {
            0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C,
            0x4025FDBB, 0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C,
            0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A,
            0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
            0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB,
            0x404858EB, 0x404921FB,
        };
        for (int n = 1; n <= npio2Hw.length; n++) {
            assertThat((int) (Double.doubleToRawLongBits(n * PIO2_1) >>> 32)).as("n = %d", n).isEqualTo(npio2Hw[n - 1]);
        }
    }

    @Test
    void branchBoundaries() {
        List<Double> v = new ArrayList<>();
        // sin/cos: no reduction up to high word 0x3fe921fb; kernels: 2^-27, 0.3, 0.78125 (cos's qx);
        // rem_pio2: 3π/4 (n = ±1 branch), π/2's own branch, 2^19·π/2 (medium / Payne–Hanek), ±∞
        for (int hi : new int[] {0x3fe9_21fb, 0x3fe9_21fc, 0x3e40_0000, 0x3fd3_3333, 0x3fe9_0000, 0x3fe9_0001,
            0x4002_d97c, 0x3ff9_21fb, 0x3ff9_21fc, 0x4139_21fb, 0x4139_21fc, 0x7ff0_0000}) {
            DoubleNeighbours.addAround(v, DoubleNeighbours.highWord(hi), ULPS);
        }
        DoubleNeighbours.addAround(v, Math.nextDown(DoubleNeighbours.highWord(0x3fe9_21fc)), ULPS);
        DoubleNeighbours.addAround(v, Math.nextDown(DoubleNeighbours.highWord(0x3ff9_21fc)), ULPS);
        DoubleNeighbours.addAround(v, Math.nextDown(DoubleNeighbours.highWord(0x4139_21fc)), ULPS);
        DoubleNeighbours.addAround(v, Double.MIN_VALUE * 3, ULPS);
        DoubleNeighbours.addAround(v, Double.MIN_NORMAL, ULPS);
        // n = (int) (|x|·2/π + 0.5) changes at odd multiples of π/4; the quick check stops at n = 32
        for (int k = 0; k < 80; k++) {
            DoubleNeighbours.addAround(v, (k + 0.5) * Math.PI / 2, ULPS);
        }
        check(v);
    }

    /**
     * The doubles nearest to k·π/2 and their neighbours: there the first reduction cancels, so
     * rem_pio2 takes its second (and for some k its third) iteration, and the kernels see tiny y0.
     * The test asserts that these branches are reached.
     */
    @Test
    void multiplesOfHalfPi() {
        List<Double> v = new ArrayList<>();
        int second = 0;
        int third = 0;
        for (int k = 1; k <= 20_000; k++) {
            DoubleNeighbours.addAround(v, k * (Math.PI / 2), ULPS);
            DoubleNeighbours.addAround(v, k * PIO2_1 + k * PIO2_1T, ULPS);
            int c = cancellation(k * PIO2_1 + k * PIO2_1T);
            second += c > 16 ? 1 : 0;
            third += c > 49 ? 1 : 0;
            if (v.size() > 1 << 16) {
                check(v);
                v.clear();
            }
        }
        // larger multiples up to 2^19, where n·π/2 needs all of pio2_1's 33 bits
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            int k = 20_000 + r.nextInt((1 << 19) - 20_000);
            double x = k * PIO2_1 + k * PIO2_1T;
            DoubleNeighbours.addAround(v, x, ULPS);
            int c = cancellation(x);
            second += c > 16 ? 1 : 0;
            third += c > 49 ? 1 : 0;
            if (v.size() > 1 << 16) {
                check(v);
                v.clear();
            }
        }
        check(v);
        assertThat(second).as("inputs reaching the 2nd iteration").isGreaterThan(1000);
        assertThat(third).as("inputs reaching the 3rd iteration").isGreaterThan(0);
    }

    /** Random mantissas at every binary exponent, both signs: about 13 million values. */
    @Test
    void everyExponentSweep() {
        SplittableRandom r = new SplittableRandom(20261202);
        for (long exponent = 0; exponent <= 0x7fe; exponent++) {
            // dense where the lanes compute (below 2^20), sparser where StrictMath's Payne–Hanek runs
            int perExponent = exponent <= 0x413 ? 8192 : 1024;
            double[] x = new double[perExponent * 2];
            for (int i = 0; i < perExponent; i++) {
                long bits = (exponent << 52) | (r.nextLong() & 0x000f_ffff_ffff_ffffL);
                x[2 * i] = Double.longBitsToDouble(bits);
                x[2 * i + 1] = -x[2 * i];
            }
            check(x);
        }
    }

    /** Angles and moderately larger arguments, densely: 16 million values in ±2π and ±1000. */
    @Test
    void denseAngles() {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[1 << 16];
        for (int round = 0; round < 256; round++) {
            double range = round % 2 == 0 ? 2 * Math.PI : 1000;
            for (int i = 0; i < x.length; i++) {
                x[i] = (r.nextDouble() * 2 - 1) * range;
            }
            check(x);
        }
    }

    /**
     * Azimuthal angles as NanoAOD stores them: every 64th float in [−8, 8] widened to double (34
     * million values; most float bit patterns are tiny, 7.9 million of these are above 2⁻²⁷).
     */
    @Test
    void everyFloatUpTo8() {
        int n = 0;
        double[] x = new double[1 << 16];
        for (int bits = 0; Float.intBitsToFloat(bits) <= 8f; bits += 64) {
            x[n++] = Float.intBitsToFloat(bits);
            x[n++] = -Float.intBitsToFloat(bits + 31);
            if (n == x.length) {
                check(x);
                n = 0;
            }
        }
        check(Arrays.copyOf(x, n));
    }

    @Provide
    Arbitrary<double[]> anyBits() {
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble);
        Arbitrary<Double> physical = Arbitraries.doubles().between(-10, 10);
        Arbitrary<Double> medium = Arbitraries.doubles().between(-1e6, 1e6);
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI, -Math.PI / 2, 0x1.0p19 * Math.PI / 2);
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(4, physical), Tuple.of(2, medium), Tuple.of(1, special))
                .array(double[].class).ofMinSize(0).ofMaxSize(3000);
    }

    @Property(tries = 2000)
    void anyDoublesGiveStrictMathBits(@ForAll("anyBits") double[] x) {
        check(x);
    }
}
