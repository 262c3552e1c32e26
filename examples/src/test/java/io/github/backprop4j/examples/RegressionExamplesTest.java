package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The four synthetic regressors reach their targets with their defaults, reproducibly. */
class RegressionExamplesTest {

    /** The line example's target: weight 3 ± 0.02 and bias 2 ± 0.02. */
    private static final double LINE_TOLERANCE = 0.02;
    /** The sine example's target training MSE. */
    private static final double SINE_TARGET_MSE = 1e-3;
    /** The surface and multi examples' target training MSE. */
    private static final double SURFACE_TARGET_MSE = 5e-3;
    private static final double MULTI_TARGET_MSE = 5e-3;
    /** A learning rate that makes any of these networks blow up within the first epoch. */
    private static final double HUGE_LEARNING_RATE = 1e6;

    @Test
    void line_defaults_recoversWeightAndBias() {
        TrainingResult r = Example01_FitALine.train(Example01_FitALine.DEFAULTS);

        assertEquals(3, r.metric("weight"), LINE_TOLERANCE);
        assertEquals(2, r.metric("bias"), LINE_TOLERANCE);
        assertEquals(Example01_FitALine.DEFAULTS.epochs(), r.lossHistory().length);
        assertEquals(1, r.curves().size());
    }

    @Test
    void line_fewEpochsWithTinyLearningRate_hasNotConverged() {
        TrainingResult r = Example01_FitALine.train(
                Example01_FitALine.DEFAULTS.withEpochs(1).withLearningRate(1e-4));

        assertTrue(Math.abs(r.metric("weight") - 3) > LINE_TOLERANCE,
                "one tiny step cannot have found the weight: " + r.metric("weight"));
    }

    @Test
    void sine_defaults_trainingMseBelowTarget() {
        TrainingResult r = Example02_FitASine.train(Example02_FitASine.DEFAULTS);

        assertTrue(r.finalLoss() < SINE_TARGET_MSE, "training MSE " + r.finalLoss());
        double[] history = r.lossHistory();
        assertTrue(history[history.length - 1] < history[0] / 100,
                "loss should fall a hundredfold: " + history[0] + " -> "
                        + history[history.length - 1]);
        TrainingResult.Curve curve = r.curves().get(0);
        assertEquals(Math.sin(curve.x()[50]), curve.truth()[50], 0);
    }

    @Test
    void surface_defaults_trainingMseBelowTarget() {
        TrainingResult r = Example03_FitASurface.train(Example03_FitASurface.DEFAULTS);

        assertTrue(r.finalLoss() < SURFACE_TARGET_MSE, "training MSE " + r.finalLoss());
        assertTrue(r.curves().isEmpty(), "two inputs: no prediction-against-truth curve");
    }

    @Test
    void multi_defaults_trainingMseBelowTargetForEachOutput() {
        TrainingResult r = Example04_SeveralOutputs.train(Example04_SeveralOutputs.DEFAULTS);

        assertTrue(r.finalLoss() < MULTI_TARGET_MSE, "training MSE " + r.finalLoss());
        assertTrue(r.metric("MSE of sin") < MULTI_TARGET_MSE);
        assertTrue(r.metric("MSE of cos") < MULTI_TARGET_MSE);
        // the overall MSE is the mean over both outputs' entries
        assertEquals((r.metric("MSE of sin") + r.metric("MSE of cos")) / 2, r.finalLoss(), 1e-12);
        assertEquals(2, r.curves().size());
    }

    @Test
    void sine_sameSeedTwice_bitIdentical() {
        Reproducible.assertSameNumbersTwice(Example02_FitASine::train,
                Example02_FitASine.DEFAULTS.withEpochs(20));
    }

    @Test
    void sine_otherSeed_differentNumbers() {
        Hyperparameters h = Example02_FitASine.DEFAULTS.withEpochs(20);

        TrainingResult first = Example02_FitASine.train(h);
        TrainingResult other = Example02_FitASine.train(h.withSeed(h.seed() + 1));

        assertFalse(Arrays.equals(first.lossHistory(), other.lossHistory()));
    }

    @Test
    void sine_hugeLearningRate_stopsWithEpochAndStep() {
        Hyperparameters h = Example02_FitASine.DEFAULTS.withLearningRate(HUGE_LEARNING_RATE);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Example02_FitASine.train(h));

        assertEquals(1, e.epoch());
        assertTrue(e.step() >= 2, "the first loss is computed before any step: " + e.step());
        assertFalse(Double.isFinite(e.loss()));
        assertTrue(e.getMessage().contains("at epoch 1, step " + e.step() + " "),
                e.getMessage());
        assertTrue(e.getMessage().contains("try a smaller one, e.g. --lr 100000"),
                e.getMessage());
    }

    @Test
    void multi_hugeLearningRate_stopsInFirstEpoch() {
        Hyperparameters h = Example04_SeveralOutputs.DEFAULTS.withLearningRate(HUGE_LEARNING_RATE);

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Example04_SeveralOutputs.train(h));

        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().startsWith("multi: the loss became "), e.getMessage());
    }

    /**
     * Huber stays near the true line y = 2x + 1 where MSE is pulled toward the outliers, and
     * fits the clean points ten times better.
     */
    @Test
    void outliers_defaults_huberResistsWhatPullsMse() {
        TrainingResult r = Example09_Outliers.train(Example09_Outliers.DEFAULTS);

        assertEquals(2, r.metric("Huber weight"), 0.1);
        assertEquals(1, r.metric("Huber bias"), 0.15);
        assertTrue(r.metric("MSE bias") < 0, "MSE bias " + r.metric("MSE bias"));
        assertTrue(10 * r.metric("Huber RMSE on clean points")
                < r.metric("MSE RMSE on clean points"), r.metrics().toString());
        assertEquals(2, r.curves().size());
        Reproducible.assertSameNumbersTwice(Example09_Outliers::train,
                Example09_Outliers.DEFAULTS.withEpochs(5));
    }
}
