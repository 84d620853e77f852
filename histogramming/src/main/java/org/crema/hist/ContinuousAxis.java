package org.crema.hist;

import org.crema.hist.internal.FillKernels;

/**
 * An axis of contiguous numeric intervals {@code [edge[i], edge[i+1])}: {@link RegularAxis},
 * {@link VariableAxis} and {@link IntegerAxis}. A value equal to an edge goes to the bin above it;
 * the last edge belongs to the overflow bin. NaN goes to the overflow bin, as in boost-histogram
 * (and is dropped when the overflow bin is switched off); +∞ goes to overflow and −∞ to underflow.
 */
public abstract sealed class ContinuousAxis extends Axis permits RegularAxis, VariableAxis, IntegerAxis {
    /** Bin edges, size()+1 of them, strictly increasing; the exact bin boundaries used by filling. */
    final double[] edges;
    final boolean underflow;
    final boolean overflow;

    ContinuousAxis(String name, String label, String unit, double[] edges, boolean underflow, boolean overflow) {
        super(name, label, unit);
        this.edges = edges;
        this.underflow = underflow;
        this.overflow = overflow;
    }

    @Override
    public final int size() {
        return edges.length - 1;
    }

    @Override
    public final boolean hasUnderflow() {
        return underflow;
    }

    @Override
    public final boolean hasOverflow() {
        return overflow;
    }

    /** @return a copy of the {@code size()+1} bin edges */
    public final double[] edges() {
        return edges.clone();
    }

    /** @return the lower edge of the axis range */
    public final double lower() {
        return edges[0];
    }

    /** @return the upper edge of the axis range (values equal to it overflow) */
    public final double upper() {
        return edges[edges.length - 1];
    }

    /** @return the {@code size()} bin centres (arithmetic mean of the two edges) */
    public final double[] centers() {
        double[] c = new double[size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        return c;
    }

    /** @return the {@code size()} bin widths */
    public final double[] widths() {
        double[] w = new double[size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = edges[i + 1] - edges[i];
        }
        return w;
    }

    /**
     * The bin a value falls into, whether or not the flow bins are switched on.
     *
     * @param value any value
     * @return {@code -1} below the range, {@code size()} at or above the upper edge or for NaN, else
     *     the bin {@code i} with {@code edge[i] <= value < edge[i+1]}
     */
    public final int index(double value) {
        if (value >= edges[0] && value < edges[edges.length - 1]) {
            return findBin(value);
        }
        return value < edges[0] ? -1 : size();
    }

    /**
     * @param underflowOn keep values below the range in an underflow bin
     * @return a copy with the underflow bin switched on or off
     */
    public abstract ContinuousAxis withUnderflow(boolean underflowOn);

    /**
     * @param overflowOn keep values at or above the range (and NaN) in an overflow bin
     * @return a copy with the overflow bin switched on or off
     */
    public abstract ContinuousAxis withOverflow(boolean overflowOn);

    /** The bin of a value known to lie in [edges[0], edges[n]). */
    abstract int findBin(double x);

    /**
     * Adds {@code stride * stored position} of {@code xs[i]} to {@code idx[i]} for {@code i < n};
     * a value whose flow bin is switched off marks the entry as dropped (negative).
     */
    final void addIndices(double[] xs, int n, int[] idx, int stride) {
        FillKernels k = FillSimd.current();
        int from = 0;
        if (k != null) {
            int u = underflow ? 1 : 0;
            from = addIndicesVector(k, xs, n, idx, stride, u, underflow ? 0 : -1, overflow ? size() + u : -1);
        }
        addIndicesScalar(xs, from, n, idx, stride);
    }

    /**
     * The vectorised index pass where this axis has one ({@link FillKernels}); same arguments as
     * {@link #addIndices} plus the flow positions it computes.
     *
     * @return the number of leading entries done; the scalar loop does the rest
     */
    int addIndicesVector(FillKernels k, double[] xs, int n, int[] idx, int stride, int u, int under, int over) {
        return 0;
    }

    /** {@link #addIndices} for entries {@code from} to {@code n}, one at a time: the specification of the vectorised pass. */
    final void addIndicesScalar(double[] xs, int from, int n, int[] idx, int stride) {
        final double lo = edges[0];
        final double hi = edges[edges.length - 1];
        final int u = underflow ? 1 : 0;
        final int under = underflow ? 0 : -1;
        final int over = overflow ? size() + u : -1;
        for (int i = from; i < n; i++) {
            double x = xs[i];
            int b;
            if (x >= lo && x < hi) {
                b = findBin(x) + u;
            } else {
                b = x < lo ? under : over;
            }
            int v = idx[i] + b * stride;
            // Negative entries stay negative: a dropped entry never comes back (see Hist.DROPPED).
            idx[i] = b < 0 ? Integer.MIN_VALUE : v;
        }
    }

    /** Stored position of one value, or -1 when it falls into a switched-off flow bin. */
    final int storedIndex(double x) {
        if (x >= edges[0] && x < edges[edges.length - 1]) {
            return findBin(x) + (underflow ? 1 : 0);
        }
        if (x < edges[0]) {
            return underflow ? 0 : -1;
        }
        return overflow ? extent() - 1 : -1;
    }

    /**
     * The axis obtained by merging groups of {@code factor} adjacent bins.
     *
     * @param factor bins per group; must divide {@link #size()}
     * @return the coarser axis with the same range and flow settings
     */
    abstract ContinuousAxis rebinned(int factor);

    /**
     * The axis made of bins {@code [from, to)} of this one.
     */
    abstract ContinuousAxis sliced(int from, int to);

    @Override
    public final String binLabel(int bin) {
        if (bin == -1) {
            return "underflow";
        }
        if (bin == size()) {
            return "overflow";
        }
        return "[" + fmt(edges[bin]) + ", " + fmt(edges[bin + 1]) + ")";
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Upper-bound binary search: the bin i with edges[i] <= x < edges[i+1], for x in range. */
    static int searchBin(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x >= edges[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
