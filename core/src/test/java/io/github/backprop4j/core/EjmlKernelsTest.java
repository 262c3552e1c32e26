package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EjmlKernelsTest {

    @Test
    void parseThreshold_unset_isTheMeasuredDefault() {
        assertEquals(EjmlKernels.DEFAULT_THREAD_THRESHOLD, EjmlKernels.parseThreshold(null));
        assertEquals(EjmlKernels.DEFAULT_THREAD_THRESHOLD, EjmlKernels.parseThreshold("  "));
    }

    @Test
    void parseThreshold_numberWithUnderscoresOrNever_isThatThreshold() {
        assertEquals(1_000_000L, EjmlKernels.parseThreshold("1_000_000"));
        assertEquals(42L, EjmlKernels.parseThreshold(" 42 "));
        assertEquals(EjmlKernels.SINGLE_THREADED, EjmlKernels.parseThreshold("never"));
        assertEquals(EjmlKernels.SINGLE_THREADED, EjmlKernels.parseThreshold("NEVER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "many", "1e6"})
    void parseThreshold_invalid_throwsNamingThePropertyAndTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EjmlKernels.parseThreshold(value));

        assertTrue(e.getMessage().contains(EjmlKernels.THREAD_THRESHOLD_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + value + "\""), e.getMessage());
    }

    @Test
    void constructor_noArgument_usesTheConfiguredThreshold() {
        long expected = EjmlKernels.parseThreshold(
                System.getProperty(EjmlKernels.THREAD_THRESHOLD_PROPERTY));

        assertEquals(expected, new EjmlKernels().concurrencyThreshold());
    }

    @Test
    void defaultThreshold_keepsTheSmallNetworksProductsSingleThreaded() {
        long largestProductOfS = 64L * 64 * 64;

        assertTrue(EjmlKernels.DEFAULT_THREAD_THRESHOLD > largestProductOfS,
                "threshold " + EjmlKernels.DEFAULT_THREAD_THRESHOLD);
    }
}
