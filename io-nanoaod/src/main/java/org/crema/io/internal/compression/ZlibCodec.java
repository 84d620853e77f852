package org.crema.io.internal.compression;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** ROOT "ZL" blocks: a zlib stream (with header), decoded by the JDK's native zlib. */
final class ZlibCodec implements BlockCodec {
    // Inflater owns native memory; reuse one per thread instead of allocating one per block.
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(src, srcOff, srcLen);
        int produced = 0;
        try {
            while (produced < dstLen) {
                int n = inflater.inflate(dst, dstOff + produced, dstLen - produced);
                if (n == 0) {
                    if (inflater.finished() || inflater.needsInput() || inflater.needsDictionary()) {
                        break;
                    }
                }
                produced += n;
            }
        } catch (DataFormatException e) {
            throw new CodecException("zlib data corrupt: " + e.getMessage(), e);
        }
        if (produced != dstLen) {
            throw new CodecException("zlib block produced " + produced + " bytes, header declares " + dstLen);
        }
    }

    @Override
    public String name() {
        return "ZLIB (java.util.zip)";
    }
}
