package org.crema.io.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import org.crema.io.internal.compression.BlockCodec;
import org.crema.io.internal.compression.CodecException;

/**
 * ROOT "ZL" blocks decoded by the system's libdeflate ({@code libdeflate_zlib_decompress}). A whole
 * basket can take milliseconds, so the call is a normal (not critical) downcall through native
 * buffers.
 */
final class LibDeflate implements BlockCodec {
    private static final Cleaner CLEANER = Cleaner.create();
    // enum libdeflate_result
    private static final String[] RESULTS = {
        "LIBDEFLATE_SUCCESS",
        "LIBDEFLATE_BAD_DATA (the data is not valid zlib)",
        "LIBDEFLATE_SHORT_OUTPUT (the data decodes to fewer bytes than the block header declares)",
        "LIBDEFLATE_INSUFFICIENT_SPACE (the data decodes to more bytes than the block header declares)",
    };

    private final MethodHandle alloc;
    private final MethodHandle free;
    private final MethodHandle decompress;
    // A libdeflate decompressor is not thread-safe but is reusable: one per thread, freed when the
    // thread is gone (a Cleaner watches the thread, not the ThreadLocal, which has no end-of-life hook).
    private final ThreadLocal<MemorySegment> decompressor;

    LibDeflate(SymbolLookup lib) {
        alloc = NativeCodecs.handle(lib, "libdeflate_alloc_decompressor", FunctionDescriptor.of(ADDRESS), false);
        free = NativeCodecs.handle(lib, "libdeflate_free_decompressor", FunctionDescriptor.ofVoid(ADDRESS), false);
        decompress = NativeCodecs.handle(lib, "libdeflate_zlib_decompress",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS), false);
        decompressor = ThreadLocal.withInitial(this::allocate);
    }

    private MemorySegment allocate() {
        MemorySegment d;
        try {
            d = (MemorySegment) alloc.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("libdeflate_alloc_decompressor failed", t);
        }
        if (d.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("libdeflate_alloc_decompressor returned NULL (out of memory)");
        }
        CLEANER.register(Thread.currentThread(), new Free(free, d));
        return d;
    }

    /** Frees one thread's decompressor; holds no reference to the thread. */
    private record Free(MethodHandle free, MemorySegment decompressor) implements Runnable {
        @Override
        public void run() {
            try {
                free.invokeExact(decompressor);
            } catch (Throwable ignored) {
                // nothing to report to: the thread that used it is gone
            }
        }
    }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws CodecException {
        NativeScratch s = NativeScratch.get();
        MemorySegment in = s.input(src, srcOff, srcLen);
        MemorySegment out = s.output(dstLen);
        MemorySegment actual = s.words();
        actual.set(JAVA_LONG, 0, -1L);
        int ret;
        try {
            ret = (int) decompress.invokeExact(decompressor.get(), in, (long) srcLen, out, (long) dstLen, actual);
        } catch (Throwable t) {
            throw new CodecException("libdeflate call failed: " + t, t);
        }
        if (ret != 0) {
            throw new CodecException("zlib data corrupt: libdeflate returned " + resultName(ret));
        }
        long produced = actual.get(JAVA_LONG, 0);
        if (produced != dstLen) {
            throw new CodecException("zlib block produced " + produced + " bytes, header declares " + dstLen);
        }
        MemorySegment.copy(out, JAVA_BYTE, 0, dst, dstOff, dstLen);
    }

    /** @param code a libdeflate_result @return its name and meaning */
    static String resultName(int code) {
        return code >= 0 && code < RESULTS.length ? RESULTS[code] : "unknown result " + code;
    }

    @Override
    public String name() {
        return "ZLIB (libdeflate via FFM)";
    }
}
