package io.github.backprop4j.layers;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Shapes;

/**
 * Cross-entropy on logits, averaged over the batch: a softmax over each row and the negative
 * log-likelihood fused into one stable formula, as PyTorch's {@code CrossEntropyLoss}.
 *
 * <pre>
 *   Z (m×K) logits    T (m×K) class probabilities per row    ε label smoothing, in [0, 1)
 *   log P = logSoftmax(Z), row by row      T̃ = (1 − ε) T + ε/K
 *
 *   L = −(1/m) Σ_i Σ_j T̃_ij log P_ij      ∂L/∂Z = (1/m)(P − T̃)    (m×K)
 * </pre>
 * The target is a probability distribution over the K classes for every sample: a one-hot row
 * for a hard label, or any row of non-negative numbers summing to 1.
 * {@link #forward(Matrix, int[])} takes the labels as class indices instead and means the
 * one-hot rows. Label smoothing mixes every target with the uniform distribution, as PyTorch
 * does for both kinds of target.
 *
 * <p>The gradient is the fused one: with log P from {@link LogSoftmax}'s log-sum-exp (the row
 * maximum subtracted first), L stays finite for logits of ±1000, and P − T̃ involves no division
 * by a probability that may have underflowed to 0, as a {@link Softmax} followed by a log would.
 * Derivation and worked example: {@code docs/derivations.md#cross-entropy}.
 */
public final class CrossEntropyLoss extends AbstractLoss {

    /** How far from 1 a row of class probabilities may sum. */
    public static final double SUM_TOLERANCE = 1e-9;

    private final double labelSmoothing;
    /** log P of the latest forward, (m×K). */
    private final Matrix logProbabilities = Matrix.zeros(0, 0);
    /** The one-hot rows of the latest class indices, (m×K). */
    private final Matrix oneHot = Matrix.zeros(0, 0);

    /** Cross-entropy without label smoothing. */
    public CrossEntropyLoss() {
        this(0.0);
    }

    /**
     * Cross-entropy with label smoothing ε: every target T becomes (1 − ε) T + ε/K.
     *
     * @param labelSmoothing ε, in [0, 1)
     * @throws IllegalArgumentException if ε is outside [0, 1), or NaN
     */
    public CrossEntropyLoss(double labelSmoothing) {
        super("logits");
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: labelSmoothing must be in"
                    + " [0, 1), got " + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
    }

    /**
     * The loss for labels given as class indices: the same as {@link #forward(Matrix, Matrix)}
     * with the one-hot rows of {@code classes}.
     *
     * @param logits  Z, (m×K). Not modified.
     * @param classes the class of each row, m indices in [0, K). Not modified.
     * @return L
     * @throws IllegalArgumentException if {@code classes} does not have m entries, or one is
     *                                  outside [0, K), naming the row and the value
     */
    public double forward(Matrix logits, int[] classes) {
        int m = logits.rows();
        int k = logits.cols();
        if (classes == null || classes.length != m) {
            throw targetError("classes must have one index per row of logits ("
                    + Shapes.shape(logits) + "), got " + (classes == null ? "null"
                    : classes.length + " indices"));
        }
        oneHot.reshape(m, k);
        MatrixOps.fill(oneHot, 0);
        for (int r = 0; r < m; r++) {
            if (classes[r] < 0 || classes[r] >= k) {
                throw targetError("class index of row " + r + " must be in [0, " + k + "), got "
                        + classes[r]);
            }
            oneHot.set(r, classes[r], 1);                     // T_ir = [r = class_i]
        }
        return forward(logits, oneHot);
    }

    /**
     * Accepts rows of class probabilities only: each entry in [0, 1], each row summing to 1
     * within {@value #SUM_TOLERANCE}.
     *
     * @throws IllegalArgumentException naming the row and the value
     */
    @Override
    protected void checkTarget(double[] t, int rows, int cols) {
        checkProbabilities(t, rows, cols);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                sum += t[r * cols + j];
            }
            if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
                throw targetError("target row " + r + " must sum to 1 (class probabilities),"
                        + " got " + sum);
            }
        }
    }

    /** L = −(1/m) Σ T̃ ⊙ log P, with log P by the log-sum-exp of each row. */
    @Override
    protected double forward(double[] z, double[] t, int rows, int cols) {
        logProbabilities.reshape(rows, cols);
        double[] logP = logProbabilities.unwrap().data;
        LogSoftmax.logSoftmax("CrossEntropyLoss.forward", z, logP, rows, cols); // log P
        double sum = 0;
        for (int i = 0, n = rows * cols; i < n; i++) {
            double smoothed = smooth(t[i], cols);             // T̃ = (1 − ε) T + ε/K
            if (smoothed != 0) {
                sum -= smoothed * logP[i];                    // −Σ T̃ log P; 0·log P is 0
            }
        }
        return sum / rows;                                    // L = −(1/m) Σ T̃ log P
    }

    /**
     * ∂L/∂Z, entry by entry: the fused softmax-cross-entropy gradient.
     *
     * <pre>
     *   ∂L/∂Z = (1/m)(P − T̃)    (m×K), P = exp(log P) = softmax(Z), T̃ = (1 − ε) T + ε/K
     * </pre>
     * valid because every row of T̃ sums to 1. See {@code docs/derivations.md#cross-entropy}.
     */
    @Override
    protected void backward(double[] z, double[] t, double[] dz, int rows, int cols) {
        double[] logP = logProbabilities.unwrap().data;
        for (int i = 0, n = rows * cols; i < n; i++) {
            dz[i] = (Math.exp(logP[i]) - smooth(t[i], cols)) / rows; // (1/m)(P − T̃)
        }
    }

    /** T̃ = (1 − ε) t + ε/K for one entry. */
    private double smooth(double t, int classes) {
        return labelSmoothing == 0 ? t : (1 - labelSmoothing) * t + labelSmoothing / classes;
    }

    /**
     * ln K for K classes: equal logits give each class probability 1/K, so every row's loss is
     * −Σ_j T̃_ij log(1/K) = ln K, since each row of T̃ sums to 1 (with or without label
     * smoothing). Small initial weights give nearly equal logits.
     *
     * @param target T, (m×K); only its width K is used
     * @return ln K
     */
    @Override
    public double expectedInitialLoss(Matrix target) {
        return Math.log(target.cols());
    }

    /**
     * The label smoothing in use.
     *
     * @return ε
     */
    public double labelSmoothing() {
        return labelSmoothing;
    }

    /** Structure: {@code CrossEntropyLoss(labelSmoothing=0.0)}. */
    @Override
    public String toString() {
        return "CrossEntropyLoss(labelSmoothing=" + labelSmoothing + ")";
    }
}
