package io.github.backprop4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked counts and scores, each also checked against scikit-learn 1.2's
 * {@code confusion_matrix} and {@code precision_recall_fscore_support(..., labels=[0, 1, 2, 3],
 * zero_division=0)}.
 */
class ConfusionMatrixTest {

    private static final double EXACT = 0;
    private static final double ROUNDING = 1e-15;

    /*
     * truth     0 0 1 1 1 2        four classes: 2 is never predicted, 3 never occurs
     * predicted 0 1 1 1 0 0
     *
     *            pred 0  1  2  3
     *   true 0        1  1  0  0      class 0: tp 1, fp 2, fn 1   P 1/3  R 1/2  F1 2/5
     *   true 1        1  2  0  0      class 1: tp 2, fp 1, fn 1   P 2/3  R 2/3  F1 4/6
     *   true 2        1  0  0  0      class 2: tp 0, fp 0, fn 1   P 0/0→0  R 0  F1 0/1 = 0
     *   true 3        0  0  0  0      class 3: all 0/0 → 0
     *   accuracy 3/6; macro P (1/3 + 2/3)/4 = 0.25, R (1/2 + 2/3)/4 = 7/24, F1 (2/5 + 2/3)/4 = 4/15
     */
    private static final ConfusionMatrix CM = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 2},
            new int[] {0, 1, 1, 1, 0, 0}, 4);

    @Test
    void of_counts_matchTheHandTable() {
        int[][] expected = {{1, 1, 0, 0}, {1, 2, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 0}};
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < 4; p++) {
                assertEquals(expected[t][p], CM.count(t, p), "C[" + t + "][" + p + "]");
            }
        }
        assertEquals(4, CM.classes());
        assertEquals(6, CM.total());
        assertEquals(0.5, CM.accuracy(), EXACT);
    }

    @Test
    void supportAndPredictedCount_areRowAndColumnSums() {
        assertEquals(2, CM.support(0));
        assertEquals(3, CM.support(1));
        assertEquals(1, CM.support(2));
        assertEquals(0, CM.support(3));
        assertEquals(3, CM.predictedCount(0));
        assertEquals(3, CM.predictedCount(1));
        assertEquals(0, CM.predictedCount(2));
    }

    @Test
    void precisionRecallF1_perClass_matchHandValues() {
        assertEquals(1.0 / 3, CM.precision(0), EXACT);
        assertEquals(0.5, CM.recall(0), EXACT);
        assertEquals(0.4, CM.f1(0), EXACT);
        assertEquals(2.0 / 3, CM.precision(1), EXACT);
        assertEquals(2.0 / 3, CM.recall(1), EXACT);
        assertEquals(2.0 / 3, CM.f1(1), EXACT);
    }

    @Test
    void classNeverPredictedOrAbsent_scoresZero_asSklearnZeroDivision() {
        assertEquals(0.0, CM.precision(2), EXACT);      // 0/0
        assertEquals(0.0, CM.recall(2), EXACT);         // 0/1
        assertEquals(0.0, CM.f1(2), EXACT);             // 0/1
        assertEquals(0.0, CM.precision(3), EXACT);      // 0/0
        assertEquals(0.0, CM.recall(3), EXACT);         // 0/0
        assertEquals(0.0, CM.f1(3), EXACT);             // 0/0
    }

    @Test
    void macroAverages_overAllClasses() {
        assertEquals(0.25, CM.macroPrecision(), ROUNDING);          // sklearn 0.25
        assertEquals(7.0 / 24, CM.macroRecall(), ROUNDING);         // sklearn 0.29166666666666663
        assertEquals(4.0 / 15, CM.macroF1(), ROUNDING);             // sklearn 0.26666666666666666
    }

    @Test
    void of_scores_usesTheArgMaxOfEachRow() {
        Matrix scores = Matrix.of(new double[][] {{0.1, 0.7, 0.2}, {0.5, 0.5, 0.0},
            {0.2, 0.3, 0.5}, {0.6, 0.3, 0.1}});
        ConfusionMatrix cm = ConfusionMatrix.of(scores, new int[] {1, 1, 1, 0});
        assertEquals(1, cm.count(1, 1));     // row 0
        assertEquals(1, cm.count(1, 0));     // row 1, tie taken by class 0
        assertEquals(1, cm.count(1, 2));     // row 2
        assertEquals(1, cm.count(0, 0));     // row 3
        assertEquals(3, cm.classes());
        assertEquals(0.5, cm.accuracy(), EXACT);
    }

    @Test
    void toString_showsTheTable() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);
        assertEquals("ConfusionMatrix (rows: true class, columns: predicted class)\n"
                + "  0 1\n"
                + "0 1 0\n"
                + "1 1 1", cm.toString());
        ConfusionMatrix wide = ConfusionMatrix.of(new int[12], new int[12], 1);
        assertEquals("ConfusionMatrix (rows: true class, columns: predicted class)\n"
                + "    0\n"
                + " 0 12", wide.toString());
    }

    @Test
    void of_badInput_throwsNamingIt() {
        assertEquals("ConfusionMatrix.of: classes must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, 0)).getMessage());
        assertEquals("ConfusionMatrix.of: truth and predicted must have the same, non-zero"
                + " length, got 2 and 1", assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2)).getMessage());
        assertEquals("ConfusionMatrix.of: truth and predicted must have the same, non-zero"
                + " length, got 0 and 0", assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[0], new int[0], 2)).getMessage());
        assertEquals("ConfusionMatrix.of: truth classes must be in [0, 2), got 2 at position 1",
                assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0, 2}, new int[] {0, 1}, 2))
                        .getMessage());
        assertEquals("ConfusionMatrix.of: predicted classes must be in [0, 2), got -1 at"
                + " position 0", assertThrows(IllegalArgumentException.class,
                        () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {-1, 1}, 2))
                        .getMessage());
    }

    @Test
    void perClassQueries_outOfRange_throw() {
        assertEquals("ConfusionMatrix: class must be in [0, 4), got 4",
                assertThrows(IllegalArgumentException.class, () -> CM.precision(4)).getMessage());
        assertEquals("ConfusionMatrix: class must be in [0, 4), got -1",
                assertThrows(IllegalArgumentException.class, () -> CM.count(0, -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CM.recall(-1));
        assertThrows(IllegalArgumentException.class, () -> CM.f1(4));
        assertThrows(IllegalArgumentException.class, () -> CM.support(4));
        assertThrows(IllegalArgumentException.class, () -> CM.predictedCount(-1));
    }
}
