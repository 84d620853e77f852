package org.crema.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import org.crema.columnar.internal.KernelProvider;
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
}
