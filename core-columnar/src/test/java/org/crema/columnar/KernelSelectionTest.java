package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.crema.columnar.internal.AdaptiveKernels;
import org.crema.columnar.internal.KernelProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The facades pick SIMD kernels exactly when the Vector API module is present (and not disabled). */
class KernelSelectionTest {
    @Test
    void selectsByCapability() {
        boolean expectScalar = Boolean.getBoolean("crema.expectScalar")
                || "false".equalsIgnoreCase(System.getProperty("crema.simd"));
        assertThat(KernelTestSupport.vectorModulePresent()).isEqualTo(!Boolean.getBoolean("crema.expectScalar"));
        assertThat(KernelProvider.KERNELS.name()).isEqualTo(expectScalar ? "scalar" : "simd");
    }

    @Test
    void simdKernelsTakeOverOnceWarm() throws InterruptedException {
        Assumptions.assumeTrue(KernelProvider.KERNELS instanceof AdaptiveKernels,
                "SIMD kernels are not in use (scalar run)");
        AdaptiveKernels k = (AdaptiveKernels) KernelProvider.KERNELS;
        k.warmUpNow();
        // the warm-up is a few seconds of one low-priority thread; a loaded machine needs more
        assertThat(k.awaitSimd(120, TimeUnit.SECONDS)).as("the SIMD kernels were switched on").isTrue();
        assertThat(k.current().name()).isEqualTo("simd");
        assertThat(k.warmUpFailure()).as("every kernel was exercised").isNull();
    }
}
