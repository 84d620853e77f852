package org.crema.io.internal.rntuple;

import org.crema.io.internal.xxhash.Xxh3;

/**
 * The {@code ROOT::RNTuple} object stored in a TKey of the TFile (section "Anchor schema"): format
 * version and the envelope links of header and footer. Unlike the envelopes it is big-endian, since
 * it is streamed like any ROOT object, and it is followed by an XXH3-64 checksum of its fields.
 *
 * @param versionEpoch epoch
 * @param versionMajor major
 * @param versionMinor minor
 * @param versionPatch patch
 * @param seekHeader header offset
 * @param nbytesHeader header bytes on disk
 * @param lenHeader header bytes uncompressed
 * @param seekFooter footer offset
 * @param nbytesFooter footer bytes on disk
 * @param lenFooter footer bytes uncompressed
 * @param maxKeySize largest RBlob; 0 (uproot) means no payload is split across blobs
 */
public record Anchor(int versionEpoch, int versionMajor, int versionMinor, int versionPatch, long seekHeader,
        long nbytesHeader, long lenHeader, long seekFooter, long nbytesFooter, long lenFooter, long maxKeySize) {

    private static final int FIELDS = 64;

    /**
     * @param payload the key's object bytes: byte count and class version, then the fields and checksum
     * @param where error context
     * @param keyOffset byte offset of the key, for messages
     * @return the anchor
     */
    public static Anchor parse(byte[] payload, NTupleContext where, long keyOffset) {
        NTupleContext at = where.at(keyOffset);
        if (payload.length < 6 + FIELDS + 8) {
            throw at.format("ROOT::RNTuple anchor: " + payload.length + " bytes, expected at least " + (6 + FIELDS + 8));
        }
        int byteCount = be32(payload, 0);
        if ((byteCount & 0x40000000) == 0) {
            throw at.format("ROOT::RNTuple anchor: missing the streamer byte count (first word 0x"
                    + Integer.toHexString(byteCount) + ")");
        }
        int version = ((payload[4] & 0xFF) << 8) | (payload[5] & 0xFF);
        int count = (byteCount & ~0x40000000) - 2;
        if (count < FIELDS || 6 + count + 8 > payload.length) {
            throw at.format("ROOT::RNTuple anchor (class version " + version + "): " + count
                    + " bytes of fields, expected at least " + FIELDS);
        }
        int p = 6;
        int epoch = be16(payload, p);
        int major = be16(payload, p + 2);
        int minor = be16(payload, p + 4);
        int patch = be16(payload, p + 6);
        long[] v = new long[7];
        for (int i = 0; i < 7; i++) {
            v[i] = be64(payload, p + 8 + 8 * i);
        }
        long stored = be64(payload, 6 + count);
        long computed = Xxh3.hash64(payload, 6, count);
        if (stored != computed) {
            throw at.format("ROOT::RNTuple anchor: checksum mismatch: stored XXH3 0x" + Long.toHexString(stored)
                    + ", computed 0x" + Long.toHexString(computed));
        }
        if (epoch != 1) {
            throw at.unsupported("RNTuple format epoch " + epoch + " (version " + epoch + "." + major + "." + minor
                    + "." + patch + "); this reader reads epoch 1 (ROOT 6.34 and later)");
        }
        return new Anchor(epoch, major, minor, patch, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    /** @return "1.0.0.2" */
    public String formatVersion() {
        return versionEpoch + "." + versionMajor + "." + versionMinor + "." + versionPatch;
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static long be64(byte[] b, int i) {
        return ((long) be32(b, i)) << 32 | (be32(b, i + 4) & 0xFFFFFFFFL);
    }
}
