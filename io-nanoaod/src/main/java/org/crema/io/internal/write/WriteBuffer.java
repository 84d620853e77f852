package org.crema.io.internal.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A growable big-endian buffer for one record's payload, with ROOT's object-streaming framing: byte
 * counts, class tags and object references.
 *
 * <p>Class and object positions in ROOT's map are measured from the start of the record, key
 * included, so the buffer is told the key length ({@code origin}) before anything is streamed; a
 * position measured from the payload alone would make every back-reference too small.
 */
public final class WriteBuffer {
    /** Flag ROOT sets in every byte-count word. */
    public static final int BYTE_COUNT_MASK = 0x40000000;
    private static final int NEW_CLASS_TAG = 0xFFFFFFFF;
    private static final int CLASS_MASK = 0x80000000;
    private static final int MAP_OFFSET = 2;

    private byte[] b;
    private int n;
    private final int origin;
    private final Map<String, Integer> classTags = new HashMap<>();
    private final Map<Object, Integer> objects = new IdentityHashMap<>();

    /** @param origin the key length that precedes the payload in the record */
    public WriteBuffer(int origin) {
        this.origin = origin;
        this.b = new byte[256];
    }

    /** A buffer for data that holds no object references (basket payloads, key headers). */
    public WriteBuffer() {
        this(0);
    }

    private void ensure(int more) {
        if (n + more > b.length) {
            long want = Math.max((long) b.length * 2, (long) n + more);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a ROOT record cannot exceed 2 GiB; this one needs " + want + " bytes");
            }
            b = Arrays.copyOf(b, (int) want);
        }
    }

    /** @return bytes written so far */
    public int length() {
        return n;
    }

    /** @return a copy of the bytes written */
    public byte[] toByteArray() {
        return Arrays.copyOf(b, n);
    }

    /** @return the backing array (valid up to {@link #length()}); not a copy */
    public byte[] array() {
        return b;
    }

    public WriteBuffer i8(int v) {
        ensure(1);
        b[n++] = (byte) v;
        return this;
    }

    public WriteBuffer bool(boolean v) {
        return i8(v ? 1 : 0);
    }

    public WriteBuffer i16(int v) {
        ensure(2);
        b[n++] = (byte) (v >>> 8);
        b[n++] = (byte) v;
        return this;
    }

    public WriteBuffer i32(int v) {
        ensure(4);
        b[n++] = (byte) (v >>> 24);
        b[n++] = (byte) (v >>> 16);
        b[n++] = (byte) (v >>> 8);
        b[n++] = (byte) v;
        return this;
    }

    public WriteBuffer i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    public WriteBuffer f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    public WriteBuffer f64(double v) {
        return i64(Double.doubleToRawLongBits(v));
    }

    /** Writes a 32- or 64-bit seek, as the record's layout demands. */
    public WriteBuffer seek(long v, boolean wide) {
        if (wide) {
            return i64(v);
        }
        if (v > Integer.MAX_VALUE) {
            throw new IllegalStateException("offset " + v + " does not fit the small-file layout");
        }
        return i32((int) v);
    }

    public WriteBuffer bytes(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, b, n, len);
        n += len;
        return this;
    }

    /** Writes a counted string: one length byte, or 255 then an int32 length from 255 bytes on. */
    public WriteBuffer string(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        if (u.length < 255) {
            i8(u.length);
        } else {
            i8(255);
            i32(u.length);
        }
        return bytes(u, 0, u.length);
    }

    /** @param s a string @return its size as a counted string */
    public static int stringSize(String s) {
        int len = s.getBytes(StandardCharsets.UTF_8).length;
        return len < 255 ? len + 1 : len + 5;
    }

    /** Overwrites an int32 already written at {@code pos}. */
    public void putI32(int pos, int v) {
        b[pos] = (byte) (v >>> 24);
        b[pos + 1] = (byte) (v >>> 16);
        b[pos + 2] = (byte) (v >>> 8);
        b[pos + 3] = (byte) v;
    }

    /** Reserves a byte-count word; close it with {@link #endObject(int)}. */
    public int beginObject(int version) {
        int pos = n;
        i32(0);
        i16(version);
        return pos;
    }

    /** Fills the byte count reserved at {@code pos}: the bytes after the count word. */
    public void endObject(int pos) {
        putI32(pos, BYTE_COUNT_MASK | (n - pos - 4));
    }

    /** Writes a TObject base: version 1, fUniqueID 0, fBits (no byte count, as ROOT's own streamer). */
    public WriteBuffer tObject(int bits) {
        return i16(1).i32(0).i32(bits);
    }

    /** Writes a framed TNamed base. */
    public WriteBuffer tNamed(String name, String title, int bits) {
        int p = beginObject(1);
        tObject(bits);
        string(name).string(title);
        endObject(p);
        return this;
    }

    /**
     * Starts a pointer slot: a byte count, the class record (name the first time, reference after),
     * then the caller streams the object and calls {@link #endObject(int)} with the returned position.
     * The object is mapped so that later {@link #reference} calls can name it.
     *
     * @param object identity of the object, for back-references (may be null when never referenced)
     * @param className its class
     * @return position of the slot's byte count
     */
    public int beginPointer(Object object, String className) {
        int pos = n;
        i32(0);
        Integer tag = classTags.get(className);
        if (tag == null) {
            classTags.put(className, origin + n + MAP_OFFSET);
            i32(NEW_CLASS_TAG);
            byte[] u = className.getBytes(StandardCharsets.UTF_8);
            bytes(u, 0, u.length);
            i8(0);
        } else {
            i32(CLASS_MASK | tag);
        }
        if (object != null) {
            objects.put(object, origin + pos + MAP_OFFSET);
        }
        return pos;
    }

    /** Writes a null pointer. */
    public WriteBuffer nullPointer() {
        return i32(0);
    }

    /** Writes a reference to an object streamed earlier in this buffer. */
    public WriteBuffer reference(Object object) {
        Integer pos = objects.get(object);
        if (pos == null) {
            throw new IllegalStateException("object " + object + " is referenced before it is written");
        }
        return i32(pos);
    }
}
