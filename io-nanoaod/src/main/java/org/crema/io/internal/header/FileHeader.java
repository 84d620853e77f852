package org.crema.io.internal.header;

import org.crema.io.internal.buffer.ErrorContext;
import org.crema.io.internal.buffer.RootBuffer;
import org.crema.io.internal.source.ByteSource;

/**
 * The ROOT file header at byte 0: {@code "root"}, the writer version (read signed; above 1000000 it
 * marks 64-bit seeks), where the top directory and the streamer-info record are, and the default
 * compression setting.
 *
 * @param version ROOT version of the writer, e.g. 61800 for 6.18 (the 64-bit marker removed)
 * @param largeFile true when seeks in the header are 64-bit
 * @param begin offset of the first key (100)
 * @param end offset of the first free byte
 * @param nbytesName bytes of the top key plus the file's name and title
 * @param units 4 or 8: size of seek pointers
 * @param compress algorithm * 100 + level
 * @param seekInfo offset of the streamer-info key
 * @param nbytesInfo size of the streamer-info key
 */
public record FileHeader(int version, boolean largeFile, int begin, long end, int nbytesName, int units,
        int compress, long seekInfo, int nbytesInfo) {

    private static final int LARGE_MARKER = 1_000_000;

    /**
     * @param source the file
     * @param context the file's error context
     * @return the parsed header
     */
    public static FileHeader read(ByteSource source, ErrorContext context) {
        if (source.size() < 64) {
            throw context.atRecord(0).format("file has only " + source.size()
                    + " bytes, too short for a ROOT header (truncated?)");
        }
        int n = (int) Math.min(source.size(), 128);
        byte[] bytes = source.read(0, n, context.atRecord(0));
        RootBuffer b = new RootBuffer(bytes, n, 0, 0, context.atRecord(0));
        if (bytes[0] != 'r' || bytes[1] != 'o' || bytes[2] != 'o' || bytes[3] != 't') {
            throw context.atRecord(0).format(String.format(
                    "not a ROOT file: magic bytes are %02x %02x %02x %02x, expected \"root\"",
                    bytes[0], bytes[1], bytes[2], bytes[3]));
        }
        b.skip(4);
        int rawVersion = b.i32();
        boolean large = rawVersion >= LARGE_MARKER;
        int version = large ? rawVersion - LARGE_MARKER : rawVersion;
        int begin = b.i32();
        long end = large ? b.i64() : b.i32() & 0xFFFFFFFFL;
        if (large) {
            b.i64();
        } else {
            b.i32();
        }
        b.i32(); // fNbytesFree
        b.i32(); // nfree
        int nbytesName = b.i32();
        int units = b.u8();
        int compress = b.i32();
        long seekInfo = large ? b.i64() : b.i32() & 0xFFFFFFFFL;
        int nbytesInfo = b.i32();
        if (begin < 0 || begin > source.size() || nbytesName < 0 || (long) begin + nbytesName > source.size()) {
            throw context.atRecord(0).format("header points to the top directory at byte offset "
                    + ((long) begin + nbytesName) + " (fBEGIN=" + begin + ", fNbytesName=" + nbytesName
                    + "), outside the file of " + source.size() + " bytes");
        }
        return new FileHeader(version, large, begin, end, nbytesName, units, compress, seekInfo, nbytesInfo);
    }
}
