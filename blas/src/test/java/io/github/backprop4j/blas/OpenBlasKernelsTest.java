package io.github.backprop4j.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.MatrixKernels;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class OpenBlasKernelsTest {

    /** Largest difference allowed, relative to the largest entry of the EJML result. */
    private static final double RELATIVE_TOLERANCE = 1e-12;
    /** Bytes that 10,000 products may allocate on the Java heap: none, up to measuring noise. */
    private static final long ALLOCATION_NOISE_BYTES = 1024;
    private static final int ALLOCATION_CALLS = 10_000;

    private final SplittableRandom rng = new SplittableRandom(20261128);
    private final EjmlKernels ejml = new EjmlKernels();
    private final OpenBlasKernels openblas = new OpenBlasKernels();

    /** (m, k, n) of the product op(a)·op(b) = (m×k)(k×n). */
    private List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>(List.of(
                new int[] {1, 1, 1}, new int[] {1, 1, 7}, new int[] {7, 1, 1}, new int[] {1, 9, 1},
                new int[] {64, 3, 2}, new int[] {2, 3, 64}, new int[] {5, 17, 3},
                new int[] {33, 65, 17}, new int[] {128, 100, 10},
                new int[] {0, 3, 4}, new int[] {3, 0, 4}, new int[] {3, 4, 0}, new int[] {0, 0, 0}));
        for (int i = 0; i < 20; i++) {
            shapes.add(new int[] {rng.nextInt(41), rng.nextInt(41), rng.nextInt(41)});
        }
        return shapes;
    }

    private DMatrixRMaj random(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = rng.nextDouble(-1, 1);
        }
        return m;
    }

    /** An output buffer whose array is longer than its shape needs, as after a reshape. */
    private DMatrixRMaj randomInBiggerArray(int rows, int cols) {
        DMatrixRMaj m = random(rows + 3, cols + 2);
        m.reshape(rows, cols, true);
        return m;
    }

    private interface Product {
        void apply(MatrixKernels kernels, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
    }

    /** Runs one product on both kernels from the same start and compares the results. */
    private void assertAgree(String name, Product product, boolean transA, boolean transB,
                             OpenBlasKernels kernels) {
        for (int[] s : shapes()) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            DMatrixRMaj a = transA ? random(k, m) : random(m, k);
            DMatrixRMaj b = transB ? random(n, k) : random(k, n);
            DMatrixRMaj start = randomInBiggerArray(m, n);
            DMatrixRMaj expected = start.copy();
            DMatrixRMaj actual = start.copy();
            product.apply(ejml, a, b, expected);
            product.apply(kernels, a, b, actual);
            assertClose(name + " " + m + "x" + k + "x" + n, expected, actual);
        }
    }

    private static void assertClose(String what, DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            scale = Math.max(scale, Math.abs(expected.data[i]));
            worst = Math.max(worst, Math.abs(expected.data[i] - actual.data[i]));
        }
        assertTrue(worst <= RELATIVE_TOLERANCE * scale,
                what + ": differs from EJML by " + worst + " (scale " + scale + ")");
    }

    @Test
    void everyProduct_randomShapes_agreesWithEjml() {
        assertAgree("mult", MatrixKernels::mult, false, false, openblas);
        assertAgree("multTransA", MatrixKernels::multTransA, true, false, openblas);
        assertAgree("multTransB", MatrixKernels::multTransB, false, true, openblas);
        assertAgree("multAdd", MatrixKernels::multAdd, false, false, openblas);
        assertAgree("multAddTransA", MatrixKernels::multAddTransA, true, false, openblas);
        assertAgree("multAddTransB", MatrixKernels::multAddTransB, false, true, openblas);
    }

    @Test
    void everyProduct_twoThreadsFromTheSmallestSize_agreesWithEjml() {
        OpenBlasKernels threaded = new OpenBlasKernels(2, 1);
        assertAgree("mult", MatrixKernels::mult, false, false, threaded);
        assertAgree("multAddTransA", MatrixKernels::multAddTransA, true, false, threaded);
        assertAgree("multAddTransB", MatrixKernels::multAddTransB, false, true, threaded);
        // and back on one thread for the next kernels
        assertAgree("multAdd", MatrixKernels::multAdd, false, false, openblas);
    }

    @Test
    void mult_twoByTwo_matchesHandComputedValues() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}});
        DMatrixRMaj c = new DMatrixRMaj(2, 2);
        openblas.mult(a, b, c);
        assertArrayEquals(new double[] {19, 22, 43, 50}, c.data, 0.0);
        openblas.multAddTransA(a, b, c); // + aᵀ·b = [[26, 30], [38, 44]]
        assertArrayEquals(new double[] {45, 52, 81, 94}, c.data, 0.0);
        openblas.multTransB(a, b, c);    // a·bᵀ = [[17, 23], [39, 53]]
        assertArrayEquals(new double[] {17, 23, 39, 53}, c.data, 0.0);
    }

    @Test
    void mult_emptyInnerDimension_zeroesOutputAndMultAddKeepsIt() {
        DMatrixRMaj a = new DMatrixRMaj(3, 0);
        DMatrixRMaj b = new DMatrixRMaj(0, 2);
        DMatrixRMaj c = random(3, 2);
        DMatrixRMaj before = c.copy();
        openblas.multAdd(a, b, c);
        assertArrayEquals(before.data, c.data, 0.0);
        openblas.mult(a, b, c);
        assertArrayEquals(new double[6], c.data, 0.0);
    }

    @Test
    void mult_wrongShapes_throwsWithAllShapes() {
        DMatrixRMaj a = random(3, 4);
        DMatrixRMaj b = random(5, 2);
        DMatrixRMaj c = new DMatrixRMaj(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> openblas.mult(a, b, c));
        assertEquals("OpenBlasKernels.mult: a, b and c must have fitting shapes and arrays"
                + " holding them, got 3x4 (array of 12), 5x2 (array of 10) and 3x2 (array of 6);"
                + " see MatrixKernels.mult", e.getMessage());
    }

    @Test
    void multTransA_outputTooSmallForItsShape_throws() {
        DMatrixRMaj a = random(4, 3);
        DMatrixRMaj b = random(4, 2);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        c.numRows = 3; // a broken matrix whose array cannot hold 3x2
        c.numCols = 2;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> openblas.multTransA(a, b, c));
        assertTrue(e.getMessage().contains("3x2 (array of 1)"), e.getMessage());
    }

    @Test
    void multAdd_outputIsAnInput_throws() {
        DMatrixRMaj a = random(3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> openblas.multAdd(a, random(3, 3), a));
        assertEquals("OpenBlasKernels.multAdd: c must not be a or b, got the same matrix",
                e.getMessage());
    }

    @Test
    void constructor_nonPositiveSettings_throw() {
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> new OpenBlasKernels(0, 10));
        assertEquals("OpenBlasKernels: threads must be at least 1, got 0", threads.getMessage());
        IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class,
                () -> new OpenBlasKernels(2, 0));
        assertEquals("OpenBlasKernels: threadThreshold must be positive, got 0",
                threshold.getMessage());
    }

    @Test
    void nameAndToString_describeTheKernels() {
        assertEquals("openblas", openblas.name());
        assertEquals("OpenBlasKernels(1 thread)", openblas.toString());
        assertEquals("OpenBlasKernels(2 threads from 5000 multiply-adds)",
                new OpenBlasKernels(2, 5000).toString());
        assertTrue(OpenBlasKernels.config().startsWith("OpenBLAS "), OpenBlasKernels.config());
    }

    @Test
    void everyProduct_tenThousandCalls_allocateNothingOnTheHeap() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        DMatrixRMaj a = random(8, 5);
        DMatrixRMaj b = random(5, 6);
        DMatrixRMaj g = random(8, 6);
        DMatrixRMaj w = random(5, 6);
        DMatrixRMaj out = new DMatrixRMaj(8, 6);
        DMatrixRMaj gradW = new DMatrixRMaj(5, 6);
        DMatrixRMaj gradA = new DMatrixRMaj(8, 5);
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < ALLOCATION_CALLS; i++) {
                openblas.mult(a, b, out);          // forward:  Y = X·W
                openblas.multAddTransA(a, g, gradW); // ∂L/∂W += Xᵀ·G
                openblas.multTransB(g, w, gradA);  // ∂L/∂X = G·Wᵀ
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            if (warmUp == 1) {
                assertTrue(allocated <= ALLOCATION_NOISE_BYTES,
                        3 * ALLOCATION_CALLS + " products allocated " + allocated + " bytes");
            }
        }
    }
}
