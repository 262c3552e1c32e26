package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import java.util.List;

/**
 * Softmax over each row: P_ij = exp(Z_ij) / Σ_l exp(Z_il), so every row of P is a probability
 * distribution.
 *
 * <pre>
 *   Z (m×n) logits    P (m×n) output    G = ∂L/∂P (m×n)
 *
 *   per row, p = softmax(z):   ∂p_i/∂z_j = p_i(δ_ij − p_j),  i.e.  J = diag(p) − p·pᵀ   (n×n)
 *   ∂L/∂z = Jᵀ·g = p ⊙ (g − (g·p) 1)      (g·p) = Σ_j g_j p_j, one number per row
 *   for the batch: ∂L/∂Z = P ⊙ (G − rowSum(G ⊙ P) 1ᵀ)    (m×n)
 * </pre>
 * The Jacobian J is never formed: the vector-Jacobian product costs O(n) per row instead of
 * O(n²). Forward subtracts each row's maximum before {@code exp}, which leaves P unchanged and
 * keeps logits such as 1000 from overflowing. A NaN in a row makes that whole row NaN.
 * Derivation and worked example: {@code docs/derivations.md#softmax}.
 */
public final class Softmax implements Layer {

    private final Matrix output = Matrix.zeros(0, 0);
    private final Matrix gradInput = Matrix.zeros(0, 0);
    private boolean forwardDone;

    /** A row-wise softmax; it has no parameters. */
    public Softmax() {
    }

    /**
     * Computes P = softmax(Z) row by row, subtracting each row's maximum first.
     *
     * @param input Z, (m×n) logits with n ≥ 1. Not modified.
     * @return P, (m×n), each row summing to 1. Owned by this layer and overwritten by the next
     *     call to {@code forward}.
     * @throws IllegalArgumentException if Z has no columns
     */
    @Override
    public Matrix forward(Matrix input) {
        if (input.cols() == 0) {
            throw new IllegalArgumentException("Softmax.forward: input must have at least one"
                    + " column, got " + Shapes.shape(input));
        }
        MatrixOps.softmaxRows(input, output);  // P = exp(Z − max) / Σ exp(Z − max), per row
        forwardDone = true;
        return output;
    }

    /**
     * Returns ∂L/∂Z, the vector-Jacobian product of each row; softmax has no parameters.
     *
     * <pre>
     *   ∂L/∂Z = P ⊙ (G − rowSum(G ⊙ P) 1ᵀ)    (m×n) ⊙ ((m×n) − (m×1)(1×n)) → (m×n)
     * </pre>
     * which is, row by row, gᵀ·J with J = diag(p) − p·pᵀ, the Jacobian ∂p_i/∂z_j = p_i(δ_ij − p_j).
     * See {@code docs/derivations.md#softmax}.
     *
     * @param gradOutput G = ∂L/∂P, (m×n). Not modified.
     * @return ∂L/∂Z, (m×n). Owned by this layer; overwritten by the next backward call.
     * @throws IllegalStateException    if forward has not been called
     * @throws IllegalArgumentException if G is not (m×n)
     */
    @Override
    public Matrix backward(Matrix gradOutput) {
        if (!forwardDone) {
            throw new IllegalStateException("Softmax.backward: called before forward;"
                    + " call forward(input) first");
        }
        Shapes.checkSameShape("Softmax.backward", "gradOutput", gradOutput, "output", output);
        MatrixOps.softmaxBackward(output, gradOutput, gradInput);  // P ⊙ (G − (G·P) 1)
        return gradInput;
    }

    /**
     * None.
     *
     * @return an empty list
     */
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** Structure: {@code Softmax}. */
    @Override
    public String toString() {
        return "Softmax";
    }
}
