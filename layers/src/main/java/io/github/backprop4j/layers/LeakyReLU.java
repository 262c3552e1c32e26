package io.github.backprop4j.layers;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Leaky rectified linear unit, element-wise: Y = X where X &gt; 0, and a·X elsewhere, for a
 * negative slope a (0.01 by default, as in PyTorch).
 *
 * <pre>
 *   X (m×n) input    Y (m×n) output    G = ∂L/∂Y (m×n)    a negative slope
 *
 *   ∂L/∂X = G ⊙ ([X &gt; 0] + a·[X ≤ 0])    (m×n) → (m×n)
 * </pre>
 * Like {@link ReLU} it has a kink at 0, where it has no derivative; like PyTorch, this layer
 * uses the slope a there. Unlike ReLU's, its gradient never vanishes for negative inputs.
 * A NaN input gives a NaN output. Derivation and worked example:
 * {@code docs/derivations.md#leakyrelu}.
 *
 * <p>Because of the kink, {@link #kinkSides} tells {@link GradientCheck} which side of 0 each
 * input lay on, as ReLU does.
 */
public final class LeakyReLU extends Activation {

    /** PyTorch's default negative slope. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.01;

    private final double negativeSlope;

    /** A leaky ReLU with PyTorch's default negative slope, 0.01. */
    public LeakyReLU() {
        this(DEFAULT_NEGATIVE_SLOPE);
    }

    /**
     * A leaky ReLU with the given slope for negative inputs.
     *
     * @param negativeSlope a, finite; 0 gives ReLU, and PyTorch allows any value
     * @throws IllegalArgumentException if {@code negativeSlope} is NaN or infinite
     */
    public LeakyReLU(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("LeakyReLU: negativeSlope must be finite, got "
                    + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    /** Y = X where X &gt; 0, a·X elsewhere, entry by entry, as PyTorch's branch. */
    @Override
    protected void forward(double[] x, double[] y, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            y[i] = x[i] > 0 ? x[i] : negativeSlope * x[i];     // Y = X or a·X
        }
    }

    /**
     * ∂L/∂X, entry by entry; the slope a is a hyperparameter, not a parameter.
     *
     * <pre>
     *   ∂L/∂X = G ⊙ ([X &gt; 0] + a·[X ≤ 0])    (m×n), with a at the kink X = 0
     * </pre>
     * See {@code docs/derivations.md#leakyrelu}.
     */
    @Override
    protected void backward(double[] x, double[] y, double[] g, double[] dx, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            dx[i] = x[i] > 0 ? g[i] : negativeSlope * g[i];    // ∂L/∂X = G or a·G
        }
    }

    /**
     * Reports, for every input of the latest forward, which side of the kink at 0 it lay on:
     * 1 where X &gt; 0, 0 elsewhere (read from X: with a negative slope a, Y's sign says
     * nothing).
     *
     * @param sides receives m·n numbers in row-major order
     */
    @Override
    public void kinkSides(IntConsumer sides) {
        if (input() == null) {
            return;
        }
        double[] x = input().unwrap().data;
        for (int i = 0, n = input().size(); i < n; i++) {
            sides.accept(x[i] > 0 ? 1 : 0);                    // [X > 0]
        }
    }

    /**
     * The slope for negative inputs.
     *
     * @return a
     */
    public double negativeSlope() {
        return negativeSlope;
    }

    /** Structure: {@code LeakyReLU(negativeSlope=0.01)}. */
    @Override
    public String toString() {
        return "LeakyReLU(negativeSlope=" + negativeSlope + ")";
    }

    /**
     * One operator: {@link Operator.Type#LEAKY_RELU} with this layer's negative slope.
     *
     * @return a list of that one operator
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.leakyRelu(negativeSlope));
    }
}
