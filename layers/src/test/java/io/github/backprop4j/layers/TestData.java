package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Random test matrices, including ones kept away from the kinks of ReLU. */
final class TestData {

    /** The tolerance the tests demand of every gradient check: tighter than the default. */
    static final double GRADIENT_TOLERANCE = 1e-7;
    /** How far from 0 inputs of kinked functions stay in gradient checks. */
    static final double KINK_MARGIN = 1e-3;

    private TestData() {
    }

    /** Uniform entries on [−1, 1). */
    static Matrix uniform(int rows, int cols, RandomGenerator rng) {
        return Matrix.uniform(rows, cols, -1, 1, rng);
    }

    /** Entries with |x| in [0.05, 1) and a random sign: far from ReLU's kink. */
    static Matrix awayFromZero(int rows, int cols, RandomGenerator rng) {
        Matrix x = Matrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double magnitude = rng.nextDouble(0.05, 1);
                x.set(r, c, rng.nextBoolean() ? magnitude : -magnitude);
            }
        }
        return x;
    }

    /**
     * The gradient check of the losses on logits: a step of 1e-5 and the default tolerance
     * 1e-6, as for {@link Softmax}. L is of order 1 while an entry of ∂L/∂Z is of order 1/m and
     * may lie near 0 (where the prediction is close to the target), so the rounding of
     * L⁺ − L⁻, about 1e-16·L/h, dominates the central difference; at h = 1e-5 it is ten times
     * smaller than at 1e-6, and the truncation error (of order h²) stays below it. Most entries
     * still agree to 1e-8.
     */
    static GradientCheck logitLossCheck() {
        return new GradientCheck().withStep(1e-5);
    }

    /** What {@link Layer#kinkSides} reports after the latest forward, as an array. */
    static int[] kinkSides(Layer layer) {
        IntStream.Builder sides = IntStream.builder();
        layer.kinkSides(sides);
        return sides.build().toArray();
    }

    /** The gradient check every layer test uses: default step, tolerance 1e-7. */
    static GradientCheck strictCheck() {
        return new GradientCheck().withTolerance(GRADIENT_TOLERANCE);
    }
}
