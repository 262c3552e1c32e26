package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Each expected value is worked by hand in the comments, and each was also checked against
 * scikit-learn 1.2 ({@code sklearn.metrics}) on the same numbers.
 */
class MetricsTest {

    private static final double EXACT = 0;
    private static final double ROUNDING = 1e-15;

    /*
     * Two outputs. Column 0 is scikit-learn's documentation example:
     *   y = 3, −0.5, 2, 7      ŷ = 2.5, 0, 2, 8      ŷ − y = −0.5, 0.5, 0, 1
     *   MSE = (0.25 + 0.25 + 0 + 1)/4 = 0.375       MAE = (0.5 + 0.5 + 0 + 1)/4 = 0.5
     *   ȳ = 11.5/4 = 2.875; Σ (y − ȳ)² = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875
     *   R² = 1 − 1.5/29.1875 = 0.9486081370449679
     * Column 1:
     *   y = 1, 2, 3, 4         ŷ = 2, 2, 2, 2         ŷ − y = 1, 0, −1, −2
     *   MSE = 6/4 = 1.5      MAE = 4/4 = 1      ȳ = 2.5, Σ (y − ȳ)² = 5      R² = 1 − 6/5 = −0.2
     */
    private static final Matrix Y = Matrix.of(new double[][] {{3, 1}, {-0.5, 2}, {2, 3}, {7, 4}});
    private static final Matrix Y_HAT = Matrix.of(new double[][] {{2.5, 2}, {0, 2}, {2, 2},
        {8, 2}});

    @Test
    void mse_twoOutputs_isTheMeanOfBothColumns() {
        assertArrayEquals(new double[] {0.375, 1.5}, Metrics.msePerOutput(Y_HAT, Y), EXACT);
        assertEquals((0.375 + 1.5) / 2, Metrics.mse(Y_HAT, Y), EXACT);        // sklearn: 0.9375
    }

    @Test
    void rmse_twoOutputs_isTheMeanOfTheColumnRoots_notTheRootOfTheMse() {
        assertArrayEquals(new double[] {Math.sqrt(0.375), Math.sqrt(1.5)},
                Metrics.rmsePerOutput(Y_HAT, Y), EXACT);
        // (0.6123724356957945 + 1.224744871391589) / 2; sklearn: 0.9185586535436917
        assertEquals(0.9185586535436917, Metrics.rmse(Y_HAT, Y), ROUNDING);
        // √0.9375 = 0.968..., what a root of the overall MSE would give
        assertEquals(0.9682458365518543, Math.sqrt(Metrics.mse(Y_HAT, Y)), ROUNDING);
    }

    @Test
    void rmse_oneOutput_isTheRootOfTheMse() {
        Matrix y = Matrix.columnVector(3, -0.5, 2, 7);
        Matrix p = Matrix.columnVector(2.5, 0, 2, 8);
        assertEquals(Math.sqrt(0.375), Metrics.rmse(p, y), EXACT);
    }

    @Test
    void mae_twoOutputs_isTheMeanOfBothColumns() {
        assertEquals((0.5 + 1) / 2, Metrics.mae(Y_HAT, Y), EXACT);           // sklearn: 0.75
    }

    @Test
    void mae_negativeAndPositiveErrors_doNotCancel() {
        assertEquals(2, Metrics.mae(Matrix.columnVector(-1, 3), Matrix.columnVector(1, 1)), EXACT);
    }

    @Test
    void rSquared_twoOutputs_matchesHandComputedValues() {
        assertArrayEquals(new double[] {1 - 1.5 / 29.1875, -0.2},
                Metrics.rSquaredPerOutput(Y_HAT, Y), ROUNDING);
        // (0.9486081370449679 − 0.2) / 2; sklearn: 0.374304068522484
        assertEquals(0.374304068522484, Metrics.rSquared(Y_HAT, Y), ROUNDING);
    }

    @Test
    void rSquared_predictingTheMean_isZero_andExact_isOne() {
        Matrix y = Matrix.columnVector(1, 2, 3, 4);
        assertEquals(0, Metrics.rSquared(Matrix.filled(4, 1, 2.5), y), EXACT);
        assertEquals(1, Metrics.rSquared(y, y), EXACT);
    }

    @Test
    void rSquared_constantTarget_isOneWhenExactAndZeroOtherwise() {
        Matrix y = Matrix.columnVector(2, 2, 2);
        assertEquals(1.0, Metrics.rSquared(y, y), EXACT);                                // sklearn 1.0
        assertEquals(0.0, Metrics.rSquared(Matrix.columnVector(2, 2, 3), y), EXACT);   // sklearn 0.0
    }

    @Test
    void rSquared_twoRows_isDefined() {
        // ȳ = 1, Σ (y − ȳ)² = 2, Σ (y − ŷ)² = 0.5² + 0.5² = 0.5, R² = 1 − 0.25 = 0.75
        assertEquals(0.75, Metrics.rSquared(Matrix.columnVector(0.5, 1.5),
                Matrix.columnVector(0, 2)), EXACT);
    }

    @Test
    void rSquared_oneRow_throws() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.rSquared(Matrix.columnVector(1), Matrix.columnVector(2)));
        assertEquals("Metrics.rSquared: predicted and target must have at least 2 rows and one"
                + " column, got 1x1", e.getMessage());
    }

    @Test
    void mse_mismatchedShapes_throwsWithBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.mse(Matrix.zeros(3, 1), Matrix.zeros(1, 3)));
        assertEquals("Metrics.mse: predicted and target must have the same shape, got 3x1 and"
                + " 1x3", e.getMessage());
    }

    @Test
    void regressionMetrics_emptyInput_throw() {
        Matrix none = Matrix.zeros(0, 1);
        Matrix noColumn = Matrix.zeros(2, 0);
        assertEquals("Metrics.mse: predicted and target must have at least 1 row and one column,"
                + " got 0x1", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.mse(none, none)).getMessage());
        assertEquals("Metrics.mae: predicted and target must have at least 1 row and one column,"
                + " got 2x0", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.mae(noColumn, noColumn)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.rmse(none, none));
        assertThrows(IllegalArgumentException.class, () -> Metrics.rSquared(noColumn, noColumn));
    }

    @Test
    void mse_nullInput_throwsNamingIt() {
        var e = assertThrows(NullPointerException.class, () -> Metrics.mse(null, Y));
        assertEquals("Metrics.mse: predicted must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> Metrics.mse(Y, null));
        assertEquals("Metrics.mse: target must not be null", e.getMessage());
    }

    /*
     * Four rows of three class scores, true classes 1, 1, 1, 0:
     *   row 0  0.1 0.7 0.2   arg-max 1   right
     *   row 1  0.5 0.5 0.0   arg-max 0   (tie: the first)  wrong
     *   row 2  0.2 0.3 0.5   arg-max 2   wrong
     *   row 3  0.6 0.3 0.1   arg-max 0   right            accuracy 2/4
     */
    private static final Matrix SCORES = Matrix.of(new double[][] {{0.1, 0.7, 0.2},
        {0.5, 0.5, 0.0}, {0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}});
    private static final int[] CLASSES = {1, 1, 1, 0};

    @Test
    void argMax_rows_takesTheLargest_andTheFirstOnTies() {
        assertArrayEquals(new int[] {1, 0, 2, 0}, Metrics.argMax(SCORES));
        assertEquals(2, Metrics.argMax(Matrix.rowVector(1, 1, 2, 2), 0));
        assertEquals(0, Metrics.argMax(Matrix.rowVector(-3), 0));
    }

    @Test
    void argMax_badRow_throws() {
        assertEquals("Metrics.argMax: row must be in [0, 4), got 4",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.argMax(SCORES, 4)).getMessage());
        assertEquals("Metrics.argMax: row must be in [0, 4), got -1",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.argMax(SCORES, -1)).getMessage());
        assertEquals("Metrics.argMax: scores must have at least one column, got 2x0",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.argMax(Matrix.zeros(2, 0), 1)).getMessage());
        assertEquals("Metrics.argMax: scores must have at least one row and one column, got 0x3",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.argMax(Matrix.zeros(0, 3))).getMessage());
    }

    @Test
    void accuracy_classes_countsArgMaxHits() {
        assertEquals(0.5, Metrics.accuracy(SCORES, CLASSES), EXACT);         // sklearn: 0.5
    }

    @Test
    void accuracy_oneHot_readsTheClassOfEachTargetRow() {
        Matrix oneHot = Matrix.of(new double[][] {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});
        assertEquals(0.75, Metrics.accuracy(SCORES, oneHot), EXACT);         // rows 0, 2, 3
    }

    @Test
    void accuracy_oneHotOfAnotherShape_throws() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(SCORES, Matrix.zeros(4, 2)));
        assertEquals("Metrics.accuracy: predicted and target must have the same shape, got 4x3"
                + " and 4x2", e.getMessage());
    }

    @Test
    void accuracy_wrongClassCountOrRange_throws() {
        assertEquals("Metrics.accuracy: classes must have one entry per row of scores (4x3),"
                + " got 3", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(SCORES, new int[] {0, 1, 2})).getMessage());
        assertEquals("Metrics.accuracy: classes must be in [0, 3), got 3 at row 2",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(SCORES, new int[] {0, 1, 3, 0})).getMessage());
        assertEquals("Metrics.accuracy: classes must be in [0, 3), got -1 at row 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(SCORES, new int[] {-1, 1, 2, 0})).getMessage());
        assertEquals("Metrics.accuracy: scores must have at least one row and one column, got"
                + " 0x3", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.accuracy(Matrix.zeros(0, 3), new int[0])).getMessage());
    }

    /*
     * Top-2, ties ranked first column first:
     *   row 0  truth 1 has the top score                               hit
     *   row 1  truth 1 ties with column 0, which comes first: rank 2   hit
     *   row 2  truth 1 is behind column 2 only: rank 2                 hit
     *   row 3  truth 0 has the top score                               hit
     * Top-1 is the accuracy, 0.5. scikit-learn's top_k_accuracy_score gives 1.0 for k = 2 and
     * 0.75 for k = 1: it ranks row 1's tie the other way (column 1 before column 0).
     */
    @Test
    void topKAccuracy_tiesRankedLikeArgMax() {
        assertEquals(0.5, Metrics.topKAccuracy(SCORES, CLASSES, 1), EXACT);
        assertEquals(1.0, Metrics.topKAccuracy(SCORES, CLASSES, 2), EXACT);
        assertEquals(1.0, Metrics.topKAccuracy(SCORES, CLASSES, 3), EXACT);
    }

    @Test
    void topKAccuracy_classBehindTwoHigherScores_missesTopTwo() {
        Matrix s = Matrix.of(new double[][] {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.2}});
        // row 0: class 2 is third; row 1: class 2 ties with class 0, which comes first, and is
        // behind class 1: third too. Row 1's class 0 would be second.
        assertEquals(0.0, Metrics.topKAccuracy(s, new int[] {2, 2}, 2), EXACT);
        assertEquals(0.5, Metrics.topKAccuracy(s, new int[] {2, 0}, 2), EXACT);
    }

    @Test
    void topKAccuracy_kOutOfRange_throws() {
        assertEquals("Metrics.topKAccuracy: k must be in [1, 3] (the number of classes), got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.topKAccuracy(SCORES, CLASSES, 0)).getMessage());
        assertEquals("Metrics.topKAccuracy: k must be in [1, 3] (the number of classes), got 4",
                assertThrows(IllegalArgumentException.class,
                        () -> Metrics.topKAccuracy(SCORES, CLASSES, 4)).getMessage());
        assertEquals("Metrics.topKAccuracy: classes must have one entry per row of scores (4x3),"
                + " got 1", assertThrows(IllegalArgumentException.class,
                        () -> Metrics.topKAccuracy(SCORES, new int[] {0}, 1)).getMessage());
    }

    @Test
    void metrics_fitTheMetricInterface() {
        Metric m = Metrics::rmse;
        assertEquals(Math.sqrt(0.375), m.compute(Matrix.columnVector(2.5, 0, 2, 8),
                Matrix.columnVector(3, -0.5, 2, 7)), EXACT);
    }
}
