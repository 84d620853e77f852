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

    @Override
    PrimitiveColumn region(int from, int length);
}
