package org.crema.corrections.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the first record (in file order) whose bin ranges contain a point, as JetMET text files
 * define it ({@code min <= x < max} on every bin variable), in O(dims · log(bins)) instead of the
 * linear scan over thousands of records. The ranges are cut into elementary intervals per
 * dimension (nested: the intervals of dimension 1 depend on the interval of dimension 0), and each
 * elementary cell remembers the first record covering it, which is exactly the first-match rule.
 *
 * <p>With {@code clamp}, a value outside the outermost edges of a dimension is moved into the
 * first or last interval (the coffea convention); otherwise it finds no record.
 */
public final class BinIndex {
    private final int dims;
    private final Level root;

    private static final class Level {
        double[] edges;
        Level[] children;
        int[] rows;
    }

    /**
     * @param min {@code min[d][record]}
     * @param max {@code max[d][record]}
     * @param records number of records
     */
    public BinIndex(double[][] min, double[][] max, int records) {
        this.dims = min.length;
        int[] all = new int[records];
        for (int i = 0; i < records; i++) {
            all[i] = i;
        }
        this.root = dims == 0 ? null : build(min, max, all, 0);
    }

    private Level build(double[][] min, double[][] max, int[] candidates, int d) {
        TreeSet<Double> set = new TreeSet<>();
        for (int r : candidates) {
            set.add(min[d][r]);
            set.add(max[d][r]);
        }
        Level level = new Level();
        level.edges = set.stream().mapToDouble(Double::doubleValue).toArray();
        int intervals = Math.max(0, level.edges.length - 1);
        boolean last = d == dims - 1;
        if (last) {
            level.rows = new int[intervals];
        } else {
            level.children = new Level[intervals];
        }
        List<Integer> sub = new ArrayList<>();
        for (int k = 0; k < intervals; k++) {
            double lo = level.edges[k];
            double hi = level.edges[k + 1];
            sub.clear();
            for (int r : candidates) {
                if (min[d][r] <= lo && hi <= max[d][r]) {
                    sub.add(r);
                    if (last) {
                        break;
                    }
                }
            }
            if (last) {
                level.rows[k] = sub.isEmpty() ? -1 : sub.get(0);
            } else if (!sub.isEmpty()) {
                level.children[k] = build(min, max, sub.stream().mapToInt(Integer::intValue).toArray(), d + 1);
            }
        }
        return level;
    }

    /** @return the number of bin dimensions */
    public int dimensions() {
        return dims;
    }

    /**
     * @param x one value per dimension
     * @param clamp move out-of-range values into the edge intervals instead of failing
     * @return the record index, or -1 when no record contains the point
     */
    public int find(double[] x, boolean clamp) {
        if (dims == 0) {
            return 0;
        }
        Level level = root;
        for (int d = 0; ; d++) {
            int k = locate(level.edges, x[d], clamp);
            if (k < 0) {
                return -1;
            }
            if (d == dims - 1) {
                return level.rows[k];
            }
            level = level.children[k];
            if (level == null) {
                return -1;
            }
        }
    }

    /**
     * Batch form of {@link #find(double[], boolean)}.
     *
     * @param x {@code x[d][j]}, one column per dimension
     * @param from first element
     * @param n number of elements
     * @param clamp see {@link #find}
     * @param rows receives the record index of element {@code from + j} at {@code rows[j]}
     */
    public void find(double[][] x, int from, int n, boolean clamp, int[] rows) {
        if (dims == 0) {
            Arrays.fill(rows, 0, n, 0);
            return;
        }
        if (dims == 1) {
            double[] edges = root.edges;
            int[] r = root.rows;
            double[] x0 = x[0];
            for (int j = 0; j < n; j++) {
                int k = locate(edges, x0[from + j], clamp);
                rows[j] = k < 0 ? -1 : r[k];
            }
            return;
        }
        if (dims == 2) {
            double[] x0 = x[0];
            double[] x1 = x[1];
            for (int j = 0; j < n; j++) {
                int k = locate(root.edges, x0[from + j], clamp);
                Level child = k < 0 ? null : root.children[k];
                if (child == null) {
                    rows[j] = -1;
                    continue;
                }
                int k1 = locate(child.edges, x1[from + j], clamp);
                rows[j] = k1 < 0 ? -1 : child.rows[k1];
            }
            return;
        }
        double[] point = new double[dims];
        for (int j = 0; j < n; j++) {
            for (int d = 0; d < dims; d++) {
                point[d] = x[d][from + j];
            }
            rows[j] = find(point, clamp);
        }
    }

    private static int locate(double[] edges, double v, boolean clamp) {
        int m = edges.length - 1;
        if (m < 1) {
            return -1;
        }
        if (!(v >= edges[0])) {
            // NaN never matches a record, whatever the policy: a NaN jet has no meaningful bin.
            return clamp && !Double.isNaN(v) ? 0 : -1;
        }
        if (v >= edges[m]) {
            return clamp ? m - 1 : -1;
        }
        int lo = 0;
        int hi = m; // edges[lo] <= v < edges[hi]
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
