package org.crema.columnar;

import java.util.Random;
import org.crema.columnar.internal.Kernels;
import org.crema.columnar.internal.scalar.ScalarKernels;

/** Test helpers: the kernel implementations and generators of awkward float data. */
final class KernelTestSupport {
    private KernelTestSupport() {}

    /** True when this JVM runs without the Vector API module (the scalar-only surefire execution). */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** Loaded reflectively so this class also links in the JVM without the vector module. */
    static Kernels simd() {
        try {
            return (Kernels) Class.forName("org.crema.columnar.internal.simd.SimdKernels").getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 30f, 1f};

    /** Floats spread over a physics-like range with about 5% special values (NaN, ±Inf, ±0, extremes). */
    static float[] floats(Random r, int n, boolean specials) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            if (specials && r.nextInt(20) == 0) {
                a[i] = SPECIAL[r.nextInt(SPECIAL.length)];
            } else {
                a[i] = (float) ((r.nextDouble() - 0.3) * 200);
            }
        }
        return a;
    }

    static double[] doubles(Random r, int n, boolean specials) {
        double[] a = new double[n];
        float[] f = floats(r, n, specials);
        for (int i = 0; i < n; i++) {
            a[i] = f[i] == Float.MAX_VALUE ? Double.MAX_VALUE : f[i] + r.nextDouble() * 1e-9;
        }
        return a;
    }

    static int[] ints(Random r, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(10) == 0 ? (r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : r.nextInt(61) - 30;
        }
        return a;
    }

    static boolean[] bools(Random r, int n) {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextBoolean();
        }
        return a;
    }

    /** Per-event counts drawn from Poisson(mean), like NanoAOD jet multiplicities. */
    static int[] poissonCounts(Random r, int events, double mean) {
        int[] c = new int[events];
        double limit = Math.exp(-mean);
        for (int e = 0; e < events; e++) {
            int k = 0;
            double p = r.nextDouble();
            while (p > limit) {
                p *= r.nextDouble();
                k++;
            }
            c[e] = k;
        }
        return c;
    }

    /** Offsets from counts, starting at {@code base}. */
    static int[] offsets(int[] counts, int base) {
        int[] o = new int[counts.length + 1];
        o[0] = base;
        for (int i = 0; i < counts.length; i++) {
            o[i + 1] = o[i] + counts[i];
        }
        return o;
    }
}
