package org.crema.hist.internal;

/**
 * The vectorised parts of a histogram fill. The scalar twins — the specification — are the loops in
 * {@code ContinuousAxis.addIndices} and {@code WeightStore.accumulate}; an implementation performs
 * the same IEEE and integer operations, so which one ran never changes a result. Each method handles
 * whole vectors from its start and returns where it stopped; the caller finishes the rest with its
 * scalar loop.
 *
 * <p>Implementations are stateless and may be used by several threads at once.
 */
public interface FillKernels {

    /** Entries per vector: the lane-private copies of the per-bin state have this many slots per bin. */
    int LANES = 8;

    /**
     * Bin indices for a linear regular axis, as {@code ContinuousAxis.addIndices} computes them:
     * {@code idx[i] += stride · stored position of xs[i]}, or {@link Integer#MIN_VALUE} when the value
     * falls into a switched-off flow bin.
     *
     * @param edges the axis's stored edges ({@code bins + 1})
     * @param origin the lower edge, subtracted before multiplying by {@code invWidth}
     * @param invWidth bins per unit of x
     * @param u 1 when the axis has an underflow bin, else 0
     * @param under stored position of values below the range, -1 when dropped
     * @param over stored position of values at or above the range and NaN, -1 when dropped
     * @return the number of leading entries done (a multiple of {@link #LANES})
     */
    int regularIndices(double[] xs, int n, int[] idx, int stride, double[] edges, double origin, double invWidth,
            int u, int under, int over);

    /**
     * Bin indices for an axis with arbitrary edges, as {@code ContinuousAxis.addIndices} computes
     * them: the bin {@code b} with {@code edges[b] <= x < edges[b+1]} is unique, so a binary search
     * finds the same one as the axis's own lookup.
     *
     * @return the number of leading entries done (a multiple of {@link #LANES})
     */
    int variableIndices(double[] xs, int n, int[] idx, int stride, double[] edges, int u, int under, int over);

    /**
     * The fast path of a weighted fill into lane-private copies of the exact pairs: for each vector
     * of entries from {@code from}, every weight {@code w} (or {@code scalar} when {@code ws} is
     * null) and {@code w·w} is multiplied by its sum's inverse unit, converted to a {@code long}
     * and, when every entry of the vector round-trips, its low 32 bits are added to the low word and
     * the rest to the high word of slot {@code bin · LANES + lane}. Entries with a negative index are
     * skipped. Stops at the first vector with an entry that does not round-trip, or when fewer than
     * {@link #LANES} entries are left.
     *
     * @return the index of the first entry not added
     */
    int accumulateWeights(long[] low1, long[] high1, double u1, long[] low2, long[] high2, double u2, int[] ix,
            int from, int n, int shift, double[] ws, int wo, double scalar);
}
