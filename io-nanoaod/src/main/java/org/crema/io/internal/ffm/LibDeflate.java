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

/** ROOT "ZL" blocks decoded by the system's libdeflate ({@code libdeflate_zlib_decompress}). */
final class LibDeflate implements BlockCodec {
    private final MethodHandle alloc;
    private final MethodHandle decompress;
    // A libdeflate decompressor is not thread-safe but is reusable: one per thread, kept for its life.
    private final ThreadLocal<MemorySegment> decompressor;

    LibDeflate(SymbolLookup lib) {
        alloc = NativeCodecs.handle(lib, "libdeflate_alloc_decompressor", FunctionDescriptor.of(ADDRESS), false);
        decompress = NativeCodecs.handle(lib, "libdeflate_zlib_decompress",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS), true);
        decompressor = ThreadLocal.withInitial(this::allocate);
    }

    private MemorySegment allocate() {
        try {
            MemorySegment d = (MemorySegment) alloc.invokeExact();
            if (d.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("libdeflate_alloc_decompressor returned NULL");
            }
            return d;
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_alloc_decompressor failed", t);
        }
    }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        long[] actual = {-1};
        MemorySegment in = MemorySegment.ofArray(src).asSlice(srcOff, srcLen);
        MemorySegment out = MemorySegment.ofArray(dst).asSlice(dstOff, dstLen);
        int ret;
        try {
            ret = (int) decompress.invokeExact(decompressor.get(), in, (long) srcLen, out, (long) dstLen,
                    MemorySegment.ofArray(actual));
        } catch (Throwable t) {
            throw new CodecException("libdeflate call failed: " + t, t);
        }
        if (ret != 0) {
            throw new CodecException("zlib data corrupt (libdeflate result " + ret + ")");
        }
        if (actual[0] != dstLen) {
            throw new CodecException("zlib block produced " + actual[0] + " bytes, header declares " + dstLen);
        }
    }

    @Override
    public String name() {
        return "ZLIB (libdeflate via FFM)";
    }
}
