package org.crema.columnar.internal.scalar;

/**
 * {@code sinh} equal bit for bit to {@link StrictMath#sinh} (and so to {@link Math#sinh}, which
 * delegates to it) for every double: a step-by-step port of the fdlibm algorithm the JDK uses
 * ({@code e_sinh.c} with the parts of {@code s_expm1.c} and {@code e_exp.c} that sinh reaches).
 * Same constants, same IEEE operations in the same order, no FMA; IEEE double arithmetic is
 * deterministic in Java, so the same operations give the same bits.
 *
 * <p>This is the specification of {@code VectorSinh} in the simd package, which evaluates the same
 * steps in double lanes and selects each lane's branch with masks. The branches here are written in
 * the order that version computes them, which differs from fdlibm's only where fdlibm's special
 * case is the general formula with constant operands (see {@link #expm1}).
 *
 * <p>Branches by |x|, as in fdlibm: NaN and ±∞ give x + x; |x| &lt; 2⁻²⁸ gives x; up to 22,
 * {@code E = expm1(|x|)} and ±(E + E/(E + 1))/2 (for |x| &lt; 1 in the form (2E − E²/(E + 1))/2);
 * up to ln(Double.MAX_VALUE), ±exp(|x|)/2; up to the overflow threshold, (±exp(|x|/2)/2)·exp(|x|/2);
 * beyond it x·10³⁰⁷ (±∞).
 */
public final class FdlibmSinh {
    private FdlibmSinh() {}

    static final double SHUGE = 1.0e307;
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    static final double INVLN2 = 0x1.71547652b82fep0;
    // expm1's scaled coefficients
    static final double Q1 = -0x1.11111111110f4p-5;
    static final double Q2 = 0x1.a01a019fe5585p-10;
    static final double Q3 = -0x1.4ce199eaadbb7p-14;
    static final double Q4 = 0x1.0cfca86e65239p-18;
    static final double Q5 = -0x1.afdb76e09c32dp-23;
    // exp's coefficients
    static final double P1 = 0x1.555555555553ep-3;
    static final double P2 = -0x1.6c16c16bebd93p-9;
    static final double P3 = 0x1.1566aaf25de2cp-14;
    static final double P4 = -0x1.bbd41c5d26bf1p-20;
    static final double P5 = 0x1.6376972bea4d0p-25;

    /** High words of |x| (the upper 32 bits) where sinh's and expm1's branches change. */
    static final int HI_INF_NAN = 0x7ff0_0000;
    static final int HI_TINY = 0x3e30_0000;          // 2^-28
    static final int HI_ONE = 0x3ff0_0000;           // 1
    static final int HI_EXPM1_MAX = 0x4036_0000;     // 22
    static final int HI_EXP_MAX = 0x4086_2e42;       // ln(Double.MAX_VALUE) ≈ 709.78
    static final int HI_HALF_LN2 = 0x3fd6_2e42;      // 0.5 ln 2
    static final int HI_THREE_HALVES_LN2 = 0x3ff0_a2b2; // 1.5 ln 2
    /** The largest |x| (all 64 bits) whose sinh is finite, ≈ 710.4758600739439. */
    static final long OVERFLOW_THRESHOLD_BITS = 0x4086_33ce_8fb9_f87dL;

    /**
     * @param x any double
     * @return sinh x, the same bits as {@code StrictMath.sinh(x)}
     */
    public static double sinh(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int ix = (int) (bits >>> 32) & 0x7fff_ffff;
        if (ix >= HI_INF_NAN) {
            return x + x;
        }
        double h = bits < 0 ? -0.5 : 0.5;
        double a = Math.abs(x);
        if (ix < HI_EXPM1_MAX) {
            if (ix < HI_TINY) {
                return x;
            }
            double t = expm1(a, ix);
            if (ix < HI_ONE) {
                return h * (2.0 * t - t * t / (t + 1.0));
            }
            return h * (t + t / (t + 1.0));
        }
        if (ix < HI_EXP_MAX) {
            return h * exp(a);
        }
        if ((bits & Long.MAX_VALUE) <= OVERFLOW_THRESHOLD_BITS) {
            double w = exp(0.5 * a);
            double t = h * w;
            return t * w;
        }
        return x * SHUGE;
    }

    /**
     * fdlibm's expm1 for the arguments sinh passes, 2⁻²⁸ ≤ x &lt; 22 (so x &gt; 0 and 0 ≤ k ≤ 32).
     * Where fdlibm reduces by hand (k = 0: x itself; 0.5 ln 2 &lt; x &lt; 1.5 ln 2: k = 1,
     * hi = x − ln2_hi, lo = ln2_lo) this uses the general reduction with t = k, which performs the
     * same operations with the same results: x − 0·ln2_hi = x, 0·ln2_lo = 0, 1·ln2_hi = ln2_hi.
     *
     * @param x the argument
     * @param hx the high word of x
     */
    static double expm1(double x, int hx) {
        int k;
        if (hx > HI_HALF_LN2) {
            k = hx < HI_THREE_HALVES_LN2 ? 1 : (int) (INVLN2 * x + 0.5);
        } else {
            k = 0;
        }
        double t = k;
        double hi = x - t * LN2_HI;
        double lo = t * LN2_LO;
        double r = hi - lo;
        double c = (hi - r) - lo;
        // r is now in the primary range |r| ≤ 0.5 ln 2
        double hfx = 0.5 * r;
        double hxs = r * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double u = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - u) / (6.0 - r * u));
        if (k == 0) {
            return r - (r * e - hxs);
        }
        e = (r * (e - c) - c);
        e -= hxs;
        if (k == 1) {
            return r < -0.25 ? -2.0 * (e - (r + 0.5)) : 1.0 + 2.0 * (r - e);
        }
        // 2^-k from its bits; 1 - 2^-k is exact, and equals fdlibm's __HI(1.0, 0x3ff00000 - (0x200000 >> k))
        double twoToMinusK = Double.longBitsToDouble((long) (0x3ff - k) << 52);
        double y;
        if (k < 20) {
            y = (1.0 - twoToMinusK) - (e - r);
        } else {
            y = r - (e + twoToMinusK);
            y += 1.0;
        }
        return scaleByTwoTo(y, k);
    }

    /**
     * fdlibm's exp for the arguments sinh passes, 22 ≤ x &lt; ln(Double.MAX_VALUE): always the
     * general argument reduction, 32 ≤ k ≤ 1024, never the overflow or underflow branch.
     */
    static double exp(double x) {
        int k = (int) (INVLN2 * x + 0.5);
        double t = k;
        double hi = x - t * LN2_HI;
        double lo = t * LN2_LO;
        double r = hi - lo;
        double rr = r * r;
        double c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
        double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
        return scaleByTwoTo(y, k);
    }

    /**
     * fdlibm's "add k to y's exponent" ({@code __HI(y, __HI(y) + (k << 20))}): y is positive and
     * normal and the sum stays below the infinity exponent, so adding k·2⁵² to the bits is the same.
     */
    static double scaleByTwoTo(double y, int k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
    }
}
