package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import org.junit.jupiter.api.Test;

class ExpectedInitialLossTest {

    /** Column means 3 and 20; squared deviations 16, 0, 16 and 100, 100, 400: 608 in all. */
    private static final Matrix TARGET = Matrix.of(new double[][] {{1, 10}, {3, 10}, {5, 40}});

    @Test
    void mse_meanReduction_isTheTargetsVarianceAveragedOverColumns() {
        assertEquals(608.0 / 6, new MSELoss().expectedInitialLoss(TARGET), 1e-13);
    }

    @Test
    void mse_sumReduction_isTheSumOfSquaredDeviations() {
        assertEquals(608.0, new MSELoss(Reduction.SUM).expectedInitialLoss(TARGET), 1e-12);
    }

    @Test
    void mse_oneColumnOfTwoValues_isTheirPopulationVariance() {
        // mean 2, deviations ±1: variance 1 (divided by m = 2, not m − 1)
        assertEquals(1.0, new MSELoss().expectedInitialLoss(
                Matrix.of(new double[][] {{1}, {3}})));
        assertEquals(2.0, new MSELoss(Reduction.SUM).expectedInitialLoss(
                Matrix.of(new double[][] {{1}, {3}})));
    }

    @Test
    void mse_emptyTarget_isNaN() {
        assertEquals(Double.NaN, new MSELoss().expectedInitialLoss(Matrix.zeros(0, 1)));
        assertEquals(Double.NaN, new MSELoss(Reduction.SUM).expectedInitialLoss(
                Matrix.zeros(2, 0)));
    }

    @Test
    void crossEntropy_threeClasses_isLnThree() {
        Matrix oneHot = Matrix.of(new double[][] {{0, 1, 0}, {1, 0, 0}});
        assertEquals(1.0986122886681098, new CrossEntropyLoss().expectedInitialLoss(oneHot));
        assertEquals(1.0986122886681098, new CrossEntropyLoss(0.1).expectedInitialLoss(oneHot));
    }

    @Test
    void crossEntropy_equalLogits_giveExactlyTheExpectedLoss() {
        Matrix oneHot = Matrix.of(new double[][] {{0, 0, 0, 1}, {0, 1, 0, 0}});
        CrossEntropyLoss loss = new CrossEntropyLoss();
        assertEquals(loss.expectedInitialLoss(oneHot), loss.forward(Matrix.zeros(2, 4), oneHot),
                1e-15);
        assertEquals(1.3862943611198906, loss.expectedInitialLoss(oneHot));
    }

    @Test
    void bceWithLogits_isLnTwo() {
        assertEquals(0.6931471805599453, new BCEWithLogitsLoss().expectedInitialLoss(
                Matrix.of(new double[][] {{1, 0.25}})));
    }

    @Test
    void lossesWithoutOne_areNaN() {
        assertEquals(Double.NaN, new L1Loss().expectedInitialLoss(TARGET));
        assertEquals(Double.NaN, new HuberLoss().expectedInitialLoss(TARGET));
    }
}
