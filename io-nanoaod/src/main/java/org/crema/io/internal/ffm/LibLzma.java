package org.crema.io.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import org.crema.io.internal.compression.BlockCodec;
import org.crema.io.internal.compression.CodecException;

/**
 * ROOT "XZ" blocks decoded by the system's liblzma ({@code lzma_stream_buffer_decode}). That
 * single-call decoder allocates and frees its own state within the call (no {@code lzma_stream} is
 * kept, so there is nothing to {@code lzma_end}). LZMA-9 baskets take tens of milliseconds, so the
 * call is a normal (not critical) downcall through native buffers.
 */
final class LibLzma implements BlockCodec {
    // Dictionary memory a corrupt stream header may ask for is capped, as for the Java decoder.
    private static final long MEMORY_LIMIT = 256L << 20;
    // enum lzma_ret, in value order
    private static final String[] RETURNS = {
        "LZMA_OK",
        "LZMA_STREAM_END",
        "LZMA_NO_CHECK",
        "LZMA_UNSUPPORTED_CHECK (the integrity check type is not supported)",
        "LZMA_GET_CHECK",
        "LZMA_MEM_ERROR (cannot allocate memory)",
        "LZMA_MEMLIMIT_ERROR (the stream needs more than the 256 MiB memory limit)",
        "LZMA_FORMAT_ERROR (not an .xz stream)",
        "LZMA_OPTIONS_ERROR (invalid or unsupported options)",
        "LZMA_DATA_ERROR (the data is corrupt)",
        "LZMA_BUF_ERROR (the input is truncated or the output larger than the block header declares)",
        "LZMA_PROG_ERROR (invalid arguments)",
        "LZMA_SEEK_NEEDED",
    };

    private final MethodHandle decode;

    LibLzma(SymbolLookup lib) {
        decode = NativeCodecs.handle(lib, "lzma_stream_buffer_decode", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG), false);
    }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        NativeScratch s = NativeScratch.get();
        MemorySegment in = s.input(src, srcOff, srcLen);
        MemorySegment out = s.output(dstLen);
        // memlimit, in_pos, out_pos: in/out parameters
        MemorySegment st = s.words();
        st.set(JAVA_LONG, 0, MEMORY_LIMIT);
        st.set(JAVA_LONG, 8, 0L);
        st.set(JAVA_LONG, 16, 0L);
        int ret;
        try {
            ret = (int) decode.invokeExact(st.asSlice(0, 8), 0, MemorySegment.NULL, in, st.asSlice(8, 8),
                    (long) srcLen, out, st.asSlice(16, 8), (long) dstLen);
        } catch (Throwable t) {
            throw new CodecException("liblzma call failed: " + t, t);
        }
        if (ret != 0) {
            throw new CodecException("xz data corrupt: liblzma returned " + returnName(ret));
        }
        long produced = st.get(JAVA_LONG, 16);
        if (produced != dstLen) {
            throw new CodecException("xz block produced " + produced + " bytes, header declares " + dstLen);
        }
        MemorySegment.copy(out, JAVA_BYTE, 0, dst, dstOff, dstLen);
    }

    /** @param code an lzma_ret @return its name and meaning */
    static String returnName(int code) {
        return code >= 0 && code < RETURNS.length ? RETURNS[code] : "unknown lzma_ret " + code;
    }

    @Override
    public String name() {
        return "LZMA (liblzma via FFM)";
    }
}
