package io.github.backprop4j.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Kernels;
import org.junit.jupiter.api.Test;

/**
 * What {@link Kernels#current()} chooses from the system property {@code backprop4j.kernels}.
 * The choice is made once per JVM, so the pom runs this class in three JVMs: without the
 * property, with {@code =ejml} and with {@code =openblas}, telling it the expected name in
 * {@code backprop4j.expectedKernels}.
 */
class KernelsPropertyTest {

    @Test
    void current_propertyAsSetForThisJvm_choosesTheExpectedKernels() {
        assertEquals(System.getProperty("backprop4j.expectedKernels"), Kernels.current().name(),
                "with -Dbackprop4j.kernels=" + System.getProperty(Kernels.PROPERTY));
    }
}
