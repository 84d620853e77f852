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
    /**
     * Per entry, {@code a} where {@code cond} is true and {@code b} elsewhere (awkward/NumPy {@code
     * where}). Both branches must have the same type (float, double, int, long or bool).
     *
     * @param cond one flag per entry
     * @param a values where true
     * @param b values where false
     * @param <C> the column type
     * @return a new column
     */
    public static <C extends PrimitiveColumn> C where(BoolColumn cond, C a, C b) {
        return Fluent.where(cond, a, b);
    }

    /**
     * Jagged {@code where}: element by element over masks and values with the same lists.
     *
     * @param cond per-element flags
     * @param a values where true, same lists
     * @param b values where false, same lists
     * @param <C> the content type
     * @return new lists shaped like {@code cond}
     */
    public static <C extends PrimitiveColumn> ListColumn<C> where(ListColumn<BoolColumn> cond, ListColumn<C> a,
            ListColumn<C> b) {
        Jagged.checkSameLists("where", cond, a);
        Jagged.checkSameLists("where", cond, b);
        return Jagged.sameLists(cond, Fluent.where(Jagged.bools(cond), Jagged.flat(a), Jagged.flat(b)));
    }

    /**
     * The values where {@code keep} is true and NaN elsewhere: awkward's {@code ak.mask}, with NaN
     * standing for None (histogram fills skip NaN, comparisons with it are false).
     *
     * @param values float or double values
     * @param keep one flag per entry
     * @param <C> FloatColumn or DoubleColumn
     * @return a new column
     * @throws IllegalArgumentException for other types (they have no NaN)
     */
    public static <C extends PrimitiveColumn> C mask(C values, BoolColumn keep) {
        return Fluent.mask(values, keep);
    }

    /**
     * @param length number of entries
     * @param value the value of every entry
     * @return a constant float column (e.g. a flat scale factor)
     */
    public static FloatColumn constant(int length, float value) {
        return Fluent.constant(length, value);
    }

    /**
     * @param length number of entries
     * @param value the value of every entry
     * @return a constant double column (e.g. a weight of 1)
     */
    public static DoubleColumn constant(int length, double value) {
        return Fluent.constant(length, value);
    }

    /**
     * @param length number of entries
     * @param value the value of every entry
     * @return a constant int column
     */
    public static IntColumn constant(int length, int value) {
        return Fluent.constant(length, value);
    }
}
