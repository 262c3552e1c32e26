package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BCEWithLogitsLossTest extends LossContractTest {

    private static final double DOC = 1e-15;

    @Override
    Loss newLoss() {
        return new BCEWithLogitsLoss();
    }

    /** Logits on [−4, 4). */
    @Override
    Matrix prediction(int rows, int cols, RandomGenerator rng) {
        return Matrix.uniform(rows, cols, -4, 4, rng);
    }

    /** Targets on [0, 1). */
    @Override
    Matrix target(Matrix logits, RandomGenerator rng) {
        return Matrix.uniform(logits.rows(), logits.cols(), 0, 1, rng);
    }

    @Override
    boolean onLogits() {
        return true;
    }

    /** The worked example of docs/derivations.md#bce, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new BCEWithLogitsLoss(), Matrix.rowVector(0, Math.log(3)),
                Matrix.rowVector(1, 0.25),
                (Math.log(2) + 0.75 * Math.log(3) + Math.log(4.0 / 3)) / 2,
                new double[] {-0.25, 0.25}, DOC);
        assertWorkedExample(new BCEWithLogitsLoss(), Matrix.rowVector(1000, -1000, 1000, -1000),
                Matrix.rowVector(0, 0, 1, 1), (1000 + 0 + 0 + 1000) / 4.0,
                new double[] {0.25, 0, 0, -0.25}, 0.0);
    }

    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertLossMatches(new BCEWithLogitsLoss(), "bce_with_logits");
    }

    @Test
    void forward_targetOutsideZeroOne_throwsNamingRowAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().forward(Matrix.zeros(2, 2),
                        Matrix.of(new double[][] {{0, 1}, {0.5, -0.5}})));
        assertEquals("BCEWithLogitsLoss.forward: target of row 1, column 1 must be a probability"
                + " in [0, 1], got -0.5", e.getMessage());
        assertEquals("BCEWithLogitsLoss", new BCEWithLogitsLoss().toString());
    }
}
