package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Shapes;
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
public final class MSELoss implements Loss {

    private final Reduction reduction;
    private final Matrix difference = Matrix.zeros(0, 0);
    private final Matrix gradInput = Matrix.zeros(0, 0);
    private final ForwardGuard guard = new ForwardGuard("MSELoss", "forward(prediction, target)");

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
        this.reduction = Objects.requireNonNull(reduction, "MSELoss: reduction must not be null");
    }

    /**
     * Computes L and keeps Ŷ − T for backward.
     *
     * @param prediction Ŷ, (m×n) with m·n ≥ 1. Not modified.
     * @param target     T, (m×n). Not modified.
     * @return L; NaN if any entry is NaN
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    @Override
    public double forward(Matrix prediction, Matrix target) {
        Shapes.checkSameShape("MSELoss.forward", "prediction", prediction, "target", target);
        if (prediction.size() == 0) {
            throw new IllegalArgumentException("MSELoss.forward: prediction must not be empty, got "
                    + Shapes.shape(prediction));
        }
        MatrixOps.subtract(prediction, target, difference);              // D = Ŷ − T
        double sum = MatrixOps.sumSquaredDifference(prediction, target); // Σ D²
        guard.forwardDone();
        return reduction == Reduction.MEAN ? sum / prediction.size() : sum;
    }

    /**
     * Returns ∂L/∂Ŷ.
     *
     * <pre>
     *   MEAN:  ∂L/∂Ŷ = (2/N)(Ŷ − T)    (m×n), N = m·n
     *   SUM:   ∂L/∂Ŷ =   2 (Ŷ − T)     (m×n)
     * </pre>
     * See {@code docs/derivations.md#mse}.
     *
     * @return ∂L/∂Ŷ, (m×n). Owned by this loss; overwritten by the next backward call.
     * @throws IllegalStateException if forward has not been called
     */
    @Override
    public Matrix backward() {
        guard.checkBackward();
        double factor = reduction == Reduction.MEAN ? 2.0 / difference.size() : 2.0;
        MatrixOps.scale(factor, difference, gradInput);                  // (2/N)(Ŷ − T)
        return gradInput;
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
