package org.crema.columnar.internal;

import java.lang.System.Logger.Level;
import org.crema.columnar.internal.scalar.ScalarKernels;

/**
 * Chooses the kernel implementation once per JVM: the Vector API one when the {@code
 * jdk.incubator.vector} module is in the boot layer and the system property {@code crema.simd} is
 * not {@code false}, otherwise the scalar one (with one warning when the module is missing). The
 * Vector API kernels are reached through {@link AdaptiveKernels}: the scalar twins answer in short
 * runs and until the SIMD code is compiled ({@code -Dcrema.simd.warmup=false} skips that).
 */
public final class KernelProvider {
    /** The selected implementation, fixed at class initialisation so the JIT can inline through it. */
    public static final Kernels KERNELS = select();

    private static final String SIMD_CLASS = "org.crema.columnar.internal.simd.SimdKernels";

    private KernelProvider() {}

    private static Kernels select() {
        System.Logger log = System.getLogger("org.crema.columnar");
        if ("false".equalsIgnoreCase(System.getProperty("crema.simd", "true"))) {
            return ScalarKernels.INSTANCE;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            log.log(Level.WARNING, "crema: the Vector API module is not enabled, columnar kernels run scalar "
                    + "(slower). Start java with --add-modules jdk.incubator.vector to enable SIMD kernels.");
            return ScalarKernels.INSTANCE;
        }
        try {
            // Loaded reflectively so that no class referring to jdk.incubator.vector is linked without the module.
            Kernels simd = (Kernels) Class.forName(SIMD_CLASS).getField("INSTANCE").get(null);
            if (simd == null) {
                return ScalarKernels.INSTANCE;
            }
            // scalar until the SIMD kernels are compiled (see AdaptiveKernels), unless asked otherwise
            return "false".equalsIgnoreCase(System.getProperty("crema.simd.warmup", "true")) ? simd
                    : new AdaptiveKernels(ScalarKernels.INSTANCE, simd);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            log.log(Level.WARNING, "crema: SIMD kernels unavailable (" + e + "), columnar kernels run scalar. "
                    + "Start java with --add-modules jdk.incubator.vector to enable them.");
            return ScalarKernels.INSTANCE;
        }
    }
}
