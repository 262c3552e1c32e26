package io.github.backprop4j.layers;

import java.util.Objects;

/**
 * Mean squared error over all m·n elements: L = (1/N) Σ_ij (Ŷ_ij − T_ij)², N = m·n.
 *
 * <pre>
 *   Ŷ (m×n) prediction    T (m×n) target    N = m·n
 *
 *   MEAN:  L = (1/N) Σ (Ŷ − T)²     ∂L/∂Ŷ = (2/N)(Ŷ − T)    (m×n)
 *   SUM:   L =       Σ (Ŷ − T)²     ∂L/∂Ŷ =   2 (Ŷ − T)     (m×n)
 * </pre>
 * The mean is over every element, not per sample: with two outputs per sample N is 2m.
 * Prediction and target must have the same shape; an (m×1) prediction is never broadcast
 * against a (1×m) or (m×2) target. Derivation and worked example:
 * {@code docs/derivations.md#mse}.
 */
public final class MSELoss extends AbstractLoss {

    private final Reduction reduction;

    /** The mean over all elements, PyTorch's default. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /**
     * The mean or the sum over all elements.
     *
     * @param reduction {@link Reduction#MEAN} or {@link Reduction#SUM}
     */
    public MSELoss(Reduction reduction) {
        super("prediction");
        this.reduction = Objects.requireNonNull(reduction, "MSELoss: reduction must not be null");
    }

    /** L = (1/N) Σ (Ŷ − T)² (or the sum). */
    @Override
    protected double forward(double[] p, double[] t, int rows, int cols) {
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = p[i] - t[i];                           // D = Ŷ − T
            sum += d * d;                                     // Σ D²
        }
        return reduction == Reduction.MEAN ? sum / n : sum;
    }

    /**
     * ∂L/∂Ŷ, entry by entry.
     *
     * <pre>
     *   MEAN:  ∂L/∂Ŷ = (2/N)(Ŷ − T)    (m×n), N = m·n
     *   SUM:   ∂L/∂Ŷ =   2 (Ŷ − T)     (m×n)
     * </pre>
     * See {@code docs/derivations.md#mse}.
     */
    @Override
    protected void backward(double[] p, double[] t, double[] dp, int rows, int cols) {
        int n = rows * cols;
        double factor = reduction == Reduction.MEAN ? 2.0 / n : 2.0;
        for (int i = 0; i < n; i++) {
            dp[i] = factor * (p[i] - t[i]);                   // (2/N)(Ŷ − T)
        }
    }

    /**
     * The reduction in use.
     *
     * @return {@link Reduction#MEAN} or {@link Reduction#SUM}
     */
    public Reduction reduction() {
        return reduction;
    }

    /** Structure: {@code MSELoss(reduction=MEAN)}. */
    @Override
    public String toString() {
        return "MSELoss(reduction=" + reduction + ")";
    }
}
