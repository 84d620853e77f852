package org.crema.hist;

import java.util.Objects;
import org.crema.hist.internal.FillKernels;

/**
 * {@code n} equal-width bins over {@code [low, high)}, optionally equal-width in {@code log(x)}
 * (log-spaced bins). Filling computes the bin from {@code (x - low) * (1 / width)} and then checks
 * the result against the stored edges, so a value equal to an edge always lands in the bin above,
 * even where the multiplication rounds the other way. Underflow and overflow bins are on by
 * default. Serialized as UHI {@code "regular"} (a log axis as {@code "variable"} with its edges).
 */
public final class RegularAxis extends ContinuousAxis {
    private final int bins;
    private final double low;
    private final double high;
    private final boolean log;
    // Precomputed so the hot loop multiplies instead of divides.
    private final double invWidth;
    private final double origin;

    private RegularAxis(String name, String label, String unit, int bins, double low, double high, boolean log,
            boolean underflow, boolean overflow) {
        super(name, label, unit, makeEdges(bins, low, high, log), underflow, overflow);
        this.bins = bins;
        this.low = low;
        this.high = high;
        this.log = log;
        this.origin = log ? Math.log(low) : low;
        this.invWidth = bins / (log ? Math.log(high) - Math.log(low) : high - low);
    }

    /**
     * Equal-width bins with underflow and overflow.
     *
     * @param name axis name
     * @param bins number of bins, {@code >= 1}
     * @param low lower edge, finite
     * @param high upper edge, finite and {@code > low}
     * @return the axis
     * @throws IllegalArgumentException if the range or bin count is invalid
     */
    public static RegularAxis of(String name, int bins, double low, double high) {
        check(bins, low, high, false);
        return new RegularAxis(name, "", "", bins, low, high, false, true, true);
    }

    /**
     * Bins of equal width in {@code log(x)}: edges {@code low * (high/low)^(i/bins)}. Values {@code
     * <= 0} go to the underflow bin.
     *
     * @param name axis name
     * @param bins number of bins, {@code >= 1}
     * @param low lower edge, finite and {@code > 0}
     * @param high upper edge, finite and {@code > low}
     * @return the axis
     */
    public static RegularAxis log(String name, int bins, double low, double high) {
        check(bins, low, high, true);
        return new RegularAxis(name, "", "", bins, low, high, true, true, true);
    }

    private static void check(int bins, double low, double high, boolean log) {
        if (bins < 1) {
            throw new IllegalArgumentException("regular axis needs bins >= 1, got " + bins);
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException(
                    "regular axis needs finite low < high, got low=" + low + ", high=" + high);
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException("log regular axis needs low > 0, got low=" + low);
        }
    }

    private static double[] makeEdges(int bins, double low, double high, boolean log) {
        double[] e = new double[bins + 1];
        if (log) {
            double a = Math.log(low);
            double w = (Math.log(high) - a) / bins;
            for (int i = 0; i <= bins; i++) {
                e[i] = Math.exp(a + i * w);
            }
        } else {
            double w = (high - low) / bins;
            for (int i = 0; i <= bins; i++) {
                e[i] = low + i * w;
            }
        }
        // The range ends exactly where the user said, whatever the rounding of the formula.
        e[0] = low;
        e[bins] = high;
        for (int i = 1; i <= bins; i++) {
            if (!(e[i] > e[i - 1])) {
                throw new IllegalArgumentException("regular axis bins too narrow for double precision: edge "
                        + (i - 1) + "=" + e[i - 1] + " and edge " + i + "=" + e[i] + " (low=" + low + ", high=" + high
                        + ", bins=" + bins + ")");
            }
        }
        return e;
    }

    /** @return the number of bins */
    public int bins() {
        return bins;
    }

    /** @return true if the bins are equal-width in {@code log(x)} */
    public boolean isLog() {
        return log;
    }

    @Override
    int findBin(double x) {
        int b = (int) (((log ? Math.log(x) : x) - origin) * invWidth);
        if (b >= bins) {
            b = bins - 1;
        }
        // At most one step: the product is within one ulp of the exact bin position.
        if (x < edges[b]) {
            b--;
        } else if (x >= edges[b + 1]) {
            b++;
        }
        return b;
    }

    @Override
    int addIndicesVector(FillKernels k, double[] xs, int n, int[] idx, int stride, int u, int under, int over) {
        // A log axis computes Math.log per value, which has no vector twin with the same bits.
        return log ? 0 : k.regularIndices(xs, n, idx, stride, edges, origin, invWidth, u, under, over);
    }

    @Override
    public RegularAxis withLabel(String newLabel) {
        return new RegularAxis(name(), newLabel, unit(), bins, low, high, log, underflow, overflow);
    }

    @Override
    public RegularAxis withUnit(String newUnit) {
        return new RegularAxis(name(), label(), newUnit, bins, low, high, log, underflow, overflow);
    }

    @Override
    public RegularAxis withUnderflow(boolean underflowOn) {
        return new RegularAxis(name(), label(), unit(), bins, low, high, log, underflowOn, overflow);
    }

    @Override
    public RegularAxis withOverflow(boolean overflowOn) {
        return new RegularAxis(name(), label(), unit(), bins, low, high, log, underflow, overflowOn);
    }

    @Override
    ContinuousAxis rebinned(int factor) {
        return new RegularAxis(name(), label(), unit(), bins / factor, low, high, log, underflow, overflow);
    }

    @Override
    ContinuousAxis sliced(int from, int to) {
        if (from == 0 && to == bins) {
            return this;
        }
        return new RegularAxis(name(), label(), unit(), to - from, edges[from], edges[to], log, underflow, overflow);
    }

    @Override
    public String describe() {
        return "RegularAxis " + quote(name()) + " (" + bins + (log ? " log" : "") + " bins, [" + fmt(low) + ", "
                + fmt(high) + "), " + flowText(underflow, overflow) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegularAxis r && sameHeader(r) && bins == r.bins && low == r.low && high == r.high
                && log == r.log && underflow == r.underflow && overflow == r.overflow;
    }

    @Override
    public int hashCode() {
        return Objects.hash(headerHash(), bins, low, high, log, underflow, overflow);
    }
}
