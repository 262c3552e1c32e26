package io.github.backprop4j.layers;

import java.util.List;

/**
 * Hyperbolic tangent, element-wise: Y = tanh(X) = (e^X − e^−X) / (e^X + e^−X).
 *
 * <pre>
 *   X (m×n) input    Y (m×n) output    G = ∂L/∂Y (m×n)
 *
 *   d tanh/dx = 1 − tanh²(x)
 *   ∂L/∂X = G ⊙ (1 − Y ⊙ Y)    (m×n) → (m×n)
 * </pre>
 * {@link Math#tanh} is stable on the whole line: it returns ±1 for |x| ≥ 20 or so, with no
 * overflow at ±1000, and then 1 − Y² is exactly 0. Derivation and worked example:
 * {@code docs/derivations.md#tanh}.
 */
public final class Tanh extends Activation {

    /** A tanh; it has no parameters. */
    public Tanh() {
    }

    /** Y = tanh(X), entry by entry. NaN stays NaN. */
    @Override
    protected void forward(double[] x, double[] y, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            y[i] = Math.tanh(x[i]);                            // Y = tanh(X)
        }
    }

    /**
     * ∂L/∂X, entry by entry; tanh has no parameters.
     *
     * <pre>
     *   ∂L/∂X = G ⊙ (1 − Y ⊙ Y)    (m×n), since d tanh/dx = 1 − tanh²(x)
     * </pre>
     * See {@code docs/derivations.md#tanh}.
     */
    @Override
    protected void backward(double[] x, double[] y, double[] g, double[] dx, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            dx[i] = g[i] * (1 - y[i] * y[i]);                  // ∂L/∂X = G ⊙ (1 − Y²)
        }
    }

    /**
     * One operator: {@link Operator.Type#TANH}.
     *
     * @return a list of that one operator
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.of(Operator.Type.TANH));
    }
}
