package io.github.backprop4j.optim;

import io.github.backprop4j.core.Parameter;
import java.util.List;
import java.util.Objects;

/**
 * Operations on the gradients of a list of parameters, between the backward pass and the
 * optimizer's step.
 */
public final class Gradients {

    /** Added to the norm before dividing, as PyTorch does, so that a zero norm divides safely. */
    private static final double NORM_EPS = 1e-6;

    private static final Range MAX_NORM = Range.positive();

    private Gradients() {
    }

    /**
     * Scales all the gradients together so that their total L2 norm is at most about
     * {@code maxNorm}, as {@code torch.nn.utils.clip_grad_norm_} does:
     * <pre>
     *   ‖g‖ = √(Σ g²)                   over every entry of every gradient, as one vector
     *   c = maxNorm / (‖g‖ + 1e-6)
     *   g ← c·g   for every gradient    only if c &lt; 1; otherwise they are left as they are
     * </pre>
     * The direction of the whole gradient is kept and only its length is cut, so a step after a
     * rare very large gradient stays bounded. The 1e-6 keeps the division finite for a zero
     * gradient and leaves a clipped norm a hair under {@code maxNorm}. Call it after backward and
     * before {@code optimizer.step()}:
     * <pre>{@code
     * model.backward(lossFn.backward());
     * double norm = Gradients.clipNorm(optimizer.parameters(), 1.0);   // before clipping
     * optimizer.step();
     * }</pre>
     * Allocates nothing. See {@code docs/optimizers.md#gradient-clipping}.
     *
     * @param params  the parameters whose gradients to clip, in place; may be empty (norm 0)
     * @param maxNorm the largest total norm allowed, finite and {@code > 0}
     * @return the total norm ‖g‖ before clipping, as PyTorch returns it
     * @throws IllegalArgumentException if {@code maxNorm} is not finite and positive, or if a
     *                                  gradient entry is NaN or infinite or the norm overflows
     *                                  (the gradients are then unchanged; PyTorch would scale
     *                                  them all to NaN)
     */
    public static double clipNorm(List<Parameter> params, double maxNorm) {
        Objects.requireNonNull(params, "Gradients.clipNorm: params must not be null");
        MAX_NORM.check("Gradients.clipNorm", "maxNorm", maxNorm);
        double sumOfSquares = 0;
        for (int i = 0, n = params.size(); i < n; i++) {
            double[] g = params.get(i).grad().unwrap().data;
            for (int k = 0, size = params.get(i).grad().size(); k < size; k++) {
                sumOfSquares += g[k] * g[k];                            // Σ g²
            }
        }
        double norm = Math.sqrt(sumOfSquares);                          // ‖g‖
        if (!Double.isFinite(norm)) {
            throw new IllegalArgumentException(nonFinite(params, norm));
        }
        double coefficient = maxNorm / (norm + NORM_EPS);               // c = maxNorm / (‖g‖ + ε)
        if (coefficient < 1) {
            for (int i = 0, n = params.size(); i < n; i++) {
                double[] g = params.get(i).grad().unwrap().data;
                for (int k = 0, size = params.get(i).grad().size(); k < size; k++) {
                    g[k] *= coefficient;                                // g ← c·g
                }
            }
        }
        return norm;
    }

    /** Names the first entry that is not finite, or says that the squares overflowed. */
    private static String nonFinite(List<Parameter> params, double norm) {
        for (Parameter p : params) {
            for (int r = 0; r < p.grad().rows(); r++) {
                for (int c = 0; c < p.grad().cols(); c++) {
                    double x = p.grad().get(r, c);
                    if (!Double.isFinite(x)) {
                        return "Gradients.clipNorm: gradients must be finite, got " + x
                                + " in the gradient of " + p + " at (" + r + "," + c + ")";
                    }
                }
            }
        }
        return "Gradients.clipNorm: the total norm of the gradients must be finite, got " + norm
                + " (the sum of their squares overflows)";
    }
}
