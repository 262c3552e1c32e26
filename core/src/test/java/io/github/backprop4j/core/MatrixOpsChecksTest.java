package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks of {@link MatrixOps} are the only ones a native kernel gets: EJML's products check
 * shapes and reshape their output again, a BLAS routine trusts its arguments. So the products run
 * here on {@link TrustingKernels}, which checks nothing and, like a BLAS call, writes into the
 * output's storage as it finds it: every wrong shape and alias must be refused by MatrixOps
 * itself, with its own message, and every output must arrive reshaped.
 */
class MatrixOpsChecksTest {

    private static final String ALIASED = ": out must not be one of the inputs (a matrix product"
            + " cannot be computed in place); pass a separate ";

    private MatrixKernels previous;

    @BeforeEach
    void useTrustingKernels() {
        previous = Kernels.use(new TrustingKernels());
    }

    @AfterEach
    void restoreKernels() {
        Kernels.use(previous);
    }

    /**
     * Kernels that check nothing, as a native BLAS does: each product loops over the shapes of
     * its inputs and writes C's entries at row·(C's columns) + column, where C must already have
     * the product's shape (a BLAS call is told m, n, k and the leading dimension, and believes
     * them).
     */
    static final class TrustingKernels implements MatrixKernels {

        @Override
        public String name() {
            return "trusting";
        }

        private static void product(DMatrixRMaj a, boolean transA, DMatrixRMaj b, boolean transB,
                                    DMatrixRMaj c, boolean accumulate) {
            int m = transA ? a.numCols : a.numRows;
            int k = transA ? a.numRows : a.numCols;
            int n = transB ? b.numRows : b.numCols;
            if (c.numRows != m || c.numCols != n) {
                throw new AssertionError("the kernel got C " + c.numRows + "x" + c.numCols
                        + " for a " + m + "x" + n + " product: MatrixOps must reshape it first");
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = accumulate ? c.data[i * n + j] : 0;
                    for (int p = 0; p < k; p++) {
                        double x = transA ? a.data[p * a.numCols + i] : a.data[i * a.numCols + p];
                        double y = transB ? b.data[j * b.numCols + p] : b.data[p * b.numCols + j];
                        s += x * y;
                    }
                    c.data[i * n + j] = s;
                }
            }
        }

        @Override
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            product(a, false, b, false, c, false);
        }

        @Override
        public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            product(a, true, b, false, c, false);
        }

        @Override
        public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            product(a, false, b, true, c, false);
        }

        @Override
        public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            product(a, false, b, false, c, true);
        }

        @Override
        public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            product(a, true, b, false, c, true);
        }

        @Override
        public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            product(a, false, b, true, c, true);
        }
    }

    private static final Matrix A = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});

    private static String refused(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void products_intoAnEmptyBuffer_areReshapedAndHandComputed() {
        Matrix out = Matrix.zeros(0, 0);

        MatrixOps.mult(A, Matrix.of(new double[][] {{1, 0, -1}, {2, 1, 0}}), out);
        assertArrayEquals(new double[] {5, 2, -1, 11, 4, -3, 17, 6, -5}, out.toRowMajorArray());
        assertEquals(3, out.cols());

        MatrixOps.multTransA(A, Matrix.of(new double[][] {{1, 1}, {0, 1}, {2, 0}}), out);
        assertArrayEquals(new double[] {11, 4, 14, 6}, out.toRowMajorArray());
        assertEquals(2, out.rows());

        MatrixOps.multTransB(A, Matrix.of(new double[][] {{1, 1}, {1, -1}}), out);
        assertArrayEquals(new double[] {3, -1, 7, -1, 11, -1}, out.toRowMajorArray());
        assertEquals(3, out.rows());
    }

    @Test
    void products_innerSizesThatDoNotMatch_throwWithBothShapes() {
        Matrix out = Matrix.zeros(3, 2);
        assertEquals("Matrix.mult: left is 3x2 but right is 3x2; left.cols must equal right.rows",
                refused(() -> MatrixOps.mult(A, Matrix.zeros(3, 2), Matrix.zeros(0, 0))));
        assertEquals("Matrix.multTransA: left is 3x2 but right is 2x2; left.rows must equal"
                + " right.rows", refused(() -> MatrixOps.multTransA(A, Matrix.zeros(2, 2), out)));
        assertEquals("Matrix.multTransB: left is 3x2 but right is 2x3; left.cols must equal"
                + " right.cols", refused(() -> MatrixOps.multTransB(A, Matrix.zeros(2, 3), out)));
        assertEquals("Matrix.multAdd: left is 3x2 but right is 3x2; left.cols must equal"
                + " right.rows", refused(() -> MatrixOps.multAdd(A, Matrix.zeros(3, 2), out)));
        assertEquals("Matrix.multAddTransA: left is 3x2 but right is 2x2; left.rows must equal"
                + " right.rows", refused(() -> MatrixOps.multAddTransA(A, Matrix.zeros(2, 2),
                Matrix.zeros(2, 2))));
        assertEquals("Matrix.multAddTransB: left is 3x2 but right is 2x3; left.cols must equal"
                + " right.cols", refused(() -> MatrixOps.multAddTransB(A, Matrix.zeros(2, 3),
                Matrix.zeros(3, 2))));
    }

    @Test
    void accumulatingProducts_outOfAnotherShape_throwWithBoth() {
        assertEquals("Matrix.multAddTransA: out must be 2x4, got 4x2", refused(
                () -> MatrixOps.multAddTransA(A, Matrix.zeros(3, 4), Matrix.zeros(4, 2))));
        assertEquals("Matrix.multAddTransB: out must be 3x4, got 4x3", refused(
                () -> MatrixOps.multAddTransB(A, Matrix.zeros(4, 2), Matrix.zeros(4, 3))));
    }

    @Test
    void products_outIsAnInput_throwOnEitherSide() {
        Matrix s = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix t = Matrix.of(new double[][] {{0, 1}, {1, 0}});
        String buffer = "2x2 buffer";
        assertEquals("Matrix.mult" + ALIASED + buffer, refused(() -> MatrixOps.mult(s, t, s)));
        assertEquals("Matrix.mult" + ALIASED + buffer, refused(() -> MatrixOps.mult(t, s, s)));
        assertEquals("Matrix.multTransA" + ALIASED + buffer,
                refused(() -> MatrixOps.multTransA(s, t, t)));
        assertEquals("Matrix.multTransB" + ALIASED + buffer,
                refused(() -> MatrixOps.multTransB(s, t, s)));
        assertEquals("Matrix.multAdd" + ALIASED + buffer, refused(() -> MatrixOps.multAdd(s, t, t)));
        assertEquals("Matrix.multAddTransA" + ALIASED + buffer,
                refused(() -> MatrixOps.multAddTransA(s, t, s)));
        assertEquals("Matrix.multAddTransB" + ALIASED + buffer,
                refused(() -> MatrixOps.multAddTransB(s, t, t)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.toRowMajorArray());
        assertArrayEquals(new double[] {0, 1, 1, 0}, t.toRowMajorArray());
    }

    @Test
    void reductions_outIsTheInput_throw() {
        Matrix s = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals("Matrix.transpose" + ALIASED + "2x2 buffer",
                refused(() -> MatrixOps.transpose(s, s)));
        assertEquals("Matrix.sumCols" + ALIASED + "2x2 buffer",
                refused(() -> MatrixOps.sumCols(s, s)));
        assertEquals("Matrix.rowSums" + ALIASED + "2x2 buffer",
                refused(() -> MatrixOps.rowSums(s, s)));
        assertEquals("Matrix.rowMax" + ALIASED + "2x2 buffer",
                refused(() -> MatrixOps.rowMax(s, s)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, s.toRowMajorArray());
    }

    @Test
    void elementWise_differentShapes_throwWithBoth() {
        Matrix a = Matrix.zeros(2, 3);
        Matrix b = Matrix.zeros(3, 2);
        Matrix out = Matrix.zeros(2, 3);
        String got = " and b must have the same shape, got 2x3 and 3x2";
        assertEquals("Matrix.add: a" + got, refused(() -> MatrixOps.add(a, b, out)));
        assertEquals("Matrix.add: a" + got, refused(() -> MatrixOps.add(a, 2.0, b, out)));
        assertEquals("Matrix.subtract: a" + got, refused(() -> MatrixOps.subtract(a, b, out)));
        assertEquals("Matrix.elementMult: a" + got, refused(() -> MatrixOps.elementMult(a, b, out)));
        assertEquals("Matrix.addEquals: a" + got, refused(() -> MatrixOps.addEquals(a, 2.0, b)));
        assertEquals("Matrix.sumSquaredDifference: a" + got,
                refused(() -> MatrixOps.sumSquaredDifference(a, b)));
    }

    /** Same number of entries, other shape: only the check can tell. */
    @Test
    void sumSquaredDifference_sameSizeOtherShape_throws() {
        assertEquals("Matrix.sumSquaredDifference: a and b must have the same shape, got 1x4 and"
                + " 2x2", refused(() -> MatrixOps.sumSquaredDifference(Matrix.zeros(1, 4),
                Matrix.zeros(2, 2))));
    }
}
