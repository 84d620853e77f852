package org.crema.io.internal.write;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Compresses a record payload into ROOT's block framing (the inverse of the reader's
 * {@code Compression}): blocks of at most 0xFFFFFF input bytes, each with a 9-byte header of two
 * algorithm letters, a method byte and two 3-byte little-endian sizes. The method bytes are those ROOT
 * writes: 8 (deflate) after "ZL", 0 after "XZ", 1 after "L4" and "ZS".
 */
public final class BlockCompressor {
    /** Largest input per block: the size fields are 24-bit. */
    static final int MAX_BLOCK = 0xFFFFFF;
    private static final XXHash64 XXH = XXHashFactory.safeInstance().hash64();

    private BlockCompressor() {
    }

    /**
     * @param algorithm ROOT algorithm number: 1 zlib, 2 LZMA, 4 LZ4, 5 ZSTD
     * @param level 1–9
     * @param src uncompressed bytes
     * @param off first byte
     * @param len byte count
     * @return the framed blocks, or {@code null} when compression would not make the payload smaller
     *     (ROOT then stores it raw; a reader tells the two apart only by the sizes in the key)
     */
    public static byte[] compress(int algorithm, int level, byte[] src, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len / 2 + 64);
        int done = 0;
        while (done < len) {
            int n = Math.min(MAX_BLOCK, len - done);
            byte[] block = encode(algorithm, level, src, off + done, n);
            if (block.length > MAX_BLOCK) {
                return null;
            }
            byte[] header = new byte[9];
            switch (algorithm) {
                case 1 -> header(header, 'Z', 'L', 8);
                case 2 -> header(header, 'X', 'Z', 0);
                case 4 -> header(header, 'L', '4', 1);
                case 5 -> header(header, 'Z', 'S', 1);
                default -> throw new IllegalArgumentException("unknown compression algorithm " + algorithm);
            }
            le24(header, 3, block.length);
            le24(header, 6, n);
            out.writeBytes(header);
            out.writeBytes(block);
            done += n;
            if (out.size() >= len) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static void header(byte[] h, char a, char b, int method) {
        h[0] = (byte) a;
        h[1] = (byte) b;
        h[2] = (byte) method;
    }

    private static void le24(byte[] b, int i, int v) {
        b[i] = (byte) v;
        b[i + 1] = (byte) (v >>> 8);
        b[i + 2] = (byte) (v >>> 16);
    }

    private static byte[] encode(int algorithm, int level, byte[] src, int off, int len) {
        return switch (algorithm) {
            case 1 -> zlib(level, src, off, len);
            case 2 -> xz(level, src, off, len);
            case 4 -> lz4(level, src, off, len);
            case 5 -> zstd(src, off, len);
            default -> throw new IllegalArgumentException("unknown compression algorithm " + algorithm);
        };
    }

    private static byte[] zlib(int level, byte[] src, int off, int len) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(src, off, len);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(len / 2 + 64);
            byte[] chunk = new byte[Math.max(1024, Math.min(len + 64, 1 << 20))];
            while (!d.finished()) {
                int k = d.deflate(chunk);
                out.write(chunk, 0, k);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] xz(int level, byte[] src, int off, int len) {
        try {
            LZMA2Options options = new LZMA2Options(level);
            // Preset 9 asks for a 64 MiB dictionary, and xz-java allocates encoder memory in
            // proportion; a block never exceeds 16 MiB, so a dictionary the size of the block
            // compresses identically at a fraction of the memory.
            options.setDictSize(Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), len)));
            ByteArrayOutputStream out = new ByteArrayOutputStream(len / 2 + 64);
            // ROOT's LZMA blocks are xz streams with a CRC32 check.
            try (XZOutputStream xz = new XZOutputStream(out, options, XZ.CHECK_CRC32)) {
                xz.write(src, off, len);
            }
            return out.toByteArray();
        } catch (UnsupportedOptionsException e) {
            throw new IllegalArgumentException("LZMA level " + level + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] lz4(int level, byte[] src, int off, int len) {
        LZ4Factory f = LZ4Factory.safeInstance();
        LZ4Compressor c = level >= 4 ? f.highCompressor(level) : f.fastCompressor();
        byte[] out = new byte[8 + c.maxCompressedLength(len)];
        int n = c.compress(src, off, len, out, 8, out.length - 8);
        long h = XXH.hash(out, 8, n, 0L);
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (h >>> (56 - 8 * i));
        }
        return java.util.Arrays.copyOf(out, 8 + n);
    }

    private static byte[] zstd(byte[] src, int off, int len) {
        ZstdCompressor c = new ZstdCompressor();
        byte[] out = new byte[c.maxCompressedLength(len)];
        int n = c.compress(src, off, len, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }
}
