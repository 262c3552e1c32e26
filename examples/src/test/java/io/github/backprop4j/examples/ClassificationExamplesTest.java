package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.train.Metrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two classification lessons: XOR and the spiral, each against its model without depth. */
class ClassificationExamplesTest {

    /** The spiral MLP's target training accuracy. */
    private static final double SPIRAL_TARGET_ACCURACY = 0.97;
    /** A straight line gets at most three of XOR's four points right. */
    private static final double XOR_LINEAR_BEST = 0.75;
    /** How close the untrained MLP's loss is to ln 3, the loss of a uniform guess. */
    private static final double NEAR_LN_3 = 0.05;

    @TempDir
    Path dir;

    @Test
    void xor_defaults_hiddenLayerSolvesItAndLinearCannot() {
        TrainingResult r = Example07_Xor.train(Example07_Xor.DEFAULTS);

        assertEquals(1.0, r.metric("training accuracy"), 0.0);
        assertTrue(r.metric("accuracy without the hidden layer") <= XOR_LINEAR_BEST,
                "linear accuracy " + r.metric("accuracy without the hidden layer"));
        assertEquals(2, r.surfaces().size());
    }

    @Test
    void spiral_defaults_mlpReachesTargetAndStartsNearLn3() {
        TrainingResult r = Example08_Spiral.train(Example08_Spiral.DEFAULTS);

        assertTrue(r.metric("training accuracy") >= SPIRAL_TARGET_ACCURACY,
                "training accuracy " + r.metric("training accuracy"));
        assertTrue(r.metric("linear training accuracy") < SPIRAL_TARGET_ACCURACY - 0.2,
                "linear accuracy " + r.metric("linear training accuracy"));
        assertEquals(Math.log(3), r.metric("ln 3"), 0.0);
        assertEquals(Math.log(3), r.metric("loss at initialisation"), NEAR_LN_3);
    }

    @Test
    void spiral_points_threeArmsOfAHundredInTheUnitDisc() {
        int[] classes = new int[300];
        Matrix x = Example08_Spiral.points(classes, new SplittableRandom(1));
        assertEquals(300, x.rows());
        for (int i = 0; i < 300; i++) {
            assertEquals(i / 100, classes[i]);
            assertTrue(Math.hypot(x.get(i, 0), x.get(i, 1)) <= 1 + 1e-12);
        }
    }

    @Test
    void bothLessons_sameSeedTwice_bitIdentical() {
        Reproducible.assertSameNumbersTwice(Example07_Xor::train,
                Example07_Xor.DEFAULTS.withEpochs(20));
        Reproducible.assertSameNumbersTwice(Example08_Spiral::train,
                Example08_Spiral.DEFAULTS.withEpochs(5));
    }

    /** The loss, then one square panel per decision surface. */
    @Test
    void plot_lossAndTwoDecisionSurfaces() throws IOException {
        TrainingResult r = Example07_Xor.train(Example07_Xor.DEFAULTS.withEpochs(5));
        Path file = dir.resolve("xor.png");

        Plots.write(r, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(Plots.PANEL_WIDTH + 2 * Plots.PANEL_HEIGHT, image.getWidth());
        DecisionSurface surface = r.surfaces().get(0);
        assertEquals(Comparison.CELLS, surface.classes().length);
        assertArrayEquals(Example07_Xor.CLASSES, surface.labels());
    }

    @Test
    void accuracy_classIndices_countsTheLargestScore() {
        Matrix scores = Matrix.of(new double[][] {{0.1, 2}, {3, -1}, {0, 0}});
        assertEquals(2.0 / 3, Metrics.accuracy(scores, new int[] {1, 0, 1}), 1e-15);
    }
}
