package org.crema.io.internal.compression;

import io.airlift.compress.zstd.ZstdDecompressor;

/** ROOT "ZS" blocks: one zstd frame, decoded in pure Java (aircompressor). */
final class ZstdJavaCodec implements BlockCodec {
    private static final ThreadLocal<ZstdDecompressor> DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressor::new);

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        try {
            int n = DECOMPRESSOR.get().decompress(src, srcOff, srcLen, dst, dstOff, dstLen);
            if (n != dstLen) {
                throw new CodecException("zstd block produced " + n + " bytes, header declares " + dstLen);
            }
        } catch (RuntimeException e) {
            throw new CodecException("zstd data corrupt: " + e, e);
        }
    }

    @Override
    public String name() {
        return "ZSTD (aircompressor, pure Java)";
    }
}
