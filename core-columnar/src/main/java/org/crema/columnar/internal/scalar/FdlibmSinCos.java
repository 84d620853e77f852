package org.crema.columnar.internal.scalar;

/**
 * {@code sin} and {@code cos} of the same arguments, equal bit for bit to {@link StrictMath#sin} and
 * {@link StrictMath#cos} for every double: a step-by-step port of the JDK's fdlibm ({@code
 * FdLibm.Sin}, {@code Cos}, {@code __kernel_sin}, {@code __kernel_cos} and the medium-size path of
 * {@code __ieee754_rem_pio2}) in which both functions share one argument reduction. Same constants,
 * same IEEE operations in the same order, no FMA. Arguments above 2¹⁹·π/2 (≈ 823 550, fdlibm's
 * Payne–Hanek reduction), ±∞ and NaN are passed to {@link StrictMath}.
 *
 * <p>This is the specification of {@code VectorSinCos} in the simd package, which evaluates the
 * same steps in double lanes and selects each lane's branch with masks.
 */
public final class FdlibmSinCos {
    private FdlibmSinCos() {}

    static final double INVPIO2 = 0x1.45f306dc9c883p-1;
    static final double PIO2_1 = 0x1.921fb544p0;
    static final double PIO2_1T = 0x1.0b4611a626331p-34;
    static final double PIO2_2 = 0x1.0b4611a6p-34;
    static final double PIO2_2T = 0x1.3198a2e037073p-69;
    static final double PIO2_3 = 0x1.3198a2ep-69;
    static final double PIO2_3T = 0x1.b839a252049c1p-104;
    static final double S1 = -0x1.5555555555549p-3;
    static final double S2 = 0x1.111111110f8a6p-7;
    static final double S3 = -0x1.a01a019c161d5p-13;
    static final double S4 = 0x1.71de357b1fe7dp-19;
    static final double S5 = -0x1.ae5e68a2b9cebp-26;
    static final double S6 = 0x1.5d93a5acfd57cp-33;
    static final double C1 = 0x1.555555555554cp-5;
    static final double C2 = -0x1.6c16c16c15177p-10;
    static final double C3 = 0x1.a01a019cb159p-16;
    static final double C4 = -0x1.27e4f809c52adp-22;
    static final double C5 = 0x1.1ee9ebdb4b1c4p-29;
    static final double C6 = -0x1.8fae9be8838d4p-37;

    /** High words of |x| where the branches change. */
    static final int HI_PIO4 = 0x3fe9_21fb;        // ≤: no reduction
    static final int HI_THREE_PIO4 = 0x4002_d97c;  // <: n = ±1
    static final int HI_PIO2 = 0x3ff9_21fb;        // ==: π/2 in 33 + 33 + 53 bits
    static final int HI_MEDIUM = 0x4139_21fb;      // ≤: 2^19·π/2
    static final int HI_KERNEL_TINY = 0x3e40_0000; // 2^-27
    static final int HI_COS_SMALL = 0x3fd3_3333;   // 0.3
    static final int HI_COS_LARGE = 0x3fe9_0000;   // 0.78125

    /**
     * {@code sin[sinOff + i] = StrictMath.sin(a[aOff + i])}, {@code cos[cosOff + i] =
     * StrictMath.cos(a[aOff + i])} for {@code i < n}; the input span may also be one of the outputs.
     */
    public static void sinCos(double[] a, int aOff, double[] sin, int sinOff, double[] cos, int cosOff, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[aOff + i];
            long bits = Double.doubleToRawLongBits(x);
            int ix = (int) (bits >>> 32) & 0x7fff_ffff;
            if (ix <= HI_PIO4) {
                sin[sinOff + i] = kernelSin(x);
                cos[cosOff + i] = kernelCos(x, 0.0);
                continue;
            }
            if (ix > HI_MEDIUM) {
                sin[sinOff + i] = StrictMath.sin(x);
                cos[cosOff + i] = StrictMath.cos(x);
                continue;
            }
            // __ieee754_rem_pio2 on t = |x|: t − n·π/2 = y0 + y1, the sign applied afterwards
            double t = Math.abs(x);
            int nq;
            double r;
            double w;
            double y0;
            if (ix < HI_THREE_PIO4) {
                nq = 1;
                r = t - PIO2_1;
                if (ix != HI_PIO2) {
                    w = PIO2_1T;
                } else {
                    r -= PIO2_2;
                    w = PIO2_2T;
                }
                y0 = r - w;
            } else {
                nq = (int) (t * INVPIO2 + 0.5);
                double fn = nq;
                r = t - fn * PIO2_1;
                w = fn * PIO2_1T;
                y0 = r - w;
                if (nq >= 32 || ix == highWord(fn * PIO2_1)) {
                    int j = ix >> 20;
                    if (j - exponent(y0) > 16) {
                        double u = r;
                        w = fn * PIO2_2;
                        r = u - w;
                        w = fn * PIO2_2T - ((u - r) - w);
                        y0 = r - w;
                        if (j - exponent(y0) > 49) {
                            u = r;
                            w = fn * PIO2_3;
                            r = u - w;
                            w = fn * PIO2_3T - ((u - r) - w);
                            y0 = r - w;
                        }
                    }
                }
            }
            double y1 = (r - y0) - w;
            if (bits < 0) {
                y0 = -y0;
                y1 = -y1;
                nq = -nq;
            }
            double s = kernelSin(y0, y1);
            double c = kernelCos(y0, y1);
            switch (nq & 3) {
                case 0 -> { sin[sinOff + i] = s; cos[cosOff + i] = c; }
                case 1 -> { sin[sinOff + i] = c; cos[cosOff + i] = -s; }
                case 2 -> { sin[sinOff + i] = -s; cos[cosOff + i] = -c; }
                default -> { sin[sinOff + i] = -c; cos[cosOff + i] = s; }
            }
        }
    }

    /** The high word of a non-negative double: rem_pio2's {@code npio2_hw[n − 1]} is that of n·pio2_1, an exact product. */
    private static int highWord(double v) {
        return (int) (Double.doubleToRawLongBits(v) >>> 32);
    }

    /** The biased exponent field, fdlibm's {@code (__HI(y) >> 20) & 0x7ff}. */
    private static int exponent(double y) {
        return (int) (Double.doubleToRawLongBits(y) >>> 52) & 0x7ff;
    }

    /** {@code __kernel_sin(x, 0, 0)}: x without reduction. */
    static double kernelSin(double x) {
        if (Math.abs(x) < 0x1.0p-27) {
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x + v * (S1 + z * r);
    }

    /** {@code __kernel_sin(x, y, 1)}: the reduced argument x + y. */
    static double kernelSin(double x, double y) {
        if (Math.abs(x) < 0x1.0p-27) {
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    /** {@code __kernel_cos(x, y)}. */
    static double kernelCos(double x, double y) {
        int ix = highWord(x) & 0x7fff_ffff;
        if (ix < HI_KERNEL_TINY) {
            return 1.0;
        }
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < HI_COS_SMALL) {
            return 1.0 - (0.5 * z - (z * r - x * y));
        }
        double qx = ix > HI_COS_LARGE ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x0020_0000) << 32);
        double hz = 0.5 * z - qx;
        double a = 1.0 - qx;
        return a - (hz - (z * r - x * y));
    }
}
