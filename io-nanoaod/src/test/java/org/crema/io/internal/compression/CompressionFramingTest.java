package org.crema.io.internal.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.crema.io.RootFormatException;
import org.crema.io.UnsupportedRootFeatureException;
import org.crema.io.internal.buffer.ErrorContext;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * ROOT's block framing with several blocks in one record (as ROOT writes for payloads above 16 MiB),
 * one codec per block, built here with independent encoders; and its error paths.
 */
class CompressionFramingTest {
    private static final ErrorContext CONTEXT = ErrorContext.ofFile("framing-test.root");

    private static byte[] payload(int n, long seed) {
        // NanoAOD-like: big-endian floats with few significant mantissa bits, so every codec compresses.
        byte[] out = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i + 4 <= n; i += 4) {
            int bits = Float.floatToIntBits((float) (r.nextGaussian() * 30 + 50)) & 0xFFFFE000;
            out[i] = (byte) (bits >>> 24);
            out[i + 1] = (byte) (bits >>> 16);
            out[i + 2] = (byte) (bits >>> 8);
            out[i + 3] = (byte) bits;
        }
        return out;
    }

    private static byte[] block(String magic, int method, byte[] compressed, int uncompressed) {
        byte[] out = new byte[9 + compressed.length];
        out[0] = (byte) magic.charAt(0);
        out[1] = (byte) magic.charAt(1);
        out[2] = (byte) method;
        le24(out, 3, compressed.length);
        le24(out, 6, uncompressed);
        System.arraycopy(compressed, 0, out, 9, compressed.length);
        return out;
    }

    private static void le24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    static byte[] zlib(byte[] data) {
        Deflater d = new Deflater(1);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 1024];
        int n = d.deflate(buf);
        d.end();
        return block("ZL", 8, Arrays.copyOf(buf, n), data.length);
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bos, new LZMA2Options(1))) {
            out.write(data);
        }
        return block("XZ", 0, bos.toByteArray(), data.length);
    }

    static byte[] lz4(byte[] data) {
        byte[] c = LZ4Factory.safeInstance().fastCompressor().compress(data);
        long h = XXHashFactory.safeInstance().hash64().hash(c, 0, c.length, 0L);
        byte[] withSum = new byte[8 + c.length];
        for (int i = 0; i < 8; i++) {
            withSum[i] = (byte) (h >>> (56 - 8 * i));
        }
        System.arraycopy(c, 0, withSum, 8, c.length);
        return block("L4", 1, withSum, data.length);
    }

    static byte[] zstd(byte[] data) {
        ZstdCompressor z = new ZstdCompressor();
        byte[] buf = new byte[z.maxCompressedLength(data.length)];
        int n = z.compress(data, 0, data.length, buf, 0, buf.length);
        return block("ZS", 1, Arrays.copyOf(buf, n), data.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            bos.writeBytes(p);
        }
        return bos.toByteArray();
    }

    @Test
    void multiBlockRecordsOfEveryCodecDecode() throws IOException {
        byte[] a = payload(100_000, 1);
        byte[] b = payload(70_001, 2);
        byte[] c = payload(33_333, 3);
        byte[] d = payload(5_000, 4);
        byte[] record = concat(zlib(a), xz(b), lz4(c), zstd(d));
        byte[] out = Compression.decompress(record, 0, record.length, a.length + b.length + c.length + d.length,
                CONTEXT, 1000);
        assertThat(out).isEqualTo(concat(a, b, c, d));
    }

    @Test
    void blocksThatDoNotAddUpAreRejectedBeforeAllocating() throws IOException {
        byte[] a = payload(10_000, 5);
        byte[] record = concat(zlib(a), xz(a));
        assertThatThrownBy(() -> Compression.decompress(record, 0, record.length, 3 * a.length, CONTEXT, 1000))
                .isInstanceOf(RootFormatException.class).hasMessageContaining("framing-test.root")
                .hasMessageContaining("add up to 20000 uncompressed bytes, the key declares 30000");
        assertThatThrownBy(() -> Compression.decompress(record, 0, record.length, Integer.MAX_VALUE - 1, CONTEXT, 1000))
                .isInstanceOf(RootFormatException.class).hasMessageContaining("implausible uncompressed size");
    }

    @Test
    void damagedBlocksNameTheBlockAndOffset() throws IOException {
        byte[] a = payload(10_000, 6);
        byte[] record = concat(zlib(a), lz4(a));
        int second = zlib(a).length;
        record[second + 9 + 8 + 100] ^= 1;
        assertThatThrownBy(() -> Compression.decompress(record, 0, record.length, 2 * a.length, CONTEXT, 1000))
                .isInstanceOf(RootFormatException.class)
                .hasMessageContaining("compression block 1 at byte offset " + (1000 + second))
                .hasMessageContaining("LZ4 checksum mismatch");
        byte[] unknown = concat(zlib(a));
        unknown[0] = 'C';
        unknown[1] = 'S';
        assertThatThrownBy(() -> Compression.decompress(unknown, 0, unknown.length, a.length, CONTEXT, 1000))
                .isInstanceOf(UnsupportedRootFeatureException.class).hasMessageContaining("legacy ROOT 'CS'");
    }
}
