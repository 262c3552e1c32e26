package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SigmoidTest extends LayerContractTest {

    /** The example's numbers are exact in binary up to the rounding of ln 3. */
    private static final double DOC = 1e-15;

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new Sigmoid();
    }

    /** The worked example of docs/derivations.md#sigmoid, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new Sigmoid(), Matrix.rowVector(0, Math.log(3), -Math.log(3)),
                new double[] {0.5, 0.75, 0.25}, Matrix.rowVector(1, 1, 4),
                new double[] {0.25, 0.1875, 0.75}, DOC);
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertActivationMatches(new Sigmoid(), "sigmoid");
    }

    @Test
    void forwardAndBackward_plusMinus1000_exactlyOneAndZeroWithZeroGradient() {
        Sigmoid sigmoid = new Sigmoid();
        Matrix y = sigmoid.forward(Matrix.rowVector(1000, -1000, 710, -800));
        assertArrayEquals(new double[] {1, 0, 1, 0}, y.toRowMajorArray(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0},
                sigmoid.backward(Matrix.rowVector(1, 1, 1, 1)).toRowMajorArray(), 0.0);
    }

    @Test
    void forward_nan_staysNaN() {
        assertTrue(Double.isNaN(new Sigmoid().forward(Matrix.rowVector(Double.NaN)).get(0, 0)));
        assertEquals("Sigmoid", new Sigmoid().toString());
    }
}
