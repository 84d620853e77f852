package org.crema.io.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread native buffers for decoders called without heap access: the compressed block is copied
 * in, the library decodes into native memory, and the result is copied out. The copies cost a few
 * percent of an LZMA or deflate decode and keep those long calls off the critical path, where the
 * JVM could not reach a safepoint (and so could not collect garbage) until the call returned.
 *
 * <p>Buffers grow to the largest block seen and are allocated in an automatic arena, so their memory
 * is released when the thread (and with it this object) is gone.
 */
final class NativeScratch {
    private static final ThreadLocal<NativeScratch> LOCAL = ThreadLocal.withInitial(NativeScratch::new);
    private static final long MIN = 1 << 16;

    private MemorySegment in = MemorySegment.NULL;
    private MemorySegment out = MemorySegment.NULL;
    private final MemorySegment words = Arena.ofAuto().allocate(8 * 4, 8);

    private NativeScratch() {
    }

    /** @return the calling thread's buffers */
    static NativeScratch get() {
        return LOCAL.get();
    }

    /** @param src bytes @param off first @param len count @return a native copy of them */
    MemorySegment input(byte[] src, int off, int len) {
        if (in.byteSize() < len) {
            in = Arena.ofAuto().allocate(grow(len), 16);
        }
        MemorySegment.copy(src, off, in, JAVA_BYTE, 0, len);
        return in.asSlice(0, len);
    }

    /** @param len bytes @return native memory for that many output bytes */
    MemorySegment output(int len) {
        if (out.byteSize() < len) {
            out = Arena.ofAuto().allocate(grow(len), 16);
        }
        return out.asSlice(0, len);
    }

    /** @return four native 8-byte words for a call's in/out parameters (sizes, positions) */
    MemorySegment words() {
        return words;
    }

    private static long grow(long len) {
        return Math.max(MIN, Long.highestOneBit(len - 1) << 1);
    }
}
