package org.crema.io.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.crema.io.internal.compression.BlockCodec;
import org.crema.io.internal.compression.CodecException;

/** ROOT "XZ" blocks decoded by the system's liblzma ({@code lzma_stream_buffer_decode}). */
final class LibLzma implements BlockCodec {
    // Dictionary memory a corrupt stream header may ask for is capped, as for the Java decoder.
    private static final long MEMORY_LIMIT = 256L << 20;
    private final MethodHandle decode;

    LibLzma(SymbolLookup lib) {
        decode = NativeCodecs.handle(lib, "lzma_stream_buffer_decode", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), true);
    }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        // memlimit, in_pos, out_pos: in/out parameters, passed as a heap array (allowed in critical calls).
        long[] state = {MEMORY_LIMIT, 0, 0};
        MemorySegment st = MemorySegment.ofArray(state);
        MemorySegment in = MemorySegment.ofArray(src).asSlice(srcOff, srcLen);
        MemorySegment out = MemorySegment.ofArray(dst).asSlice(dstOff, dstLen);
        int ret;
        try {
            ret = (int) decode.invokeExact(st.asSlice(0, 8), 0, MemorySegment.NULL, in, st.asSlice(8, 8),
                    (long) srcLen, out, st.asSlice(16, 8), (long) dstLen);
        } catch (Throwable t) {
            throw new CodecException("liblzma call failed: " + t, t);
        }
        if (ret != 0) {
            throw new CodecException("xz data corrupt (liblzma error " + ret + ")");
        }
        if (state[2] != dstLen) {
            throw new CodecException("xz block produced " + state[2] + " bytes, header declares " + dstLen);
        }
    }

    @Override
    public String name() {
        return "LZMA (liblzma via FFM)";
    }
}
