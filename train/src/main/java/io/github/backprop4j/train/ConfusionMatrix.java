package io.github.backprop4j.train;

import io.github.backprop4j.core.Matrix;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs, with precision, recall and F1 per class, as
 * scikit-learn's {@code confusion_matrix} and {@code precision_recall_fscore_support} define
 * them.
 *
 * <pre>
 *   C[t][p] = the number of rows of true class t predicted as p     rows: truth, columns: prediction
 *
 *   for a class c:  tp = C[c][c]    fp = Σ_t C[t][c] − tp    fn = Σ_p C[c][p] − tp
 *     precision = tp / (tp + fp)       of the rows predicted c, the share that are c
 *     recall    = tp / (tp + fn)       of the rows that are c, the share predicted c
 *     F1        = 2·tp / (2·tp + fp + fn)   the harmonic mean of precision and recall
 *     support   = tp + fn              the rows that are c
 * </pre>
 *
 * <p><b>Zero division.</b> A class never predicted has tp + fp = 0, and its precision is 0/0;
 * a class absent from the truth has recall 0/0; a class in neither has F1 0/0. Each such score
 * is 0.0 here, which is what scikit-learn returns with its default {@code zero_division="warn"}
 * (it also warns; this class does not). Macro averages are plain means over all k classes,
 * scikit-learn's {@code average='macro'} with {@code labels=range(k)}: a class with no rows and
 * no predictions counts as 0 in them.
 */
public final class ConfusionMatrix {

    private final int[][] counts;
    private final int total;

    private ConfusionMatrix(int[][] counts, int total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts the pairs of true and predicted classes.
     *
     * @param truth     the true classes, each in [0, classes)
     * @param predicted the predicted classes, as many, each in [0, classes)
     * @param classes   the number of classes k, {@code >= 1}
     * @return the (k×k) counts
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a class
     *                                  is out of range
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        Objects.requireNonNull(truth, "ConfusionMatrix.of: truth must not be null");
        Objects.requireNonNull(predicted, "ConfusionMatrix.of: predicted must not be null");
        if (classes < 1) {
            throw new IllegalArgumentException("ConfusionMatrix.of: classes must be >= 1, got "
                    + classes);
        }
        if (truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("ConfusionMatrix.of: truth and predicted must"
                    + " have the same, non-zero length, got " + truth.length + " and "
                    + predicted.length);
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            counts[checkClass("truth", truth, i, classes)]
                    [checkClass("predicted", predicted, i, classes)]++;
        }
        return new ConfusionMatrix(counts, truth.length);
    }

    /**
     * Counts the true classes against the {@linkplain Metrics#argMax arg-max} of the scores.
     *
     * @param scores (m×k) class scores, logits or probabilities
     * @param truth  the m true classes, each in [0, k)
     * @return the (k×k) counts
     * @throws IllegalArgumentException if there is not one class per row or a class is out of
     *                                  range
     */
    public static ConfusionMatrix of(Matrix scores, int[] truth) {
        Metrics.checkClasses("ConfusionMatrix.of", scores, truth);
        return of(truth, Metrics.argMax(scores), scores.cols());
    }

    private static int checkClass(String name, int[] classes, int i, int k) {
        if (classes[i] < 0 || classes[i] >= k) {
            throw new IllegalArgumentException("ConfusionMatrix.of: " + name + " classes must be"
                    + " in [0, " + k + "), got " + classes[i] + " at position " + i);
        }
        return classes[i];
    }

    /**
     * The number of classes k.
     *
     * @return k
     */
    public int classes() {
        return counts.length;
    }

    /**
     * How many rows of true class {@code truth} were predicted as {@code predicted}.
     *
     * @param truth     the true class, in [0, k)
     * @param predicted the predicted class, in [0, k)
     * @return C[truth][predicted]
     * @throws IllegalArgumentException if a class is out of range
     */
    public int count(int truth, int predicted) {
        return counts[check(truth)][check(predicted)];
    }

    /**
     * The number of rows counted.
     *
     * @return m
     */
    public int total() {
        return total;
    }

    /**
     * The share of rows predicted right: the trace over the total.
     *
     * @return Σ_c C[c][c] / m
     */
    public double accuracy() {
        int right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        return (double) right / total;
    }

    /**
     * The rows whose true class is {@code c}.
     *
     * @param c a class, in [0, k)
     * @return tp + fn, the sum of row c
     */
    public int support(int c) {
        int sum = 0;
        for (int p = 0; p < counts.length; p++) {
            sum += counts[check(c)][p];
        }
        return sum;
    }

    /**
     * The rows predicted as {@code c}.
     *
     * @param c a class, in [0, k)
     * @return tp + fp, the sum of column c
     */
    public int predictedCount(int c) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[check(c)];
        }
        return sum;
    }

    /**
     * Of the rows predicted as {@code c}, the share that are {@code c}.
     *
     * @param c a class, in [0, k)
     * @return tp / (tp + fp), or 0.0 for a class never predicted
     */
    public double precision(int c) {
        return ratio(counts[check(c)][c], predictedCount(c));
    }

    /**
     * Of the rows that are {@code c}, the share predicted as {@code c}.
     *
     * @param c a class, in [0, k)
     * @return tp / (tp + fn), or 0.0 for a class with no rows
     */
    public double recall(int c) {
        return ratio(counts[check(c)][c], support(c));
    }

    /**
     * The harmonic mean of precision and recall of {@code c}.
     *
     * @param c a class, in [0, k)
     * @return 2·tp / (2·tp + fp + fn), or 0.0 for a class neither present nor predicted
     */
    public double f1(int c) {
        int tp = counts[check(c)][c];
        return ratio(2 * tp, support(c) + predictedCount(c));   // 2tp + fn + fp
    }

    /**
     * The mean of the k precisions.
     *
     * @return (1/k) Σ_c precision(c)
     */
    public double macroPrecision() {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += precision(c);
        }
        return sum / counts.length;
    }

    /**
     * The mean of the k recalls.
     *
     * @return (1/k) Σ_c recall(c)
     */
    public double macroRecall() {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += recall(c);
        }
        return sum / counts.length;
    }

    /**
     * The mean of the k F1 scores (not the F1 of the macro precision and recall).
     *
     * @return (1/k) Σ_c F1(c)
     */
    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += f1(c);
        }
        return sum / counts.length;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;   // zero_division = 0
    }

    private int check(int c) {
        if (c < 0 || c >= counts.length) {
            throw new IllegalArgumentException("ConfusionMatrix: class must be in [0, "
                    + counts.length + "), got " + c);
        }
        return c;
    }

    /**
     * The counts as a table, true classes down, predicted classes across.
     *
     * @return a title line, a line of the predicted classes, then one line per true class
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ConfusionMatrix (rows: true class, columns:"
                + " predicted class)\n");
        int width = Math.max(String.valueOf(total).length(), String.valueOf(counts.length).length());
        s.append(" ".repeat(width));
        for (int p = 0; p < counts.length; p++) {
            s.append(' ').append(pad(String.valueOf(p), width));
        }
        for (int t = 0; t < counts.length; t++) {
            s.append('\n').append(pad(String.valueOf(t), width));
            for (int p = 0; p < counts.length; p++) {
                s.append(' ').append(pad(String.valueOf(counts[t][p]), width));
            }
        }
        return s.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
