package org.crema.io.internal.compression;

import org.crema.io.internal.ffm.NativeCodecs;

/**
 * The codec used for each ROOT block algorithm, chosen once: a native library through the FFM API
 * where one is installed and measured faster (liblzma, libzstd), else the pure-Java decoder.
 * Setting the system property {@code crema.io.nativeCodecs=false} forces the pure-Java decoders.
 */
public final class Codecs {
    private static final boolean NATIVE_ALLOWED =
            !"false".equalsIgnoreCase(System.getProperty("crema.io.nativeCodecs", "true"));

    /** Decoder for "ZL" blocks. */
    public static final BlockCodec ZLIB = pick(NativeCodecs.zlib(), new ZlibCodec());
    /** Decoder for "XZ" blocks. */
    public static final BlockCodec XZ = pick(NativeCodecs.xz(), new XzCodec());
    /** Decoder for "L4" blocks (checksum verified). */
    public static final BlockCodec LZ4 = new Lz4Codec();
    /** Decoder for "ZS" blocks. */
    public static final BlockCodec ZSTD = pick(NativeCodecs.zstd(), new ZstdJavaCodec());

    private Codecs() {
    }

    private static BlockCodec pick(BlockCodec nativeCodec, BlockCodec javaCodec) {
        return NATIVE_ALLOWED && nativeCodec != null ? nativeCodec : javaCodec;
    }

    /** @return the pure-Java decoders, for benchmarks comparing them with the native ones */
    public static BlockCodec[] javaCodecs() {
        return new BlockCodec[] {new ZlibCodec(), new XzCodec(), new Lz4Codec(), new ZstdJavaCodec()};
    }
}
