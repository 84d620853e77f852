package org.crema.columnar.internal;

import org.crema.columnar.Comparison;
import org.crema.columnar.FloatColumn;

/**
 * The kernel family behind the public facades ({@code Masks}, {@code Arith}, {@code Reductions},
 * {@code Selection}, {@code FourVectors}). {@code ScalarKernels} is the specification; {@code
 * SimdKernels} overrides the kernels where the Vector API measurably wins.
 *
 * <p>Kernels work on raw spans and trust their caller: the facades check lengths, offsets and
 * layouts first. Every method writes {@code n} results to {@code out[0, n)}.
 */
public interface Kernels {
    /** Element-wise binary arithmetic. */
    enum BinOp { ADD, SUB, MUL, DIV, MIN, MAX }

    /** Element-wise unary arithmetic. */
    enum UnOp { NEG, ABS, SQRT }

    /** Element-wise boolean logic. */
    enum BoolOp { AND, OR, ANDNOT, XOR }

    /** @return {@code "scalar"} or {@code "simd"} */
    String name();

    // ---- comparisons → masks
    /** {@code out[i] = a[aOff + i] op b}. */
    void compare(Comparison op, float[] a, int aOff, float b, boolean[] out, int n);

    /** {@code out[i] = a[aOff + i] op b[bOff + i]}. */
    void compare(Comparison op, float[] a, int aOff, float[] b, int bOff, boolean[] out, int n);

    /** {@code out[i] = lo <= a[aOff + i] <= hi} (false for NaN). */
    void between(float[] a, int aOff, float lo, float hi, boolean[] out, int n);

    /** {@code out[i] = a[aOff + i] op b}. */
    void compare(Comparison op, double[] a, int aOff, double b, boolean[] out, int n);

    /** {@code out[i] = a[aOff + i] op b[bOff + i]}. */
    void compare(Comparison op, double[] a, int aOff, double[] b, int bOff, boolean[] out, int n);

    /** {@code out[i] = lo <= a[aOff + i] <= hi} (false for NaN). */
    void between(double[] a, int aOff, double lo, double hi, boolean[] out, int n);

    /** Signed {@code out[i] = a[aOff + i] op b}. */
    void compare(Comparison op, int[] a, int aOff, int b, boolean[] out, int n);

    /** Signed {@code out[i] = a[aOff + i] op b[bOff + i]}. */
    void compare(Comparison op, int[] a, int aOff, int[] b, int bOff, boolean[] out, int n);

    /** Signed {@code out[i] = lo <= a[aOff + i] <= hi}. */
    void between(int[] a, int aOff, int lo, int hi, boolean[] out, int n);

    // ---- arithmetic
    /** {@code out[i] = a[aOff + i] op b[bOff + i]}. */
    void binary(BinOp op, float[] a, int aOff, float[] b, int bOff, float[] out, int n);

    /** {@code out[i] = a[i] op b}, or {@code b op a[i]} when {@code scalarFirst}. */
    void binary(BinOp op, float[] a, int aOff, float b, boolean scalarFirst, float[] out, int n);

    /** {@code out[i] = op(a[aOff + i])}. */
    void unary(UnOp op, float[] a, int aOff, float[] out, int n);

    /** {@code out[i] = a[aOff + i] op b[bOff + i]}. */
    void binary(BinOp op, double[] a, int aOff, double[] b, int bOff, double[] out, int n);

    /** {@code out[i] = a[aOff + i] op b}, or {@code b op a[i]} when {@code scalarFirst}. */
    void binary(BinOp op, double[] a, int aOff, double b, boolean scalarFirst, double[] out, int n);

    /** {@code out[i] = op(a[aOff + i])}. */
    void unary(UnOp op, double[] a, int aOff, double[] out, int n);

    /** Integer arithmetic wraps like Java's {@code int}; DIV is rejected by the facade. */
    void binary(BinOp op, int[] a, int aOff, int[] b, int bOff, int[] out, int n);

    /** Int {@code out[i] = a[aOff + i] op b}, or {@code b op a[i]} when {@code scalarFirst}; no DIV. */
    void binary(BinOp op, int[] a, int aOff, int b, boolean scalarFirst, int[] out, int n);

    /** Int {@code out[i] = op(a[aOff + i])}; no SQRT. */
    void unary(UnOp op, int[] a, int aOff, int[] out, int n);

    // ---- masks
    /** {@code out[i] = a[aOff + i] op b[bOff + i]} on booleans. */
    void logic(BoolOp op, boolean[] a, int aOff, boolean[] b, int bOff, boolean[] out, int n);

    /** {@code out[i] = !a[aOff + i]}. */
    void not(boolean[] a, int aOff, boolean[] out, int n);

    /** @return the number of true values in {@code a[aOff, aOff + n)} */
    int countTrue(boolean[] a, int aOff, int n);

    // ---- flat reductions (accumulated in double)
    /** @return the sum of {@code a[aOff, aOff + n)}, each value widened to double (0 when n = 0) */
    double sum(float[] a, int aOff, int n);

    /** @return the sum of {@code a[aOff, aOff + n)} (0 when n = 0) */
    double sum(double[] a, int aOff, int n);

    /** @return the double sum of the values under a true mask entry; others never contribute, even NaN */
    double maskedSum(float[] a, int aOff, boolean[] mask, int mOff, int n);

    /** @return the sum of the values under a true mask entry; others never contribute, even NaN */
    double maskedSum(double[] a, int aOff, boolean[] mask, int mOff, int n);

    // ---- compaction
    /** Copies {@code a[aOff + i]} where {@code mask[mOff + i]} to {@code out[0, k)} and returns k. */
    int compress(float[] a, int aOff, boolean[] mask, int mOff, int n, float[] out);

    /** Writes the indices {@code i} with {@code mask[mOff + i]} to {@code out[0, k)} and returns k. */
    int trueIndices(boolean[] mask, int mOff, int n, int[] out);

    // ---- per-event (segmented) reductions; element j of event e is content[cOff + offsets[oFrom + e] + j]
    /** Sums each event's list in double, rounded to float once; 0 for an empty list. */
    void segmentedSum(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float[] out);

    /** Largest element per event ({@link Math#max} semantics: NaN wins); {@code empty} for an empty list. */
    void segmentedMax(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out);

    /** Smallest element per event ({@link Math#min} semantics: NaN wins); {@code empty} for an empty list. */
    void segmentedMin(float[] content, int cOff, int[] offsets, int oFrom, int nEvents, float empty, float[] out);

    // ---- kinematics, in double (columns of out.length entries)
    /**
     * Δφ = φ1 − φ2 wrapped to [−π, π) by floor-mod, in double: {@code d − 2π⌊(d + π)/2π⌋} with
     * {@code d = (double) φ1 − φ2} (see {@code ScalarKernels.wrapPhi}). Every implementation performs
     * the same IEEE operations, so results are bit-identical.
     */
    void deltaPhi(FloatColumn phi1, FloatColumn phi2, double[] out);

    /** ΔR = √(Δη² + Δφ²) in double, Δη = (double) η1 − η2, Δφ as in {@link #deltaPhi}; bit-identical everywhere. */
    void deltaR(FloatColumn eta1, FloatColumn phi1, FloatColumn eta2, FloatColumn phi2, double[] out);

    /**
     * {@code out[i] = sinh(a[aOff + i])} with the same bits as {@link Math#sinh} and {@link StrictMath#sinh}
     * (fdlibm's algorithm) for every double, in every implementation.
     */
    void sinh(double[] a, int aOff, double[] out, int n);

    /** {@code out[i] = pt[ptOff + i] · sinh(eta[etaOff + i])} in double, bit-identical to the plain loop with {@link Math#sinh}. */
    void pz(float[] pt, int ptOff, float[] eta, int etaOff, double[] out, int n);

    /**
     * {@code sin[i] = sin(a[aOff + i])}, {@code cos[i] = cos(a[aOff + i])} with the same bits as {@link
     * StrictMath#sin} and {@link StrictMath#cos} (fdlibm's algorithm) for every double, in every
     * implementation. ({@link Math#sin} and {@link Math#cos} are JIT intrinsics that may differ from
     * these by an ulp, and between platforms.)
     */
    void sinCos(double[] a, int aOff, double[] sin, double[] cos, int n);

    /**
     * {@code px[i] = pt[ptOff + i] · cos φ}, {@code py[i] = pt[ptOff + i] · sin φ} with φ = {@code
     * phi[phiOff + i]}, in double with {@link StrictMath}'s cos and sin; bit-identical everywhere.
     */
    void transverse(float[] pt, int ptOff, float[] phi, int phiOff, double[] px, double[] py, int n);

    /**
     * (pt, η, φ, m) to (px, py, pz, E) in double: px = pt cos φ, py = pt sin φ, pz = pt sinh η,
     * E = √(px² + py² + pz² + m²), with {@link StrictMath}'s functions; {@code px.length} entries.
     */
    void toCartesian(FloatColumn pt, FloatColumn eta, FloatColumn phi, FloatColumn mass,
                     double[] px, double[] py, double[] pz, double[] energy);

    /**
     * Invariant mass of the sum of two (pt, η, φ, m) four-vectors: both converted as in {@link
     * #toCartesian}, summed component-wise, then √max(E² − p², 0) (see {@code ScalarKernels.mass}).
     */
    void pairMass(FloatColumn pt1, FloatColumn eta1, FloatColumn phi1, FloatColumn m1,
                  FloatColumn pt2, FloatColumn eta2, FloatColumn phi2, FloatColumn m2, double[] out);

    /** {@code out[i] = √max(E² − (px² + py² + pz²), 0)} from Cartesian spans; bit-identical everywhere. */
    void mass(double[] px, int oX, double[] py, int oY, double[] pz, int oZ, double[] energy, int oE, double[] out, int n);
}
