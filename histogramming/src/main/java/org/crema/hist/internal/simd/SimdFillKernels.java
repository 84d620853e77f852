package org.crema.hist.internal.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.crema.hist.internal.FillKernels;

/**
 * {@link FillKernels} with the Vector API: 8 double, long and int lanes (AVX-512 gathers and
 * scatters). Gathers and scatters take their indices from an {@code int[]}, so each thread keeps an
 * 8-entry scratch for them.
 */
public final class SimdFillKernels implements FillKernels {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final long M32 = 0xFFFFFFFFL;

    /** The kernels, or {@code null} when the preferred vectors are narrower than {@link #LANES}. */
    public static final SimdFillKernels INSTANCE =
            DoubleVector.SPECIES_PREFERRED.length() >= LANES ? new SimdFillKernels() : null;

    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[LANES]);
    private static final IntVector LANE = IntVector.zero(I).addIndex(1);

    private SimdFillKernels() {}

    @Override
    public int regularIndices(double[] xs, int n, int[] idx, int stride, double[] edges, double origin,
            double invWidth, int u, int under, int over) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double hi = edges[bins];
        int[] map = SCRATCH.get();
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(D, xs, i);
            VectorMask<Integer> below = x.compare(VectorOperators.LT, lo).cast(I);
            VectorMask<Integer> in = x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LT, hi)).cast(I);
            // The scalar findBin: the truncated product, clamped to the last bin, then at most one step
            // against the stored edges. Lanes outside the range are clamped too, only to keep the gathers
            // in bounds; their result is replaced below.
            IntVector b = ((IntVector) x.sub(origin).mul(invWidth).convertShape(VectorOperators.D2I, I, 0))
                    .min(bins - 1).max(0);
            b.intoArray(map, 0);
            DoubleVector lower = DoubleVector.fromArray(D, edges, 0, map, 0);
            DoubleVector upper = DoubleVector.fromArray(D, edges, 1, map, 0);
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

    @Override
    public int variableIndices(double[] xs, int n, int[] idx, int stride, double[] edges, int u, int under,
            int over) {
        int bins = edges.length - 1;
        double lo = edges[0];
        double hi = edges[bins];
        // Every lane takes the same number of halving steps, enough for the widest interval; a lane
        // whose interval is already one bin wide compares against its own lower edge and stays.
        int steps = 32 - Integer.numberOfLeadingZeros(bins - 1);
        int[] map = SCRATCH.get();
        IntVector zero = IntVector.zero(I);
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            DoubleVector x = DoubleVector.fromArray(D, xs, i);
            VectorMask<Integer> below = x.compare(VectorOperators.LT, lo).cast(I);
            VectorMask<Integer> in = x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LT, hi)).cast(I);
            IntVector low = zero;
            IntVector high = IntVector.broadcast(I, bins);
            for (int s = 0; s < steps; s++) {
                IntVector mid = low.add(high).lanewise(VectorOperators.LSHR, 1);
                mid.intoArray(map, 0);
                VectorMask<Integer> right =
                        x.compare(VectorOperators.GE, DoubleVector.fromArray(D, edges, 0, map, 0)).cast(I);
                low = low.blend(mid, right);
                high = mid.blend(high, right);
            }
            IntVector bin = IntVector.broadcast(I, over).blend(under, below).blend(low.add(u), in);
            IntVector v = IntVector.fromArray(I, idx, i).add(bin.mul(stride));
            v.blend(Integer.MIN_VALUE, bin.compare(VectorOperators.LT, 0)).intoArray(idx, i);
        }
        return i;
    }

    @Override
    public int accumulateWeights(long[] low1, long[] high1, double u1, long[] low2, long[] high2, double u2,
            int[] ix, int from, int n, int shift, double[] ws, int wo, double scalar) {
        int[] map = SCRATCH.get();
        DoubleVector constant = DoubleVector.broadcast(D, scalar);
        int i = from;
        for (; i <= n - LANES; i += LANES) {
            IntVector j = IntVector.fromArray(I, ix, i);
            VectorMask<Integer> skip = j.compare(VectorOperators.LT, 0);
            DoubleVector w = ws == null ? constant : DoubleVector.fromArray(D, ws, wo + i);
            DoubleVector y1 = w.mul(u1);
            DoubleVector y2 = w.mul(w).mul(u2);
            LongVector x1 = (LongVector) y1.convert(VectorOperators.D2L, 0);
            LongVector x2 = (LongVector) y2.convert(VectorOperators.D2L, 0);
            // The scalar round-trip test: the conversion is exact and not the saturated 2^63 − 1.
            VectorMask<Long> fits = x1.convert(VectorOperators.L2D, 0).compare(VectorOperators.EQ, y1)
                    .and(x2.convert(VectorOperators.L2D, 0).compare(VectorOperators.EQ, y2)).cast(L)
                    .andNot(x1.compare(VectorOperators.EQ, Long.MAX_VALUE))
                    .andNot(x2.compare(VectorOperators.EQ, Long.MAX_VALUE));
            VectorMask<Long> skipL = skip.cast(L);
            if (!fits.or(skipL).allTrue()) {
                return i;
            }
            // Lane l of every vector adds into slot bin·LANES + l: no two lanes touch the same slot, so
            // a gather, add and scatter cannot lose an update. Skipped lanes add 0 to their bin-0 slot.
            j.add(shift).lanewise(VectorOperators.LSHL, 3).add(LANE).blend(LANE, skip).intoArray(map, 0);
            x1 = x1.blend(0, skipL);
            x2 = x2.blend(0, skipL);
            LongVector.fromArray(L, low1, 0, map, 0).add(x1.and(M32)).intoArray(low1, 0, map, 0);
            LongVector.fromArray(L, high1, 0, map, 0).add(x1.lanewise(VectorOperators.ASHR, 32))
                    .intoArray(high1, 0, map, 0);
            LongVector.fromArray(L, low2, 0, map, 0).add(x2.and(M32)).intoArray(low2, 0, map, 0);
            LongVector.fromArray(L, high2, 0, map, 0).add(x2.lanewise(VectorOperators.ASHR, 32))
                    .intoArray(high2, 0, map, 0);
        }
        return i;
    }
}
