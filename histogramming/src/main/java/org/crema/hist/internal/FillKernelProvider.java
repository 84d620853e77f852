package org.crema.hist.internal;

import java.lang.System.Logger.Level;

/**
 * Chooses the vectorised fill kernels once per JVM: the Vector API ones when the {@code
 * jdk.incubator.vector} module is in the boot layer, the system property {@code crema.simd} is not
 * {@code false} and the hardware has 8-lane vectors (the kernels are written for 8 lanes; narrower
 * ones would split every operation); otherwise none, and fills run their scalar loops.
 */
public final class FillKernelProvider {
    /** The vectorised kernels, or {@code null} when fills run scalar. */
    public static final FillKernels SIMD = select();

    private static final String SIMD_CLASS = "org.crema.hist.internal.simd.SimdFillKernels";

    private FillKernelProvider() {}

    private static FillKernels select() {
        if ("false".equalsIgnoreCase(System.getProperty("crema.simd", "true"))) {
            return null;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.getLogger("org.crema.hist").log(Level.WARNING, "crema: the Vector API module is not enabled, "
                    + "histogram fills run scalar (slower). Start java with --add-modules jdk.incubator.vector.");
            return null;
        }
        try {
            // Loaded reflectively so that no class referring to jdk.incubator.vector is linked without the module.
            return (FillKernels) Class.forName(SIMD_CLASS).getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            System.getLogger("org.crema.hist").log(Level.WARNING, "crema: vectorised histogram fills unavailable ("
                    + e + "), fills run scalar.");
            return null;
        }
    }
}
