package io.github.backprop4j.layers;

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
public final class Softmax extends Activation {

    /** A row-wise softmax; it has no parameters. */
    public Softmax() {
    }

    /**
     * P = softmax(Z), row by row, subtracting each row's maximum c first:
     * p_j = exp(z_j − c) / Σ_l exp(z_l − c).
     *
     * @throws IllegalArgumentException if Z has no columns
     */
    @Override
    protected void forward(double[] z, double[] p, int rows, int cols) {
        if (cols == 0) {
            throw new IllegalArgumentException("Softmax.forward: input must have at least one"
                    + " column, got " + rows + "x" + cols);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double max = rowMax(z, row, cols);                // c = max_j z_j
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                p[row + j] = Math.exp(z[row + j] - max);      // e_j = exp(z_j − c)
                sum += p[row + j];                            // S = Σ_l e_l
            }
            double inverse = 1.0 / sum;
            for (int j = 0; j < cols; j++) {
                p[row + j] *= inverse;                        // p_j = e_j / S
            }
        }
    }

    /**
     * The maximum of one row, c = max_j z_j, which {@link Softmax} and {@link LogSoftmax}
     * subtract before {@code exp}. NaN if the row's first entry is NaN; {@code Math.max} keeps
     * any other NaN.
     *
     * @param z    a (rows×cols) matrix in row-major order
     * @param row  the index of the row's first entry, r·cols
     * @param cols the row's length, at least 1
     * @return c
     */
    static double rowMax(double[] z, int row, int cols) {
        double max = z[row];
        for (int j = 1; j < cols; j++) {
            max = Math.max(max, z[row + j]);                  // c = max_j z_j
        }
        return max;
    }

    /**
     * ∂L/∂Z, the vector-Jacobian product of each row; softmax has no parameters.
     *
     * <pre>
     *   ∂L/∂Z = P ⊙ (G − rowSum(G ⊙ P) 1ᵀ)    (m×n) ⊙ ((m×n) − (m×1)(1×n)) → (m×n)
     * </pre>
     * which is, row by row, gᵀ·J with J = diag(p) − p·pᵀ, the Jacobian ∂p_i/∂z_j = p_i(δ_ij − p_j).
     * See {@code docs/derivations.md#softmax}.
     */
    @Override
    protected void backward(double[] z, double[] p, double[] g, double[] dz, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += g[row + j] * p[row + j];               // g·p = Σ_j g_j p_j
            }
            for (int j = 0; j < cols; j++) {
                dz[row + j] = p[row + j] * (g[row + j] - dot); // ∂L/∂z_j = p_j (g_j − g·p)
            }
        }
    }

    /**
     * One operator: {@link Operator.Type#SOFTMAX}, over each row.
     *
     * @return a list of that one operator
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.of(Operator.Type.SOFTMAX));
    }
}
