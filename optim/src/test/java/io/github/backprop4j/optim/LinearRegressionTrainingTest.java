package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SGD trains a linear model Y = X·W + 1·b with mean squared error on y = 3x + 2.
 *
 * <p>The forward and backward passes are written out here with {@code MatrixOps}, so that this
 * test depends on core and optim alone:
 * <pre>
 *   Ŷ = X·W + 1·b               (m×1)
 *   L = (1/m) Σ (Ŷ − Y)²
 *   G = ∂L/∂Ŷ = (2/m)(Ŷ − Y)    (m×1)
 *   ∂L/∂W = Xᵀ·G                (1×1)
 *   ∂L/∂b = 1ᵀ·G                (1×1)
 * </pre>
 */
class LinearRegressionTrainingTest {

    private static final double RECOVERY_TOLERANCE = 1e-3;
    private static final int SAMPLES = 64;
    private static final int EPOCHS = 200;

    @Test
    void step_miniBatchMseOnNoiseFreeLine_recoversSlopeAndIntercept() {
        SplittableRandom rng = new SplittableRandom(42);
        Matrix x = Matrix.uniform(SAMPLES, 1, -1, 1, rng);
        Matrix y = Matrix.zeros(SAMPLES, 1);
        for (int i = 0; i < SAMPLES; i++) {
            y.set(i, 0, 3 * x.get(i, 0) + 2);
        }
        Batches loader = new Batches(new Dataset(x, y), 16);

        Parameter weight = new Parameter("weight", Matrix.zeros(1, 1));
        Parameter bias = new Parameter("bias", Matrix.zeros(1, 1));
        SGD sgd = SGD.builder(List.of(weight, bias)).learningRate(0.1).momentum(0.9).build();

        Matrix prediction = Matrix.zeros(0, 0);
        Matrix gradOutput = Matrix.zeros(0, 0);
        double firstLoss = Double.NaN;
        double lastLoss = Double.NaN;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (Batch b : loader.epoch(rng)) {
                sgd.zeroGrad();
                MatrixOps.mult(b.features(), weight.value(), prediction);      // Ŷ = X·W
                MatrixOps.addRow(prediction, bias.value(), prediction);        //   + 1·b
                double loss = MatrixOps.sumSquaredDifference(prediction, b.targets()) / b.size();
                MatrixOps.subtract(prediction, b.targets(), gradOutput);       // G = (2/m)(Ŷ − Y)
                MatrixOps.scaleEquals(gradOutput, 2.0 / b.size());
                MatrixOps.multAddTransA(b.features(), gradOutput, weight.grad()); // ∂L/∂W += Xᵀ·G
                MatrixOps.addColumnSums(gradOutput, bias.grad());              // ∂L/∂b += 1ᵀ·G
                sgd.step();
                if (Double.isNaN(firstLoss)) {
                    firstLoss = loss;
                }
                lastLoss = loss;
            }
        }

        assertEquals(3.0, weight.value().get(0, 0), RECOVERY_TOLERANCE);
        assertEquals(2.0, bias.value().get(0, 0), RECOVERY_TOLERANCE);
        assertTrue(lastLoss < 1e-6 * firstLoss, "loss fell from " + firstLoss + " to " + lastLoss);
        assertEquals((long) EPOCHS * loader.batchesPerEpoch(), sgd.steps());
    }
}
