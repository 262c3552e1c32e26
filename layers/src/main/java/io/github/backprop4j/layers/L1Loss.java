package io.github.backprop4j.layers;

/**
 * Mean absolute error over all m·n elements: L = (1/N) Σ_ij |Ŷ_ij − T_ij|, N = m·n.
 *
 * <pre>
 *   Ŷ (m×n) prediction    T (m×n) target    N = m·n
 *
 *   L = (1/N) Σ |Ŷ − T|       ∂L/∂Ŷ = (1/N) sign(Ŷ − T)    (m×n)
 * </pre>
 * |d| has a kink at d = 0, where it has no derivative; like PyTorch, this loss uses the
 * subgradient sign(0) = 0 there. Each error pulls with the same force whatever its size, so
 * a few outliers move the fit less than under {@link MSELoss}. Derivation and worked example:
 * {@code docs/derivations.md#l1}.
 */
public final class L1Loss extends AbstractLoss {

    /** The mean over all elements, PyTorch's default. */
    public L1Loss() {
        super("prediction");
    }

    /** L = (1/N) Σ |Ŷ − T|. */
    @Override
    protected double forward(double[] p, double[] t, int rows, int cols) {
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.abs(p[i] - t[i]);                     // Σ |Ŷ − T|
        }
        return sum / n;                                       // L = (1/N) Σ |Ŷ − T|
    }

    /**
     * ∂L/∂Ŷ, entry by entry.
     *
     * <pre>
     *   ∂L/∂Ŷ = (1/N) sign(Ŷ − T)    (m×n), N = m·n, with sign(0) = 0
     * </pre>
     * See {@code docs/derivations.md#l1}.
     */
    @Override
    protected void backward(double[] p, double[] t, double[] dp, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            dp[i] = Math.signum(p[i] - t[i]) / n;             // (1/N) sign(Ŷ − T)
        }
    }

    /** Structure: {@code L1Loss}. */
    @Override
    public String toString() {
        return "L1Loss";
    }
}
