package org.crema.io.internal.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.crema.io.internal.compression.BlockCodec;

/**
 * Native decoders reached through the FFM API ({@code java.lang.foreign}): libzstd, liblzma and
 * libdeflate as installed by the system. Each factory returns null when the library is missing or
 * native access is not enabled for this module ({@code --enable-native-access}), and the caller
 * falls back to a pure-Java codec.
 *
 * <p>Only short calls are "critical" downcalls with heap access (the {@code byte[]} passed to C in
 * place): a critical call holds off garbage collection until it returns, which is harmless for a
 * sub-millisecond zstd decode and not for an LZMA basket that takes tens of milliseconds. Long
 * decoders copy through per-thread native buffers instead ({@link NativeScratch}). None of these
 * functions calls back into Java or keeps a pointer after returning.
 */
public final class NativeCodecs {
    private static final System.Logger LOG = System.getLogger(NativeCodecs.class.getName());
    static final Linker LINKER = Linker.nativeLinker();
    static final Linker.Option CRITICAL = Linker.Option.critical(true);

    private NativeCodecs() {
    }

    static boolean nativeAccess() {
        return NativeCodecs.class.getModule().isNativeAccessEnabled();
    }

    @SuppressWarnings("restricted") // guarded by nativeAccess(): only called when access was granted
    static Optional<SymbolLookup> library(String... names) {
        if (!nativeAccess()) {
            return Optional.empty();
        }
        for (String name : names) {
            try {
                return Optional.of(SymbolLookup.libraryLookup(name, Arena.global()));
            } catch (IllegalArgumentException | IllegalCallerException e) {
                // try the next name
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("restricted") // only reached through library(), which checks native access
    static MethodHandle handle(SymbolLookup lib, String symbol, FunctionDescriptor fd, boolean critical) {
        var address = lib.find(symbol).orElseThrow(() -> new IllegalArgumentException("no symbol " + symbol));
        return critical ? LINKER.downcallHandle(address, fd, CRITICAL) : LINKER.downcallHandle(address, fd);
    }

    private static BlockCodec load(String what, java.util.function.Supplier<BlockCodec> factory) {
        try {
            return factory.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "native " + what + " unavailable, using the pure-Java decoder", e);
            return null;
        }
    }

    /** @return a libdeflate-backed zlib decoder, or null */
    public static BlockCodec zlib() {
        return load("libdeflate", () -> library("libdeflate.so.0", "libdeflate.so").map(LibDeflate::new).orElse(null));
    }

    /** @return a liblzma-backed xz decoder, or null */
    public static BlockCodec xz() {
        return load("liblzma", () -> library("liblzma.so.5", "liblzma.so").map(LibLzma::new).orElse(null));
    }

    /** @return a libzstd-backed decoder, or null */
    public static BlockCodec zstd() {
        return load("libzstd", () -> library("libzstd.so.1", "libzstd.so").map(LibZstd::new).orElse(null));
    }
}
