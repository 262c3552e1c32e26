package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;

/**
 * Binary cross-entropy on logits, over all m·n elements: a sigmoid and the binary
 * cross-entropy fused into one stable formula, as PyTorch's {@code BCEWithLogitsLoss}.
 *
 * <pre>
 *   X (m×n) logits    T (m×n) targets in [0, 1]    N = m·n    σ(x) = 1 / (1 + e^−x)
 *
 *   ℓ(x, t) = −[t log σ(x) + (1 − t) log(1 − σ(x))]
 *           = max(x, 0) − x·t + log(1 + e^−|x|)
 *   L = (1/N) Σ ℓ(X, T)       ∂L/∂X = (1/N)(σ(X) − T)    (m×n)
 * </pre>
 * The second form of ℓ follows from log σ(x) = −log(1 + e^−x) and log(1 − σ(x)) = −x + log σ(x);
 * its exponent −|x| is never positive, so x = ±1000 gives a finite loss, where log σ(−1000)
 * computed from σ would be log 0 = −∞. Derivation and worked example:
 * {@code docs/derivations.md#bce}.
 */
public final class BCEWithLogitsLoss extends AbstractLoss {

    /** The mean over all elements, PyTorch's default. */
    public BCEWithLogitsLoss() {
        super("logits");
    }

    /**
     * Accepts targets in [0, 1] only.
     *
     * @throws IllegalArgumentException naming the row, column and value of the first other
     */
    @Override
    protected void checkTarget(double[] t, int rows, int cols) {
        checkProbabilities(t, rows, cols);
    }

    /** L = (1/N) Σ [max(x, 0) − x·t + log(1 + e^−|x|)]. */
    @Override
    protected double forward(double[] x, double[] t, int rows, int cols) {
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.max(x[i], 0) - x[i] * t[i]            // max(x, 0) − x·t
                    + Math.log1p(Math.exp(-Math.abs(x[i])));  //   + log(1 + e^−|x|)
        }
        return sum / n;                                       // L = (1/N) Σ ℓ
    }

    /**
     * ∂L/∂X, entry by entry.
     *
     * <pre>
     *   ∂L/∂X = (1/N)(σ(X) − T)    (m×n), N = m·n
     * </pre>
     * See {@code docs/derivations.md#bce}.
     */
    @Override
    protected void backward(double[] x, double[] t, double[] dx, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            dx[i] = (Sigmoid.sigmoid(x[i]) - t[i]) / n;       // (1/N)(σ(x) − t)
        }
    }

    /**
     * ln 2: logits of 0 give σ(0) = 1/2, and ℓ(0, t) = −[t log ½ + (1 − t) log ½] = ln 2 for
     * every target t in [0, 1]. Small initial weights give logits near 0.
     *
     * @param target T, (m×n); not used
     * @return ln 2
     */
    @Override
    public double expectedInitialLoss(Matrix target) {
        return Math.log(2);
    }

    /** Structure: {@code BCEWithLogitsLoss}. */
    @Override
    public String toString() {
        return "BCEWithLogitsLoss";
    }
}
