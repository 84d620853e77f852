package org.crema.io.internal.compression;

import org.crema.io.internal.buffer.ErrorContext;

/**
 * ROOT's block framing: a compressed record is a sequence of blocks, each with a 9-byte header (2
 * algorithm letters, 1 method byte, 3-byte little-endian compressed size, 3-byte little-endian
 * uncompressed size) and at most 16 MiB of output.
 */
public final class Compression {
    /** Size of a block header. */
    public static final int HEADER = 9;

    // A corrupt length must not make us allocate gigabytes: no codec here expands a block by more
    // than this (LZMA on zeros reaches about 7000), plus a floor for tiny records.
    private static final long MAX_RATIO = 16_384;
    private static final long FLOOR = 64L << 20;

    private Compression() {
    }

    /**
     * Decompresses a whole record.
     *
     * @param src compressed bytes
     * @param srcOff first byte of the first block header
     * @param srcLen number of compressed bytes (all blocks)
     * @param objLen uncompressed size declared by the key
     * @param context where the record is (for error messages)
     * @param recordOffset file offset of the compressed bytes, for messages
     * @return exactly {@code objLen} bytes
     */
    public static byte[] decompress(byte[] src, int srcOff, int srcLen, int objLen, ErrorContext context,
            long recordOffset) {
        if (objLen < 0 || objLen > Math.max(FLOOR, srcLen * MAX_RATIO) || objLen > Integer.MAX_VALUE - 16) {
            throw context.format("implausible uncompressed size " + objLen + " for " + srcLen
                    + " compressed bytes at byte offset " + recordOffset);
        }
        checkBlocks(src, srcOff, srcLen, objLen, context, recordOffset);
        byte[] out = new byte[objLen];
        decompressInto(src, srcOff, srcLen, out, 0, objLen, context, recordOffset);
        return out;
    }

    /**
     * Decompresses into a caller-supplied array (blocks already validated by the caller or not: each
     * block is checked again as it is decoded).
     *
     * @param src compressed bytes
     * @param srcOff first block header
     * @param srcLen compressed byte count
     * @param dst output array
     * @param dstOff first output byte
     * @param objLen bytes to produce
     * @param context where the record is
     * @param recordOffset file offset of the compressed bytes
     */
    public static void decompressInto(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int objLen,
            ErrorContext context, long recordOffset) {
        int in = srcOff;
        int end = srcOff + srcLen;
        int produced = 0;
        int block = 0;
        while (produced < objLen) {
            if (end - in < HEADER) {
                throw context.format("compressed data ends after " + produced + " of " + objLen
                        + " bytes (block " + block + " header at byte offset " + (recordOffset + in - srcOff) + ")");
            }
            int cSize = le24(src, in + 3);
            int uSize = le24(src, in + 6);
            BlockCodec codec = codecFor(src[in], src[in + 1], context, recordOffset + in - srcOff);
            if (cSize > end - in - HEADER || uSize > objLen - produced) {
                throw context.format("compression block " + block + " at byte offset " + (recordOffset + in - srcOff)
                        + " declares " + cSize + " compressed / " + uSize + " uncompressed bytes, but only "
                        + (end - in - HEADER) + " / " + (objLen - produced) + " remain");
            }
            try {
                codec.decode(src, in + HEADER, cSize, dst, dstOff + produced, uSize);
            } catch (CodecException e) {
                throw context.format("compression block " + block + " at byte offset " + (recordOffset + in - srcOff)
                        + ": " + e.getMessage(), e);
            }
            in += HEADER + cSize;
            produced += uSize;
            block++;
            if (uSize == 0 && cSize == 0) {
                throw context.format("empty compression block " + block + " cannot make progress");
            }
        }
    }

    private static void checkBlocks(byte[] src, int srcOff, int srcLen, int objLen, ErrorContext context,
            long recordOffset) {
        long total = 0;
        int in = srcOff;
        int end = srcOff + srcLen;
        while (total < objLen && end - in >= HEADER) {
            int cSize = le24(src, in + 3);
            total += le24(src, in + 6);
            in += HEADER + cSize;
        }
        if (total != objLen) {
            throw context.format("compression block headers at byte offset " + recordOffset + " add up to "
                    + total + " uncompressed bytes, the key declares " + objLen);
        }
    }

    /**
     * @param a first algorithm letter
     * @param b second algorithm letter
     * @param context where
     * @param offset byte offset of the block, for messages
     * @return the codec for the block's algorithm, from {@link Codecs}' table
     */
    public static BlockCodec codecFor(byte a, byte b, ErrorContext context, long offset) {
        BlockCodec codec = Codecs.forMagic(a, b);
        if (codec != null) {
            return codec;
        }
        if (a == 'C' && b == 'S') {
            throw context.unsupported("legacy ROOT 'CS' compression (before ROOT 5.x zlib) in the block at byte offset "
                    + offset + " is not supported");
        }
        throw context.unsupported(String.format(
                "unknown compression algorithm bytes 0x%02x 0x%02x ('%s') in the block at byte offset %d",
                a & 0xFF, b & 0xFF, printable(a, b), offset));
    }

    private static String printable(byte a, byte b) {
        char x = (a >= 32 && a < 127) ? (char) a : '?';
        char y = (b >= 32 && b < 127) ? (char) b : '?';
        return "" + x + y;
    }

    static int le24(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
