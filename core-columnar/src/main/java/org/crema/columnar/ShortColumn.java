package org.crema.columnar;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable flat column of {@code short} values: a heap array plus a base offset and a length.
 * awkward: {@code NumpyArray} (int16 / uint16); Arrow: Int16 / UInt16.
 *
 * <p>{@link #array()} and {@link #offset()} expose the storage for kernels that loop over raw
 * spans; callers must treat the array as read-only.
 */
public final class ShortColumn implements PrimitiveColumn {
    private static final short[] EMPTY = new short[0];

    private final short[] values;
    private final int offset;
    private final int length;
    private final boolean unsigned;

    private ShortColumn(short[] values, int offset, int length, boolean unsigned) {
        this.values = values;
        this.offset = offset;
        this.length = length;
        this.unsigned = unsigned;
    }

    /**
     * A column that takes ownership of {@code values}: the caller must not modify the array
     * afterwards. Use {@link #copyOf} to keep the array.
     *
     * @param values the values
     * @return a column of {@code values.length} entries
     */
    public static ShortColumn of(short... values) {
        return new ShortColumn(Objects.requireNonNull(values, "values"), 0, values.length, false);
    }

    /**
     * A column over {@code values[offset, offset + length)}, taking ownership of the array.
     *
     * @param values backing array
     * @param offset first element used
     * @param length number of elements
     * @return a column view of the array span
     */
    public static ShortColumn wrap(short[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        return new ShortColumn(values, offset, length, false);
    }

    /**
     * A column of unsigned values ({@link ElementType#UINT16}) that takes ownership of {@code values}:
     * the caller must not modify the array afterwards.
     *
     * @param values the raw bits of the unsigned values
     * @return a column of {@code values.length} entries
     */
    public static ShortColumn ofUnsigned(short... values) {
        return new ShortColumn(values, 0, values.length, true);
    }

    /** @return true when values are read as unsigned */
    public boolean isUnsigned() {
        return unsigned;
    }

    /**
     * A column over a copy of {@code values}.
     *
     * @param values the values, not retained
     * @return a column of {@code values.length} entries
     */
    public static ShortColumn copyOf(short[] values) {
        return of(values.clone());
    }

    /** @return a column with no entries */
    public static ShortColumn empty() {
        return new ShortColumn(EMPTY, 0, 0, false);
    }

    /**
     * @param index entry index, {@code 0 <= index < length()}
     * @return the stored value (raw bits for unsigned types)
     */
    public short get(int index) {
        Objects.checkIndex(index, length);
        return values[offset + index];
    }

    @Override
    public double getDouble(int index) {
        short v = get(index);
        return unsigned ? Short.toUnsignedInt(v) : v;
    }

    @Override
    public long getLong(int index) {
        short v = get(index);
        return unsigned ? Short.toUnsignedInt(v) : v;
    }

    @Override
    public ElementType elementType() {
        return unsigned ? ElementType.UINT16 : ElementType.INT16;
    }

    @Override
    public int length() {
        return length;
    }

    /** @return the backing array, shared and read-only; entry {@code i} is at {@code offset() + i} */
    public short[] array() {
        return values;
    }

    /** @return the index in {@link #array()} of entry 0 */
    public int offset() {
        return offset;
    }

    /** @return a fresh array holding exactly this column's values (a copy) */
    public short[] toArray() {
        return Arrays.copyOfRange(values, offset, offset + length);
    }

    /**
     * @return this column if it already spans its whole backing array, else a copy that does (so a
     *     small view stops retaining a large array)
     */
    public ShortColumn compact() {
        if (offset == 0 && length == values.length) {
            return this;
        }
        return new ShortColumn(toArray(), 0, length, unsigned);
    }

    @Override
    public ShortColumn region(int from, int length) {
        Objects.checkFromIndexSize(from, length, this.length);
        return new ShortColumn(values, offset + from, length, unsigned);
    }

    /**
     * Gathers entries by index (a copy): {@code result[i] = get(indices[i])}.
     *
     * @param indices entry indices, each in {@code [0, length())}
     * @return a new column of {@code indices.length} entries
     */
    public ShortColumn take(int[] indices) {
        short[] out = new short[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[offset + Objects.checkIndex(indices[i], length)];
        }
        return new ShortColumn(out, 0, out.length, unsigned);
    }

    @Override
    public long retainedSizeInBytes() {
        return (long) values.length * 2;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShortColumn other) || other.length != length || other.unsigned != unsigned) {
            return false;
        }
        return Arrays.equals(values, offset, offset + length, other.values, other.offset, other.offset + length);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + (values[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return ColumnFormat.format(this);
    }
}
