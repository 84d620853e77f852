package org.crema.columnar;

/**
 * A flat column of primitive values: awkward's {@code NumpyArray}, Arrow's primitive arrays.
 * Values are read through the concrete class's typed {@code get(int)}; the widening accessors here
 * let generic code (statistics, histogram fills, printing) treat every type alike and honour
 * unsigned types.
 */
public sealed interface PrimitiveColumn extends Column
        permits BoolColumn, ByteColumn, ShortColumn, IntColumn, LongColumn, FloatColumn, DoubleColumn {

    /** @return the element type, including signedness */
    ElementType elementType();

    /**
     * The value at {@code index} widened to double; unsigned types are read as unsigned, booleans as
     * 0 or 1.
     *
     * @param index entry index, {@code 0 <= index < length()}
     * @return the value as double (a {@code ULong64_t} above 2^53 is rounded)
     */
    double getDouble(int index);

    /**
     * The value at {@code index} widened to long; unsigned types are read as unsigned (a {@code
     * ULong64_t} keeps its bits: compare with {@link Long#compareUnsigned}), floats are truncated
     * toward zero.
     *
     * @param index entry index, {@code 0 <= index < length()}
     * @return the value as long
     */
    long getLong(int index);

    /** @param b threshold (rounded to float32 against float values) @return {@code this > b} per entry */
    default BoolColumn gt(double b) {
        return Fluent.compare(this, Comparison.GT, b);
    }

    /** @param b threshold @return {@code this >= b} per entry */
    default BoolColumn ge(double b) {
        return Fluent.compare(this, Comparison.GE, b);
    }

    /** @param b threshold @return {@code this < b} per entry */
    default BoolColumn lt(double b) {
        return Fluent.compare(this, Comparison.LT, b);
    }

    /** @param b threshold @return {@code this <= b} per entry */
    default BoolColumn le(double b) {
        return Fluent.compare(this, Comparison.LE, b);
    }

    /** @param b value @return {@code this == b} per entry */
    default BoolColumn eq(double b) {
        return Fluent.compare(this, Comparison.EQ, b);
    }

    /** @param b value @return {@code this != b} per entry */
    default BoolColumn ne(double b) {
        return Fluent.compare(this, Comparison.NE, b);
    }

    /**
     * @param bits bits that must all be set
     * @return the bit test for any integer type (int8 to int64, signed or unsigned)
     * @throws IllegalArgumentException for floating-point or boolean columns
     */
    default BoolColumn hasBits(long bits) {
        return Fluent.hasBits(this, bits);
    }

    /** @return the values as double (this column when it already is one) */
    default DoubleColumn toDouble() {
        return Fluent.toDouble(this);
    }

    /** @return the values as float (this column when it already is one) */
    default FloatColumn toFloat() {
        return Fluent.toFloat(this);
    }

    /** @return integer values of any width as 32-bit ints; fails for values that do not fit */
    default IntColumn toInt() {
        return Fluent.toInt(this);
    }

    /**
     * @return integer values of any width as 64-bit longs (this column when it already is one; an
     *     unsigned 64-bit column keeps its bits and its unsigned flag)
     */
    default LongColumn toLong() {
        return Fluent.toLong(this);
    }

    @Override
    PrimitiveColumn region(int from, int length);
}
