package org.crema.io.internal.compression;

import java.util.List;
import java.util.function.Supplier;
import org.crema.io.internal.ffm.NativeCodecs;

/**
 * The table of ROOT block algorithms: each row names the two magic bytes that open a compressed
 * block, the algorithm, its pure-Java decoder and, where one is installed and measured faster, a
 * native decoder reached through FFM. Decoding picks the row from a block's magic bytes, so
 * supporting a new algorithm is one new row here.
 *
 * <p>Setting the system property {@code crema.io.nativeCodecs=false} forces the pure-Java decoders.
 */
public final class Codecs {
    private static final boolean NATIVE_ALLOWED =
            !"false".equalsIgnoreCase(System.getProperty("crema.io.nativeCodecs", "true"));

    /**
     * One block algorithm.
     *
     * @param magic the two letters that open its blocks, e.g. {@code "ZS"}
     * @param name the algorithm's name in messages, e.g. {@code "ZSTD"}
     * @param java the pure-Java decoder
     * @param nativeCodec the native decoder, or null when none is installed or allowed
     */
    public record Algorithm(String magic, String name, BlockCodec java, BlockCodec nativeCodec) {
        /** @return the decoder in use: the native one when available, else the Java one */
        public BlockCodec codec() {
            return NATIVE_ALLOWED && nativeCodec != null ? nativeCodec : java;
        }
    }

    private static final List<Algorithm> TABLE = List.of(
            row("ZL", "ZLIB", new ZlibCodec(), NativeCodecs::zlib),
            row("XZ", "LZMA", new XzCodec(), NativeCodecs::xz),
            row("L4", "LZ4", new Lz4Codec(), () -> null),
            row("ZS", "ZSTD", new ZstdJavaCodec(), NativeCodecs::zstd));

    // Indexed by the two magic bytes: one array load per block instead of a scan.
    private static final BlockCodec[] BY_MAGIC = new BlockCodec[1 << 16];

    static {
        for (Algorithm a : TABLE) {
            BY_MAGIC[key((byte) a.magic().charAt(0), (byte) a.magic().charAt(1))] = a.codec();
        }
    }

    private Codecs() {
    }

    private static Algorithm row(String magic, String name, BlockCodec java, Supplier<BlockCodec> nativeCodec) {
        return new Algorithm(magic, name, java, NATIVE_ALLOWED ? nativeCodec.get() : null);
    }

    private static int key(byte a, byte b) {
        return (a & 0xFF) << 8 | (b & 0xFF);
    }

    /** @return every algorithm, in table order */
    public static List<Algorithm> all() {
        return TABLE;
    }

    /**
     * @param a first magic byte
     * @param b second magic byte
     * @return the decoder in use for blocks opening with these bytes, or null when none is known
     */
    public static BlockCodec forMagic(byte a, byte b) {
        return BY_MAGIC[key(a, b)];
    }

    /** @param magic two letters, e.g. {@code "XZ"} @return the algorithm, or null when none is known */
    public static Algorithm algorithm(String magic) {
        for (Algorithm a : TABLE) {
            if (a.magic().equals(magic)) {
                return a;
            }
        }
        return null;
    }

    /** @return "ZLIB: ZLIB (libdeflate via FFM) | LZMA: …": the decoders in use, for benchmark output */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Algorithm a : TABLE) {
            sb.append(sb.isEmpty() ? "" : " | ").append(a.codec().name());
        }
        return sb.toString();
    }
}
