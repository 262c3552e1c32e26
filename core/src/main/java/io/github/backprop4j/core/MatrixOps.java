package io.github.backprop4j.core;

import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Matrix operations that write into an output argument, CommonOps-style: the spelling the
 * training path uses, because once the buffers have grown to the batch size nothing allocates.
 *
 * <p>Conventions, shared by every method:
 * <ul>
 *   <li>Shapes are checked on entry; a mismatch throws {@link IllegalArgumentException} naming
 *       the operation and both shapes.</li>
 *   <li>{@code out} is reshaped to the result's shape. Its storage is reused when it is large
 *       enough (it only ever grows), so a buffer that already has the right shape is written in
 *       place and no array is allocated.</li>
 *   <li>Methods named {@code ...Add...} or ending in {@code Equals} accumulate into or change
 *       their first matrix argument, which must already have the result's shape.</li>
 *   <li>Aliasing: the output of a matrix product or a transpose must not be one of its inputs
 *       (rejected with an exception). Element-wise operations and {@link #addRow} may write
 *       over an input.</li>
 *   <li>Matrix products go through the {@link Kernels#current() current kernels}.</li>
 * </ul>
 * A layer's own math (ReLU's mask, the row-wise softmax) is not here: it lives in the layer's
 * file, next to its derivation.
 */
public final class MatrixOps {

    private MatrixOps() {
    }

    // ---------------------------------------------------------------- products

    /**
     * {@code out = a·b}.
     *
     * @param a   (m×k)
     * @param b   (k×n)
     * @param out reshaped to (m×n) and written; not {@code a} or {@code b}
     */
    public static void mult(Matrix a, Matrix b, Matrix out) {
        Shapes.checkInner("Matrix.mult", a, b, a.cols(), b.rows(),
                "left.cols must equal right.rows");
        Shapes.checkNotAliased("Matrix.mult", out, a, b);
        out.m.reshape(a.rows(), b.cols(), false);
        Kernels.current().mult(a.m, b.m, out.m);
    }

    /**
     * {@code out = aᵀ·b}.
     *
     * @param a   (k×m)
     * @param b   (k×n)
     * @param out reshaped to (m×n) and written; not {@code a} or {@code b}
     */
    public static void multTransA(Matrix a, Matrix b, Matrix out) {
        Shapes.checkInner("Matrix.multTransA", a, b, a.rows(), b.rows(),
                "left.rows must equal right.rows");
        Shapes.checkNotAliased("Matrix.multTransA", out, a, b);
        out.m.reshape(a.cols(), b.cols(), false);
        Kernels.current().multTransA(a.m, b.m, out.m);
    }

    /**
     * {@code out = a·bᵀ}.
     *
     * @param a   (m×k)
     * @param b   (n×k)
     * @param out reshaped to (m×n) and written; not {@code a} or {@code b}
     */
    public static void multTransB(Matrix a, Matrix b, Matrix out) {
        Shapes.checkInner("Matrix.multTransB", a, b, a.cols(), b.cols(),
                "left.cols must equal right.cols");
        Shapes.checkNotAliased("Matrix.multTransB", out, a, b);
        out.m.reshape(a.rows(), b.rows(), false);
        Kernels.current().multTransB(a.m, b.m, out.m);
    }

    /**
     * {@code out += a·b}.
     *
     * @param a   (m×k)
     * @param b   (k×n)
     * @param out (m×n), accumulated into; not {@code a} or {@code b}
     */
    public static void multAdd(Matrix a, Matrix b, Matrix out) {
        Shapes.checkInner("Matrix.multAdd", a, b, a.cols(), b.rows(),
                "left.cols must equal right.rows");
        Shapes.checkShape("Matrix.multAdd", "out", out, a.rows(), b.cols());
        Shapes.checkNotAliased("Matrix.multAdd", out, a, b);
        Kernels.current().multAdd(a.m, b.m, out.m);
    }

    /**
     * {@code out += aᵀ·b}: how a weight gradient {@code ∂L/∂W += Xᵀ·G} accumulates.
     *
     * @param a   (k×m)
     * @param b   (k×n)
     * @param out (m×n), accumulated into; not {@code a} or {@code b}
     */
    public static void multAddTransA(Matrix a, Matrix b, Matrix out) {
        Shapes.checkInner("Matrix.multAddTransA", a, b, a.rows(), b.rows(),
                "left.rows must equal right.rows");
        Shapes.checkShape("Matrix.multAddTransA", "out", out, a.cols(), b.cols());
        Shapes.checkNotAliased("Matrix.multAddTransA", out, a, b);
        Kernels.current().multAddTransA(a.m, b.m, out.m);
    }

    /**
     * {@code out += a·bᵀ}.
     *
     * @param a   (m×k)
     * @param b   (n×k)
     * @param out (m×n), accumulated into; not {@code a} or {@code b}
     */
    public static void multAddTransB(Matrix a, Matrix b, Matrix out) {
        Shapes.checkInner("Matrix.multAddTransB", a, b, a.cols(), b.cols(),
                "left.cols must equal right.cols");
        Shapes.checkShape("Matrix.multAddTransB", "out", out, a.rows(), b.rows());
        Shapes.checkNotAliased("Matrix.multAddTransB", out, a, b);
        Kernels.current().multAddTransB(a.m, b.m, out.m);
    }

    /**
     * {@code out = aᵀ}.
     *
     * @param a   (m×n)
     * @param out reshaped to (n×m) and written; not {@code a}
     */
    public static void transpose(Matrix a, Matrix out) {
        Shapes.checkNotAliased("Matrix.transpose", out, a);
        CommonOps_DDRM.transpose(a.m, out.m);
    }

    // ---------------------------------------------------------------- element-wise

    /**
     * {@code out = a + b}, element-wise.
     *
     * @param a   (m×n)
     * @param b   (m×n)
     * @param out reshaped to (m×n); may be {@code a} or {@code b}
     */
    public static void add(Matrix a, Matrix b, Matrix out) {
        Shapes.checkSameShape("Matrix.add", "a", a, "b", b);
        CommonOps_DDRM.add(a.m, b.m, out.m);
    }

    /**
     * {@code out = a + beta·b}, element-wise.
     *
     * @param a    (m×n)
     * @param beta the factor of {@code b}
     * @param b    (m×n)
     * @param out  reshaped to (m×n); may be {@code a} or {@code b}
     */
    public static void add(Matrix a, double beta, Matrix b, Matrix out) {
        Shapes.checkSameShape("Matrix.add", "a", a, "b", b);
        CommonOps_DDRM.add(a.m, beta, b.m, out.m);
    }

    /**
     * {@code out = a − b}, element-wise.
     *
     * @param a   (m×n)
     * @param b   (m×n)
     * @param out reshaped to (m×n); may be {@code a} or {@code b}
     */
    public static void subtract(Matrix a, Matrix b, Matrix out) {
        Shapes.checkSameShape("Matrix.subtract", "a", a, "b", b);
        CommonOps_DDRM.subtract(a.m, b.m, out.m);
    }

    /**
     * {@code out = alpha·a}.
     *
     * @param alpha the factor
     * @param a     (m×n)
     * @param out   reshaped to (m×n); may be {@code a}
     */
    public static void scale(double alpha, Matrix a, Matrix out) {
        CommonOps_DDRM.scale(alpha, a.m, out.m);
    }

    /**
     * {@code out = a ⊙ b}, the element-wise (Hadamard) product.
     *
     * @param a   (m×n)
     * @param b   (m×n)
     * @param out reshaped to (m×n); may be {@code a} or {@code b}
     */
    public static void elementMult(Matrix a, Matrix b, Matrix out) {
        Shapes.checkSameShape("Matrix.elementMult", "a", a, "b", b);
        CommonOps_DDRM.elementMult(a.m, b.m, out.m);
    }

    /**
     * {@code a += b}, element-wise.
     *
     * @param a (m×n), changed
     * @param b (m×n)
     */
    public static void addEquals(Matrix a, Matrix b) {
        Shapes.checkSameShape("Matrix.addEquals", "a", a, "b", b);
        CommonOps_DDRM.addEquals(a.m, b.m);
    }

    /**
     * {@code a += beta·b}, element-wise: an SGD step is {@code addEquals(θ, −lr, update)}.
     *
     * @param a    (m×n), changed
     * @param beta the factor of {@code b}
     * @param b    (m×n)
     */
    public static void addEquals(Matrix a, double beta, Matrix b) {
        Shapes.checkSameShape("Matrix.addEquals", "a", a, "b", b);
        CommonOps_DDRM.addEquals(a.m, beta, b.m);
    }

    /**
     * {@code a = alpha·a}.
     *
     * @param a     changed
     * @param alpha the factor
     */
    public static void scaleEquals(Matrix a, double alpha) {
        CommonOps_DDRM.scale(alpha, a.m);
    }

    /**
     * Sets every entry of {@code a} to {@code value}; {@code fill(grad, 0)} is how gradients are
     * cleared.
     *
     * @param a     changed
     * @param value the new value of every entry
     */
    public static void fill(Matrix a, double value) {
        CommonOps_DDRM.fill(a.m, value);
    }

    /**
     * {@code out = a}: copies the values, reshaping {@code out} to a's shape.
     *
     * @param a   the source
     * @param out reshaped and written
     */
    public static void copy(Matrix a, Matrix out) {
        if (a == out) {
            return;
        }
        out.m.reshape(a.rows(), a.cols(), false);
        System.arraycopy(a.m.data, 0, out.m.data, 0, a.size());
    }

    // ---------------------------------------------------------------- broadcasting and reductions

    /**
     * Row-vector broadcast: {@code out = a + 1·row}, that is
     * {@code out[i][j] = a[i][j] + row[0][j]}; how a bias is added to every sample.
     *
     * @param a   (m×n)
     * @param row (1×n)
     * @param out reshaped to (m×n); may be {@code a}
     */
    public static void addRow(Matrix a, Matrix row, Matrix out) {
        if (row.rows() != 1 || row.cols() != a.cols()) {
            throw new IllegalArgumentException("Matrix.addRow: left is " + Shapes.shape(a)
                    + " but right is " + Shapes.shape(row) + "; right must be a row vector 1x"
                    + a.cols());
        }
        out.m.reshape(a.rows(), a.cols(), false);
        double[] x = a.m.data;
        double[] r = row.m.data;
        double[] y = out.m.data;
        int n = a.cols();
        for (int i = 0, rows = a.rows(); i < rows; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                y[base + j] = x[base + j] + r[j];
            }
        }
    }

    /**
     * Column sums, {@code out = 1ᵀ·a}: {@code out[0][j] = Σ_i a[i][j]}.
     *
     * @param a   (m×n)
     * @param out reshaped to (1×n) and written; not {@code a}
     */
    public static void sumCols(Matrix a, Matrix out) {
        Shapes.checkNotAliased("Matrix.sumCols", out, a);
        CommonOps_DDRM.sumCols(a.m, out.m);
    }

    /**
     * Accumulated column sums, {@code out += 1ᵀ·a}: how a bias gradient {@code ∂L/∂b += 1ᵀ·G}
     * accumulates.
     *
     * @param a   (m×n)
     * @param out (1×n), accumulated into
     */
    public static void addColumnSums(Matrix a, Matrix out) {
        Shapes.checkRowVector("Matrix.addColumnSums", "out", out, a.cols());
        double[] x = a.m.data;
        double[] y = out.m.data;
        int n = a.cols();
        for (int i = 0, rows = a.rows(); i < rows; i++) {
            int base = i * n;
            for (int j = 0; j < n; j++) {
                y[j] += x[base + j];
            }
        }
    }

    /**
     * Row sums, {@code out = a·1}: {@code out[i][0] = Σ_j a[i][j]}.
     *
     * @param a   (m×n)
     * @param out reshaped to (m×1) and written; not {@code a}
     */
    public static void rowSums(Matrix a, Matrix out) {
        Shapes.checkNotAliased("Matrix.rowSums", out, a);
        CommonOps_DDRM.sumRows(a.m, out.m);
    }

    /**
     * Row maxima: {@code out[i][0] = max_j a[i][j]}; NaN if the row holds a NaN.
     *
     * @param a   (m×n) with n ≥ 1
     * @param out reshaped to (m×1) and written; not {@code a}
     */
    public static void rowMax(Matrix a, Matrix out) {
        if (a.cols() == 0) {
            throw new IllegalArgumentException("Matrix.rowMax: a must have at least one column, got "
                    + Shapes.shape(a));
        }
        Shapes.checkNotAliased("Matrix.rowMax", out, a);
        out.m.reshape(a.rows(), 1, false);
        double[] x = a.m.data;
        int n = a.cols();
        for (int i = 0, rows = a.rows(); i < rows; i++) {
            double max = x[i * n];
            for (int j = 1; j < n; j++) {
                max = Math.max(max, x[i * n + j]);
            }
            out.m.data[i] = max;
        }
    }

    /**
     * The sum of all entries.
     *
     * @param a any matrix
     * @return Σ a[i][j]; 0 for an empty matrix
     */
    public static double sum(Matrix a) {
        double s = 0;
        double[] x = a.m.data;
        for (int i = 0, n = a.size(); i < n; i++) {
            s += x[i];
        }
        return s;
    }

    /**
     * The sum of squared differences {@code Σ (a[i][j] − b[i][j])²}; the heart of a squared-error
     * loss, computed without a temporary matrix.
     *
     * @param a (m×n)
     * @param b (m×n)
     * @return the sum; NaN if any entry is NaN
     */
    public static double sumSquaredDifference(Matrix a, Matrix b) {
        Shapes.checkSameShape("Matrix.sumSquaredDifference", "a", a, "b", b);
        double s = 0;
        double[] x = a.m.data;
        double[] y = b.m.data;
        for (int i = 0, n = a.size(); i < n; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return s;
    }
}
