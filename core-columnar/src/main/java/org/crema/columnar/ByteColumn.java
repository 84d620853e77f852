package org.crema.columnar;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable flat column of {@code byte} values: a heap array plus a base offset and a length.
 * awkward: {@code NumpyArray} (int8 / uint8); Arrow: Int8 / UInt8.
 *
 * <p>{@link #array()} and {@link #offset()} expose the storage for kernels that loop over raw
 * spans; callers must treat the array as read-only.
 */
public final class ByteColumn implements PrimitiveColumn {
    private static final byte[] EMPTY = new byte[0];

    private final byte[] values;
    private final int offset;
    private final int length;
    private final boolean unsigned;

    private ByteColumn(byte[] values, int offset, int length, boolean unsigned) {
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
    public static ByteColumn of(byte... values) {
        return new ByteColumn(Objects.requireNonNull(values, "values"), 0, values.length, false);
    }

    /**
     * A column over {@code values[offset, offset + length)}, taking ownership of the array.
     *
     * @param values backing array
     * @param offset first element used
     * @param length number of elements
     * @return a column view of the array span
     */
    public static ByteColumn wrap(byte[] values, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, values.length);
        return new ByteColumn(values, offset, length, false);
    }

    /**
     * A column of unsigned values ({@link ElementType#UINT8}) that takes ownership of {@code values}:
     * the caller must not modify the array afterwards.
     *
     * @param values the raw bits of the unsigned values
     * @return a column of {@code values.length} entries
     */
    public static ByteColumn ofUnsigned(byte... values) {
        return new ByteColumn(values, 0, values.length, true);
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
    public static ByteColumn copyOf(byte[] values) {
        return of(values.clone());
    }

    /** @return a column with no entries */
    public static ByteColumn empty() {
        return new ByteColumn(EMPTY, 0, 0, false);
    }

    /**
     * @param index entry index, {@code 0 <= index < length()}
     * @return the stored value (raw bits for unsigned types)
     */
    public byte get(int index) {
        Objects.checkIndex(index, length);
        return values[offset + index];
    }

    @Override
    public double getDouble(int index) {
        byte v = get(index);
        return unsigned ? Byte.toUnsignedInt(v) : v;
    }

    @Override
    public long getLong(int index) {
        byte v = get(index);
        return unsigned ? Byte.toUnsignedInt(v) : v;
    }

    @Override
    public ElementType elementType() {
        return unsigned ? ElementType.UINT8 : ElementType.INT8;
    }

    @Override
    public int length() {
        return length;
    }

    /** @return the backing array, shared and read-only; entry {@code i} is at {@code offset() + i} */
    public byte[] array() {
        return values;
    }

    /** @return the index in {@link #array()} of entry 0 */
    public int offset() {
        return offset;
    }

    /** @return a fresh array holding exactly this column's values (a copy) */
    public byte[] toArray() {
        return Arrays.copyOfRange(values, offset, offset + length);
    }

    /**
     * @return this column if it already spans its whole backing array, else a copy that does (so a
     *     small view stops retaining a large array)
     */
    public ByteColumn compact() {
        if (offset == 0 && length == values.length) {
            return this;
        }
        return new ByteColumn(toArray(), 0, length, unsigned);
    }

    @Override
    public ByteColumn region(int from, int length) {
        Objects.checkFromIndexSize(from, length, this.length);
        return new ByteColumn(values, offset + from, length, unsigned);
    }

    /**
     * Gathers entries by index (a copy): {@code result[i] = get(indices[i])}.
     *
     * @param indices entry indices, each in {@code [0, length())}
     * @return a new column of {@code indices.length} entries
     */
    public ByteColumn take(int[] indices) {
        byte[] out = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[offset + Objects.checkIndex(indices[i], length)];
        }
        return new ByteColumn(out, 0, out.length, unsigned);
    }

    @Override
    public long retainedSizeInBytes() {
        return (long) values.length * 1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ByteColumn other) || other.length != length || other.unsigned != unsigned) {
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
