package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LogSoftmaxTest extends LayerContractTest {

    private static final double DOC = 1e-15;
    private static final double CLOSE = 1e-12;

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new LogSoftmax();
    }

    /**
     * The default tolerance 1e-6 for the contract's random shapes, as for {@link Softmax}: an
     * entry of ∂L/∂Z is a difference g_j − p_j Σ g_i and may lie near 0.
     */
    @Override
    GradientCheck gradientCheck() {
        return new GradientCheck();
    }

    /** The worked example of docs/derivations.md#logsoftmax, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new LogSoftmax(), Matrix.rowVector(0, Math.log(3), Math.log(4)),
                new double[] {Math.log(0.125), Math.log(0.375), Math.log(0.5)},
                Matrix.rowVector(1, 2, 4), new double[] {0.125, -0.625, 0.5}, DOC);
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertActivationMatches(new LogSoftmax(), "log_softmax");
    }

    /** Where log(softmax(z)) gives −∞, the log-sum-exp gives the exact −2000. */
    @Test
    void forward_logitsOfPlusMinus1000_finiteWhereLogOfSoftmaxIsInfinite() {
        Matrix z = Matrix.rowVector(1000, -1000);
        assertEquals(Double.NEGATIVE_INFINITY, Math.log(new Softmax().forward(z).get(0, 1)));
        assertArrayEquals(new double[] {0, -2000}, new LogSoftmax().forward(z).toRowMajorArray(),
                0.0);
    }

    @Test
    void forward_agreesWithLogOfSoftmax() {
        Matrix z = Matrix.uniform(5, 4, -5, 5, new SplittableRandom(3));
        Matrix p = new Softmax().forward(z);
        Matrix y = new LogSoftmax().forward(z);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(Math.log(p.get(r, c)), y.get(r, c), CLOSE);
            }
        }
    }

    @Test
    void forward_noColumns_throwsWithShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LogSoftmax().forward(Matrix.zeros(8, 0)));
        assertEquals("LogSoftmax.forward: input must have at least one column, got 8x0",
                e.getMessage());
        assertTrue(new LogSoftmax().parameters().isEmpty());
    }
}
