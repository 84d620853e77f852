package org.crema.io.internal.compression;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * ROOT "L4" blocks: an 8-byte big-endian xxHash64 (seed 0) of the LZ4 block, then the raw LZ4
 * block. The checksum is verified before decoding. The "safe" Java implementations are used: they
 * need neither JNI nor {@code sun.misc.Unsafe}.
 */
final class Lz4Codec implements BlockCodec {
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.safeInstance().safeDecompressor();
    private static final XXHash64 XXH = XXHashFactory.safeInstance().hash64();
    static final int CHECKSUM_BYTES = 8;

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        if (srcLen < CHECKSUM_BYTES) {
            throw new CodecException("LZ4 block of " + srcLen + " bytes is shorter than its 8-byte checksum");
        }
        long stored = 0;
        for (int i = 0; i < CHECKSUM_BYTES; i++) {
            stored = (stored << 8) | (src[srcOff + i] & 0xFF);
        }
        long actual = XXH.hash(src, srcOff + CHECKSUM_BYTES, srcLen - CHECKSUM_BYTES, 0L);
        if (stored != actual) {
            throw new CodecException(String.format("LZ4 checksum mismatch: stored xxhash64 %016x, computed %016x",
                    stored, actual));
        }
        try {
            int n = LZ4.decompress(src, srcOff + CHECKSUM_BYTES, srcLen - CHECKSUM_BYTES, dst, dstOff, dstLen);
            if (n != dstLen) {
                throw new CodecException("LZ4 block produced " + n + " bytes, header declares " + dstLen);
            }
        } catch (LZ4Exception e) {
            throw new CodecException("LZ4 data corrupt: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "LZ4 (lz4-java, safe Java)";
    }
}
