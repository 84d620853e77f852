package org.crema.io.internal.column;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.crema.columnar.BoolColumn;
import org.crema.columnar.ByteColumn;
import org.crema.columnar.DoubleColumn;
import org.crema.columnar.ElementType;
import org.crema.columnar.FloatColumn;
import org.crema.columnar.IntColumn;
import org.crema.columnar.LongColumn;
import org.crema.columnar.PrimitiveColumn;
import org.crema.columnar.ShortColumn;

/**
 * A primitive array being filled from big-endian basket bytes. Each {@link #put} converts a whole
 * span in bulk through a big-endian {@link ByteBuffer} view (the JDK turns this into a byte-swapping
 * copy), never value by value through objects.
 */
public abstract sealed class ValueSink {
    /**
     * @param type element type
     * @param n number of values the column will hold
     * @return an empty sink of that capacity
     */
    public static ValueSink of(ElementType type, int n) {
        return switch (type) {
            case BOOL -> new Bools(n);
            case INT8, UINT8 -> new Bytes(n, type.isUnsigned());
            case INT16, UINT16 -> new Shorts(n, type.isUnsigned());
            case INT32, UINT32 -> new Ints(n, type.isUnsigned());
            case INT64, UINT64 -> new Longs(n, type.isUnsigned());
            case FLOAT32 -> new Floats(n);
            case FLOAT64 -> new Doubles(n);
        };
    }

    /**
     * Converts {@code count} values starting at byte {@code srcOff} of {@code src} into positions
     * {@code [dstOff, dstOff + count)}.
     *
     * @param src big-endian bytes
     * @param srcOff first byte
     * @param count number of values
     * @param dstOff first destination index
     */
    public abstract void put(byte[] src, int srcOff, int count, int dstOff);

    /** @return the filled column (takes ownership of the array) */
    public abstract PrimitiveColumn finish();

    static ByteBuffer view(byte[] src, int off, int bytes) {
        return ByteBuffer.wrap(src, off, bytes).slice().order(ByteOrder.BIG_ENDIAN);
    }

    static final class Bools extends ValueSink {
        private final boolean[] a;

        Bools(int n) {
            a = new boolean[n];
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            for (int i = 0; i < count; i++) {
                a[dstOff + i] = src[srcOff + i] != 0;
            }
        }

        @Override
        public PrimitiveColumn finish() {
            return BoolColumn.of(a);
        }
    }

    static final class Bytes extends ValueSink {
        private final byte[] a;
        private final boolean unsigned;

        Bytes(int n, boolean unsigned) {
            a = new byte[n];
            this.unsigned = unsigned;
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            System.arraycopy(src, srcOff, a, dstOff, count);
        }

        @Override
        public PrimitiveColumn finish() {
            return unsigned ? ByteColumn.ofUnsigned(a) : ByteColumn.of(a);
        }
    }

    static final class Shorts extends ValueSink {
        private final short[] a;
        private final boolean unsigned;

        Shorts(int n, boolean unsigned) {
            a = new short[n];
            this.unsigned = unsigned;
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            view(src, srcOff, count * 2).asShortBuffer().get(a, dstOff, count);
        }

        @Override
        public PrimitiveColumn finish() {
            return unsigned ? ShortColumn.ofUnsigned(a) : ShortColumn.of(a);
        }
    }

    static final class Ints extends ValueSink {
        private final int[] a;
        private final boolean unsigned;

        Ints(int n, boolean unsigned) {
            a = new int[n];
            this.unsigned = unsigned;
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            view(src, srcOff, count * 4).asIntBuffer().get(a, dstOff, count);
        }

        @Override
        public PrimitiveColumn finish() {
            return unsigned ? IntColumn.ofUnsigned(a) : IntColumn.of(a);
        }
    }

    static final class Longs extends ValueSink {
        private final long[] a;
        private final boolean unsigned;

        Longs(int n, boolean unsigned) {
            a = new long[n];
            this.unsigned = unsigned;
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            view(src, srcOff, count * 8).asLongBuffer().get(a, dstOff, count);
        }

        @Override
        public PrimitiveColumn finish() {
            return unsigned ? LongColumn.ofUnsigned(a) : LongColumn.of(a);
        }
    }

    static final class Floats extends ValueSink {
        private final float[] a;

        Floats(int n) {
            a = new float[n];
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            view(src, srcOff, count * 4).asFloatBuffer().get(a, dstOff, count);
        }

        @Override
        public PrimitiveColumn finish() {
            return FloatColumn.of(a);
        }
    }

    static final class Doubles extends ValueSink {
        private final double[] a;

        Doubles(int n) {
            a = new double[n];
        }

        @Override
        public void put(byte[] src, int srcOff, int count, int dstOff) {
            view(src, srcOff, count * 8).asDoubleBuffer().get(a, dstOff, count);
        }

        @Override
        public PrimitiveColumn finish() {
            return DoubleColumn.of(a);
        }
    }
}
