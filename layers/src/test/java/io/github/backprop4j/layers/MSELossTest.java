package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MSELossTest extends LossContractTest {

    @Override
    Loss newLoss() {
        return new MSELoss();
    }


    private static final double CLOSE = 1e-12;
    /** The example's decimals are exact in binary. */
    private static final double DOC = 0.0;

    /** The allocating reference: L and ∂L/∂Ŷ entry by entry. */
    private static double referenceLoss(Matrix p, Matrix t, boolean mean) {
        double s = 0;
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.cols(); c++) {
                s += (p.get(r, c) - t.get(r, c)) * (p.get(r, c) - t.get(r, c));
            }
        }
        return mean ? s / p.size() : s;
    }

    private static Matrix referenceGradient(Matrix p, Matrix t, boolean mean) {
        return p.minus(t).scale(mean ? 2.0 / p.size() : 2.0);
    }

    /** The worked example of docs/derivations.md#mse: the mean over all four elements. */
    @Test
    void documentedExample_meanOverAllFourElements() {
        Matrix prediction = Matrix.of(new double[][] {{0.5, 1}, {2, -1}});
        Matrix target = Matrix.of(new double[][] {{1, 1}, {0, 0}});
        MSELoss mean = new MSELoss();
        assertEquals(1.3125, mean.forward(prediction, target), DOC);
        assertArrayEquals(new double[] {-0.25, 0, 1, -0.5}, mean.backward().toRowMajorArray(),
                DOC);

        MSELoss sum = new MSELoss(Reduction.SUM);
        assertEquals(5.25, sum.forward(prediction, target), DOC);
        assertArrayEquals(new double[] {-1, 0, 4, -2}, sum.backward().toRowMajorArray(), DOC);
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1, 1, MEAN", "30, 2, MEAN", "2, 9, MEAN", "1, 1, SUM", "30, 2, SUM",
        "2, 9, SUM"})
    void backward_randomShapes_matchesNumericalGradient(int m, int n, Reduction reduction) {
        SplittableRandom rng = new SplittableRandom(41 + m * n);
        TestData.strictCheck().assertGradients(new MSELoss(reduction),
                TestData.uniform(m, n, rng), TestData.uniform(m, n, rng));
    }

    @ParameterizedTest
    @CsvSource({"MEAN, true", "SUM, false"})
    void forwardAndBackward_randomBatch_agreeWithAllocatingReference(Reduction reduction,
                                                                    boolean mean) {
        SplittableRandom rng = new SplittableRandom(2);
        MSELoss loss = new MSELoss(reduction);
        Matrix p = TestData.uniform(5, 3, rng);
        Matrix t = TestData.uniform(5, 3, rng);
        assertEquals(referenceLoss(p, t, mean), loss.forward(p, t), CLOSE);
        assertTrue(loss.backward().approxEquals(referenceGradient(p, t, mean), CLOSE));
    }

    @Test
    void forward_columnPredictionAgainstTwoColumnTarget_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MSELoss().forward(Matrix.zeros(8, 1), Matrix.zeros(8, 2)));
        assertEquals("MSELoss.forward: prediction and target must have the same shape,"
                + " got 8x1 and 8x2", e.getMessage());
    }

    @Test
    void forward_nanPrediction_givesNaN() {
        assertTrue(Double.isNaN(new MSELoss().forward(Matrix.rowVector(Double.NaN, 1),
                Matrix.rowVector(0, 1))));
    }

    @Test
    void toString_namesReduction() {
        assertEquals("MSELoss(reduction=SUM)", new MSELoss(Reduction.SUM).toString());
        assertEquals(Reduction.MEAN, new MSELoss().reduction());
    }
}
