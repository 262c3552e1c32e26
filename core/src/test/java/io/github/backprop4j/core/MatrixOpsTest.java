package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatrixOpsTest {

    private static final double EXACT = 0.0;
    private static final double ROUNDING = 1e-12;

    private final SplittableRandom rng = new SplittableRandom(20261128);

    private Matrix random(int rows, int cols) {
        return Matrix.uniform(rows, cols, -1, 1, rng);
    }

    @Test
    void products_agreeWithAllocatingSpelling() {
        Matrix a = random(5, 3);
        Matrix b = random(3, 4);
        Matrix out = Matrix.zeros(0, 0);
        MatrixOps.mult(a, b, out);
        assertTrue(out.approxEquals(a.mult(b), EXACT));
        Matrix c = random(5, 4);
        MatrixOps.multTransA(a, c, out);
        assertTrue(out.approxEquals(a.multTransA(c), EXACT));
        Matrix d = random(6, 3);
        MatrixOps.multTransB(a, d, out);
        assertTrue(out.approxEquals(a.multTransB(d), EXACT));
    }

    @Test
    void multAddVariants_accumulate() {
        Matrix a = random(4, 3);
        Matrix b = random(3, 2);
        Matrix start = random(4, 2);
        Matrix out = start.copy();
        MatrixOps.multAdd(a, b, out);
        assertTrue(out.approxEquals(start.plus(a.mult(b)), ROUNDING));

        Matrix g = random(4, 2);
        Matrix acc = random(3, 2);
        Matrix expected = acc.plus(a.multTransA(g));
        MatrixOps.multAddTransA(a, g, acc);
        assertTrue(acc.approxEquals(expected, ROUNDING));

        Matrix w = random(2, 3);
        Matrix acc2 = random(4, 2);
        Matrix expected2 = acc2.plus(a.multTransB(w));
        MatrixOps.multAddTransB(a, w, acc2);
        assertTrue(acc2.approxEquals(expected2, ROUNDING));
    }

    @Test
    void multAddTransA_handComputed() {
        // Xᵀ·G with X = [[1,2],[3,4]], G = [[1],[1]]: column sums of X → [[4],[6]]; plus 1 already there.
        Matrix grad = Matrix.filled(2, 1, 1);
        MatrixOps.multAddTransA(Matrix.of(new double[][] {{1, 2}, {3, 4}}), Matrix.columnVector(1, 1), grad);
        assertTrue(grad.approxEquals(Matrix.columnVector(5, 7), EXACT));
    }

    @Test
    void multAdd_outputOfWrongShape_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.multAdd(Matrix.zeros(4, 3), Matrix.zeros(3, 2), Matrix.zeros(2, 4)));
        assertEquals("Matrix.multAdd: out must be 4x2, got 2x4", e.getMessage());
    }

    @Test
    void mult_outputAliasesInput_isRejected() {
        Matrix a = random(3, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.mult(a, Matrix.zeros(3, 3), a));
        assertTrue(e.getMessage().startsWith("Matrix.mult: out must not be one of the inputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MatrixOps.multAddTransA(a, random(3, 3), a));
        assertThrows(IllegalArgumentException.class, () -> MatrixOps.transpose(a, a));
    }

    @Test
    void elementWise_mayAliasAnInput() {
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix b = Matrix.of(new double[][] {{10, 20}, {30, 40}});
        MatrixOps.add(a, b, a);
        assertTrue(a.approxEquals(Matrix.of(new double[][] {{11, 22}, {33, 44}}), EXACT));
        MatrixOps.subtract(a, b, b);
        assertTrue(b.approxEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), EXACT));
        MatrixOps.elementMult(b, b, b);
        assertTrue(b.approxEquals(Matrix.of(new double[][] {{1, 4}, {9, 16}}), EXACT));
        MatrixOps.scale(0.5, b, b);
        assertTrue(b.approxEquals(Matrix.of(new double[][] {{0.5, 2}, {4.5, 8}}), EXACT));
        MatrixOps.addRow(b, Matrix.rowVector(1, -1), b);
        assertTrue(b.approxEquals(Matrix.of(new double[][] {{1.5, 1}, {5.5, 7}}), EXACT));
    }

    @Test
    void addWithFactor_andEqualsVariants() {
        Matrix a = Matrix.rowVector(1, 2);
        Matrix b = Matrix.rowVector(10, 20);
        Matrix out = Matrix.zeros(0, 0);
        MatrixOps.add(a, 0.1, b, out);
        assertTrue(out.approxEquals(Matrix.rowVector(2, 4), ROUNDING));
        MatrixOps.addEquals(a, b);
        assertTrue(a.approxEquals(Matrix.rowVector(11, 22), EXACT));
        MatrixOps.addEquals(a, -1, b);
        assertTrue(a.approxEquals(Matrix.rowVector(1, 2), EXACT));
        MatrixOps.scaleEquals(a, 3);
        assertTrue(a.approxEquals(Matrix.rowVector(3, 6), EXACT));
        MatrixOps.fill(a, -1);
        assertTrue(a.approxEquals(Matrix.rowVector(-1, -1), EXACT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.addEquals(a, Matrix.zeros(2, 1)));
        assertEquals("Matrix.addEquals: a and b must have the same shape, got 1x2 and 2x1", e.getMessage());
    }

    @Test
    void copy_reshapesAndCopies() {
        Matrix src = random(3, 2);
        Matrix dst = Matrix.zeros(1, 1);
        MatrixOps.copy(src, dst);
        assertTrue(dst.approxEquals(src, EXACT));
    }

    @Test
    void addColumnSums_accumulatesIntoRowVector() {
        Matrix acc = Matrix.rowVector(1, 1, 1);
        MatrixOps.addColumnSums(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), acc);
        assertTrue(acc.approxEquals(Matrix.rowVector(6, 8, 10), EXACT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixOps.addColumnSums(Matrix.zeros(2, 3), Matrix.zeros(1, 2)));
        assertEquals("Matrix.addColumnSums: out must be a row vector 1x3, got 1x2", e.getMessage());
    }

    @Test
    void outputBuffers_sameShape_reuseTheArray() {
        Matrix a = random(8, 4);
        Matrix b = random(4, 5);
        Matrix out = Matrix.zeros(8, 5);
        double[] array = out.unwrap().data;
        for (int i = 0; i < 3; i++) {
            MatrixOps.mult(a, b, out);
            MatrixOps.multTransA(random(4, 8), random(4, 5), out);
            MatrixOps.elementMult(random(8, 5), random(8, 5), out);
            MatrixOps.addRow(random(8, 5), random(1, 5), out);
            MatrixOps.sumCols(a, out);
        }
        assertSame(array, out.unwrap().data);
    }

    @Test
    void outputBuffers_smallerShapeThenLarger_growOnlyOnce() {
        Matrix out = Matrix.zeros(0, 0);
        MatrixOps.mult(random(16, 3), random(3, 4), out);
        double[] grown = out.unwrap().data;
        MatrixOps.mult(random(5, 3), random(3, 4), out);
        MatrixOps.mult(random(16, 3), random(3, 4), out);
        assertSame(grown, out.unwrap().data);
    }

    @Test
    void sumSquaredDifference_handComputed() {
        assertEquals(1 + 4 + 9.0, MatrixOps.sumSquaredDifference(Matrix.rowVector(1, 2, 3),
                Matrix.rowVector(0, 0, 0)), EXACT);
    }

    @Test
    void kernels_canBeReplacedAndRestored() {
        MatrixKernels threaded = new EjmlKernels(1);
        MatrixKernels previous = Kernels.use(threaded);
        try {
            Matrix a = random(40, 30);
            Matrix b = random(30, 20);
            Matrix out = Matrix.zeros(0, 0);
            MatrixOps.mult(a, b, out);
            Kernels.use(previous);
            assertTrue(out.approxEquals(a.mult(b), ROUNDING));
        } finally {
            Kernels.use(previous);
        }
        assertEquals("ejml", Kernels.current().name());
        assertThrows(IllegalArgumentException.class, () -> new EjmlKernels(0));
    }
}
