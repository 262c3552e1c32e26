package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What every loss promises, checked once here for each loss whose test extends this class: its
 * backward matches central differences on any shape, it refuses a backward before a forward, a
 * target of another shape and an empty batch, it modifies neither argument, and it reuses its
 * gradient buffer. A loss's own test adds its worked example from {@code docs/derivations.md},
 * its PyTorch parity and whatever is particular to it.
 */
abstract class LossContractTest {

    private static final int TRIES = 40;
    private static final String SEED = "20261128";

    /** The loss under test. */
    abstract Loss newLoss();

    /** A prediction at which the gradient can be checked; the default is uniform on [−1, 1). */
    Matrix prediction(int rows, int cols, RandomGenerator rng) {
        return TestData.uniform(rows, cols, rng);
    }

    /** A target the loss accepts for that prediction; the default is uniform on [−1, 1). */
    Matrix target(Matrix prediction, RandomGenerator rng) {
        return TestData.uniform(prediction.rows(), prediction.cols(), rng);
    }

    /**
     * Whether the loss takes logits: its messages then call the prediction "logits", and the
     * gradient check is {@link TestData#logitLossCheck()} instead of the strict one.
     */
    boolean onLogits() {
        return false;
    }

    private String predictionName() {
        return onLogits() ? "logits" : "prediction";
    }

    /** The prediction of the worked examples of docs/derivations.md#mse, #l1 and #huber. */
    static Matrix examplePrediction() {
        return Matrix.of(new double[][] {{0.5, 1}, {2, -1}});
    }

    /** The target of those worked examples. */
    static Matrix exampleTarget() {
        return Matrix.of(new double[][] {{1, 1}, {0, 0}});
    }

    /**
     * Checks a worked example of {@code docs/derivations.md}: L and ∂L/∂Ŷ, within
     * {@code tolerance}.
     */
    static void assertWorkedExample(Loss loss, Matrix prediction, Matrix target, double value,
                                    double[] gradient, double tolerance) {
        assertEquals(value, loss.forward(prediction, target), tolerance, "L");
        assertArrayEquals(gradient, loss.backward().toRowMajorArray(), tolerance, "∂L/∂Ŷ");
    }

    /** Asserts that forward refuses the pair with exactly this message after "Loss.forward: ". */
    private void assertRefused(Matrix prediction, Matrix target, String message) {
        Loss loss = newLoss();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.forward(prediction, target));
        assertEquals(loss.getClass().getSimpleName() + ".forward: " + message, e.getMessage());
    }

    @Property(tries = TRIES, seed = SEED)
    void backward_anyShape_gradientsMatchCentralDifferences(
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix p = prediction(m, n, rng);
        GradientCheck check = onLogits() ? TestData.logitLossCheck() : TestData.strictCheck();
        check.assertGradients(newLoss(), p, target(p, rng));
    }

    @Test
    void backward_beforeForward_throwsIllegalStateNamingTheLoss() {
        Loss loss = newLoss();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals(loss.getClass().getSimpleName() + ".backward: called before forward; call"
                + " forward(" + predictionName() + ", target) first", e.getMessage());
    }

    @Test
    void forward_targetOfTransposedShape_throwsWithBothShapes() {
        assertRefused(Matrix.zeros(8, 1), Matrix.zeros(1, 8), predictionName()
                + " and target must have the same shape, got 8x1 and 1x8");
    }

    @Test
    void forward_emptyBatch_throwsWithShape() {
        assertRefused(Matrix.zeros(0, 3), Matrix.zeros(0, 3), predictionName()
                + " must not be empty, got 0x3");
    }

    @Property(tries = TRIES, seed = SEED)
    void forwardAndBackward_anyShape_modifyNeitherArgument(
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix p = prediction(m, n, rng);
        Matrix t = target(p, rng);
        double[] pBefore = p.toRowMajorArray();
        double[] tBefore = t.toRowMajorArray();
        Loss loss = newLoss();
        loss.forward(p, t);
        loss.backward();
        assertArrayEquals(pBefore, p.toRowMajorArray());
        assertArrayEquals(tBefore, t.toRowMajorArray());
    }

    @Test
    void backward_sameBatchSize_reusesItsBufferWithThePredictionsShape() {
        SplittableRandom rng = new SplittableRandom(5);
        Loss loss = newLoss();
        Matrix p = prediction(4, 3, rng);
        loss.forward(p, target(p, rng));
        Matrix first = loss.backward();
        loss.forward(p, target(p, rng));
        assertSame(first, loss.backward());
        assertEquals(4, first.rows());
        assertEquals(3, first.cols());
    }
}
