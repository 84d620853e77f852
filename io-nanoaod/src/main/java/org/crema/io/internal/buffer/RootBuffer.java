package org.crema.io.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over big-endian ROOT-serialised bytes with bounds checks on every read: running past
 * the end raises a {@link org.crema.io.RootFormatException} naming the context and the offset, never
 * an {@code ArrayIndexOutOfBoundsException}.
 *
 * <p>Positions are relative to the start of the record's payload. {@link #refOffset()} adds the key
 * length, because ROOT's object back-references count from the start of the key, not the payload.
 * Not thread-safe: one cursor per parse.
 */
public final class RootBuffer {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private final int limit;
    private final int displacement;
    private final long fileOffset;
    private final ErrorContext context;
    private int pos;

    /**
     * @param data bytes, positions 0..limit are readable
     * @param limit number of readable bytes
     * @param displacement value added to positions for back-references (the key length)
     * @param fileOffset file offset of byte 0 if the bytes are a raw slice of the file, else -1
     * @param context where these bytes come from
     */
    public RootBuffer(byte[] data, int limit, int displacement, long fileOffset, ErrorContext context) {
        this.data = data;
        this.limit = Math.min(limit, data.length);
        this.displacement = displacement;
        this.fileOffset = fileOffset;
        this.context = context;
    }

    /** @return the context used for error messages */
    public ErrorContext context() {
        return context;
    }

    /** @return the backing array (read-only by convention) */
    public byte[] array() {
        return data;
    }

    /** @return current position */
    public int position() {
        return pos;
    }

    /** @return number of readable bytes */
    public int limit() {
        return limit;
    }

    /** @return bytes left to read */
    public int remaining() {
        return limit - pos;
    }

    /** @return the position as ROOT counts it for back-references (key length added) */
    public int refOffset() {
        return pos + displacement;
    }

    /** @return the key-length displacement of this buffer */
    public int displacement() {
        return displacement;
    }

    /** @param newPos position to move to, {@code 0 <= newPos <= limit} */
    public void seek(int newPos) {
        if (newPos < 0 || newPos > limit) {
            throw error("cannot move to position " + newPos + ", the record has " + limit + " bytes");
        }
        pos = newPos;
    }

    /** @param n bytes to skip, {@code n >= 0} */
    public void skip(int n) {
        need(n);
        pos += n;
    }

    private void need(int n) {
        if (n < 0 || n > limit - pos) {
            throw error("needs " + n + " more bytes but only " + (limit - pos) + " remain");
        }
    }

    /** @return the next signed byte */
    public byte i8() {
        need(1);
        return data[pos++];
    }

    /** @return the next unsigned byte */
    public int u8() {
        return i8() & 0xFF;
    }

    /** @return the next big-endian short */
    public short i16() {
        need(2);
        short v = (short) I16.get(data, pos);
        pos += 2;
        return v;
    }

    /** @return the next big-endian int */
    public int i32() {
        need(4);
        int v = (int) I32.get(data, pos);
        pos += 4;
        return v;
    }

    /** @return the next big-endian long */
    public long i64() {
        need(8);
        long v = (long) I64.get(data, pos);
        pos += 8;
        return v;
    }

    /** @return the next big-endian float */
    public float f32() {
        return Float.intBitsToFloat(i32());
    }

    /** @return the next big-endian double */
    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** @return a ROOT {@code TString}: one length byte, or 255 and an int length, then the bytes */
    public String string() {
        int n = u8();
        if (n == 255) {
            n = i32();
            if (n < 0) {
                throw error("negative string length " + n);
            }
        }
        need(n);
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    /** @return a zero-terminated string (class names after a new-class tag) */
    public String cString() {
        int start = pos;
        while (pos < limit && data[pos] != 0) {
            pos++;
        }
        if (pos >= limit) {
            throw error("unterminated class name starting at byte " + start);
        }
        String s = new String(data, start, pos - start, StandardCharsets.ISO_8859_1);
        pos++;
        return s;
    }

    /**
     * @param count number of ints, checked against the bytes left so a corrupt count cannot cause a
     *     huge allocation
     * @return the ints
     */
    public int[] i32Array(int count) {
        checkCount(count, 4);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) I32.get(data, pos + 4 * i);
        }
        pos += 4 * count;
        return out;
    }

    /**
     * Skips an array of big-endian ints that the caller reads in place.
     *
     * @param count number of ints, checked against the bytes left
     * @return the position of the first int
     */
    public int skipI32Array(int count) {
        checkCount(count, 4);
        int start = pos;
        pos += 4 * count;
        return start;
    }

    /** @param count number of longs, checked against the bytes left @return the longs */
    public long[] i64Array(int count) {
        checkCount(count, 8);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = (long) I64.get(data, pos + 8 * i);
        }
        pos += 8 * count;
        return out;
    }

    private void checkCount(int count, int width) {
        if (count < 0 || (long) count * width > limit - pos) {
            throw error("array of " + count + " elements of " + width + " bytes does not fit in the "
                    + (limit - pos) + " bytes left");
        }
    }

    /**
     * @param problem what is wrong
     * @return a format exception naming the context and the current offset
     */
    public org.crema.io.RootFormatException error(String problem) {
        String where = fileOffset >= 0
                ? " (at byte offset " + (fileOffset + pos) + ")"
                : " (at byte " + pos + " of the decompressed record)";
        return context.format(problem + where);
    }
}
