package org.crema.io.internal.directory;

import java.util.ArrayList;
import java.util.List;
import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.key.Key;
import org.crema.io.internal.source.ByteSource;

/**
 * A TDirectory record and its list of keys. Only the key list is kept: objects are read when asked
 * for.
 *
 * @param seekKeys offset of the key-list record
 * @param keys every key in the directory, in file order (all cycles)
 */
public record Directory(long seekKeys, List<Key> keys) {

    /**
     * Parses the TDirectory record at {@code offset} and reads its key list.
     *
     * @param source the file
     * @param offset byte offset of the TDirectory streamed record
     * @param context error context
     * @return the directory
     */
    public static Directory readAt(ByteSource source, long offset, ErrorContext context) {
        ErrorContext where = context.atRecord(offset);
        int n = (int) Math.min(64, source.size() - offset);
        if (n < 30) {
            throw where.format("directory record at byte offset " + offset + " lies beyond the end of the file ("
                    + source.size() + " bytes; truncated?)");
        }
        RootBuffer b = new RootBuffer(source.read(offset, n, where), n, 0, offset, where);
        return parse(b, source, context);
    }

    /**
     * Parses a TDirectory record (as found in a subdirectory key's payload) and reads its key list.
     *
     * @param b buffer positioned at the record
     * @param source the file
     * @param context error context
     * @return the directory
     */
    public static Directory parse(RootBuffer b, ByteSource source, ErrorContext context) {
        int version = b.i16();
        b.i32(); // fDatimeC
        b.i32(); // fDatimeM
        int nbytesKeys = b.i32();
        b.i32(); // fNbytesName
        long seekKeys;
        if (version > 1000) {
            b.i64();
            b.i64();
            seekKeys = b.i64();
        } else {
            b.i32();
            b.i32();
            seekKeys = b.i32() & 0xFFFFFFFFL;
        }
        if (seekKeys == 0) {
            return new Directory(0, List.of());
        }
        ErrorContext where = context.atRecord(seekKeys);
        if (nbytesKeys < 0 || seekKeys < 0 || seekKeys + nbytesKeys > source.size()) {
            throw where.format("key list of " + nbytesKeys + " bytes at byte offset " + seekKeys
                    + " lies outside the file of " + source.size() + " bytes (truncated?)");
        }
        RootBuffer kb = new RootBuffer(source.read(seekKeys, nbytesKeys, where), nbytesKeys, 0, seekKeys, where);
        Key.parse(kb); // the key of the key list itself
        int nkeys = kb.i32();
        if (nkeys < 0 || nkeys > kb.remaining() / 18) {
            throw kb.error("implausible number of keys " + nkeys + " for a key list of " + nbytesKeys + " bytes");
        }
        List<Key> keys = new ArrayList<>(nkeys);
        for (int i = 0; i < nkeys; i++) {
            keys.add(Key.parse(kb));
        }
        return new Directory(seekKeys, List.copyOf(keys));
    }
}
