package org.crema.correctionlib.internal;

import java.util.Arrays;

/**
 * One binned axis: either a list of increasing edges or a uniform {n, low, high} binning. Bins are
 * lower-inclusive and upper-exclusive ({@code e[k] <= x < e[k+1]}); a value equal to the last edge
 * is overflow, and NaN is overflow too (the reference's {@code upper_bound} returns the end for NaN).
 */
public final class Axis {
    /** Returned by {@link #locate} for a value below the first edge. */
    public static final int UNDER = -1;
    /** Returned by {@link #locate} for a value at or above the last edge, or NaN. */
    public static final int OVER = -2;

    private final double[] edges; // null when uniform
    private final int nbins;
    private final double low;
    private final double high;
    private final boolean wrap;

    private Axis(double[] edges, int nbins, double low, double high, boolean wrap) {
        this.edges = edges;
        this.nbins = nbins;
        this.low = low;
        this.high = high;
        this.wrap = wrap;
    }

    /** An axis with explicit, strictly increasing edges (validated by the caller). */
    public static Axis ofEdges(double[] edges, boolean wrap) {
        return new Axis(edges, edges.length - 1, edges[0], edges[edges.length - 1], wrap);
    }

    /** A uniform axis of {@code n} bins over [low, high). */
    public static Axis uniform(int n, double low, double high, boolean wrap) {
        return new Axis(null, n, low, high, wrap);
    }

    /** @return number of bins */
    public int nbins() {
        return nbins;
    }

    /** @return the lowest edge */
    public double low() {
        return low;
    }

    /** @return the highest edge */
    public double high() {
        return high;
    }

    /** @return the edges (a copy), computed for uniform axes */
    public double[] edges() {
        if (edges != null) {
            return edges.clone();
        }
        double[] e = new double[nbins + 1];
        for (int k = 0; k <= nbins; k++) {
            e[k] = low + (high - low) * k / nbins;
        }
        e[nbins] = high;
        return e;
    }


    /** @return whether the binning is uniform */
    public boolean isUniform() {
        return edges == null;
    }

    /**
     * @return the bin index of {@code x}, or {@link #UNDER} / {@link #OVER}; under wrap, only a
     *     non-finite value is out of range (reported as OVER)
     */
    public int locate(double x) {
        if (edges == null) {
            return locateUniform(x);
        }
        if (wrap) {
            // Same operation order as the reference: normalise, drop the integer part, scale back.
            double norm = (x - low) / (high - low);
            norm -= Math.floor(norm);
            x = low + norm * (high - low);
            if (!(x < high)) {
                // Rounding can land exactly on the upper edge (or x was not finite).
                return Double.isFinite(x) ? nbins - 1 : OVER;
            }
        }
        double[] e = edges;
        // upper_bound (first edge strictly greater than x) without data-dependent branches: random
        // inputs make a branchy search mispredict at every level. NaN compares false everywhere and
        // runs to the end, i.e. overflow, as in the reference.
        int base = 0;
        int len = e.length;
        while (len > 1) {
            int half = len >>> 1;
            base = x < e[base + half] ? base : base + half;
            len -= half;
        }
        int upper = x < e[base] ? base : base + 1;
        if (upper == 0) {
            return UNDER;
        }
        if (upper == e.length) {
            return OVER;
        }
        return upper - 1;
    }

    private int locateUniform(double x) {
        double norm;
        if (wrap) {
            norm = (x - low) / (high - low);
            norm -= Math.floor(norm);
            if (!Double.isFinite(norm)) {
                return OVER;
            }
        } else {
            if (x < low) {
                return UNDER;
            }
            if (!(x < high)) {
                return OVER; // also NaN
            }
            norm = (x - low) / (high - low);
        }
        int b = (int) (nbins * norm);
        // (n * norm) can round up to n just below the upper edge; stay inside.
        return b < nbins ? b : nbins - 1;
    }

    /** Describes the axis range for messages, e.g. "[15.0, inf) (8 bins)". */
    public String describe() {
        return "[" + low + ", " + high + ") (" + nbins + (nbins == 1 ? " bin" : " bins")
                + (edges == null ? ", uniform" : ", edges " + shortEdges()) + ")";
    }

    private String shortEdges() {
        if (edges.length <= 12) {
            return Arrays.toString(edges);
        }
        return "[" + edges[0] + ", " + edges[1] + ", ..., " + edges[edges.length - 1] + "]";
    }
}
