package io.github.backprop4j.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * How many threads OpenBLAS really runs on, as {@code openblas_get_num_threads} reports it, after
 * each step of the kernels' thread handling. Threads change only OpenBLAS's speed, never its
 * results, so this count is the only way to see that a product ran on the threads it should.
 * The count is one setting for the whole process: every test starts by constructing kernels,
 * which sets it to one.
 */
class OpenBlasThreadsTest {

    /** The threshold of the threaded kernels below: 2·3·4 multiply-adds. */
    private static final long THRESHOLD = 24;

    private static int openBlasThreads() {
        return OpenBlas.getNumThreads();
    }

    /** An m×k times k×n product: m·k·n multiply-adds. */
    private static void multiply(OpenBlasKernels kernels, int m, int k, int n) {
        DMatrixRMaj a = new DMatrixRMaj(m, k);
        DMatrixRMaj b = new DMatrixRMaj(k, n);
        a.fill(1);
        b.fill(2);
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        kernels.mult(a, b, c);
        // every entry is the sum of k products 1·2, whatever the number of threads
        assertEquals(2.0 * k, c.get(m - 1, n - 1), 0.0);
    }

    @Test
    void constructor_openBlasOnTwoThreads_setsItToOne() {
        new OpenBlasKernels();
        OpenBlas.setNumThreads(2);
        assertEquals(2, openBlasThreads());
        new OpenBlasKernels();
        assertEquals(1, openBlasThreads());

        OpenBlas.setNumThreads(2);
        new OpenBlasKernels(2, THRESHOLD);
        assertEquals(1, openBlasThreads(), "threaded kernels too start on one thread");
    }

    @Test
    void product_twoThreadsFromTheThreshold_runsOnTwoFromTheThresholdOnOneBelow() {
        OpenBlasKernels kernels = new OpenBlasKernels(2, THRESHOLD);
        assertEquals(1, openBlasThreads());
        multiply(kernels, 1, 1, 23);     // 23 multiply-adds: below
        assertEquals(1, openBlasThreads());
        multiply(kernels, 2, 3, 4);      // 24: at the threshold
        assertEquals(2, openBlasThreads());
        multiply(kernels, 1, 23, 1);     // 23 again, its inner size the largest: back on one
        assertEquals(1, openBlasThreads());
        multiply(kernels, 4, 3, 2);      // 24 again, the other way round
        assertEquals(2, openBlasThreads());
        multiply(kernels, 5, 7, 11);     // above: stays on two
        assertEquals(2, openBlasThreads());
        multiply(kernels, 3, 1, 7);      // 21: below
        assertEquals(1, openBlasThreads());
    }

    @Test
    void product_transposedOperands_countsTheProductsShapeNotTheStoredOne() {
        OpenBlasKernels kernels = new OpenBlasKernels(2, THRESHOLD);
        DMatrixRMaj a = new DMatrixRMaj(3, 2); // aᵀ is 2×3
        DMatrixRMaj b = new DMatrixRMaj(4, 3); // bᵀ is 3×4
        kernels.multTransA(a, new DMatrixRMaj(3, 4), new DMatrixRMaj(2, 4)); // 2·3·4
        assertEquals(2, openBlasThreads());
        kernels.multTransB(new DMatrixRMaj(1, 3), b, new DMatrixRMaj(1, 4)); // 1·3·4 = 12
        assertEquals(1, openBlasThreads());
        kernels.multAddTransB(new DMatrixRMaj(2, 3), b, new DMatrixRMaj(2, 4)); // 2·3·4
        assertEquals(2, openBlasThreads());
    }

    @Test
    void product_emptyDimension_leavesTheThreadsAsTheyAre() {
        OpenBlasKernels kernels = new OpenBlasKernels(2, 1);
        multiply(kernels, 1, 1, 1);
        assertEquals(2, openBlasThreads());
        DMatrixRMaj c = new DMatrixRMaj(3, 2);
        c.fill(5);
        kernels.mult(new DMatrixRMaj(3, 0), new DMatrixRMaj(0, 2), c);
        assertArrayEquals(new double[6], c.data, 0.0);
        kernels.mult(new DMatrixRMaj(0, 4), new DMatrixRMaj(4, 2), new DMatrixRMaj(0, 2));
        assertEquals(2, openBlasThreads(), "an empty product never reaches OpenBLAS");
    }

    @Test
    void product_oneThreadKernels_stayOnOneEvenAboveTheDefaultThreshold() {
        OpenBlasKernels kernels = new OpenBlasKernels();
        assertTrue(128L * 128 * 128 >= OpenBlasKernels.DEFAULT_THREAD_THRESHOLD);
        multiply(kernels, 128, 128, 128);
        assertEquals(1, openBlasThreads());
        multiply(new OpenBlasKernels(1, 1), 2, 2, 2);
        assertEquals(1, openBlasThreads());
    }

    @Test
    void product_afterThreadedKernels_otherKernelsSetOneThreadAgain() {
        OpenBlasKernels threaded = new OpenBlasKernels(2, THRESHOLD);
        OpenBlasKernels single = new OpenBlasKernels();
        multiply(threaded, 2, 3, 4);
        assertEquals(2, openBlasThreads());
        multiply(single, 2, 3, 4);
        assertEquals(1, openBlasThreads());
        multiply(threaded, 2, 3, 4);
        assertEquals(2, openBlasThreads());
    }

    @Test
    void config_afterAThreadedProduct_setsOneThreadUntilTheNextLargeProduct() {
        OpenBlasKernels kernels = new OpenBlasKernels(2, THRESHOLD);
        multiply(kernels, 2, 3, 4);
        assertEquals(2, openBlasThreads());
        assertTrue(OpenBlasKernels.config().startsWith("OpenBLAS "));
        assertEquals(1, openBlasThreads());
        multiply(kernels, 2, 3, 4);
        assertEquals(2, openBlasThreads());
    }
}
