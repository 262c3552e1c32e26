package io.github.backprop4j.train;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
import java.util.Objects;

/**
 * Scores of predictions against targets, defined as scikit-learn defines them: regression
 * errors and R², accuracy, top-k accuracy and the row arg-max that turns scores into classes.
 * {@link ConfusionMatrix} adds precision, recall and F1 per class.
 *
 * <p>A batch of predictions is (m×n): m samples, n outputs (or n class scores). Every method
 * that takes two matrices fits {@link Metric}, so it can be given to a {@link Trainer} as
 * {@code Metrics::rmse}.
 *
 * <h2>Regression</h2>
 * <pre>
 *   per output j, over the m rows i:
 *     MSE_j  = (1/m) Σ_i (ŷ_ij − y_ij)²              mean_squared_error
 *     RMSE_j = √MSE_j                                root_mean_squared_error
 *     MAE_j  = (1/m) Σ_i |ŷ_ij − y_ij|               mean_absolute_error
 *     R²_j   = 1 − Σ_i (ŷ_ij − y_ij)² / Σ_i (y_ij − ȳ_j)²       r2_score, ȳ_j the mean of y's column j
 *   averaged: the plain mean over the n outputs (scikit-learn's multioutput='uniform_average')
 * </pre>
 * So with several outputs, {@link #rmse} is the mean of the per-output RMSEs, not the root of
 * {@link #mse}, as scikit-learn computes it; with one output the two agree. (The mean of the
 * per-output MSEs equals the mean over all m·n entries.)
 *
 * <p><b>R² of a constant target.</b> When a column of y is constant, Σ (y − ȳ)² = 0 and the
 * ratio is undefined. Like scikit-learn's {@code r2_score} (with its default
 * {@code force_finite=True}), the column scores 1.0 if the predictions are exact and 0.0
 * otherwise, instead of NaN or −∞. R² needs at least two rows; scikit-learn returns NaN with a
 * warning for one, these methods throw.
 *
 * <h2>Classification</h2>
 * The predicted class of a row of scores (logits or probabilities) is its {@link #argMax}: the
 * column of the largest score, the first one on ties, as {@code numpy.argmax}. Accuracy is the
 * share of rows whose predicted class is the true one ({@code accuracy_score}). Top-k accuracy
 * counts a row as right when the true class is among its k highest scores
 * ({@code top_k_accuracy_score}); see {@link #topKAccuracy} for ties.
 *
 * <p>Every method checks its inputs: the two matrices must have the same shape and at least one
 * row and one column, class arrays one entry per row, each in range. NaN scores are not checked:
 * they make the regression scores NaN, as in scikit-learn.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Mean squared error, averaged over the outputs: (1/(m·n)) Σ (ŷ − y)².
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n)
     * @return the mean of the n per-output MSEs
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public static double mse(Matrix predicted, Matrix target) {
        return mean(msePerOutput(predicted, target));
    }

    /**
     * Mean squared error of each output column.
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n)
     * @return n values, (1/m) Σ_i (ŷ_ij − y_ij)²
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public static double[] msePerOutput(Matrix predicted, Matrix target) {
        check("Metrics.mse", predicted, target, 1);
        double[] out = new double[predicted.cols()];
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            for (int i = 0; i < predicted.rows(); i++) {
                double d = predicted.get(i, j) - target.get(i, j);
                sum += d * d;                                           // (ŷ − y)²
            }
            out[j] = sum / predicted.rows();
        }
        return out;
    }

    /**
     * Root mean squared error, averaged over the outputs, in the units of y.
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n)
     * @return the mean of the n per-output RMSEs
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public static double rmse(Matrix predicted, Matrix target) {
        return mean(rmsePerOutput(predicted, target));
    }

    /**
     * Root mean squared error of each output column.
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n)
     * @return n values, √MSE_j
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public static double[] rmsePerOutput(Matrix predicted, Matrix target) {
        double[] out = msePerOutput(predicted, target);
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.sqrt(out[j]);
        }
        return out;
    }

    /**
     * Mean absolute error, averaged over the outputs: (1/(m·n)) Σ |ŷ − y|.
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n)
     * @return the mean of the n per-output MAEs
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public static double mae(Matrix predicted, Matrix target) {
        check("Metrics.mae", predicted, target, 1);
        double[] out = new double[predicted.cols()];
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            for (int i = 0; i < predicted.rows(); i++) {
                sum += Math.abs(predicted.get(i, j) - target.get(i, j));  // |ŷ − y|
            }
            out[j] = sum / predicted.rows();
        }
        return mean(out);
    }

    /**
     * The coefficient of determination, averaged over the outputs (scikit-learn's
     * {@code r2_score} with its default {@code multioutput='uniform_average'}).
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n), m ≥ 2
     * @return the mean of the n per-output R² values: 1 for a perfect fit, 0 for predicting
     *     each column's mean, below 0 for worse
     * @throws IllegalArgumentException if the shapes differ or there are fewer than two rows
     */
    public static double rSquared(Matrix predicted, Matrix target) {
        return mean(rSquaredPerOutput(predicted, target));
    }

    /**
     * The coefficient of determination of each output column (scikit-learn's
     * {@code multioutput='raw_values'}); a constant target column scores 1.0 for exact
     * predictions and 0.0 otherwise.
     *
     * @param predicted ŷ, (m×n)
     * @param target    y, (m×n), m ≥ 2
     * @return n values, 1 − Σ_i (ŷ_ij − y_ij)² / Σ_i (y_ij − ȳ_j)²
     * @throws IllegalArgumentException if the shapes differ or there are fewer than two rows
     */
    public static double[] rSquaredPerOutput(Matrix predicted, Matrix target) {
        check("Metrics.rSquared", predicted, target, 2);
        int m = target.rows();
        double[] out = new double[target.cols()];
        for (int j = 0; j < out.length; j++) {
            double mean = 0;
            for (int i = 0; i < m; i++) {
                mean += target.get(i, j);
            }
            mean /= m;                                                  // ȳ_j
            double residual = 0;
            double total = 0;
            for (int i = 0; i < m; i++) {
                double r = target.get(i, j) - predicted.get(i, j);
                double t = target.get(i, j) - mean;
                residual += r * r;                                      // Σ (y − ŷ)²
                total += t * t;                                         // Σ (y − ȳ)²
            }
            if (total == 0) {
                out[j] = residual == 0 ? 1.0 : 0.0;                     // constant y: sklearn's
            } else {
                out[j] = 1 - residual / total;
            }
        }
        return out;
    }

    /**
     * The predicted class of every row: the column of its largest entry, the first on ties.
     *
     * @param scores (m×k) scores, logits or probabilities, k ≥ 1
     * @return m classes, each in [0, k)
     * @throws IllegalArgumentException if the matrix has no row or no column
     */
    public static int[] argMax(Matrix scores) {
        Objects.requireNonNull(scores, "Metrics.argMax: scores must not be null");
        checkNotEmpty("Metrics.argMax", "scores", scores);
        int[] out = new int[scores.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = argMax(scores, i);
        }
        return out;
    }

    /**
     * The column of the largest entry of one row, the first on ties (as {@code numpy.argmax};
     * a NaN entry is never larger, so a row of NaNs gives 0).
     *
     * @param scores (m×k) scores
     * @param row    the row, in [0, m)
     * @return the column, in [0, k)
     * @throws IllegalArgumentException if the row is out of range or there is no column
     */
    public static int argMax(Matrix scores, int row) {
        if (row < 0 || row >= scores.rows()) {
            throw new IllegalArgumentException("Metrics.argMax: row must be in [0, "
                    + scores.rows() + "), got " + row);
        }
        if (scores.cols() == 0) {
            throw new IllegalArgumentException("Metrics.argMax: scores must have at least one"
                    + " column, got " + Shapes.shape(scores));
        }
        int best = 0;
        for (int j = 1; j < scores.cols(); j++) {
            if (scores.get(row, j) > scores.get(row, best)) {
                best = j;
            }
        }
        return best;
    }

    /**
     * The share of rows whose predicted class is that of the one-hot target: the column of the
     * target row's largest entry (for soft targets, the most likely class).
     *
     * @param scores (m×k) scores, logits or probabilities
     * @param oneHot (m×k) one-hot targets
     * @return correct rows / m, in [0, 1]
     * @throws IllegalArgumentException if the shapes differ or are empty
     */
    public static double accuracy(Matrix scores, Matrix oneHot) {
        check("Metrics.accuracy", scores, oneHot, 1);
        return accuracy(scores, argMax(oneHot));
    }

    /**
     * The share of rows whose predicted class is the row's class.
     *
     * @param scores  (m×k) scores, logits or probabilities
     * @param classes the m true classes, each in [0, k)
     * @return correct rows / m, in [0, 1]
     * @throws IllegalArgumentException if there is not one class per row, a class is out of
     *                                  range, or the scores are empty
     */
    public static double accuracy(Matrix scores, int[] classes) {
        checkClasses("Metrics.accuracy", scores, classes);
        int correct = 0;
        for (int i = 0; i < classes.length; i++) {
            if (argMax(scores, i) == classes[i]) {
                correct++;
            }
        }
        return (double) correct / classes.length;
    }

    /**
     * The share of rows whose true class is among their k highest scores.
     *
     * <p><b>Ties</b> are ranked as {@link #argMax} ranks them, the first column first: a class
     * is in the top k when fewer than k columns score higher than it or score the same and
     * come before it. So top-1 accuracy is {@link #accuracy(Matrix, int[])}. (scikit-learn's
     * {@code top_k_accuracy_score} ranks by a stable ascending sort read backwards, which puts
     * the last of tied columns first; the two agree whenever the k-th and (k+1)-th highest
     * scores of a row differ.)
     *
     * @param scores  (m×c) scores
     * @param classes the m true classes, each in [0, c)
     * @param k       how many of the highest scores count, in [1, c]
     * @return rows with a hit / m, in [0, 1]; 1 when k = c
     * @throws IllegalArgumentException if k is out of range, there is not one class per row, or
     *                                  a class is out of range
     */
    public static double topKAccuracy(Matrix scores, int[] classes, int k) {
        checkClasses("Metrics.topKAccuracy", scores, classes);
        if (k < 1 || k > scores.cols()) {
            throw new IllegalArgumentException("Metrics.topKAccuracy: k must be in [1, "
                    + scores.cols() + "] (the number of classes), got " + k);
        }
        int hits = 0;
        for (int i = 0; i < classes.length; i++) {
            int truth = classes[i];
            double s = scores.get(i, truth);
            int ahead = 0;                                  // columns ranked before the truth
            for (int j = 0; j < scores.cols(); j++) {
                double o = scores.get(i, j);
                if (o > s || (o == s && j < truth)) {
                    ahead++;
                }
            }
            if (ahead < k) {
                hits++;
            }
        }
        return (double) hits / classes.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Same shape, at least {@code minRows} rows and one column. */
    private static void check(String op, Matrix predicted, Matrix target, int minRows) {
        Objects.requireNonNull(predicted, op + ": predicted must not be null");
        Objects.requireNonNull(target, op + ": target must not be null");
        Shapes.checkSameShape(op, "predicted", predicted, "target", target);
        if (predicted.rows() < minRows || predicted.cols() == 0) {
            throw new IllegalArgumentException(op + ": predicted and target must have at least "
                    + minRows + (minRows == 1 ? " row" : " rows") + " and one column, got "
                    + Shapes.shape(predicted));
        }
    }

    private static void checkNotEmpty(String op, String name, Matrix m) {
        if (m.rows() == 0 || m.cols() == 0) {
            throw new IllegalArgumentException(op + ": " + name + " must have at least one row"
                    + " and one column, got " + Shapes.shape(m));
        }
    }

    /** One class per row of non-empty scores, each in [0, k). */
    static void checkClasses(String op, Matrix scores, int[] classes) {
        Objects.requireNonNull(scores, op + ": scores must not be null");
        Objects.requireNonNull(classes, op + ": classes must not be null");
        checkNotEmpty(op, "scores", scores);
        if (classes.length != scores.rows()) {
            throw new IllegalArgumentException(op + ": classes must have one entry per row of"
                    + " scores (" + Shapes.shape(scores) + "), got " + classes.length);
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= scores.cols()) {
                throw new IllegalArgumentException(op + ": classes must be in [0, "
                        + scores.cols() + "), got " + classes[i] + " at row " + i);
            }
        }
    }
}
