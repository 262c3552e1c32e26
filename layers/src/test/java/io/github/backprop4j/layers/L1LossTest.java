package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class L1LossTest extends LossContractTest {

    @Override
    Loss newLoss() {
        return new L1Loss();
    }

    /** Targets at least 0.05 from the prediction: away from the kink of |d| at 0. */
    @Override
    Matrix target(Matrix prediction, RandomGenerator rng) {
        return prediction.plus(TestData.awayFromZero(prediction.rows(), prediction.cols(), rng));
    }

    /** The worked example of docs/derivations.md#l1, number for number (exact in binary). */
    @Test
    void documentedExample_matchesDerivationsSection() {
        assertWorkedExample(new L1Loss(), examplePrediction(), exampleTarget(), 0.875,
                new double[] {-0.25, 0, 0.25, -0.25}, 0.0);
    }

    /** PyTorch's file includes a tie, where both give the subgradient 0. */
    @Test
    void forwardAndBackward_matchPyTorch() {
        TorchReference.assertLossMatches(new L1Loss(), "l1");
        assertEquals(0, TorchReference.get("l1.grad").get(0, 0), 0.0);
        assertEquals("L1Loss", new L1Loss().toString());
    }
}
