package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
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
     * The loss of predicting each column's mean: the targets' variance per column (population,
     * divided by m), averaged over the columns; with {@link Reduction#SUM} the sum of the
     * squared deviations instead. A fresh network whose outputs sit near the targets' mean
     * starts about here; one that starts near 0 starts near the mean of T² instead, which is
     * the same for centred targets.
     *
     * <pre>
     *   MEAN:  (1/N) Σ_ij (T_ij − μ_j)²,   μ_j = (1/m) Σ_i T_ij     SUM:  Σ_ij (T_ij − μ_j)²
     * </pre>
     *
     * @param target T, (m×n). Not modified.
     * @return the baseline loss; NaN for an empty target
     */
    @Override
    public double expectedInitialLoss(Matrix target) {
        int m = target.rows();
        int n = target.cols();
        if (m * n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += target.get(i, j) / m;                 // μ_j
            }
            for (int i = 0; i < m; i++) {
                double d = target.get(i, j) - mean;
                sum += d * d;                                 // Σ (T_ij − μ_j)²
            }
        }
        return reduction == Reduction.MEAN ? sum / (m * n) : sum;
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
