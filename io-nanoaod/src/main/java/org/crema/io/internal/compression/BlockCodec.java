package org.crema.io.internal.compression;

/**
 * Decodes one compressed block of ROOT's block framing into an exactly sized output span.
 * Implementations are stateless or keep per-thread state, so one instance serves all threads.
 */
public interface BlockCodec {

    /**
     * @param src compressed bytes
     * @param srcOff first compressed byte (after the 9-byte block header)
     * @param srcLen number of compressed bytes
     * @param dst output array
     * @param dstOff first output byte
     * @param dstLen exact number of bytes the block must produce
     * @throws CodecException if the data is corrupt or produces a different length
     */
    void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException;

    /** @return a short name for messages and benchmarks, e.g. "ZSTD (libzstd via FFM)" */
    String name();
}
