package org.crema.io.internal.rntuple;

import org.crema.io.internal.compression.Compression;
import org.crema.io.internal.source.FileSource;
import org.crema.io.internal.xxhash.Xxh3;

/**
 * Reads one envelope (section "Envelopes"): fetches its stored bytes, decompresses them when the
 * stored size differs from the length, checks the type id and length in the envelope's first word
 * and the XXH3-64 checksum in its last eight bytes.
 */
public final class Envelope {
    /** Header envelope type id. */
    public static final int HEADER = 1;
    /** Footer envelope type id. */
    public static final int FOOTER = 2;
    /** Page list envelope type id. */
    public static final int PAGE_LIST = 3;

    private Envelope() {
    }

    /** @param type envelope type id @return its name for messages */
    public static String name(int type) {
        return switch (type) {
            case HEADER -> "header envelope";
            case FOOTER -> "footer envelope";
            case PAGE_LIST -> "page list envelope";
            default -> "envelope of type " + type;
        };
    }

    /**
     * @param source the file
     * @param offset byte offset of the stored envelope
     * @param storedSize bytes on disk
     * @param length uncompressed length (from the anchor or the envelope link)
     * @param type expected envelope type id
     * @param where error context
     * @return the uncompressed bytes, checked
     */
    public static byte[] read(FileSource source, long offset, long storedSize, long length, int type,
            NTupleContext where) {
        String what = name(type);
        NTupleContext at = where.at(offset);
        if (length < 16 || length > Integer.MAX_VALUE - 16 || storedSize <= 0 || storedSize > length
                || storedSize > source.size()) {
            throw at.format(what + ": implausible sizes: " + storedSize + " bytes stored, " + length
                    + " bytes uncompressed");
        }
        byte[] stored = source.read(offset, (int) storedSize, at.legacy());
        byte[] data = storedSize == length ? stored
                : Compression.decompress(stored, 0, (int) storedSize, (int) length, at.legacy(), offset);
        long word = EnvelopeBuffer.le64(data, 0);
        int typeId = (int) (word & 0xFFFF);
        long declared = word >>> 16;
        if (typeId != type) {
            throw at.format(what + ": envelope type id is " + typeId + ", expected " + type);
        }
        if (declared != length) {
            throw at.format(what + ": envelope declares " + declared + " bytes but its locator or the anchor says "
                    + length);
        }
        long expected = EnvelopeBuffer.le64(data, (int) length - 8);
        long actual = Xxh3.hash64(data, 0, (int) length - 8);
        if (expected != actual) {
            throw at.format(what + ": checksum mismatch: stored XXH3 0x" + Long.toHexString(expected)
                    + ", computed 0x" + Long.toHexString(actual) + " over " + (length - 8) + " bytes");
        }
        return data;
    }

    /**
     * @param data checked envelope bytes
     * @param type envelope type id
     * @param where error context
     * @return a cursor over the payload (after the type/length word, before the checksum)
     */
    public static EnvelopeBuffer payload(byte[] data, int type, NTupleContext where) {
        return new EnvelopeBuffer(data, 8, data.length - 8, name(type), where);
    }
}
