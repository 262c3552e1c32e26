package io.github.backprop4j.layers;

import java.util.List;

/**
 * Logistic sigmoid, element-wise: Y = σ(X) = 1 / (1 + exp(−X)).
 *
 * <pre>
 *   X (m×n) input    Y (m×n) output    G = ∂L/∂Y (m×n)
 *
 *   dσ/dx = σ(x)(1 − σ(x))
 *   ∂L/∂X = G ⊙ Y ⊙ (1 − Y)    (m×n) ⊙ (m×n) ⊙ (m×n) → (m×n)
 * </pre>
 * The derivative is written with Y, which forward has already computed. Forward never takes
 * {@code exp} of a positive number: for x &lt; 0 it uses the equal form e^x / (1 + e^x), so that
 * x = −1000 gives 0 instead of 1/(1 + ∞) through an overflow, and x = 1000 gives exactly 1.
 * Derivation and worked example: {@code docs/derivations.md#sigmoid}.
 */
public final class Sigmoid extends Activation {

    /** A sigmoid; it has no parameters. */
    public Sigmoid() {
    }

    /**
     * σ(x) without overflow: 1 / (1 + e^−x) for x ≥ 0, e^x / (1 + e^x) for x &lt; 0; in both
     * the exponent is ≤ 0, so e is in (0, 1]. NaN stays NaN.
     *
     * @param x any double
     * @return σ(x), in [0, 1]
     */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));                 // σ(x) = 1 / (1 + e^−x)
        }
        double e = Math.exp(x);
        return e / (1.0 + e);                                  // σ(x) = e^x / (1 + e^x)
    }

    /** Y = σ(X), entry by entry, with {@link #sigmoid(double)}. */
    @Override
    protected void forward(double[] x, double[] y, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            y[i] = sigmoid(x[i]);                              // Y = σ(X)
        }
    }

    /**
     * ∂L/∂X, entry by entry; the sigmoid has no parameters.
     *
     * <pre>
     *   ∂L/∂X = G ⊙ Y ⊙ (1 − Y)    (m×n), since dσ/dx = σ(x)(1 − σ(x))
     * </pre>
     * See {@code docs/derivations.md#sigmoid}.
     */
    @Override
    protected void backward(double[] x, double[] y, double[] g, double[] dx, int rows, int cols) {
        for (int i = 0, n = rows * cols; i < n; i++) {
            dx[i] = g[i] * (1 - y[i]) * y[i];                  // ∂L/∂X = G ⊙ (1 − Y) ⊙ Y
        }
    }

    /**
     * One operator: {@link Operator.Type#SIGMOID}.
     *
     * @return a list of that one operator
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.of(Operator.Type.SIGMOID));
    }
}
