package org.crema.io.internal.rntuple;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the uncompressed bytes of one page into primitive values (section "Column Description"):
 * little-endian elements, LSB-first bits, split byte planes, zigzag-mapped signed integers and
 * delta-encoded index columns. Encodings apply per page, so a page is always decoded from its own
 * first byte; any sub-range of it can be extracted without decoding the rest (a delta page sums its
 * prefix first).
 */
public final class PageDecoder {
    private PageDecoder() {
    }

    /**
     * @param type column type
     * @param elements elements in the page
     * @return uncompressed page size in bytes
     */
    public static long pageBytes(ColumnType type, int elements) {
        return ((long) elements * type.bits() + 7) / 8;
    }

    /**
     * @param storage kind of array
     * @param n length
     * @return a new zeroed array of that kind
     */
    public static Object newArray(ColumnType.Storage storage, int n) {
        return switch (storage) {
            case BOOLEAN -> new boolean[n];
            case BYTE -> new byte[n];
            case SHORT -> new short[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case FLOAT -> new float[n];
            case DOUBLE -> new double[n];
            case NONE -> throw new IllegalArgumentException("no array for this column type");
        };
    }

    /**
     * Decodes elements {@code [from, from + count)} of a page into {@code dest}.
     *
     * @param type column type
     * @param raw uncompressed page bytes
     * @param n elements in the page
     * @param from first element to decode
     * @param count elements to decode
     * @param dest array of the type's storage kind
     * @param destOff first index to write
     */
    public static void decode(ColumnType type, byte[] raw, int n, int from, int count, Object dest, int destOff) {
        switch (type) {
            case BIT -> {
                boolean[] d = (boolean[]) dest;
                for (int k = 0; k < count; k++) {
                    int i = from + k;
                    d[destOff + k] = ((raw[i >>> 3] >>> (i & 7)) & 1) != 0;
                }
            }
            case BYTE, CHAR, INT8, UINT8 -> System.arraycopy(raw, from, dest, destOff, count);
            case INT16, UINT16 -> le(raw).asShortBuffer().get(from, (short[]) dest, destOff, count);
            case INT32, UINT32 -> le(raw).asIntBuffer().get(from, (int[]) dest, destOff, count);
            case INT64, UINT64, INDEX64 -> le(raw).asLongBuffer().get(from, (long[]) dest, destOff, count);
            case REAL32 -> le(raw).asFloatBuffer().get(from, (float[]) dest, destOff, count);
            case REAL64 -> le(raw).asDoubleBuffer().get(from, (double[]) dest, destOff, count);
            case INDEX32 -> {
                long[] d = (long[]) dest;
                for (int k = 0; k < count; k++) {
                    d[destOff + k] = EnvelopeBuffer.le32(raw, 4 * (from + k)) & 0xFFFFFFFFL;
                }
            }
            case REAL16 -> {
                float[] d = (float[]) dest;
                for (int k = 0; k < count; k++) {
                    int i = 2 * (from + k);
                    d[destOff + k] = Float.float16ToFloat((short) ((raw[i] & 0xFF) | (raw[i + 1] << 8)));
                }
            }
            case SPLIT_INT16, SPLIT_UINT16, SPLIT_REAL16 -> splitShorts(type, raw, n, from, count, dest, destOff);
            case SPLIT_INT32, SPLIT_UINT32, SPLIT_REAL32 -> splitInts(type, raw, n, from, count, dest, destOff);
            case SPLIT_INT64, SPLIT_UINT64, SPLIT_REAL64 -> splitLongs(type, raw, n, from, count, dest, destOff);
            case SPLIT_INDEX32, SPLIT_INDEX64 -> splitIndex(type, raw, n, from, count, (long[]) dest, destOff);
            default -> throw new IllegalArgumentException("column type " + type.specName() + " cannot be decoded");
        }
    }

    private static ByteBuffer le(byte[] raw) {
        return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void splitShorts(ColumnType type, byte[] raw, int n, int from, int count, Object dest, int off) {
        for (int k = 0; k < count; k++) {
            int i = from + k;
            int v = (raw[i] & 0xFF) | (raw[n + i] & 0xFF) << 8;
            if (type.zigzag()) {
                v = (v >>> 1) ^ -(v & 1);
            }
            if (type == ColumnType.SPLIT_REAL16) {
                ((float[]) dest)[off + k] = Float.float16ToFloat((short) v);
            } else {
                ((short[]) dest)[off + k] = (short) v;
            }
        }
    }

    private static void splitInts(ColumnType type, byte[] raw, int n, int from, int count, Object dest, int off) {
        int n2 = 2 * n;
        int n3 = 3 * n;
        if (type == ColumnType.SPLIT_REAL32) {
            float[] d = (float[]) dest;
            for (int k = 0; k < count; k++) {
                int i = from + k;
                d[off + k] = Float.intBitsToFloat((raw[i] & 0xFF) | (raw[n + i] & 0xFF) << 8
                        | (raw[n2 + i] & 0xFF) << 16 | raw[n3 + i] << 24);
            }
            return;
        }
        int[] d = (int[]) dest;
        boolean zigzag = type.zigzag();
        for (int k = 0; k < count; k++) {
            int i = from + k;
            int v = (raw[i] & 0xFF) | (raw[n + i] & 0xFF) << 8 | (raw[n2 + i] & 0xFF) << 16 | raw[n3 + i] << 24;
            d[off + k] = zigzag ? (v >>> 1) ^ -(v & 1) : v;
        }
    }

    private static long gather64(byte[] raw, int n, int i) {
        long v = 0;
        for (int b = 7; b >= 0; b--) {
            v = (v << 8) | (raw[b * n + i] & 0xFFL);
        }
        return v;
    }

    private static void splitLongs(ColumnType type, byte[] raw, int n, int from, int count, Object dest, int off) {
        if (type == ColumnType.SPLIT_REAL64) {
            double[] d = (double[]) dest;
            for (int k = 0; k < count; k++) {
                d[off + k] = Double.longBitsToDouble(gather64(raw, n, from + k));
            }
            return;
        }
        long[] d = (long[]) dest;
        boolean zigzag = type.zigzag();
        for (int k = 0; k < count; k++) {
            long v = gather64(raw, n, from + k);
            d[off + k] = zigzag ? (v >>> 1) ^ -(v & 1) : v;
        }
    }

    private static void splitIndex(ColumnType type, byte[] raw, int n, int from, int count, long[] d, int off) {
        boolean wide = type == ColumnType.SPLIT_INDEX64;
        long sum = 0;
        for (int i = 0; i < from + count; i++) {
            long delta = wide ? gather64(raw, n, i)
                    : ((raw[i] & 0xFF) | (raw[n + i] & 0xFF) << 8 | (raw[2 * n + i] & 0xFF) << 16
                            | (raw[3 * n + i] & 0xFFL) << 24);
            sum += delta;
            if (i >= from) {
                d[off + i - from] = sum;
            }
        }
    }
}
