package io.github.backprop4j.layers;

/**
 * Huber loss over all m·n elements: quadratic for errors up to δ, linear beyond, with δ = 1
 * by default, as PyTorch's {@code HuberLoss}.
 *
 * <pre>
 *   Ŷ (m×n) prediction    T (m×n) target    D = Ŷ − T    N = m·n    δ &gt; 0
 *
 *   h(d) = ½ d²              for |d| ≤ δ
 *          δ (|d| − ½ δ)     for |d| &gt; δ
 *   L = (1/N) Σ h(D)         ∂L/∂Ŷ = (1/N) clamp(D, −δ, δ)    (m×n)
 * </pre>
 * The two pieces meet at |d| = δ with the same value ½δ² and the same slope ±δ, so h has a
 * derivative everywhere: MSE near the target, L1 (times δ) far from it, and an outlier's pull is
 * at most δ. Derivation and worked example: {@code docs/derivations.md#huber}.
 */
public final class HuberLoss extends AbstractLoss {

    /** PyTorch's default δ. */
    public static final double DEFAULT_DELTA = 1.0;

    private final double delta;

    /** The Huber loss with δ = 1, PyTorch's default. */
    public HuberLoss() {
        this(DEFAULT_DELTA);
    }

    /**
     * The Huber loss with the given δ.
     *
     * @param delta δ, where the quadratic piece turns linear; positive and finite
     * @throws IllegalArgumentException if {@code delta} is not positive and finite
     */
    public HuberLoss(double delta) {
        super("prediction");
        if (!(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive and finite, got "
                    + delta);
        }
        this.delta = delta;
    }

    /** L = (1/N) Σ h(Ŷ − T). */
    @Override
    protected double forward(double[] p, double[] t, int rows, int cols) {
        int n = rows * cols;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double z = Math.abs(p[i] - t[i]);                 // |d|
            sum += z < delta ? 0.5 * z * z                    // ½ d²          for |d| < δ
                    : delta * (z - 0.5 * delta);              // δ (|d| − ½δ)  otherwise
        }
        return sum / n;                                       // L = (1/N) Σ h(D)
    }

    /**
     * ∂L/∂Ŷ, entry by entry.
     *
     * <pre>
     *   ∂L/∂Ŷ = (1/N) clamp(Ŷ − T, −δ, δ)    (m×n), N = m·n
     * </pre>
     * since h'(d) = d for |d| ≤ δ and δ·sign(d) beyond. See {@code docs/derivations.md#huber}.
     */
    @Override
    protected void backward(double[] p, double[] t, double[] dp, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double d = p[i] - t[i];                           // d = ŷ − t
            dp[i] = Math.max(-delta, Math.min(d, delta)) / n; // (1/N) clamp(d, −δ, δ)
        }
    }

    /**
     * The point where the loss turns from quadratic to linear.
     *
     * @return δ
     */
    public double delta() {
        return delta;
    }

    /** Structure: {@code HuberLoss(delta=1.0)}. */
    @Override
    public String toString() {
        return "HuberLoss(delta=" + delta + ")";
    }
}
