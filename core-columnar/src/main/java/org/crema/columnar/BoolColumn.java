package org.crema.columnar;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable flat column of {@code boolean} values: a heap array plus a base offset and a length.
 * awkward: {@code NumpyArray} (bool); Arrow: Boolean.
 *
 * <p>{@link #array()} and {@link #offset()} expose the storage for kernels that loop over raw
 * spans; callers must treat the array as read-only.
 */
public final class BoolColumn implements PrimitiveColumn {
    private static final boolean[] EMPTY = new boolean[0];

    private final boolean[] values;
    private final int offset;
    private final int length;

    private BoolColumn(boolean[] values, int offset, int length) {
        this.values = values;
        this.offset = offset;
        this.length = length;
    }

    /**
     * A column that takes ownership of {@code values}: the caller must not modify the array
     * afterwards. Use {@link #copyOf} to keep the array.
     *
     * @param values the values
     * @return a column of {@code values.length} entries
     */
    public static BoolColumn of(boolean... values) {
        return new BoolColumn(Objects.requireNonNull(values, "values"), 0, values.length);
    }

    /**
     * A column over {@code values[offset, offset + length)}, taking ownership of the array.
     *
     * @param values backing array
     * @param offset first element used
     * @param length number of elements
     * @return a column view of the array span
     */
    public static BoolColumn wrap(boolean[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        return new BoolColumn(values, offset, length);
    }

    /**
     * A column over a copy of {@code values}.
     *
     * @param values the values, not retained
     * @return a column of {@code values.length} entries
     */
    public static BoolColumn copyOf(boolean[] values) {
        return of(values.clone());
    }

    /** @return a column with no entries */
    public static BoolColumn empty() {
        return new BoolColumn(EMPTY, 0, 0);
    }

    /**
     * @param index entry index, {@code 0 <= index < length()}
     * @return the stored value (raw bits for unsigned types)
     */
    public boolean get(int index) {
        Objects.checkIndex(index, length);
        return values[offset + index];
    }

    @Override
    public double getDouble(int index) {
        boolean v = get(index);
        return v ? 1.0 : 0.0;
    }

    @Override
    public long getLong(int index) {
        boolean v = get(index);
        return v ? 1L : 0L;
    }

    @Override
    public ElementType elementType() {
        return ElementType.BOOL;
    }

    @Override
    public int length() {
        return length;
    }

    /** @return the backing array, shared and read-only; entry {@code i} is at {@code offset() + i} */
    public boolean[] array() {
        return values;
    }

    /** @return the index in {@link #array()} of entry 0 */
    public int offset() {
        return offset;
    }

    /** @return a fresh array holding exactly this column's values (a copy) */
    public boolean[] toArray() {
        return Arrays.copyOfRange(values, offset, offset + length);
    }

    /**
     * @return this column if it already spans its whole backing array, else a copy that does (so a
     *     small view stops retaining a large array)
     */
    public BoolColumn compact() {
        if (offset == 0 && length == values.length) {
            return this;
        }
        return new BoolColumn(toArray(), 0, length);
    }

    @Override
    public BoolColumn region(int from, int length) {
        Objects.checkFromIndexSize(from, length, this.length);
        return new BoolColumn(values, offset + from, length);
    }

    /**
     * Gathers entries by index (a copy): {@code result[i] = get(indices[i])}.
     *
     * @param indices entry indices, each in {@code [0, length())}
     * @return a new column of {@code indices.length} entries
     */
    public BoolColumn take(int[] indices) {
        boolean[] out = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[offset + Objects.checkIndex(indices[i], length)];
        }
        return new BoolColumn(out, 0, out.length);
    }

    /** @param other flags of the same length @return element-wise AND */
    public BoolColumn and(BoolColumn other) {
        return Masks.and(this, other);
    }

    /** @param other flags of the same length @return element-wise OR */
    public BoolColumn or(BoolColumn other) {
        return Masks.or(this, other);
    }

    /** @param other flags of the same length @return {@code this && !other} */
    public BoolColumn andNot(BoolColumn other) {
        return Masks.andNot(this, other);
    }

    /** @return element-wise NOT */
    public BoolColumn not() {
        return Masks.not(this);
    }

    /** @return the number of true entries */
    public int countTrue() {
        return Masks.countTrue(this);
    }

    @Override
    public long retainedSizeInBytes() {
        return (long) values.length * 1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BoolColumn other) || other.length != length) {
            return false;
        }
        return Arrays.equals(values, offset, offset + length, other.values, other.offset, other.offset + length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + Boolean.hashCode(values[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return ColumnFormat.format(this);
    }
}
