package org.crema.io;

import org.crema.columnar.BoolColumn;
import org.crema.columnar.Column;
import org.crema.columnar.ListColumn;
import org.crema.columnar.PrimitiveColumn;

/**
 * Summary statistics of one branch, with the conventions of the independent reference values that
 * crema is checked against: values are widened to double (unsigned types as unsigned, booleans as
 * 0/1); {@code sum} is accumulated sequentially in entry order (and element order within an entry),
 * so it is reproducible bit for bit; NaN and ±Infinity are left out of sum, min and max and counted
 * in {@code nonFiniteCount}.
 *
 * @param entries number of entries
 * @param jagged whether entries are lists
 * @param totalCount number of values (elements of all lists for jagged branches; entries otherwise)
 * @param sum sequential double sum of the finite values
 * @param min smallest finite value, NaN when there is none
 * @param max largest finite value, NaN when there is none
 * @param nonFiniteCount number of NaN and infinite values
 * @param values the column the statistics were computed from (for first values)
 */
public record BranchStatistics(long entries, boolean jagged, long totalCount, double sum, double min, double max,
        long nonFiniteCount, Column values) {

    /**
     * Computes the statistics of a column as returned by {@link Tree#read}.
     *
     * @param column a flat primitive column or a list column of one
     * @return the statistics
     */
    public static BranchStatistics of(Column column) {
        PrimitiveColumn flat;
        boolean jagged;
        int from;
        int to;
        if (column instanceof ListColumn<?> list && list.content() instanceof PrimitiveColumn content) {
            flat = content;
            jagged = true;
            from = list.length() == 0 ? 0 : list.start(0);
            to = list.length() == 0 ? 0 : list.end(list.length() - 1);
        } else if (column instanceof PrimitiveColumn p) {
            flat = p;
            jagged = false;
            from = 0;
            to = p.length();
        } else {
            throw new IllegalArgumentException("statistics need a primitive column or a list of one, got "
                    + column.getClass().getSimpleName());
        }
        double sum = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        long nonFinite = 0;
        boolean bool = flat instanceof BoolColumn;
        for (int i = from; i < to; i++) {
            double v = bool ? (((BoolColumn) flat).get(i) ? 1 : 0) : flat.getDouble(i);
            if (!Double.isFinite(v)) {
                nonFinite++;
                continue;
            }
            sum += v;
            if (Double.isNaN(min) || v < min) {
                min = v;
            }
            if (Double.isNaN(max) || v > max) {
                max = v;
            }
        }
        return new BranchStatistics(column.length(), jagged, to - from, sum, min, max, nonFinite, column);
    }

    /**
     * Reads a whole branch and computes its statistics.
     *
     * @param tree the tree
     * @param branch branch name
     * @return the statistics
     */
    public static BranchStatistics of(Tree tree, String branch) {
        return of(tree.read(branch, 0, tree.entries()));
    }
}
