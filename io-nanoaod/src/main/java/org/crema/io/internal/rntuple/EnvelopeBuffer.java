package org.crema.io.internal.rntuple;

import java.nio.charset.StandardCharsets;

/**
 * A little-endian cursor over the payload of one envelope, with RNTuple's record and list frames.
 * Every read is bounds-checked against the envelope (or the innermost frame being read), so a
 * corrupt size becomes a message naming the envelope and byte position, never an index exception.
 */
public final class EnvelopeBuffer {
    private final byte[] data;
    private final int limit;
    private final String what;
    private final NTupleContext where;
    private int pos;

    /**
     * @param data envelope bytes (uncompressed)
     * @param pos first payload byte
     * @param limit end of the payload (the checksum is outside)
     * @param what which envelope, for messages ("header envelope")
     * @param where error context
     */
    public EnvelopeBuffer(byte[] data, int pos, int limit, String what, NTupleContext where) {
        this.data = data;
        this.pos = pos;
        this.limit = limit;
        this.what = what;
        this.where = where;
    }

    /** @return current position within the envelope */
    public int position() {
        return pos;
    }

    /** @param p new position (a frame's end) */
    public void seek(int p) {
        if (p < 0 || p > limit) {
            throw error("frame end " + p + " lies beyond the envelope's " + limit + " bytes");
        }
        pos = p;
    }

    private void need(int n) {
        if (n > limit - pos) {
            throw error("needs " + n + " bytes at byte " + pos + " but the " + what + " has " + limit
                    + " (truncated or corrupt size)");
        }
    }

    /** @param problem what is wrong @return a format exception naming the envelope and position */
    public RuntimeException error(String problem) {
        return where.format(what + ": " + problem);
    }

    /** @return an unsigned 16-bit integer */
    public int u16() {
        need(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /** @return a signed 32-bit integer */
    public int i32() {
        need(4);
        int v = le32(data, pos);
        pos += 4;
        return v;
    }

    /** @return an unsigned 32-bit integer, as a long */
    public long u32() {
        return i32() & 0xFFFFFFFFL;
    }

    /** @return a 64-bit integer */
    public long i64() {
        need(8);
        long v = le64(data, pos);
        pos += 8;
        return v;
    }

    /** @return an IEEE 754 double */
    public double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** @return a string: 32-bit byte count, then UTF-8 */
    public String string() {
        long n = u32();
        if (n > limit - pos) {
            throw error("string of " + n + " bytes at byte " + (pos - 4) + " runs past the end (" + limit + ")");
        }
        String s = new String(data, pos, (int) n, StandardCharsets.UTF_8);
        pos += (int) n;
        return s;
    }

    /**
     * Feature flags: 64-bit words, continued while the sign bit is set. A reader must refuse bits it
     * does not know; format 1.0 defines none.
     *
     * @return the flags of the first word
     */
    public long featureFlags() {
        long first = i64();
        long w = first;
        while (w < 0) {
            w = i64();
        }
        if (first != 0) {
            throw where.unsupported(what + ": feature flags 0x" + Long.toHexString(first)
                    + " are set; format 1.0 defines none, so this file needs a newer reader");
        }
        return first;
    }

    /**
     * Reads a record frame's preamble.
     *
     * @return the frame's end position (seek there after reading the known members)
     */
    public int recordFrame() {
        int start = pos;
        long size = i64();
        if (size < 0) {
            throw error("expected a record frame at byte " + start + " but found a list frame");
        }
        return frameEnd(start, size);
    }

    /**
     * Reads a list frame's preamble.
     *
     * @return {@code {end position, item count}}
     */
    public int[] listFrame() {
        int start = pos;
        long size = i64();
        if (size >= 0) {
            throw error("expected a list frame at byte " + start + " but found a record frame of " + size + " bytes");
        }
        int end = frameEnd(start, -size);
        long n = u32();
        if (n > end - pos) {
            throw error("list frame at byte " + start + " declares " + n + " items in " + (-size) + " bytes");
        }
        return new int[] {end, (int) n};
    }

    private int frameEnd(int start, long size) {
        if (size < 8 || size > limit - start) {
            throw error("frame at byte " + start + " declares " + size + " bytes but " + (limit - start)
                    + " remain in the envelope");
        }
        return start + (int) size;
    }

    /**
     * Reads a locator: a simple one (32-bit size, 64-bit offset) or a large one (type 1, 64-bit size
     * and offset).
     *
     * @return {@code {offset, size}}
     */
    public long[] locator() {
        int start = pos;
        int head = i32();
        if (head >= 0) {
            return new long[] {i64(), head};
        }
        int locatorSize = head & 0xFFFF;
        int type = Math.abs((byte) (head >>> 24));
        if (type != 1) {
            throw where.unsupported(what + ": locator type " + type + " at byte " + start
                    + " (only file locators are supported)");
        }
        long size = i64();
        long offset = i64();
        if (locatorSize < 20 || locatorSize > limit - start) {
            throw error("large locator at byte " + start + " declares " + locatorSize + " bytes");
        }
        pos = start + locatorSize;
        return new long[] {offset, size};
    }

    static int le32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    static long le64(byte[] b, int i) {
        return (le32(b, i) & 0xFFFFFFFFL) | ((long) le32(b, i + 4)) << 32;
    }
}
