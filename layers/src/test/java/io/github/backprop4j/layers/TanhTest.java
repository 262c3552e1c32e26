package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TanhTest extends LayerContractTest {

    /** tanh(ln 2) = 0.6 and tanh(ln 3) = 0.8, up to the rounding of the logarithms. */
    private static final double DOC = 1e-15;

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new Tanh();
    }

    /** The worked example of docs/derivations.md#tanh, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new Tanh(), Matrix.rowVector(0, Math.log(2), Math.log(3)),
                new double[] {0, 0.6, 0.8}, Matrix.rowVector(2, 1, 1),
                new double[] {2, 0.64, 0.36}, DOC);
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertActivationMatches(new Tanh(), "tanh");
    }

    @Test
    void forwardAndBackward_plusMinus1000_exactlyPlusMinusOneWithZeroGradient() {
        Tanh tanh = new Tanh();
        Matrix y = tanh.forward(Matrix.rowVector(1000, -1000));
        assertArrayEquals(new double[] {1, -1}, y.toRowMajorArray(), 0.0);
        assertArrayEquals(new double[] {0, 0},
                tanh.backward(Matrix.rowVector(5, 5)).toRowMajorArray(), 0.0);
        assertEquals("Tanh", tanh.toString());
    }
}
