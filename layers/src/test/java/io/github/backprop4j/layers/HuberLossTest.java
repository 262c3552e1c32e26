package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HuberLossTest extends LossContractTest {

    @Override
    Loss newLoss() {
        return new HuberLoss(0.5);
    }

    /**
     * Errors |d| in [0.05, 1) kept 0.02 away from the corners |d| = δ = 0.5, where the second
     * derivative jumps.
     */
    @Override
    Matrix target(Matrix prediction, RandomGenerator rng) {
        Matrix d = TestData.awayFromZero(prediction.rows(), prediction.cols(), rng);
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.cols(); c++) {
                double v = d.get(r, c);
                if (Math.abs(Math.abs(v) - 0.5) < 0.02) {
                    d.set(r, c, v * 1.1);
                }
            }
        }
        return prediction.plus(d);
    }

    /** The worked example of docs/derivations.md#huber, number for number (exact in binary). */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new HuberLoss(), examplePrediction(), exampleTarget(), 0.53125,
                new double[] {-0.125, 0, 0.25, -0.25}, 0.0);
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertLossMatches(new HuberLoss(), "huber");
        TorchReference.assertLossMatches(new HuberLoss(0.5), "huber_0.5");
    }

    /** Within δ the Huber loss is half the squared error, so its gradient is MSE's / 2. */
    @Test
    void smallErrors_gradientIsHalfOfMse() {
        Matrix p = Matrix.rowVector(0.1, -0.2, 0.3);
        Matrix t = Matrix.rowVector(0, 0, 0);
        HuberLoss huber = new HuberLoss();
        MSELoss mse = new MSELoss();
        assertEquals(mse.forward(p, t) / 2, huber.forward(p, t), 1e-16);
        assertArrayEquals(mse.backward().scale(0.5).toRowMajorArray(),
                huber.backward().toRowMajorArray(), 1e-16);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void constructor_deltaNotPositive_throws(double delta) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HuberLoss(delta));
        assertEquals("HuberLoss: delta must be positive and finite, got " + delta,
                e.getMessage());
        assertEquals("HuberLoss(delta=1.0)", new HuberLoss().toString());
    }
}
