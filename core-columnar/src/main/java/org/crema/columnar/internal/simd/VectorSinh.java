package org.crema.columnar.internal.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.crema.columnar.internal.scalar.FdlibmSinh;

/**
 * {@code sinh} in double lanes, equal bit for bit to {@link StrictMath#sinh} (and {@link Math#sinh})
 * in every lane: the steps of {@code FdlibmSinh} (its scalar twin, a port of the JDK's fdlibm
 * sinh) with each branch computed for all lanes and selected by a mask. Only IEEE add, sub, mul,
 * div, compare and bit operations, each the same as the scalar step, no FMA; so each lane gives
 * the scalar result whatever its neighbours, the vector width or the position in an array.
 *
 * <p>Two rewrites keep to plain lane operations without changing any value:
 * <ul>
 *   <li>fdlibm tests the high word of |x| against constants; for |x| ≥ 0 (not NaN) "high word &lt; C"
 *       is "|x| &lt; the double whose bits are C·2³²", because non-negative doubles order like their
 *       bits. NaN lanes fail every such comparison and are selected separately.</li>
 *   <li>fdlibm's {@code (int) v} of the non-negative {@code v = invln2·x + 0.5} is computed as
 *       {@code round(v)} by adding and subtracting 2⁵² (exact for 0 ≤ v &lt; 2⁵¹), minus 1 where
 *       that rounded up; k itself is then read from the bits of {@code k + 2⁵²}. This needs no
 *       double-to-long conversion, which AVX2 lacks.</li>
 * </ul>
 *
 * <p>Cost: the expm1 branch (|x| &lt; 22, every physical η) runs for all lanes; the exp branches
 * only when some lane has |x| ≥ 22, NaN or ±∞.
 */
final class VectorSinh {
    private VectorSinh() {}

    /** The lanes, a constant: the JIT only compiles Vector API calls to instructions for a constant species. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private static final double SHUGE = 1.0e307;
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INVLN2 = 0x1.71547652b82fep0;
    private static final double Q1 = -0x1.11111111110f4p-5;
    private static final double Q2 = 0x1.a01a019fe5585p-10;
    private static final double Q3 = -0x1.4ce199eaadbb7p-14;
    private static final double Q4 = 0x1.0cfca86e65239p-18;
    private static final double Q5 = -0x1.afdb76e09c32dp-23;
    private static final double P1 = 0x1.555555555553ep-3;
    private static final double P2 = -0x1.6c16c16bebd93p-9;
    private static final double P3 = 0x1.1566aaf25de2cp-14;
    private static final double P4 = -0x1.bbd41c5d26bf1p-20;
    private static final double P5 = 0x1.6376972bea4d0p-25;

    // fdlibm's high-word thresholds as |x| bounds (see the class comment)
    private static final double TINY = highWord(0x3e30_0000);                 // 2^-28
    private static final double ONE = highWord(0x3ff0_0000);                  // 1
    private static final double EXPM1_MAX = highWord(0x4036_0000);            // 22
    private static final double EXP_MAX = highWord(0x4086_2e42);              // ≈ 709.78
    private static final double ABOVE_HALF_LN2 = highWord(0x3fd6_2e42 + 1);   // high word > 0x3fd62e42
    private static final double THREE_HALVES_LN2 = highWord(0x3ff0_a2b2);     // ≈ 1.5 ln 2
    private static final double OVERFLOW = Double.longBitsToDouble(0x4086_33ce_8fb9_f87dL); // ≈ 710.4758600739439

    private static final double TWO52 = 0x1.0p52;
    private static final long TWO52_BITS = Double.doubleToRawLongBits(TWO52);
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    private static double highWord(int hi) {
        return Double.longBitsToDouble((long) hi << 32);
    }

    /**
     * {@code out[outOff + i] = sinh(a[aOff + i])} for {@code i < n}: whole vectors in lanes, the tail
     * with {@code FdlibmSinh}. The same span may be input and output (in place).
     *
     * <p>The lane computation is written out in this one loop rather than in helper methods: the
     * JIT inlines the Vector API's own methods whatever their size, but not a large method of ours
     * (over 325 bytes of bytecode, or already compiled on its own), and vectors passed to a method
     * that is not inlined are allocated on the heap, which costs several times the arithmetic.
     */
    static void sinh(double[] a, int aOff, double[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, aOff + i);
            DoubleVector ax = x.abs();
            // ---- t = expm1(|x|) (fdlibm's expm1 for 2^-28 ≤ |x| < 22, as FdlibmSinh.expm1)
            // k = (int) (invln2·|x| + 0.5), or 1 below 1.5 ln 2, or 0 up to 0.5 ln 2
            DoubleVector v = ax.mul(INVLN2).add(0.5);
            DoubleVector rounded = v.add(TWO52).sub(TWO52);
            DoubleVector k = rounded.blend(rounded.sub(1.0), rounded.compare(VectorOperators.GT, v))
                    .blend(1.0, ax.compare(VectorOperators.LT, THREE_HALVES_LN2))
                    .blend(0.0, ax.compare(VectorOperators.LT, ABOVE_HALF_LN2));
            DoubleVector hi = ax.sub(k.mul(LN2_HI));
            DoubleVector lo = k.mul(LN2_LO);
            DoubleVector r = hi.sub(lo);
            DoubleVector c = hi.sub(r).sub(lo);
            DoubleVector hfx = r.mul(0.5);
            DoubleVector hxs = r.mul(hfx);
            DoubleVector r1 = hxs.mul(Q5).add(Q4).mul(hxs).add(Q3).mul(hxs).add(Q2).mul(hxs).add(Q1).mul(hxs).add(1.0);
            DoubleVector u = DoubleVector.broadcast(S, 3.0).sub(r1.mul(hfx));
            DoubleVector e = hxs.mul(r1.sub(u).div(DoubleVector.broadcast(S, 6.0).sub(r.mul(u))));
            DoubleVector kIsZero = r.sub(r.mul(e).sub(hxs));
            e = r.mul(e.sub(c)).sub(c).sub(hxs);
            DoubleVector kIsOne = r.sub(e).mul(2.0).add(1.0)
                    .blend(e.sub(r.add(0.5)).mul(-2.0), r.compare(VectorOperators.LT, -0.25));
            LongVector kShift = ((LongVector) k.add(TWO52).reinterpretAsLongs()).sub(TWO52_BITS).lanewise(VectorOperators.LSHL, 52);
            DoubleVector twoToMinusK = LongVector.broadcast(kShift.species(), ONE_BITS).sub(kShift).reinterpretAsDoubles();
            DoubleVector y = DoubleVector.broadcast(S, 1.0).sub(twoToMinusK).sub(e.sub(r))
                    .blend(r.sub(e.add(twoToMinusK)).add(1.0), k.compare(VectorOperators.GE, 20.0));
            DoubleVector t = ((LongVector) y.reinterpretAsLongs()).add(kShift).reinterpretAsDoubles()
                    .blend(kIsOne, k.compare(VectorOperators.EQ, 1.0))
                    .blend(kIsZero, k.compare(VectorOperators.EQ, 0.0));
            // ---- sinh = ±(2t − t·t/(t + 1))/2 below 1, ±(t + t/(t + 1))/2 above; one division for both
            // (the sign only matters where |x| ≥ 2^-28, and there x < 0 is the sign bit)
            DoubleVector h = DoubleVector.broadcast(S, 0.5).blend(-0.5, x.compare(VectorOperators.LT, 0.0));
            VectorMask<Double> belowOne = ax.compare(VectorOperators.LT, ONE);
            DoubleVector q = t.blend(t.mul(t), belowOne).div(t.add(1.0));
            DoubleVector result = h.mul(t.add(q).blend(t.mul(2.0).sub(q), belowOne))
                    .blend(x, ax.compare(VectorOperators.LT, TINY));
            VectorMask<Double> large = ax.compare(VectorOperators.LT, EXPM1_MAX).not(); // NaN too
            if (large.anyTrue()) {
                result = result.blend(large(x, ax), large);
            }
            result.intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = FdlibmSinh.sinh(a[aOff + i]);
        }
    }

    /**
     * sinh for |x| ≥ 22, NaN and ±∞ (other lanes give values that the caller discards). A call
     * (its vectors allocated) only for vectors with such a lane, which physical η never has.
     */
    private static DoubleVector large(DoubleVector x, DoubleVector a) {
        DoubleVector h = DoubleVector.broadcast(S, 0.5).blend(-0.5, x.compare(VectorOperators.LT, 0.0));
        DoubleVector w = exp(a.mul(0.5));
        DoubleVector r = x.mul(SHUGE);
        r = r.blend(h.mul(w).mul(w), a.compare(VectorOperators.LE, OVERFLOW));
        r = r.blend(h.mul(exp(a)), a.compare(VectorOperators.LT, EXP_MAX));
        return r.blend(x.add(x), a.compare(VectorOperators.LT, Double.POSITIVE_INFINITY).not());
    }

    /** fdlibm's exp in the lanes where 22 ≤ x &lt; ln(Double.MAX_VALUE), as {@code FdlibmSinh.exp}. */
    private static DoubleVector exp(DoubleVector x) {
        DoubleVector k = truncate(x.mul(INVLN2).add(0.5));
        DoubleVector hi = x.sub(k.mul(LN2_HI));
        DoubleVector lo = k.mul(LN2_LO);
        DoubleVector r = hi.sub(lo);
        DoubleVector rr = r.mul(r);
        DoubleVector c = r.sub(rr.mul(P5).add(P4).mul(rr).add(P3).mul(rr).add(P2).mul(rr).add(P1).mul(rr));
        DoubleVector q = r.mul(c).div(DoubleVector.broadcast(S, 2.0).sub(c));
        DoubleVector y = DoubleVector.broadcast(S, 1.0).sub(lo.sub(q).sub(hi));
        return scale(y, exponentShift(k));
    }

    /** {@code (double) (int) v} for 0 ≤ v &lt; 2⁵¹: round to an integer through 2⁵², then step down where that rounded up. */
    private static DoubleVector truncate(DoubleVector v) {
        DoubleVector rounded = v.add(TWO52).sub(TWO52);
        return rounded.blend(rounded.sub(1.0), rounded.compare(VectorOperators.GT, v));
    }

    /** {@code k << 52} for integral k in [0, 2⁵¹): k is the low bits of {@code k + 2⁵²}. */
    private static LongVector exponentShift(DoubleVector k) {
        return ((LongVector) k.add(TWO52).reinterpretAsLongs()).sub(TWO52_BITS).lanewise(VectorOperators.LSHL, 52);
    }

    /** fdlibm's "add k to y's exponent", as {@code FdlibmSinh.scaleByTwoTo}. */
    private static DoubleVector scale(DoubleVector y, LongVector kShift) {
        return ((LongVector) y.reinterpretAsLongs()).add(kShift).reinterpretAsDoubles();
    }
}
