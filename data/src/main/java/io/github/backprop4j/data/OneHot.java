package io.github.backprop4j.data;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One-hot encoding of a categorical column with a fixed list of classes.
 *
 * <p>Label number k becomes a row with a 1 in column k and 0 elsewhere: with the classes
 * {@code [setosa, versicolor, virginica]}, {@code "versicolor"} becomes {@code [0, 1, 0]}.
 * The class list is fixed when the encoder is made, normally from the training data by
 * {@link CsvTable#oneHot(String)} (sorted labels), and then used unchanged for every other table,
 * so that column k means the same class everywhere. A label outside the list is an error, not a
 * new class: a model cannot predict a class it was never trained on.
 *
 * <p>{@link #decode(Matrix)} goes the other way, from scores or probabilities to the label of
 * each row's largest entry, which is how a classifier's output is read.
 */
public final class OneHot {

    private final String column;
    private final List<String> classes;
    private final Map<String, Integer> indexByClass;

    private OneHot(String column, List<String> classes, Map<String, Integer> indexByClass) {
        this.column = column;
        this.classes = classes;
        this.indexByClass = indexByClass;
    }

    /**
     * An encoder with the given classes, in the given order (for example a class list saved with
     * a trained model).
     *
     * @param column  the name of the label column
     * @param classes one or more distinct, non-empty labels; copied
     * @return the encoder
     * @throws IllegalArgumentException if the list is empty or holds an empty or repeated label
     */
    public static OneHot of(String column, List<String> classes) {
        Objects.requireNonNull(column, "OneHot.of: column must not be null");
        Objects.requireNonNull(classes, "OneHot.of: classes must not be null");
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("OneHot.of: classes must hold at least one label,"
                    + " got none");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            String c = classes.get(k);
            if (c == null || c.isEmpty()) {
                throw new IllegalArgumentException("OneHot.of: every class must be a non-empty"
                        + " label, got " + (c == null ? "null" : "\"\"") + " at position " + k);
            }
            Integer before = index.put(c, k);
            if (before != null) {
                throw new IllegalArgumentException("OneHot.of: classes must be distinct, got \"" + c
                        + "\" at positions " + before + " and " + k);
            }
        }
        return new OneHot(column, Collections.unmodifiableList(new ArrayList<>(classes)), index);
    }

    /**
     * The label column's name.
     *
     * @return the column name
     */
    public String column() {
        return column;
    }

    /**
     * The classes; class k is column k of an encoded matrix.
     *
     * @return an unmodifiable list
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * The number of classes, the width of an encoded matrix.
     *
     * @return the number of classes
     */
    public int classCount() {
        return classes.size();
    }

    /**
     * The class number of a label.
     *
     * @param label a label
     * @return its index in {@link #classes()}
     * @throws IllegalArgumentException listing the classes if the label is not one of them
     */
    public int indexOf(String label) {
        Integer k = indexByClass.get(label);
        if (k == null) {
            throw new IllegalArgumentException("OneHot.indexOf: label must be one of " + classes
                    + ", got " + describe(label));
        }
        return k;
    }

    /**
     * The one-hot rows of a table's label column: row i has a 1 in column
     * {@code indexOf(label_i)}.
     *
     * @param table a table with this encoder's column, for example the training or a test file
     * @return a new (rowCount × classCount) matrix
     * @throws CsvFormatException naming the line and column of the first label that is missing
     *         or not one of the classes, or listing the table's columns if it lacks this one
     */
    public Matrix encode(CsvTable table) {
        Objects.requireNonNull(table, "OneHot.encode: table must not be null");
        int j = table.indexOf("OneHot.encode", column);
        Matrix out = Matrix.zeros(table.rowCount(), classes.size());
        for (int i = 0; i < table.rowCount(); i++) {
            String label = table.cell(i, j);
            Integer k = indexByClass.get(label);
            if (k == null) {
                throw table.cellError("OneHot.encode: label must be one of the classes " + classes
                        + " fixed when the encoder was made, got " + describe(label), i, j);
            }
            out.set(i, k, 1);
        }
        return out;
    }

    /**
     * The one-hot rows of a list of labels.
     *
     * @param labels one or more labels, each one of the classes
     * @return a new (labels.size() × classCount) matrix
     * @throws IllegalArgumentException naming the position of the first unknown label
     */
    public Matrix encode(List<String> labels) {
        Objects.requireNonNull(labels, "OneHot.encode: labels must not be null");
        Matrix out = Matrix.zeros(labels.size(), classes.size());
        for (int i = 0; i < labels.size(); i++) {
            Integer k = indexByClass.get(labels.get(i));
            if (k == null) {
                throw new IllegalArgumentException("OneHot.encode: label must be one of " + classes
                        + ", got " + describe(labels.get(i)) + " at position " + i);
            }
            out.set(i, k, 1);
        }
        return out;
    }

    /**
     * The label of each row's largest entry (the first one on ties): the inverse of
     * {@link #encode}, and how a classifier's scores or probabilities become predictions.
     *
     * @param scores (m × classCount)
     * @return an unmodifiable list of m labels
     * @throws IllegalArgumentException if the width is not the number of classes, or a row
     *         holds NaN
     */
    public List<String> decode(Matrix scores) {
        Objects.requireNonNull(scores, "OneHot.decode: scores must not be null");
        Shapes.checkCols("OneHot.decode", "scores", scores, classes.size(), "one per class");
        List<String> out = new ArrayList<>(scores.rows());
        for (int i = 0; i < scores.rows(); i++) {
            int best = 0;
            for (int k = 0; k < classes.size(); k++) {
                double v = scores.get(i, k);
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("OneHot.decode: scores must not be NaN, got"
                            + " NaN at (" + i + "," + k + ") of the " + Shapes.shape(scores)
                            + " matrix");
                }
                if (v > scores.get(i, best)) {
                    best = k;
                }
            }
            out.add(classes.get(best));
        }
        return Collections.unmodifiableList(out);
    }

    private static String describe(String label) {
        if (label == null) {
            return "null";
        }
        return label.isEmpty() ? "an empty field (missing label)"
                : "\"" + CsvTable.quoteForMessage(label, true) + "\"";
    }

    /** A summary: {@code OneHot(species: [setosa, versicolor, virginica])}. */
    @Override
    public String toString() {
        return "OneHot(" + column + ": " + classes + ")";
    }
}
