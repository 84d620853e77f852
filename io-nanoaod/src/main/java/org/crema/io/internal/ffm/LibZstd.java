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

/**
 * ROOT "ZS" blocks decoded by the system's libzstd ({@code ZSTD_decompress}). zstd decodes at over
 * 1 GB/s, so a basket takes well under a millisecond: short enough for a critical downcall that
 * reads and writes the Java arrays in place (no copies). {@code ZSTD_decompress} keeps no state
 * between calls.
 */
final class LibZstd implements BlockCodec {
    private final MethodHandle decompress;
    private final MethodHandle isError;
    private final MethodHandle errorName;

    LibZstd(SymbolLookup lib) {
        decompress = NativeCodecs.handle(lib, "ZSTD_decompress",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG), true);
        isError = NativeCodecs.handle(lib, "ZSTD_isError", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), false);
        errorName = NativeCodecs.handle(lib, "ZSTD_getErrorName", FunctionDescriptor.of(ADDRESS, JAVA_LONG), false);
    }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        MemorySegment in = MemorySegment.ofArray(src).asSlice(srcOff, srcLen);
        MemorySegment out = MemorySegment.ofArray(dst).asSlice(dstOff, dstLen);
        long n;
        int error;
        try {
            n = (long) decompress.invokeExact(out, (long) dstLen, in, (long) srcLen);
            error = (int) isError.invokeExact(n);
        } catch (Throwable t) {
            throw new CodecException("libzstd call failed: " + t, t);
        }
        if (error != 0) {
            throw new CodecException("zstd data corrupt: libzstd error \"" + errorName(n) + "\" (code " + (-n) + ")");
        }
        if (n != dstLen) {
            throw new CodecException("zstd block produced " + n + " bytes, header declares " + dstLen);
        }
    }

    @SuppressWarnings("restricted") // the name is a static NUL-terminated string inside libzstd
    private String errorName(long code) {
        try {
            MemorySegment name = (MemorySegment) errorName.invokeExact(code);
            return name.equals(MemorySegment.NULL) ? "unknown" : name.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            return "unknown (ZSTD_getErrorName failed: " + t + ")";
        }
    }

    @Override
    public String name() {
        return "ZSTD (libzstd via FFM)";
    }
}
