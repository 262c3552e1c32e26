package io.github.backprop4j.layers;

import java.util.List;

/**
 * Log-softmax over each row: Y_ij = Z_ij − log Σ_l exp(Z_il), the logarithm of
 * {@link Softmax}'s output computed without ever forming it.
 *
 * <pre>
 *   Z (m×n) logits    Y (m×n) output    G = ∂L/∂Y (m×n)    P = exp(Y) = softmax(Z)
 *
 *   per row:  ∂y_i/∂z_j = δ_ij − p_j
 *   ∂L/∂z_j = Σ_i g_i (δ_ij − p_j) = g_j − p_j Σ_i g_i
 *   for the batch: ∂L/∂Z = G − P ⊙ (rowSum(G) 1ᵀ)    (m×n) − (m×n) ⊙ ((m×1)(1×n)) → (m×n)
 * </pre>
 * Forward is the log-sum-exp with each row's maximum c subtracted first:
 * log Σ exp(z_l) = c + log Σ exp(z_l − c). Every exponent is then ≤ 0 and the largest is 0, so
 * the sum lies in [1, n]: no overflow at z = 1000, and no log(0) = −∞ at z = −1000, where
 * {@code log(softmax(z))} would give −∞. A NaN in a row makes that row NaN. Derivation and
 * worked example: {@code docs/derivations.md#logsoftmax}.
 */
public final class LogSoftmax extends Activation {

    /** A row-wise log-softmax; it has no parameters. */
    public LogSoftmax() {
    }

    /**
     * Fills {@code y} with the log-softmax of each row of {@code z}, both (rows×cols) row-major;
     * shared with {@link CrossEntropyLoss}, which applies it to its logits.
     *
     * @param op   the operation named if {@code cols} is 0, e.g. {@code "LogSoftmax.forward"}
     * @param z    Z; read only
     * @param y    Y, to be written; may be {@code z}
     * @param rows m
     * @param cols n, at least 1
     * @throws IllegalArgumentException if {@code cols} is 0
     */
    static void logSoftmax(String op, double[] z, double[] y, int rows, int cols) {
        if (cols == 0) {
            throw new IllegalArgumentException(op + ": input must have at least one column, got "
                    + rows + "x" + cols);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double max = Softmax.rowMax(z, row, cols);        // c = max_j z_j
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += Math.exp(z[row + j] - max);            // S = Σ_l exp(z_l − c), in [1, n]
            }
            double logSumExp = max + Math.log(sum);           // log Σ_l exp(z_l) = c + log S
            for (int j = 0; j < cols; j++) {
                y[row + j] = z[row + j] - logSumExp;          // y_j = z_j − log Σ_l exp(z_l)
            }
        }
    }

    /**
     * Y = log softmax(Z), row by row, through the log-sum-exp with the row maximum.
     *
     * @throws IllegalArgumentException if Z has no columns
     */
    @Override
    protected void forward(double[] z, double[] y, int rows, int cols) {
        logSoftmax("LogSoftmax.forward", z, y, rows, cols);
    }

    /**
     * ∂L/∂Z, the vector-Jacobian product of each row; log-softmax has no parameters.
     *
     * <pre>
     *   ∂L/∂Z = G − exp(Y) ⊙ (rowSum(G) 1ᵀ)    (m×n), since ∂y_i/∂z_j = δ_ij − p_j
     * </pre>
     * See {@code docs/derivations.md#logsoftmax}.
     */
    @Override
    protected void backward(double[] z, double[] y, double[] g, double[] dz, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += g[row + j];                            // Σ_i g_i
            }
            for (int j = 0; j < cols; j++) {
                dz[row + j] = g[row + j] - Math.exp(y[row + j]) * sum; // g_j − p_j Σ_i g_i
            }
        }
    }

    /**
     * One operator: {@link Operator.Type#LOG_SOFTMAX}, over each row.
     *
     * @return a list of that one operator
     */
    @Override
    public List<Operator> operators() {
        return List.of(Operator.of(Operator.Type.LOG_SOFTMAX));
    }
}
