package org.crema.io.internal.basket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.compression.Compression;
import org.crema.io.internal.key.Key;
import org.crema.io.internal.source.ByteSource;
import org.crema.io.internal.tree.EmbeddedBasket;

/**
 * Reads one basket of a branch: from its own key (read in one positional read, decompressed) or
 * from the copy embedded in the tree record, and checks its entry-offset table. Stateless and
 * thread-safe.
 */
public final class BasketLoader {
    // Compressed basket records are read into a per-thread scratch buffer: only the decompressed
    // bytes need a fresh array, which halves the garbage a full read produces.
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    private static final int MAX_SCRATCH = 64 << 20;
    // Decompressed bytes for callers that convert a basket at once and keep nothing (see the scratch flag).
    private static final ThreadLocal<byte[]> OUTPUT = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    // Key headers read alone (branch and tree names make them a few hundred bytes at most).
    private static final ThreadLocal<byte[]> HEAD = ThreadLocal.withInitial(() -> new byte[512]);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private BasketLoader() {
    }

    /**
     * @param source the file
     * @param table the branch's baskets
     * @param index basket index in the table, {@code 0 <= index < table.count()}
     * @param context error context naming file, tree and branch
     * @return the basket's data
     */
    public static BasketData load(ByteSource source, BasketTable table, int index, ErrorContext context) {
        return load(source, table, index, context, false);
    }

    /**
     * Like {@link #load(ByteSource, BasketTable, int, ErrorContext)}, optionally decompressing into a
     * per-thread scratch array: the returned data is then valid only until the next scratch load on
     * the same thread, and the caller must convert it before that.
     *
     * @param source the file
     * @param table the branch's baskets
     * @param index basket index in the table
     * @param context error context
     * @param scratch true to decompress into the calling thread's scratch array
     * @return the basket's data
     */
    public static BasketData load(ByteSource source, BasketTable table, int index, ErrorContext context,
            boolean scratch) {
        int expectedEntries = table.entries(index);
        EmbeddedBasket e = table.embedded(index);
        if (e != null) {
            ErrorContext where = context.withBasket(table.slot(index), -1);
            int[] offsets = e.entryOffsets() == null ? null
                    : checkOffsets(e.entryOffsets(), e.entries(), e.data().length, where);
            checkEntries(e.entries(), expectedEntries, where);
            return BasketData.withOffsets(e.data(), e.data().length, e.entries(), offsets, e.data().length);
        }
        long seek = table.seek(index);
        int nbytes = table.bytes(index);
        ErrorContext where = context.withBasket(table.slot(index), seek);
        checkExtent(source, seek, nbytes, where);
        byte[] record = SCRATCH.get();
        if (record.length < nbytes) {
            record = new byte[Math.max(nbytes, Math.min(MAX_SCRATCH, record.length * 2))];
            if (record.length <= MAX_SCRATCH) {
                SCRATCH.set(record);
            }
        }
        source.readInto(seek, nbytes, record, 0, where);
        Header header = header(record, nbytes, nbytes, seek, expectedEntries, where);
        Key key = header.key();
        int nevBuf = header.entries();
        int last = header.last();
        int keylen = key.keylen();
        int stored = nbytes - keylen;
        if (!key.compressed() && key.objlen() != stored) {
            throw where.format("uncompressed basket declares fObjlen=" + key.objlen() + " but stores " + stored
                    + " bytes");
        }
        int objlen = key.objlen();
        byte[] data;
        if (scratch && objlen >= 0 && objlen <= MAX_SCRATCH) {
            data = OUTPUT.get();
            if (data.length < objlen) {
                data = new byte[Math.max(objlen, Math.min(MAX_SCRATCH, data.length * 2))];
                OUTPUT.set(data);
            }
            if (key.compressed()) {
                Compression.decompressInto(record, keylen, stored, data, 0, objlen, where, seek + keylen);
            } else {
                System.arraycopy(record, keylen, data, 0, stored);
            }
        } else if (key.compressed()) {
            data = Compression.decompress(record, keylen, stored, objlen, where, seek + keylen);
        } else {
            data = Arrays.copyOfRange(record, keylen, nbytes);
        }
        int payload = key.compressed() ? key.objlen() : stored;
        int border = last - keylen;
        if (border < 0 || border > payload) {
            throw where.format("basket data end fLast=" + last + " is outside the payload (fKeylen=" + keylen
                    + ", fObjlen=" + payload + ")");
        }
        if (border < payload && nevBuf > 0) {
            RootBuffer t = new RootBuffer(data, payload, 0, -1, where);
            t.seek(border);
            int n = t.i32();
            if (n < nevBuf) {
                throw t.error("entry-offset table has " + n + " entries, the basket holds " + nevBuf);
            }
            int offsetTable = t.skipI32Array(nevBuf);
            checkOffsetTable(data, offsetTable, nevBuf, keylen, border, where);
            return BasketData.withOffsetTable(data, border, nevBuf, offsetTable, keylen, payload);
        }
        return BasketData.withOffsets(data, border, nevBuf, null, payload);
    }

    /**
     * Checks ROOT's entry-offset table where it lies, as {@link #checkOffsets} checks an array: each
     * offset (less {@code base}) within {@code [previous, border]}.
     */
    private static void checkOffsetTable(byte[] data, int table, int entries, int base, int border,
            ErrorContext where) {
        int prev = 0;
        for (int i = 0; i < entries; i++) {
            int offset = (int) I32.get(data, table + 4 * i) - base;
            if (offset < prev || offset > border) {
                throw where.format("entry offset " + i + " is " + offset + ", outside [" + prev + ", " + border
                        + "] (corrupt entry-offset table)");
            }
            prev = offset;
        }
    }

    /**
     * The size of a basket's data region (entry-offset table excluded) from its key header alone,
     * without reading or decompressing its payload: what a reader needs to place every value of a
     * basket read whole before any basket is decompressed.
     *
     * @param source the file
     * @param table the branch's baskets
     * @param index basket index in the table
     * @param context error context naming file, tree and branch
     * @return data bytes of the basket, as {@link BasketData#border()} of its load will give them
     */
    public static int dataBytes(ByteSource source, BasketTable table, int index, ErrorContext context) {
        EmbeddedBasket e = table.embedded(index);
        if (e != null) {
            return e.data().length;
        }
        long seek = table.seek(index);
        int nbytes = table.bytes(index);
        ErrorContext where = context.withBasket(table.slot(index), seek);
        checkExtent(source, seek, nbytes, where);
        byte[] head = HEAD.get();
        int n = Math.min(nbytes, head.length);
        source.readInto(seek, n, head, 0, where);
        int keylen = (head[14] & 0xFF) << 8 | (head[15] & 0xFF); // fKeylen, after fNbytes, fVersion, fObjlen, fDatime
        if (n < nbytes && keylen > n) {
            head = new byte[Math.min(nbytes, keylen)];
            n = head.length;
            source.readInto(seek, n, head, 0, where);
        }
        Header header = header(head, n, nbytes, seek, table.entries(index), where);
        int payload = header.key().compressed() ? header.key().objlen() : nbytes - header.key().keylen();
        int border = header.last() - header.key().keylen();
        if (border < 0 || border > payload) {
            throw where.format("basket data end fLast=" + header.last() + " is outside the payload (fKeylen="
                    + header.key().keylen() + ", fObjlen=" + payload + ")");
        }
        return border;
    }

    private record Header(Key key, int entries, int last) {
    }

    /** Parses and checks a basket's key header: the key, then TBasket's own fields. */
    private static Header header(byte[] record, int length, int nbytes, long seek, int expectedEntries,
            ErrorContext where) {
        RootBuffer b = new RootBuffer(record, length, 0, seek, where);
        Key key = Key.parse(b);
        b.i16(); // basket version
        b.i32(); // fBufferSize
        b.i32(); // fNevBufSize
        int nevBuf = b.i32();
        int last = b.i32();
        if (key.nbytes() != nbytes || key.keylen() > nbytes || b.position() > key.keylen()) {
            throw where.format("basket key header does not match the branch's table: fNbytes=" + key.nbytes()
                    + " (table says " + nbytes + "), fKeylen=" + key.keylen());
        }
        checkEntries(nevBuf, expectedEntries, where);
        return new Header(key, nevBuf, last);
    }

    private static void checkExtent(ByteSource source, long seek, int nbytes, ErrorContext where) {
        if (seek <= 0 || nbytes <= 0 || seek > source.size() - nbytes) {
            throw where.format("basket of " + nbytes + " bytes at byte offset " + seek
                    + " lies outside the file of " + source.size() + " bytes (truncated or corrupt basket table)");
        }
    }

    private static void checkEntries(int actual, int expected, ErrorContext where) {
        if (actual != expected) {
            throw where.format("basket holds " + actual + " entries but the branch's basket table gives it "
                    + expected);
        }
    }

    private static int[] checkOffsets(int[] offsets, int entries, int border, ErrorContext where) {
        int[] out = offsets;
        if (offsets.length == entries) {
            out = Arrays.copyOf(offsets, entries + 1);
            out[entries] = border;
        } else if (offsets.length > entries + 1) {
            out = Arrays.copyOf(offsets, entries + 1);
            out[entries] = border;
        } else if (offsets.length < entries) {
            throw where.format("entry-offset table has " + offsets.length + " entries, the basket holds " + entries);
        }
        int prev = 0;
        for (int i = 0; i <= entries; i++) {
            if (out[i] < prev || out[i] > border) {
                throw where.format("entry offset " + i + " is " + out[i] + ", outside [" + prev + ", " + border
                        + "] (corrupt entry-offset table)");
            }
            prev = out[i];
        }
        return out;
    }
}
