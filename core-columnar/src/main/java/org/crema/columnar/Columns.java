package org.crema.columnar;

/** Short factories for the common column shapes. */
public final class Columns {
    private Columns() {}

    /**
     * A jagged float column: awkward's {@code ListOffsetArray(NumpyArray(float32))}. Takes ownership
     * of both arrays after validating the offsets.
     *
     * @param offsets list boundaries, {@code n + 1} entries
     * @param values all elements
     * @return a list column of {@code n} entries
     */
    public static ListColumn<FloatColumn> jagged(int[] offsets, float[] values) {
        return ListColumn.of(offsets, FloatColumn.of(values));
    }

    /**
     * Jagged double column; see {@link #jagged(int[], float[])}.
     *
     * @param offsets list boundaries, {@code n + 1} entries
     * @param values all elements
     * @return a list column of {@code n} entries
     */
    public static ListColumn<DoubleColumn> jagged(int[] offsets, double[] values) {
        return ListColumn.of(offsets, DoubleColumn.of(values));
    }

    /**
     * Jagged int column; see {@link #jagged(int[], float[])}.
     *
     * @param offsets list boundaries, {@code n + 1} entries
     * @param values all elements
     * @return a list column of {@code n} entries
     */
    public static ListColumn<IntColumn> jagged(int[] offsets, int[] values) {
        return ListColumn.of(offsets, IntColumn.of(values));
    }

    /**
     * Jagged boolean column (an object-level mask); see {@link #jagged(int[], float[])}.
     *
     * @param offsets list boundaries, {@code n + 1} entries
     * @param values all elements
     * @return a list column of {@code n} entries
     */
    public static ListColumn<BoolColumn> jagged(int[] offsets, boolean[] values) {
        return ListColumn.of(offsets, BoolColumn.of(values));
    }
}
