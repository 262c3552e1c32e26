package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;
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

    /**
     * With a threshold of one multiply-add every product runs on EJML's threaded routines; each
     * gives the hand-computed result. C is preset to ones so that the Add forms show they add.
     */
    @Test
    void products_threadedFromTheFirstMultiplyAdd_giveTheHandComputedResults() {
        EjmlKernels threaded = new EjmlKernels(1);
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{0, 1}, {1, 1}});
        double[] ab = {2, 3, 4, 7};        // A·B
        double[] atb = {3, 4, 4, 6};       // Aᵀ·B
        double[] abt = {2, 3, 4, 7};       // A·Bᵀ (B is symmetric)

        assertArrayEquals(ab, run(c -> threaded.mult(a, b, c), 0), 0.0);
        assertArrayEquals(atb, run(c -> threaded.multTransA(a, b, c), 0), 0.0);
        assertArrayEquals(abt, run(c -> threaded.multTransB(a, b, c), 0), 0.0);
        assertArrayEquals(plusOne(ab), run(c -> threaded.multAdd(a, b, c), 1), 0.0);
        assertArrayEquals(plusOne(atb), run(c -> threaded.multAddTransA(a, b, c), 1), 0.0);
        assertArrayEquals(plusOne(abt), run(c -> threaded.multAddTransB(a, b, c), 1), 0.0);
    }

    private static double[] run(Consumer<DMatrixRMaj> product, double start) {
        DMatrixRMaj c = new DMatrixRMaj(2, 2);
        Arrays.fill(c.data, start);
        product.accept(c);
        return c.data.clone();
    }

    private static double[] plusOne(double[] values) {
        double[] r = values.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += 1;
        }
        return r;
    }

    @Test
    void toString_saysWhenItUsesThreads() {
        assertEquals("EjmlKernels(threads from 5000 multiply-adds)", new EjmlKernels(5000).toString());
        assertEquals("EjmlKernels(single-threaded)",
                new EjmlKernels(EjmlKernels.parseThreshold("never")).toString());
    }
}
