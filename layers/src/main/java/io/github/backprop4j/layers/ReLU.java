package io.github.backprop4j.layers;

import java.util.function.IntConsumer;

/**
 * Rectified linear unit, element-wise: Y = max(X, 0).
 *
 * <pre>
 *   X (m×n) input    Y (m×n) output    G = ∂L/∂Y (m×n)
 *
 *   ∂L/∂X = G ⊙ [X &gt; 0]    (m×n) ⊙ (m×n) → (m×n)
 * </pre>
 * {@code [X > 0]} is 1 where the input is positive and 0 elsewhere. ReLU has a kink at 0, where
 * it has no derivative; like PyTorch, this layer uses 0 there. A NaN input gives a NaN output
 * and a zero gradient. Derivation and worked example: {@code docs/derivations.md#relu}.
 *
 * <p>Because of the kink, a finite-difference check is unreliable for inputs within the step h
 * of 0; {@link #kinkSides} tells {@link GradientCheck} which side of 0 each input lay on, so
 * that it can flag a perturbation that crossed it.
 */
public final class ReLU extends Activation {

    /** A ReLU; it has no parameters. */
    public ReLU() {
    }

    /**
     * Y = max(X, 0), entry by entry. {@code Math.max} keeps a NaN input NaN, as PyTorch does,
     * and compiles to a vector instruction, with no branch to mispredict.
     */
    @Override
    protected void forward(double[] x, double[] y, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            y[i] = Math.max(x[i], 0.0);                       // Y = max(X, 0)
        }
    }

    /**
     * ∂L/∂X, entry by entry; ReLU has no parameters.
     *
     * <pre>
     *   ∂L/∂X = G ⊙ [X &gt; 0]    (m×n) ⊙ (m×n) → (m×n), with 0 at the kink X = 0
     * </pre>
     * See {@code docs/derivations.md#relu}.
     */
    @Override
    protected void backward(double[] x, double[] y, double[] g, double[] dx, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            dx[i] = x[i] > 0 ? g[i] : 0;                      // ∂L/∂X = G ⊙ [X > 0]
        }
    }

    /**
     * Reports, for every input of the latest forward, which side of the kink at 0 it lay on:
     * 1 where X &gt; 0, 0 elsewhere (read from Y, which is positive exactly where X is).
     *
     * @param sides receives m·n numbers in row-major order
     */
    @Override
    public void kinkSides(IntConsumer sides) {
        double[] y = output().unwrap().data;
        for (int i = 0, n = output().size(); i < n; i++) {
            sides.accept(y[i] > 0 ? 1 : 0);                   // [X > 0] = [Y > 0]
        }
    }
}
