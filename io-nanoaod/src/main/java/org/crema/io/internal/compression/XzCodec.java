package org.crema.io.internal.compression;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/** ROOT "XZ" blocks: an xz container holding LZMA2 data, decoded in pure Java (tukaani xz). */
final class XzCodec implements BlockCodec {
    // xz streams declare their dictionary size; cap what a corrupt header can make us allocate (KiB).
    private static final int MEMORY_LIMIT_KIB = 256 * 1024;

    // ROOT writes LZMA with a 64 MiB dictionary (preset 9); xz-java allocates the whole dictionary for
    // every stream, so without a cache each basket costs a fresh 64 MiB array. The cache reuses them.
    private static final BasicArrayCache CACHE = BasicArrayCache.getInstance();

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        try (XZInputStream in = new XZInputStream(
                new ByteArrayInputStream(src, srcOff, srcLen), MEMORY_LIMIT_KIB, true, CACHE)) {
            int n = in.readNBytes(dst, dstOff, dstLen);
            if (n != dstLen) {
                throw new CodecException("xz block produced " + n + " bytes, header declares " + dstLen);
            }
        } catch (IOException | RuntimeException e) {
            throw new CodecException("xz data corrupt: " + e, e);
        }
    }

    @Override
    public String name() {
        return "LZMA (org.tukaani.xz, pure Java)";
    }
}
