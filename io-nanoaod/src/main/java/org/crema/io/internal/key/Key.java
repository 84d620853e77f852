package org.crema.io.internal.key;

import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.compression.Compression;
import org.crema.io.internal.source.ByteSource;

/**
 * A TKey header: the record's sizes, its location and what it holds. The payload ({@code nbytes -
 * keylen} bytes after the header) is compressed iff it is shorter than {@code objlen}.
 *
 * @param nbytes total record size including the header
 * @param version key version (above 1000: 64-bit seeks)
 * @param objlen uncompressed payload size
 * @param keylen header size
 * @param cycle cycle number
 * @param seekKey offset of this record in the file
 * @param seekPdir offset of the parent directory record
 * @param className class of the stored object
 * @param name object name
 * @param title object title
 */
public record Key(int nbytes, int version, int objlen, int keylen, int cycle, long seekKey, long seekPdir,
        String className, String name, String title) {

    /** Largest key header we read ahead of parsing it: fixed part plus three long strings. */
    public static final int MAX_HEADER_GUESS = 1024;

    /**
     * Parses a key header at the buffer's position.
     *
     * @param b buffer positioned at the key
     * @return the key
     */
    public static Key parse(RootBuffer b) {
        int start = b.position();
        int nbytes = b.i32();
        int version = b.i16();
        int objlen = b.i32();
        b.i32(); // fDatime
        int keylen = b.i16();
        int cycle = b.i16();
        long seekKey;
        long seekPdir;
        if (version > 1000) {
            seekKey = b.i64();
            seekPdir = b.i64();
        } else {
            seekKey = b.i32() & 0xFFFFFFFFL;
            seekPdir = b.i32() & 0xFFFFFFFFL;
        }
        String className = b.string();
        String name = b.string();
        String title = b.string();
        if (keylen < b.position() - start || nbytes < 0 || objlen < 0) {
            throw b.error("inconsistent key header: fNbytes=" + nbytes + ", fKeylen=" + keylen
                    + ", fObjlen=" + objlen + " (header itself is " + (b.position() - start) + " bytes)");
        }
        return new Key(nbytes, version, objlen, keylen, cycle, seekKey, seekPdir, className, name, title);
    }

    /**
     * Reads and parses the key header stored at {@code offset}.
     *
     * @param source the file
     * @param offset byte offset of the key
     * @param context error context
     * @return the key
     */
    public static Key readAt(ByteSource source, long offset, ErrorContext context) {
        ErrorContext where = context.atRecord(offset);
        if (offset < 0 || offset >= source.size()) {
            throw where.format("key offset " + offset + " is outside the file of " + source.size() + " bytes");
        }
        int n = (int) Math.min(MAX_HEADER_GUESS, source.size() - offset);
        byte[] bytes = source.read(offset, n, where);
        return parse(new RootBuffer(bytes, n, 0, offset, where));
    }

    /** @return true when the payload is stored compressed */
    public boolean compressed() {
        return nbytes - keylen < objlen;
    }

    /**
     * Reads the payload and decompresses it if needed.
     *
     * @param source the file
     * @param context error context
     * @return {@code objlen} bytes of the stored object
     */
    public byte[] payload(ByteSource source, ErrorContext context) {
        ErrorContext where = context.atRecord(seekKey);
        int stored = nbytes - keylen;
        if (stored < 0 || seekKey + nbytes > source.size()) {
            throw where.format("record of " + nbytes + " bytes at byte offset " + seekKey
                    + " extends beyond the end of the file (" + source.size() + " bytes; truncated?)");
        }
        byte[] raw = source.read(seekKey + keylen, stored, where);
        if (!compressed()) {
            return raw;
        }
        return Compression.decompress(raw, 0, stored, objlen, where, seekKey + keylen);
    }

    /** @return a buffer over the payload, with back-reference offsets displaced by the key length */
    public RootBuffer payloadBuffer(ByteSource source, ErrorContext context) {
        byte[] p = payload(source, context);
        return new RootBuffer(p, p.length, keylen, compressed() ? -1 : seekKey + keylen, context.atRecord(seekKey));
    }
}
