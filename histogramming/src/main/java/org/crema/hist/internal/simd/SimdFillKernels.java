package org.crema.hist.internal.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.crema.hist.internal.FillKernels;

/**
 * {@link FillKernels} with the Vector API: 8 double and int lanes (AVX-512).
 */
public final class SimdFillKernels implements FillKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

    /** The kernels, or {@code null} when the preferred vectors are narrower than {@link #LANES}. */
    public static final SimdFillKernels INSTANCE =
            DoubleVector.SPECIES_PREFERRED.length() >= LANES ? new SimdFillKernels() : null;

    private SimdFillKernels() {}

    @Override
    public int regularIndices(double[] xs, int n, int[] idx, int stride, double[] edges, double origin,
            double invWidth, int u, int under, int over) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double hi = edges[bins];
        // A linear regular axis stores edge k as lo + k·w (w = (hi − lo) / bins) and its last edge as
        // hi, so the two edges around a bin are computed here with the same operations instead of
        // gathered: no index array goes through memory, whose placement made the gather's speed
        // depend on the JVM. (Edge 0 computes as lo + 0.0, which compares equal to lo.)
        double w = (hi - lo) / bins;
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(D, xs, i);
            VectorMask<Integer> below = x.compare(VectorOperators.LT, lo).cast(I);
            VectorMask<Integer> in = x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LT, hi)).cast(I);
            // The scalar findBin: the truncated product, clamped to the last bin, then at most one step
            // against the stored edges. Lanes outside the range are clamped too; their result is
            // replaced below.
            IntVector b = ((IntVector) x.sub(origin).mul(invWidth).convertShape(VectorOperators.D2I, I, 0))
                    .min(bins - 1).max(0);
            DoubleVector k = (DoubleVector) b.convertShape(VectorOperators.I2D, D, 0);
            DoubleVector lower = k.mul(w).add(lo);
            DoubleVector upper = k.add(1.0).mul(w).add(lo).blend(hi, b.compare(VectorOperators.EQ, bins - 1).cast(D));
            VectorMask<Integer> down = x.compare(VectorOperators.LT, lower).cast(I);
            VectorMask<Integer> up = x.compare(VectorOperators.GE, upper).cast(I);
            IntVector bin = b.add(u).lanewise(VectorOperators.SUB, 1, down).lanewise(VectorOperators.ADD, 1, up);
            IntVector flow = IntVector.broadcast(I, over).blend(under, below);
            bin = flow.blend(bin, in);
            IntVector v = IntVector.fromArray(I, idx, i).add(bin.mul(stride));
            // Negative entries stay negative: a dropped entry never comes back.
            v.blend(Integer.MIN_VALUE, bin.compare(VectorOperators.LT, 0)).intoArray(idx, i);
        }
        return i;
    }
}
