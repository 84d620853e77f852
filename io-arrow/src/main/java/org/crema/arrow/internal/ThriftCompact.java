package org.crema.arrow.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A writer of Thrift's compact protocol, just enough for Parquet's page headers and footer (which
 * the Parquet format defines in {@code parquet.thrift}). Fields must be written in increasing id
 * order within a struct, as the compact protocol encodes each field id as a delta from the last.
 */
public final class ThriftCompact {
    /** Compact-protocol type codes. */
    static final int I16 = 4, I32 = 5, I64 = 6, BINARY = 8, LIST = 9, STRUCT = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deque<Integer> lastIds = new ArrayDeque<>();
    private int lastId;

    /** Opens a struct nested in a field or list; the top-level struct needs no call. */
    public ThriftCompact structField(int id) {
        fieldHeader(id, STRUCT);
        return beginStruct();
    }

    /** Starts a struct that is a list element. */
    public ThriftCompact beginStruct() {
        lastIds.push(lastId);
        lastId = 0;
        return this;
    }

    /** Ends the current struct with a stop byte. */
    public ThriftCompact endStruct() {
        out.write(0);
        lastId = lastIds.isEmpty() ? 0 : lastIds.pop();
        return this;
    }

    public ThriftCompact i32(int id, int v) {
        fieldHeader(id, I32);
        varint(zigzag(v));
        return this;
    }

    public ThriftCompact i64(int id, long v) {
        fieldHeader(id, I64);
        varint(zigzag(v));
        return this;
    }

    public ThriftCompact i16(int id, short v) {
        fieldHeader(id, I16);
        varint(zigzag(v));
        return this;
    }

    public ThriftCompact string(int id, String s) {
        fieldHeader(id, BINARY);
        stringValue(s);
        return this;
    }

    /** Starts a list field of {@code size} elements of compact type {@code elementType}. */
    public ThriftCompact listField(int id, int elementType, int size) {
        fieldHeader(id, LIST);
        if (size < 15) {
            out.write((size << 4) | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    /** A list element of type I32. */
    public ThriftCompact i32Value(int v) {
        varint(zigzag(v));
        return this;
    }

    /** A list element of type BINARY (a UTF-8 string). */
    public ThriftCompact stringValue(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        out.write(b, 0, b.length);
        return this;
    }

    /** @return the bytes written so far */
    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void fieldHeader(int id, int type) {
        int delta = id - lastId;
        if (delta > 0 && delta <= 15) {
            out.write((delta << 4) | type);
        } else {
            out.write(type);
            varint(zigzag((short) id));
        }
        lastId = id;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
