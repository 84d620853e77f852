package org.crema.hist;

import org.crema.hist.internal.FillKernelProvider;
import org.crema.hist.internal.FillKernels;

/**
 * When the fill loops use the vectorised kernels ({@link FillKernels}). Vector API code runs one to
 * two orders of magnitude slower than the scalar loops until the JIT's optimising compiler has
 * compiled it (measured in a stand-alone loop: the first 10⁷ entries of a fresh JVM at 12–20 M/s,
 * later ones at 290–810), so the fills of a JVM start scalar and switch after {@code
 * crema.simd.fillWarmup} entries (default 2^25, a quarter of a second of filling; 0 switches at the
 * first fill): short runs never pay for compiling the kernels, long ones gain from them. Switching never changes a result (the kernels do the scalar
 * loops' operations, see the property tests).
 */
final class FillSimd {
    private static final long WARMUP = Long.getLong("crema.simd.fillWarmup", 1L << 25);
    /** Entries filled scalar so far in this JVM (racy: an estimate is enough). */
    private static long filled;
    /** The kernels in use, null while scalar; tests switch it with {@link #use}. */
    private static FillKernels kernels = initial();

    private FillSimd() {}

    /** Counts a block of {@code n} entries toward the switch to the vectorised kernels. */
    static void count(int n) {
        if (kernels == null && FillKernelProvider.SIMD != null) {
            filled += n;
            if (filled > WARMUP) {
                kernels = FillKernelProvider.SIMD;
            }
        }
    }

    /** @return the kernels in use now, or {@code null} for the scalar loops */
    static FillKernels current() {
        return kernels;
    }

    private static FillKernels initial() {
        return WARMUP <= 0 ? FillKernelProvider.SIMD : null;
    }

    /** Goes back to the state of a fresh JVM (scalar until the warm-up count, or as configured). */
    static void reset() {
        kernels = initial();
        filled = 0;
    }

    /** Switches the vectorised kernels on (when available) or off; for tests that compare both paths. */
    static void use(boolean simd) {
        kernels = simd ? FillKernelProvider.SIMD : null;
        filled = simd ? WARMUP + 1 : Long.MIN_VALUE / 2;
    }
}
