package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;

/**
 * The scores the examples report: mean squared error, its root, R² and accuracy.
 *
 * <pre>
 *   MSE  = (1/N) Σ (ŷ − y)²                 over all N = m·n entries
 *   RMSE = √MSE                              in the units of y
 *   R²   = 1 − Σ (ŷ − y)² / Σ (y − ȳ)²       per column; ȳ is the mean of the y being scored
 *   accuracy = (rows whose largest score is in the true class's column) / m
 * </pre>
 * R² is 1 for a perfect fit and 0 for always predicting the mean ȳ (scikit-learn's
 * {@code r2_score}).
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Mean squared error over every entry.
     *
     * @param predicted ŷ, (m×n)
     * @param truth     y, (m×n)
     * @return (1/(m·n)) Σ (ŷ − y)²
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double mse(Matrix predicted, Matrix truth) {
        Shapes.checkSameShape("Metrics.mse", "predicted", predicted, "truth", truth);
        double sum = 0;
        for (int i = 0; i < predicted.rows(); i++) {
            for (int j = 0; j < predicted.cols(); j++) {
                double d = predicted.get(i, j) - truth.get(i, j);
                sum += d * d;
            }
        }
        return sum / predicted.size();
    }

    /**
     * Root mean squared error, in the units of the data.
     *
     * @param predicted ŷ, (m×n)
     * @param truth     y, (m×n)
     * @return √MSE
     */
    public static double rmse(Matrix predicted, Matrix truth) {
        return Math.sqrt(mse(predicted, truth));
    }

    /**
     * The coefficient of determination of one column of predictions.
     *
     * @param predicted ŷ, (m×1)
     * @param truth     y, (m×1), not all equal
     * @return 1 − Σ (ŷ − y)² / Σ (y − ȳ)²
     * @throws IllegalArgumentException if the shapes differ or are not one column
     */
    public static double rSquared(Matrix predicted, Matrix truth) {
        Shapes.checkSameShape("Metrics.rSquared", "predicted", predicted, "truth", truth);
        Shapes.checkCols("Metrics.rSquared", "predicted", predicted, 1, "one output");
        int m = truth.rows();
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += truth.get(i, 0) / m;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < m; i++) {
            double r = predicted.get(i, 0) - truth.get(i, 0);
            double t = truth.get(i, 0) - mean;
            residual += r * r;
            total += t * t;
        }
        return 1 - residual / total;
    }

    /**
     * The fraction of rows whose highest score is in the column of the true class.
     *
     * @param scores  (m×k) class scores or probabilities
     * @param oneHot  (m×k) one-hot targets
     * @return correct rows / m, in [0, 1]
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double accuracy(Matrix scores, Matrix oneHot) {
        Shapes.checkSameShape("Metrics.accuracy", "scores", scores, "oneHot", oneHot);
        int[] classes = new int[oneHot.rows()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = argMax(oneHot, i);                   // the 1 of each one-hot row
        }
        return accuracy(scores, classes);
    }

    /**
     * The fraction of rows whose highest score is in the column of the row's class.
     *
     * @param scores  (m×k) class scores, logits or probabilities
     * @param classes the m true classes, each in [0, k)
     * @return correct rows / m, in [0, 1]
     * @throws IllegalArgumentException if there is not one class per row
     */
    public static double accuracy(Matrix scores, int[] classes) {
        if (classes.length != scores.rows()) {
            throw new IllegalArgumentException("Metrics.accuracy: classes must have one entry per"
                    + " row of scores (" + scores.rows() + "x" + scores.cols() + "), got "
                    + classes.length);
        }
        int correct = 0;
        for (int i = 0; i < scores.rows(); i++) {
            if (argMax(scores, i) == classes[i]) {
                correct++;
            }
        }
        return (double) correct / scores.rows();
    }

    /** The column of the largest entry of one row (the first, on ties): the class picked. */
    static int argMax(Matrix m, int row) {
        int best = 0;
        for (int j = 1; j < m.cols(); j++) {
            if (m.get(row, j) > m.get(row, best)) {
                best = j;
            }
        }
        return best;
    }
}
