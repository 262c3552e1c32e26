package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LeakyReLUTest extends LayerContractTest {

    /** a·x is a product of two doubles; one rounding. */
    private static final double DOC = 1e-15;

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new LeakyReLU(0.1);
    }

    /** Inputs away from the kink at 0. */
    @Override
    Matrix input(int rows, int cols, RandomGenerator rng) {
        return TestData.awayFromZero(rows, cols, rng);
    }

    /** The worked example of docs/derivations.md#leakyrelu, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new LeakyReLU(0.1), Matrix.of(new double[][] {{-2, 0.5}, {0, 3}}),
                new double[] {-0.2, 0.5, 0, 3}, Matrix.of(new double[][] {{10, 20}, {30, 40}}),
                new double[] {1, 20, 3, 40}, DOC);

        LeakyReLU byDefault = new LeakyReLU();
        assertEquals(-0.02, byDefault.forward(Matrix.rowVector(-2)).get(0, 0), DOC);
        assertEquals(0.01, byDefault.negativeSlope());
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertActivationMatches(new LeakyReLU(), "leaky_relu");
        TorchReference.assertActivationMatches(new LeakyReLU(0.2), "leaky_relu_0.2");
    }

    @Test
    void kinkSides_reportWhichInputsWerePositiveWhateverTheSlope() {
        LeakyReLU leaky = new LeakyReLU(-0.5);
        leaky.forward(Matrix.of(new double[][] {{-1, 0, 2}, {Double.NaN, 3, -0.5}}));
        assertArrayEquals(new int[] {0, 0, 1, 0, 1, 0}, TestData.kinkSides(leaky));
    }

    @Test
    void gradientCheck_inputStraddlingTheKink_isFlagged() {
        GradientCheck.Report report = new GradientCheck().check(new LeakyReLU(),
                Matrix.rowVector(1e-9, 0.5), new SplittableRandom(1));
        assertTrue(report.crossedKink());
        assertFalse(new GradientCheck().check(new LeakyReLU(), Matrix.rowVector(0.3, -0.5),
                new SplittableRandom(1)).crossedKink());
    }

    @Test
    void constructor_nonFiniteSlope_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LeakyReLU(Double.NaN));
        assertEquals("LeakyReLU: negativeSlope must be finite, got NaN", e.getMessage());
        assertEquals("LeakyReLU(negativeSlope=0.2)", new LeakyReLU(0.2).toString());
    }
}
