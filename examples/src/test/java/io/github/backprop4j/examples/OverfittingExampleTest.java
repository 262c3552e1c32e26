package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
    void lesson_threeParts_standardisedWithTheLearningRowsAlone() {
        Example11_Overfitting.Data data = assertInstanceOf(Example11_Overfitting.Data.class,
                Example11_Overfitting.LESSON.encoding());
        // 442 rows: 88 with i % 5 == 4 for testing; of the other 354, every fourth (88) validates
        assertEquals(88, data.test().size());
        assertEquals(266, data.split().train().size());
        assertEquals(88, data.split().test().size());
        assertEquals(java.util.List.of(Example05_Diabetes.FEATURES),
                Example11_Overfitting.LESSON.inputs());
        io.github.backprop4j.core.Matrix x = data.split().train().features();
        for (int j = 0; j < x.cols(); j++) {
            double mean = 0;
            for (int i = 0; i < x.rows(); i++) {
                mean += x.get(i, j) / x.rows();
            }
            assertEquals(0, mean, 1e-12, "column " + j);
        }
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
