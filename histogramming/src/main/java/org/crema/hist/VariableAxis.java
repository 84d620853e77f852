package org.crema.hist;

import java.util.Arrays;

/**
 * Bins between arbitrary increasing edges. Filling uses a uniform lookup grid over the range: the
 * grid cell of a value gives a starting bin, and a short walk along the edges finishes the job, so
 * the cost does not grow with the number of bins the way a binary search does. Underflow and
 * overflow bins are on by default. Serialized as UHI {@code "variable"}.
 */
public final class VariableAxis extends ContinuousAxis {
    /** Upper bound on grid cells, to keep the lookup table within L1/L2 cache (64 KiB of ints). */
    private static final int MAX_CELLS = 1 << 14;

    private final int[] grid;
    private final double invCell;

    private VariableAxis(String name, String label, String unit, double[] edges, boolean underflow, boolean overflow) {
        super(name, label, unit, edges, underflow, overflow);
        int n = edges.length - 1;
        double range = edges[n] - edges[0];
        double minWidth = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minWidth = Math.min(minWidth, edges[i + 1] - edges[i]);
        }
        // One cell per narrowest bin (so most cells hold at most two edges), within bounds.
        double wanted = Math.ceil(range / minWidth);
        int cells = (int) Math.max(n, Math.min(MAX_CELLS, wanted));
        this.grid = new int[cells];
        this.invCell = cells / range;
        for (int c = 0; c < cells; c++) {
            double left = edges[0] + c * (range / cells);
            grid[c] = Math.min(n - 1, searchBin(edges, Math.max(left, edges[0])));
        }
    }

    /**
     * An axis with the given edges and underflow/overflow bins.
     *
     * @param name axis name
     * @param edges at least two finite, strictly increasing edges (copied)
     * @return the axis
     * @throws IllegalArgumentException naming the first edge that is not finite or not increasing
     */
    public static VariableAxis of(String name, double... edges) {
        double[] e = edges.clone();
        if (e.length < 2) {
            throw new IllegalArgumentException("variable axis needs at least 2 edges, got " + e.length);
        }
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i])) {
                throw new IllegalArgumentException("variable axis edges must be finite: edges[" + i + "]=" + e[i]);
            }
            if (i > 0 && !(e[i] > e[i - 1])) {
                throw new IllegalArgumentException("variable axis edges must increase strictly: edges[" + (i - 1)
                        + "]=" + e[i - 1] + " >= edges[" + i + "]=" + e[i]);
            }
        }
        return new VariableAxis(name, "", "", e, true, true);
    }

    @Override
    int findBin(double x) {
        int c = (int) ((x - edges[0]) * invCell);
        if (c >= grid.length) {
            c = grid.length - 1;
        }
        int b = grid[c];
        // Walk to the right bin; both loops stay inside [0, n-1] because edges[0] <= x < edges[n].
        while (x >= edges[b + 1]) {
            b++;
        }
        while (x < edges[b]) {
            b--;
        }
        return b;
    }

    @Override
    public VariableAxis withLabel(String newLabel) {
        return new VariableAxis(name(), newLabel, unit(), edges, underflow, overflow);
    }

    @Override
    public VariableAxis withUnit(String newUnit) {
        return new VariableAxis(name(), label(), newUnit, edges, underflow, overflow);
    }

    @Override
    public VariableAxis withUnderflow(boolean underflowOn) {
        return new VariableAxis(name(), label(), unit(), edges, underflowOn, overflow);
    }

    @Override
    public VariableAxis withOverflow(boolean overflowOn) {
        return new VariableAxis(name(), label(), unit(), edges, underflow, overflowOn);
    }

    @Override
    ContinuousAxis rebinned(int factor) {
        double[] e = new double[size() / factor + 1];
        for (int i = 0; i < e.length; i++) {
            e[i] = edges[i * factor];
        }
        return new VariableAxis(name(), label(), unit(), e, underflow, overflow);
    }

    @Override
    ContinuousAxis sliced(int from, int to) {
        return new VariableAxis(name(), label(), unit(), Arrays.copyOfRange(edges, from, to + 1), underflow, overflow);
    }

    @Override
    public String describe() {
        return "VariableAxis " + quote(name()) + " (" + size() + " bins, edges " + Arrays.toString(edges) + ", "
                + flowText(underflow, overflow) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VariableAxis v && sameHeader(v) && Arrays.equals(edges, v.edges)
                && underflow == v.underflow && overflow == v.overflow;
    }

    @Override
    public int hashCode() {
        return 31 * headerHash() + Arrays.hashCode(edges) + (underflow ? 2 : 0) + (overflow ? 1 : 0);
    }
}
