package io.github.backprop4j.data;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
import java.util.Objects;

/**
 * Per-column standardisation, z = (x − mean) / std, with the statistics of the data it was fitted
 * on.
 *
 * <p>Fit on the training data only and apply the same transform to every other matrix (test
 * data, new inputs): the test set must not leak into the statistics.
 * {@link #inverseTransform} maps back, so that a model trained on standardised targets can
 * report its predictions and errors in the original units.
 * <pre>{@code
 * Standardizer ys = Standardizer.fit(split.train().targets());
 * Matrix yTrain = ys.transform(split.train().targets());
 * ...
 * Matrix predicted = ys.inverseTransform(model.forward(xTest));  // in original units again
 * }</pre>
 *
 * <p><b>Which standard deviation.</b> The population standard deviation, dividing by m (not by
 * m − 1): std_j = √(Σ_i (x_ij − mean_j)² / m), as scikit-learn's {@code StandardScaler} does.
 *
 * <p><b>Constant columns.</b> A column whose values are all equal has std 0; it is divided by 1
 * instead, so it becomes a column of zeros rather than NaN. ({@link #std()} still reports 0.)
 * Its mean is that value exactly, so the zeros are exact.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] std;
    /** The divisor per column: std, or 1 where std is 0. */
    private final double[] scale;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
        this.scale = new double[std.length];
        for (int j = 0; j < std.length; j++) {
            scale[j] = std[j] == 0 ? 1 : std[j];
        }
    }

    /**
     * Computes each column's mean and population standard deviation.
     *
     * @param data (m×n), m ≥ 1, n ≥ 1, finite; not changed
     * @return a standardiser for n columns
     * @throws IllegalArgumentException if data is empty or holds NaN or infinity
     */
    public static Standardizer fit(Matrix data) {
        Objects.requireNonNull(data, "Standardizer.fit: data must not be null");
        int m = data.rows();
        int n = data.cols();
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("Standardizer.fit: data must have at least one row"
                    + " and one column, got " + Shapes.shape(data));
        }
        double[] d = data.unwrap().data;
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int j = 0; j < n; j++) {
            double first = d[j];
            boolean constant = true;
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double v = d[i * n + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Standardizer.fit: data must be finite, got "
                            + v + " at (" + i + "," + j + ") of the " + Shapes.shape(data)
                            + " matrix");
                }
                constant &= v == first;
                sum += v;
            }
            if (constant) {
                mean[j] = first;
                continue;
            }
            mean[j] = sum / m;
            double squares = 0;
            for (int i = 0; i < m; i++) {
                double dev = d[i * n + j] - mean[j];
                squares += dev * dev;
            }
            std[j] = Math.sqrt(squares / m);
        }
        return new Standardizer(mean, std);
    }

    /**
     * The standardised data, z_ij = (x_ij − mean_j) / std_j. Allocates a new matrix.
     *
     * @param data (k×n) for any k, with the fitted number of columns; not changed
     * @return a new (k×n) matrix
     * @throws IllegalArgumentException if the column count differs from the fitted one
     */
    public Matrix transform(Matrix data) {
        return apply("Standardizer.transform", data, Matrix.zeros(0, 0), false);
    }

    /**
     * {@code out = (data − mean) / std}, column by column, writing into a buffer.
     *
     * @param data (k×n); not changed
     * @param out  reshaped to (k×n) and written; may be {@code data}
     */
    public void transform(Matrix data, Matrix out) {
        apply("Standardizer.transform", data, out, false);
    }

    /**
     * The original units again, x_ij = z_ij·std_j + mean_j. Allocates a new matrix.
     *
     * @param data (k×n) standardised values, with the fitted number of columns; not changed
     * @return a new (k×n) matrix
     * @throws IllegalArgumentException if the column count differs from the fitted one
     */
    public Matrix inverseTransform(Matrix data) {
        return apply("Standardizer.inverseTransform", data, Matrix.zeros(0, 0), true);
    }

    /**
     * {@code out = data·std + mean}, column by column, writing into a buffer.
     *
     * @param data (k×n) standardised values; not changed
     * @param out  reshaped to (k×n) and written; may be {@code data}
     */
    public void inverseTransform(Matrix data, Matrix out) {
        apply("Standardizer.inverseTransform", data, out, true);
    }

    /** z = (x − mean) / std into {@code out}, or x = z·std + mean if inverse; returns out. */
    private Matrix apply(String op, Matrix data, Matrix out, boolean inverse) {
        Objects.requireNonNull(data, op + ": data must not be null");
        Objects.requireNonNull(out, op + ": out must not be null");
        Shapes.checkCols(op, "data", data, mean.length, "the columns it was fitted on");
        int n = mean.length;
        if (out != data) {
            out.reshape(data.rows(), n);
        }
        double[] x = data.unwrap().data;
        double[] y = out.unwrap().data;
        for (int i = 0, rows = data.rows(); i < rows; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                y[k] = inverse ? x[k] * scale[j] + mean[j] : (x[k] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    /**
     * The fitted column means.
     *
     * @return a new (1×n) row vector
     */
    public Matrix mean() {
        return Matrix.rowVector(mean);
    }

    /**
     * The fitted population standard deviations; 0 for a constant column (which is divided by 1).
     *
     * @return a new (1×n) row vector
     */
    public Matrix std() {
        return Matrix.rowVector(std);
    }

    /**
     * The number of columns it was fitted on.
     *
     * @return n
     */
    public int columns() {
        return mean.length;
    }

    /** A summary: {@code Standardizer(3 columns)}. */
    @Override
    public String toString() {
        return "Standardizer(" + mean.length + (mean.length == 1 ? " column)" : " columns)");
    }
}
