package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final double EXACT = 0.0;

    private static final Matrix A = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void of_twoByThree_hasShapeAndEntries() {
        assertEquals(2, A.rows());
        assertEquals(3, A.cols());
        assertEquals(6, A.size());
        assertEquals(6.0, A.get(1, 2), EXACT);
        assertArrayEquals(new double[] {4, 5, 6}, A.toArray()[1], EXACT);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, A.toRowMajorArray(), EXACT);
    }

    @Test
    void of_raggedRows_throwsNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.of(new double[][] {{1, 2}, {3}}));
        assertEquals("Matrix.of: every row must have 2 values (the length of row 0), got 1 in row 1",
                e.getMessage());
    }

    @Test
    void of_copiesItsArgument() {
        double[][] rows = {{1, 2}};
        Matrix x = Matrix.of(rows);
        rows[0][0] = 99;
        assertEquals(1.0, x.get(0, 0), EXACT);
    }

    @Test
    void zeros_negativeDimension_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(-1, 2));
        assertEquals("Matrix.zeros: rows must be >= 0, got -1", e.getMessage());
    }

    @Test
    void filledAndVectors_haveExpectedValues() {
        assertTrue(Matrix.filled(2, 2, 7).approxEquals(Matrix.of(new double[][] {{7, 7}, {7, 7}}), EXACT));
        Matrix row = Matrix.rowVector(1, 2, 3);
        Matrix col = Matrix.columnVector(1, 2, 3);
        assertEquals("1x3", Shapes.shape(row));
        assertEquals("3x1", Shapes.shape(col));
        assertEquals(3.0, col.get(2, 0), EXACT);
    }

    @Test
    void getAndSet_outOfRange_throwsWithIndexAndShape() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> A.get(2, 0));
        assertEquals("Matrix.get: index (2,0) is outside the 2x3 matrix", e.getMessage());
        Matrix x = Matrix.zeros(1, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> x.set(0, -1, 1));
        x.set(0, 0, 2.5);
        assertEquals(2.5, x.get(0, 0), EXACT);
    }

    @Test
    void copy_isIndependent() {
        Matrix c = A.copy();
        assertNotSame(A.unwrap().data, c.unwrap().data);
        c.set(0, 0, 100);
        assertEquals(1.0, A.get(0, 0), EXACT);
        assertTrue(A.approxEquals(Matrix.fromEjml(A.toEjml()), EXACT));
    }

    @Test
    void uniform_sameSeed_sameBits_andWithinBounds() {
        Matrix u1 = Matrix.uniform(5, 7, -0.5, 0.25, new SplittableRandom(7));
        Matrix u2 = Matrix.uniform(5, 7, -0.5, 0.25, new SplittableRandom(7));
        Matrix u3 = Matrix.uniform(5, 7, -0.5, 0.25, new SplittableRandom(8));
        assertArrayEquals(u1.toRowMajorArray(), u2.toRowMajorArray(), EXACT);
        assertFalse(u1.approxEquals(u3, EXACT));
        for (double v : u1.toRowMajorArray()) {
            assertTrue(v >= -0.5 && v < 0.25, "out of bounds: " + v);
        }
    }

    @Test
    void uniform_firstEntry_isTheGeneratorsFirstDraw() {
        double expected = new SplittableRandom(3).nextDouble(-1, 1);
        assertEquals(expected, Matrix.uniform(1, 1, -1, 1, new SplittableRandom(3)).get(0, 0), EXACT);
    }

    @Test
    void normal_sampleMomentsAreClose() {
        Matrix n = Matrix.normal(200, 100, 2.0, 0.5, new SplittableRandom(11));
        double mean = n.sum() / n.size();
        double var = MatrixOps.sumSquaredDifference(n, Matrix.filled(200, 100, mean)) / n.size();
        assertEquals(2.0, mean, 0.01);
        assertEquals(0.25, var, 0.01);
    }

    @Test
    void uniform_badBounds_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.uniform(1, 1, 1, 1, new SplittableRandom(1)));
        assertEquals("Matrix.uniform: need finite low < high, got low=1.0, high=1.0", e.getMessage());
    }

    @Test
    void mult_twoByThreeTimesThreeByTwo_matchesHandComputedValues() {
        Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});
        // [1 2 3]·[7 9 11]ᵀ = 7 + 18 + 33 = 58, ...
        Matrix expected = Matrix.of(new double[][] {{58, 64}, {139, 154}});
        assertTrue(A.mult(b).approxEquals(expected, EXACT));
    }

    @Test
    void multTransAAndTransB_matchExplicitTranspose() {
        Matrix b = Matrix.of(new double[][] {{1, 0}, {2, 1}});
        // Aᵀ·B with A 2x3, B 2x2 → 3x2
        Matrix expected = A.transpose().mult(b);
        assertTrue(A.multTransA(b).approxEquals(expected, EXACT));
        assertTrue(expected.approxEquals(Matrix.of(new double[][] {{9, 4}, {12, 5}, {15, 6}}), EXACT));
        Matrix c = Matrix.of(new double[][] {{1, 1, 1}, {0, 1, 0}});
        assertTrue(A.multTransB(c).approxEquals(Matrix.of(new double[][] {{6, 2}, {15, 5}}), EXACT));
    }

    @Test
    void mult_innerDimensionsDiffer_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(8, 3).mult(Matrix.zeros(4, 2)));
        assertEquals("Matrix.mult: left is 8x3 but right is 4x2; left.cols must equal right.rows",
                e.getMessage());
    }

    @Test
    void multTransA_rowsDiffer_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(8, 3).multTransA(Matrix.zeros(4, 2)));
        assertEquals("Matrix.multTransA: left is 8x3 but right is 4x2; left.rows must equal right.rows",
                e.getMessage());
    }

    @Test
    void elementWise_matchHandComputedValues() {
        Matrix b = Matrix.of(new double[][] {{1, 1, 1}, {2, 2, 2}});
        assertTrue(A.plus(b).approxEquals(Matrix.of(new double[][] {{2, 3, 4}, {6, 7, 8}}), EXACT));
        assertTrue(A.minus(b).approxEquals(Matrix.of(new double[][] {{0, 1, 2}, {2, 3, 4}}), EXACT));
        assertTrue(A.elementMult(b).approxEquals(Matrix.of(new double[][] {{1, 2, 3}, {8, 10, 12}}), EXACT));
        assertTrue(A.scale(-2).approxEquals(Matrix.of(new double[][] {{-2, -4, -6}, {-8, -10, -12}}), EXACT));
        assertTrue(A.plusRow(Matrix.rowVector(10, 20, 30))
                .approxEquals(Matrix.of(new double[][] {{11, 22, 33}, {14, 25, 36}}), EXACT));
    }

    @Test
    void plus_shapesDiffer_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> A.plus(Matrix.zeros(3, 2)));
        assertEquals("Matrix.add: a and b must have the same shape, got 2x3 and 3x2", e.getMessage());
    }

    @Test
    void plusRow_notARowOfMatchingWidth_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> A.plusRow(Matrix.zeros(2, 3)));
        assertEquals("Matrix.addRow: left is 2x3 but right is 2x3; right must be a row vector 1x3",
                e.getMessage());
    }

    @Test
    void reductions_matchHandComputedValues() {
        assertTrue(A.sumCols().approxEquals(Matrix.rowVector(5, 7, 9), EXACT));
        assertTrue(A.rowSums().approxEquals(Matrix.columnVector(6, 15), EXACT));
        Matrix b = Matrix.of(new double[][] {{3, -1, 2}, {-5, -2, -9}});
        assertTrue(b.rowMax().approxEquals(Matrix.columnVector(3, -2), EXACT));
        assertEquals(21.0, A.sum(), EXACT);
    }

    @Test
    void rowMax_rowWithNaN_isNaN() {
        Matrix b = Matrix.of(new double[][] {{1, Double.NaN}});
        assertTrue(Double.isNaN(b.rowMax().get(0, 0)));
    }

    @Test
    void approxEquals_respectsToleranceShapeAndNaN() {
        Matrix b = A.copy();
        b.set(1, 1, 5.001);
        assertTrue(A.approxEquals(b, 0.0011));
        assertFalse(A.approxEquals(b, 0.0009));
        assertFalse(A.approxEquals(Matrix.zeros(3, 2), 1e9));
        b.set(0, 0, Double.NaN);
        assertFalse(A.approxEquals(b, Double.MAX_VALUE));
        assertEquals(0.001, A.maxAbsDifference(Matrix.of(new double[][] {{1, 2, 3}, {4, 5.001, 6}})), 1e-12);
    }

    @Test
    void toString_small_showsShapeAndAlignedRows() {
        Matrix x = Matrix.of(new double[][] {{1, -2.5}, {1e-6, 300}});
        assertEquals("Matrix 2x2\n"
                + "[[    1.0000,    -2.5000],\n"
                + " [1.0000e-06,   300.0000]]", x.toString());
    }

    @Test
    void toString_large_elidesTheMiddle() {
        String s = Matrix.zeros(20, 10).toString();
        assertTrue(s.startsWith("Matrix 20x10\n[[0.0000, 0.0000, 0.0000,    ..., 0.0000"), s);
        assertEquals(8, s.split("\n").length); // header + 3 + elided + 3
    }

    @Test
    void toString_empty_saysSo() {
        assertEquals("Matrix 0x3\n[]", Matrix.zeros(0, 3).toString());
    }

    @Test
    void reshape_smallerThenBack_keepsTheArray() {
        Matrix x = Matrix.zeros(4, 4);
        double[] before = x.unwrap().data;
        x.reshape(2, 3);
        assertEquals(2, x.rows());
        assertEquals(3, x.cols());
        x.reshape(4, 4);
        assertTrue(before == x.unwrap().data);
    }

    @Test
    void requiresGrad_falseByDefault_setFluentlyAndNotCarriedByCopies() {
        Matrix x = Matrix.zeros(2, 2);
        assertFalse(x.requiresGrad());
        assertSame(x, x.requiresGrad(true));
        assertTrue(x.requiresGrad());
        assertFalse(x.copy().requiresGrad());
        assertFalse(x.plus(x).requiresGrad());
        assertFalse(x.requiresGrad(false).requiresGrad());
    }

    @Test
    void zerosAndReshape_negativeDimension_throwNamingIt() {
        assertEquals("Matrix.zeros: rows must be >= 0, got -1", assertThrows(
                IllegalArgumentException.class, () -> Matrix.zeros(-1, 2)).getMessage());
        assertEquals("Matrix.zeros: cols must be >= 0, got -2", assertThrows(
                IllegalArgumentException.class, () -> Matrix.zeros(2, -2)).getMessage());
        Matrix x = Matrix.zeros(2, 2);
        assertEquals("Matrix.reshape: rows must be >= 0, got -1", assertThrows(
                IllegalArgumentException.class, () -> x.reshape(-1, 2)).getMessage());
        assertEquals("Matrix.reshape: cols must be >= 0, got -3", assertThrows(
                IllegalArgumentException.class, () -> x.reshape(2, -3)).getMessage());
        assertSame(x, x.reshape(1, 3));
        assertEquals(1, x.rows());
        assertEquals(3, x.cols());
    }

    /** Writes just outside the matrix, including one that would land inside its array. */
    @Test
    void set_indexJustOutside_throwsAndWritesNothing() {
        Matrix x = Matrix.zeros(2, 3);
        assertEquals("Matrix.set: index (0,3) is outside the 2x3 matrix", assertThrows(
                IndexOutOfBoundsException.class, () -> x.set(0, 3, 7)).getMessage());
        assertEquals("Matrix.set: index (2,0) is outside the 2x3 matrix", assertThrows(
                IndexOutOfBoundsException.class, () -> x.set(2, 0, 7)).getMessage());
        assertEquals("Matrix.set: index (-1,0) is outside the 2x3 matrix", assertThrows(
                IndexOutOfBoundsException.class, () -> x.set(-1, 0, 7)).getMessage());
        assertArrayEquals(new double[6], x.toRowMajorArray());
        x.set(1, 2, 7);
        assertEquals(7, x.get(1, 2));
    }

    @Test
    void maxAbsDifference_otherShape_throwsWithBoth() {
        assertEquals("Matrix.maxAbsDifference: this and other must have the same shape, got 2x2"
                + " and 2x3", assertThrows(IllegalArgumentException.class,
                () -> Matrix.zeros(2, 2).maxAbsDifference(Matrix.zeros(2, 3))).getMessage());
    }

    @Test
    void normal_zeroStd_isTheMeanEverywhere() {
        assertArrayEquals(new double[] {2.5, 2.5, 2.5},
                Matrix.normal(1, 3, 2.5, 0, new SplittableRandom(4)).toRowMajorArray(), 0.0);
    }

    /** The draws are mean + std·g, g from the generator in order, as the Javadoc says. */
    @Test
    void normal_drawsMeanPlusStdTimesEachGaussian() {
        SplittableRandom reference = new SplittableRandom(5);
        double g0 = reference.nextGaussian();
        double g1 = reference.nextGaussian();
        assertArrayEquals(new double[] {1 + 3 * g0, 1 + 3 * g1},
                Matrix.normal(1, 2, 1, 3, new SplittableRandom(5)).toRowMajorArray(), 0.0);
    }

    /** Eight rows or columns are shown whole; from nine, the first three, "...", the last three. */
    @Test
    void toString_eightAndNine_showWholeThenElided() {
        Matrix eight = Matrix.zeros(1, 8);
        Matrix nine = Matrix.zeros(9, 1);
        for (int i = 0; i < 9; i++) {
            if (i < 8) {
                eight.set(0, i, i);
            }
            nine.set(i, 0, i);
        }
        assertEquals("Matrix 1x8\n[[0.0000, 1.0000, 2.0000, 3.0000, 4.0000, 5.0000, 6.0000,"
                + " 7.0000]]", eight.toString());
        assertEquals("Matrix 9x1\n[[0.0000],\n [1.0000],\n [2.0000],\n [   ...],\n [6.0000],\n"
                + " [7.0000],\n [8.0000]]", nine.toString());
    }

    /** Fixed notation from 1e-4 up to, not including, 1e5; scientific outside. */
    @Test
    void toString_atTheNotationBoundaries_switchesExactlyThere() {
        Matrix x = Matrix.of(new double[][] {{1e-4, 9.9e-5, 99999, 1e5}});
        assertEquals("Matrix 1x4\n[[    0.0001, 9.9000e-05, 99999.0000, 1.0000e+05]]",
                x.toString());
    }
}
