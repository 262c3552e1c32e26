package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties over random shapes and seeds, run by jqwik on the JUnit platform. */
class LayerPropertiesTest {

    private static final double CLOSE = 1e-12;
    private static final int TRIES = 40;
    /** jqwik draws from a fixed seed, so every run checks the same cases. */
    private static final String SEED = "20261128";

    @Property(tries = TRIES, seed = SEED)
    void linear_anyShape_gradientsMatchCentralDifferences(@ForAll @IntRange(min = 1, max = 6) int m,
            @ForAll @IntRange(min = 1, max = 6) int in, @ForAll @IntRange(min = 1, max = 6) int out,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TestData.strictCheck().assertGradients(new Linear(in, out, rng),
                TestData.uniform(m, in, rng), rng);
    }

    @Property(tries = TRIES, seed = SEED)
    void relu_anyShapeAwayFromKink_gradientsMatchCentralDifferences(
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TestData.strictCheck().assertGradients(new ReLU(), TestData.awayFromZero(m, n, rng), rng);
    }

    @Property(tries = TRIES, seed = SEED)
    void mse_anyShape_gradientsMatchCentralDifferences(@ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TestData.strictCheck().assertGradients(new MSELoss(), TestData.uniform(m, n, rng),
                TestData.uniform(m, n, rng));
    }

    /** Rows of P sum to 1 and rows of ∂L/∂Z to 0, whatever the logits. */
    @Property(tries = TRIES, seed = SEED)
    void softmax_anyShape_rowsAreDistributionsAndGradientRowsSumToZero(
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Softmax softmax = new Softmax();
        Matrix p = softmax.forward(Matrix.uniform(m, n, -50, 50, rng));
        Matrix gradSums = softmax.backward(TestData.uniform(m, n, rng)).rowSums();
        Matrix sums = p.rowSums();
        for (int r = 0; r < m; r++) {
            assertEquals(1, sums.get(r, 0), CLOSE);
            assertEquals(0, gradSums.get(r, 0), CLOSE);
        }
    }

    /** Softmax's gradient check, default tolerance: see SoftmaxTest for the 1e-7 cases. */
    @Property(tries = TRIES, seed = SEED)
    void softmax_anyShape_gradientsMatchCentralDifferences(
            @ForAll @IntRange(min = 1, max = 6) int m, @ForAll @IntRange(min = 2, max = 6) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        GradientCheck.Report report = new GradientCheck().check(new Softmax(),
                TestData.uniform(m, n, rng), rng);
        assertTrue(report.passed(), report::failureMessage);
    }
}
