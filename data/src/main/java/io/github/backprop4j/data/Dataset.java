package io.github.backprop4j.data;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
import java.util.Objects;

/**
 * A supervised data set: a features matrix and a targets matrix whose row i belong together.
 *
 * <p>Features are (n×f) and targets (n×t) for n samples; both have at least one row and one
 * column, and every entry is finite. A {@code Dataset} is immutable: the constructor copies both
 * matrices and {@link #features()} and {@link #targets()} return copies, so nothing a caller
 * does to a matrix can change a data set (or the batches drawn from it).
 *
 * <pre>{@code
 * Dataset data = new Dataset(table.columns("age", "bmi", "bp"), table.columns("progression"));
 * Split split = Split.everyKth(data, 5, 4);       // rows 4, 9, 14, ... are the test set
 * }</pre>
 * {@link CsvTable#dataset(String...)} does the first line in one call when every column but the
 * targets is a feature.
 */
public final class Dataset {

    private final Matrix features;
    private final Matrix targets;

    /**
     * A data set holding copies of {@code features} and {@code targets}.
     *
     * @param features (n×f), n ≥ 1, f ≥ 1, finite
     * @param targets  (n×t), the same n, t ≥ 1, finite
     * @throws IllegalArgumentException naming both shapes if the row counts differ or a matrix is
     *         empty, or naming the entry if a value is NaN or infinite
     */
    public Dataset(Matrix features, Matrix targets) {
        Objects.requireNonNull(features, "Dataset: features must not be null");
        Objects.requireNonNull(targets, "Dataset: targets must not be null");
        if (features.rows() != targets.rows()) {
            throw new IllegalArgumentException("Dataset: features and targets must have the same"
                    + " number of rows, got " + Shapes.shape(features) + " and "
                    + Shapes.shape(targets));
        }
        if (features.rows() == 0 || features.cols() == 0 || targets.cols() == 0) {
            throw new IllegalArgumentException("Dataset: features and targets must each have at"
                    + " least one row and one column, got " + Shapes.shape(features) + " and "
                    + Shapes.shape(targets));
        }
        checkFinite("features", features);
        checkFinite("targets", targets);
        this.features = features.copy();
        this.targets = targets.copy();
    }

    private static void checkFinite(String name, Matrix m) {
        double[] d = m.unwrap().data;
        for (int i = 0, n = m.size(); i < n; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("Dataset: " + name + " must be finite, got "
                        + d[i] + " at (" + i / m.cols() + "," + i % m.cols() + ") of the "
                        + Shapes.shape(m) + " matrix");
            }
        }
    }

    /**
     * The number of samples n.
     *
     * @return the number of rows of both matrices
     */
    public int size() {
        return features.rows();
    }

    /**
     * The number of feature columns f.
     *
     * @return f
     */
    public int featureCount() {
        return features.cols();
    }

    /**
     * The number of target columns t.
     *
     * @return t
     */
    public int targetCount() {
        return targets.cols();
    }

    /**
     * The features. Allocates a copy: changing it does not change this data set.
     *
     * @return a new (n×f) matrix
     */
    public Matrix features() {
        return features.copy();
    }

    /**
     * The targets. Allocates a copy: changing it does not change this data set.
     *
     * @return a new (n×t) matrix
     */
    public Matrix targets() {
        return targets.copy();
    }

    /**
     * The live features, for the classes of this package that only read them.
     *
     * @return the matrix itself
     */
    Matrix featuresView() {
        return features;
    }

    /**
     * The live targets, for the classes of this package that only read them.
     *
     * @return the matrix itself
     */
    Matrix targetsView() {
        return targets;
    }

    /**
     * A new data set of the given rows, in the given order. A row may appear more than once
     * (as a bootstrap sample needs).
     *
     * @param rows zero-based row indices, at least one, each in [0, size())
     * @return a new data set of {@code rows.length} samples
     * @throws IllegalArgumentException if {@code rows} is empty or an index is out of range
     */
    public Dataset subset(int[] rows) {
        Objects.requireNonNull(rows, "Dataset.subset: rows must not be null");
        if (rows.length == 0) {
            throw new IllegalArgumentException("Dataset.subset: rows must not be empty, got 0"
                    + " indices");
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= size()) {
                throw new IllegalArgumentException("Dataset.subset: row index must be in [0, "
                        + size() + "), got " + rows[i] + " at position " + i);
            }
        }
        Matrix x = Matrix.zeros(rows.length, featureCount());
        Matrix y = Matrix.zeros(rows.length, targetCount());
        copyRows(features, rows, 0, rows.length, x);
        copyRows(targets, rows, 0, rows.length, y);
        return new Dataset(x, y);
    }

    /**
     * Copies rows {@code order[from]}, ..., {@code order[from + count − 1]} of {@code source}
     * into rows 0 to count − 1 of {@code out}, which must already have {@code count} rows and the
     * source's width. Allocates nothing.
     */
    static void copyRows(Matrix source, int[] order, int from, int count, Matrix out) {
        int width = source.cols();
        double[] src = source.unwrap().data;
        double[] dst = out.unwrap().data;
        for (int r = 0; r < count; r++) {
            System.arraycopy(src, order[from + r] * width, dst, r * width, width);
        }
    }

    /** A summary: {@code Dataset[442 samples, 10 features, 1 target]}. */
    @Override
    public String toString() {
        return "Dataset[" + size() + " samples, " + featureCount() + " features, "
                + targetCount() + (targetCount() == 1 ? " target]" : " targets]");
    }
}
