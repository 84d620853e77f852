package org.crema.columnar.internal.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.crema.columnar.internal.scalar.FdlibmSinCos;

/**
 * {@code sin} and {@code cos} of the same argument in double lanes, equal bit for bit to {@link
 * StrictMath#sin} and {@link StrictMath#cos} in every lane: the steps of {@code FdlibmSinCos} (its
 * scalar twin, a port of the JDK's fdlibm {@code Sin}, {@code Cos}, {@code __kernel_sin}, {@code
 * __kernel_cos} and the medium-size path of {@code __ieee754_rem_pio2}) with each branch computed
 * for all lanes and selected by a mask, one argument reduction shared by both functions. Only IEEE add, sub, mul, compare and bit
 * operations, each the same as the scalar step, no FMA; so each lane gives StrictMath's result
 * whatever its neighbours, the vector width or its position in an array.
 *
 * <p>Lanes: |x| ≤ π/4 (fdlibm's high-word test, up to ≈ 0.7853982) need no reduction; up to
 * 2¹⁹·π/2 (≈ 823 550) x is reduced by n = (int) (|x|·2/π + 0.5) with π/2 in 33 + 53 bits, and in
 * 33 + 33 + 53 or 33 + 33 + 33 + 53 bits where that cancels (only within about 2⁻¹⁶ relative of a
 * multiple of π/2, computed only when some lane needs it). Larger |x| (the Payne–Hanek reduction),
 * ±∞ and NaN are left to {@link StrictMath} lane by lane.
 *
 * <p>Rewrites that keep to plain lane operations without changing any value:
 * <ul>
 *   <li>fdlibm tests the high word of |x| against constants; for |x| ≥ 0 (not NaN) "high word ≤ C"
 *       is "|x| &lt; the double whose bits are (C + 1)·2³²", because non-negative doubles order
 *       like their bits.</li>
 *   <li>{@code (int) v} of the non-negative v is {@code round(v)} through 2⁵², minus 1 where that
 *       rounded up, as in {@link VectorSinh}; n's low bits are then read from the bits of n + 2⁵².</li>
 *   <li>rem_pio2's table {@code npio2_hw[n − 1]} of the high words of n·π/2 (n &lt; 32) is the high
 *       word of n·pio2_1, a 38-bit product and so exact (checked for every n by the tests).</li>
 *   <li>fdlibm's n = ±1 branch for π/4 &lt; |x| &lt; 3π/4 performs the general reduction's operations
 *       with n = 1, except near π/2 (high word 0x3ff921fb), which keeps its own steps.</li>
 *   <li>{@code __kernel_cos}'s form for |x| &lt; 0.3 is its other form with qx = 0, since 1 − 0 = 1
 *       and z/2 − 0 = z/2 exactly.</li>
 *   <li>Negation ({@code -y}, {@code -__kernel_sin(…)}) flips the sign bit, done as an xor.</li>
 * </ul>
 */
final class VectorSinCos {
    private VectorSinCos() {}

    /** The lanes, a constant: the JIT only compiles Vector API calls to instructions for a constant species. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    // __ieee754_rem_pio2: 2/π and π/2 in pieces of 33 bits plus a 53-bit tail
    private static final double INVPIO2 = 0x1.45f306dc9c883p-1;
    private static final double PIO2_1 = 0x1.921fb544p0;
    private static final double PIO2_1T = 0x1.0b4611a626331p-34;
    private static final double PIO2_2 = 0x1.0b4611a6p-34;
    private static final double PIO2_2T = 0x1.3198a2e037073p-69;
    private static final double PIO2_3 = 0x1.3198a2ep-69;
    private static final double PIO2_3T = 0x1.b839a252049c1p-104;
    // __kernel_sin
    private static final double S1 = -0x1.5555555555549p-3;
    private static final double S2 = 0x1.111111110f8a6p-7;
    private static final double S3 = -0x1.a01a019c161d5p-13;
    private static final double S4 = 0x1.71de357b1fe7dp-19;
    private static final double S5 = -0x1.ae5e68a2b9cebp-26;
    private static final double S6 = 0x1.5d93a5acfd57cp-33;
    // __kernel_cos
    private static final double C1 = 0x1.555555555554cp-5;
    private static final double C2 = -0x1.6c16c16c15177p-10;
    private static final double C3 = 0x1.a01a019cb159p-16;
    private static final double C4 = -0x1.27e4f809c52adp-22;
    private static final double C5 = 0x1.1ee9ebdb4b1c4p-29;
    private static final double C6 = -0x1.8fae9be8838d4p-37;

    // fdlibm's high-word thresholds as |x| bounds (see the class comment)
    private static final double NO_REDUCTION = highWord(0x3fe9_21fb + 1);    // ix ≤ 0x3fe921fb: |x| ≲ π/4
    private static final double THREE_PIO4 = highWord(0x4002_d97c);          // ix < 0x4002d97c: |x| < 3π/4
    private static final double MEDIUM = highWord(0x4139_21fb + 1);          // ix ≤ 0x413921fb: |x| ≲ 2^19·π/2
    private static final double NEAR_PIO2_LO = highWord(0x3ff9_21fb);        // ix == 0x3ff921fb
    private static final double NEAR_PIO2_HI = highWord(0x3ff9_21fb + 1);
    private static final double KERNEL_TINY = highWord(0x3e40_0000);         // 2^-27
    private static final double COS_SMALL = highWord(0x3fd3_3333);           // ≈ 0.3
    private static final double COS_LARGE = highWord(0x3fe9_0000 + 1);       // ix > 0x3fe90000: > 0.78125

    private static final double TWO52 = 0x1.0p52;
    private static final long TWO52_BITS = Double.doubleToRawLongBits(TWO52);
    private static final long HIGH_WORD = 0xffff_ffff_0000_0000L;
    private static final long SIGN = Long.MIN_VALUE;
    private static final long QUARTER_EXPONENT = 0x0020_0000L << 32;         // 2 in the exponent field: /4

    private static double highWord(int hi) {
        return Double.longBitsToDouble((long) hi << 32);
    }

    /**
     * {@code sin[sinOff + i] = StrictMath.sin(a[aOff + i])} and {@code cos[cosOff + i] =
     * StrictMath.cos(a[aOff + i])} for {@code i < n}: whole vectors in lanes, the tail with {@code
     * FdlibmSinCos}, lanes outside the medium range with {@link StrictMath}. The input span may also
     * be one of the outputs.
     *
     * <p>The lane computation is written out in this one loop rather than in helper methods: the
     * JIT inlines the Vector API's own methods whatever their size, but not a large method of ours,
     * and vectors passed to a method that is not inlined are allocated on the heap.
     */
    static void sinCos(double[] a, int aOff, double[] sin, int sinOff, double[] cos, int cosOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector t = x.abs();
            LongVector tBits = (LongVector) t.reinterpretAsLongs();
            // ---- __ieee754_rem_pio2 for |x| ≤ 2^19·π/2: t − n·π/2 = y0 + y1 with π/2 in 33 + 53 bits
            DoubleVector v = t.mul(INVPIO2).add(0.5);
            DoubleVector rounded = v.add(TWO52).sub(TWO52);
            DoubleVector fn = rounded.blend(rounded.sub(1.0), rounded.compare(VectorOperators.GT, v))
                    .blend(0.0, t.compare(VectorOperators.LT, NO_REDUCTION));
            DoubleVector r = t.sub(fn.mul(PIO2_1));
            DoubleVector w = fn.mul(PIO2_1T);
            DoubleVector y0 = r.sub(w);
            // where this cancels: fdlibm's 2nd and 3rd iterations, and its own steps near π/2
            VectorMask<Double> nearPio2 = t.compare(VectorOperators.GE, NEAR_PIO2_LO)
                    .and(t.compare(VectorOperators.LT, NEAR_PIO2_HI));
            // "n ≥ 32 or ix == npio2_hw[n − 1]", then "exponent(x) − exponent(y0) > 16"
            VectorMask<Double> checked = fn.compare(VectorOperators.GE, 32.0)
                    .or(tBits.and(HIGH_WORD).compare(VectorOperators.EQ,
                            ((LongVector) fn.mul(PIO2_1).reinterpretAsLongs()).and(HIGH_WORD)).cast(S));
            LongVector exponentX = tBits.lanewise(VectorOperators.LSHR, 52);
            LongVector exponentY0 = ((LongVector) y0.reinterpretAsLongs()).lanewise(VectorOperators.LSHR, 52).and(0x7ffL);
            VectorMask<Double> iterate = exponentX.sub(exponentY0).compare(VectorOperators.GT, 16L).cast(S)
                    .and(checked)
                    .and(t.compare(VectorOperators.GE, THREE_PIO4))
                    .and(t.compare(VectorOperators.LT, MEDIUM));
            if (iterate.or(nearPio2).anyTrue()) {
                // 2nd iteration, good to 118 bits
                DoubleVector r2 = r.sub(fn.mul(PIO2_2));
                DoubleVector w2 = fn.mul(PIO2_2T).sub(r.sub(r2).sub(fn.mul(PIO2_2)));
                DoubleVector y02 = r2.sub(w2);
                // 3rd iteration, 151 bits
                DoubleVector r3 = r2.sub(fn.mul(PIO2_3));
                DoubleVector w3 = fn.mul(PIO2_3T).sub(r2.sub(r3).sub(fn.mul(PIO2_3)));
                DoubleVector y03 = r3.sub(w3);
                LongVector exponentY02 = ((LongVector) y02.reinterpretAsLongs()).lanewise(VectorOperators.LSHR, 52).and(0x7ffL);
                VectorMask<Double> third = iterate.and(exponentX.sub(exponentY02).compare(VectorOperators.GT, 49L).cast(S));
                // near π/2 (n = 1): z = (t − pio2_1) − pio2_2, y0 = z − pio2_2t
                DoubleVector z = r.sub(PIO2_2);
                DoubleVector y0Near = z.sub(PIO2_2T);
                r = r.blend(r2, iterate).blend(r3, third).blend(z, nearPio2);
                w = w.blend(w2, iterate).blend(w3, third).blend(PIO2_2T, nearPio2);
                y0 = y0.blend(y02, iterate).blend(y03, third).blend(y0Near, nearPio2);
            }
            DoubleVector y1 = r.sub(y0).sub(w);
            // negative x: y0, y1 and n change sign; no reduction: y0 = x, y1 = 0, n = 0
            LongVector sign = ((LongVector) x.reinterpretAsLongs()).and(SIGN);
            VectorMask<Double> small = t.compare(VectorOperators.LT, NO_REDUCTION);
            y0 = ((LongVector) y0.reinterpretAsLongs()).lanewise(VectorOperators.XOR, sign).reinterpretAsDoubles()
                    .blend(x, small);
            y1 = ((LongVector) y1.reinterpretAsLongs()).lanewise(VectorOperators.XOR, sign).reinterpretAsDoubles()
                    .blend(0.0, small);
            LongVector nBits = ((LongVector) fn.add(TWO52).reinterpretAsLongs()).sub(TWO52_BITS);
            LongVector quadrant = nBits.lanewise(VectorOperators.NEG, sign.compare(VectorOperators.NE, 0L))
                    .and(3L);
            // ---- __kernel_sin(y0, y1, iy): iy = 0 without reduction, else 1; y0 itself below 2^-27
            DoubleVector ay = y0.abs();
            VectorMask<Double> tiny = ay.compare(VectorOperators.LT, KERNEL_TINY);
            DoubleVector zz = y0.mul(y0);
            DoubleVector vz = zz.mul(y0);
            DoubleVector rs = zz.mul(S6).add(S5).mul(zz).add(S4).mul(zz).add(S3).mul(zz).add(S2);
            DoubleVector ks = y0.sub(zz.mul(y1.mul(0.5).sub(vz.mul(rs))).sub(y1).sub(vz.mul(S1)))
                    .blend(zz.mul(rs).add(S1).mul(vz).add(y0), small)
                    .blend(y0, tiny);
            // ---- __kernel_cos(y0, y1): (1 − qx) − ((z/2 − qx) − (z·r − y0·y1)); 1 below 2^-27
            DoubleVector rc = zz.mul(C6).add(C5).mul(zz).add(C4).mul(zz).add(C3).mul(zz).add(C2).mul(zz).add(C1).mul(zz);
            // qx = |y0|/4 with the low word cleared, 0.28125 above 0.78125, 0 below 0.3
            DoubleVector qx = ((LongVector) ay.reinterpretAsLongs()).and(HIGH_WORD).sub(QUARTER_EXPONENT)
                    .reinterpretAsDoubles()
                    .blend(0.28125, ay.compare(VectorOperators.GE, COS_LARGE))
                    .blend(0.0, ay.compare(VectorOperators.LT, COS_SMALL));
            DoubleVector kc = DoubleVector.broadcast(S, 1.0).sub(qx)
                    .sub(zz.mul(0.5).sub(qx).sub(zz.mul(rc).sub(y0.mul(y1))))
                    .blend(1.0, tiny);
            // ---- by n mod 4: sin = S, C, −S, −C; cos = C, −S, −C, S
            VectorMask<Double> odd = quadrant.and(1L).compare(VectorOperators.NE, 0L).cast(S);
            LongVector sinSign = quadrant.lanewise(VectorOperators.LSHL, 62).and(SIGN);
            LongVector cosSign = quadrant.add(1L).lanewise(VectorOperators.LSHL, 62).and(SIGN);
            ((LongVector) ks.blend(kc, odd).reinterpretAsLongs()).lanewise(VectorOperators.XOR, sinSign).reinterpretAsDoubles()
                    .intoArray(sin, sinOff + i);
            ((LongVector) kc.blend(ks, odd).reinterpretAsLongs()).lanewise(VectorOperators.XOR, cosSign).reinterpretAsDoubles()
                    .intoArray(cos, cosOff + i);
            VectorMask<Double> outside = t.compare(VectorOperators.LT, MEDIUM).not(); // NaN too
            if (outside.anyTrue()) {
                strict(x, outside, sin, sinOff + i, cos, cosOff + i);
            }
        }
        FdlibmSinCos.sinCos(a, aOff + i, sin, sinOff + i, cos, cosOff + i, n - i);
    }

    /**
     * StrictMath's sin and cos for the lanes of {@code outside} (Payne–Hanek reduction, ±∞, NaN),
     * from the loaded vector, since the input span may already be overwritten. A call only for
     * vectors with such a lane, which angles never have.
     */
    private static void strict(DoubleVector x, VectorMask<Double> outside, double[] sin, int sinAt, double[] cos, int cosAt) {
        double[] lanes = x.toArray();
        boolean[] which = outside.toArray();
        for (int l = 0; l < lanes.length; l++) {
            if (which[l]) {
                sin[sinAt + l] = StrictMath.sin(lanes[l]);
                cos[cosAt + l] = StrictMath.cos(lanes[l]);
            }
        }
    }
}
