package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Lesson 11: the validation loss turns, training stops, the best weights are kept. */
class OverfittingExampleTest {

    /** Lesson 5's network reaches 0.4610 on the same test rows; least squares 0.4475. */
    private static final double TARGET_R2 = 0.44;

    @Test
    void defaults_stopEarly_keepTheBestEpoch_andScoreLikeLessonFive() {
        TrainingResult r = Example11_Overfitting.train(Example11_Overfitting.DEFAULTS);
        double[] training = r.lossHistory();
        double[] validation = r.validationHistory();

        assertEquals(training.length, validation.length);
        assertTrue(training.length < Example11_Overfitting.DEFAULTS.epochs(),
                "ran " + training.length + " epochs");
        int best = 0;
        for (int e = 1; e < validation.length; e++) {
            if (validation[e] < validation[best]) {
                best = e;
            }
        }
        // it stops exactly `patience` epochs after the best one
        assertEquals(validation.length - 1 - Example11_Overfitting.PATIENCE, best);
        // overfitting: after the best epoch the training loss kept falling, validation rose
        int last = validation.length - 1;
        assertTrue(training[last] < training[best] / 2,
                "training " + training[best] + " -> " + training[last]);
        assertTrue(validation[last] > validation[best] * 1.2,
                "validation " + validation[best] + " -> " + validation[last]);
        // the kept weights are the best epoch's: their validation loss is that epoch's
        assertEquals(validation[best], r.metric("validation MSE (standardised)"), 1e-12);
        assertTrue(r.metric("test R²") >= TARGET_R2, "test R² " + r.metric("test R²"));
    }

    @Test
    void sameSeedTwice_bitIdentical() {
        Reproducible.assertSameNumbersTwice(Example11_Overfitting::train,
                Example11_Overfitting.DEFAULTS.withEpochs(15));
    }

    @Test
    void shortRun_completesWithEveryEpochPlotted() {
        TrainingResult r = Example11_Overfitting.train(
                Example11_Overfitting.DEFAULTS.withEpochs(3));
        assertEquals(3, r.lossHistory().length);
        assertEquals(3, r.validationHistory().length);
    }

    @Test
    void plot_drawsTheValidationCurveBesideTheTrainingCurve() {
        TrainingResult r = Example11_Overfitting.train(Example11_Overfitting.DEFAULTS.withEpochs(4));
        org.knowm.xchart.XYChart chart = Plots.lossChart(r);
        assertEquals(java.util.List.of("training loss", "validation loss"),
                java.util.List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("overfit: training and validation loss", chart.getTitle());
        assertArrayEquals(r.validationHistory(),
                chart.getSeriesMap().get("validation loss").getYData());
    }

    @Test
    void result_copiesItsValidationHistory_andComparesIt() {
        double[] validation = {0.5, 0.25};
        TrainingResult r = new TrainingResult("x", 1, java.util.Map.of(), new double[] {1, 2},
                java.util.List.of(), null, java.util.List.of(), validation);
        validation[0] = 9;
        assertArrayEquals(new double[] {0.5, 0.25}, r.validationHistory());
        r.validationHistory()[1] = 9;
        assertArrayEquals(new double[] {0.5, 0.25}, r.validationHistory());
        TrainingResult other = new TrainingResult("x", 1, java.util.Map.of(),
                new double[] {1, 2}, java.util.List.of(), null, java.util.List.of(),
                new double[] {0.5, 0.5});
        assertNotEquals(r, other);
        assertEquals(0, new TrainingResult("x", 1, java.util.Map.of(), new double[] {1},
                java.util.List.of(), null, java.util.List.of()).validationHistory().length);
    }

    @Test
    void hugeLearningRate_divergesWithTheLessonsMessage() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Example11_Overfitting.train(
                        Example11_Overfitting.DEFAULTS.withLearningRate(1e6)));
        assertTrue(e.getMessage().startsWith("overfit: the loss became "),
                e.getMessage());
        assertEquals(1, e.epoch());
    }
}
