package org.crema.hist.internal;

/**
 * The vectorised parts of a histogram fill. The scalar twin — the specification — is the loop in
 * {@code ContinuousAxis.addIndicesScalar}; an implementation performs the same IEEE and integer
 * operations, so which one ran never changes a result. Each method handles whole vectors from its
 * start and returns where it stopped; the caller finishes the rest with its scalar loop.
 *
 * <p>Implementations are stateless and may be used by several threads at once.
 */
public interface FillKernels {

    /** Entries per vector. */
    int LANES = 8;

    /**
     * Bin indices for a linear regular axis, as {@code ContinuousAxis.addIndices} computes them:
     * {@code idx[i] += stride · stored position of xs[i]}, or {@link Integer#MIN_VALUE} when the value
     * falls into a switched-off flow bin.
     *
     * @param edges the axis's stored edges ({@code bins + 1}), linear as {@code RegularAxis} makes them:
     *     edge k is {@code edges[0] + k·w} with {@code w = (edges[bins] − edges[0]) / bins}, the last one
     *     {@code edges[bins]}; a kernel may compute them instead of reading them
     * @param origin the lower edge, subtracted before multiplying by {@code invWidth}
     * @param invWidth bins per unit of x
     * @param u 1 when the axis has an underflow bin, else 0
     * @param under stored position of values below the range, -1 when dropped
     * @param over stored position of values at or above the range and NaN, -1 when dropped
     * @return the number of leading entries done (a multiple of {@link #LANES})
     */
    int regularIndices(double[] xs, int n, int[] idx, int stride, double[] edges, double origin, double invWidth,
            int u, int under, int over);
}
