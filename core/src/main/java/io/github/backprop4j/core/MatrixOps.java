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
 *       (rejected with an exception). Element-wise operations, {@link #addRow},
 *       {@link #relu}, {@link #reluBackward}, {@link #softmaxRows} and {@link #softmaxBackward}
 *       may write over an input.</li>
 *   <li>Matrix products go through the {@link Kernels#current() current kernels}.</li>
 * </ul>
 */
public final class MatrixOps {

    /** The bits of {@code +∞}: positive doubles order like their bits, all below these. */
    private static final long POSITIVE_INFINITY_BITS =
            Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

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
        out.m.reshape(a.cols(), a.rows(), false);
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
        out.m.reshape(a.rows(), a.cols(), false);
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
        out.m.reshape(a.rows(), a.cols(), false);
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
        out.m.reshape(a.rows(), a.cols(), false);
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
        out.m.reshape(a.rows(), a.cols(), false);
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
        out.m.reshape(a.rows(), a.cols(), false);
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
        out.m.reshape(1, a.cols(), false);
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
        out.m.reshape(a.rows(), 1, false);
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

    // ---------------------------------------------------------------- activations

    /**
     * ReLU: {@code out[i][j] = max(x[i][j], 0)}; a NaN input stays NaN.
     *
     * @param x   (m×n)
     * @param out reshaped to (m×n); may be {@code x}
     */
    public static void relu(Matrix x, Matrix out) {
        out.m.reshape(x.rows(), x.cols(), false);
        double[] in = x.m.data;
        double[] y = out.m.data;
        for (int i = 0, n = x.size(); i < n; i++) {
            // The same as in[i] <= 0 ? 0 : in[i], including Math.max(NaN, 0) = NaN and
            // Math.max(-0.0, 0) = 0.0, but without a branch: the JIT compiles Math.max to vector
            // max instructions. A branch on the sign of real activations is mispredicted about
            // half the time; on 256×256 activations the comparison took 210 µs, Math.max 16 µs.
            y[i] = Math.max(in[i], 0.0);
        }
    }

    /**
     * ReLU's backward mask: {@code out = g ⊙ [x > 0]}, that is {@code out[i][j] = g[i][j]} where
     * {@code x[i][j] > 0} and 0 elsewhere, including at the kink {@code x = 0} and where
     * {@code x[i][j]} is NaN.
     *
     * <p>It is written without a branch, as {@code g[i][j]}'s bits ANDed with the mask of
     * {@link #positiveMask}, because a branch on the sign of real activations is mispredicted
     * about half the time: on 256×256 matrices {@code x > 0 ? g : 0} took 230 µs, the mask 35 µs.
     * The result is bit for bit that of {@code x > 0 ? g : 0}.
     *
     * @param x   (m×n), the forward input
     * @param g   (m×n), the gradient of the output
     * @param out reshaped to (m×n); may be {@code g}
     */
    public static void reluBackward(Matrix x, Matrix g, Matrix out) {
        Shapes.checkSameShape("Matrix.reluBackward", "x", x, "g", g);
        out.m.reshape(x.rows(), x.cols(), false);
        double[] in = x.m.data;
        double[] grad = g.m.data;
        double[] y = out.m.data;
        for (int i = 0, n = x.size(); i < n; i++) {
            // y = x > 0 ? g : +0.0
            long bits = Double.doubleToRawLongBits(grad[i]) & positiveMask(in[i]);
            y[i] = Double.longBitsToDouble(bits);
        }
    }

    /**
     * {@code [x > 0]} as a bit mask, without a branch: all 64 bits set if {@code x > 0}, none if
     * {@code x} is zero, negative or NaN.
     *
     * <p>Read as a {@code long}, the bits of a positive double (from the smallest subnormal, bits
     * 1, up to +∞) lie in {@code [1, bits(+∞)]}; ±0 has bits 0 or {@code Long.MIN_VALUE}, every
     * negative double has the sign bit set (a negative {@code long}), and every NaN lies above
     * {@code bits(+∞)} or has the sign bit set. With {@code u = bits − 1}, {@code x > 0} exactly
     * when {@code 0 ≤ u < bits(+∞)}: then {@code u − bits(+∞)} is negative and {@code u} is not,
     * so the sign bit of {@code (u − bits(+∞)) & ~u} is set, and the arithmetic shift by 63
     * copies it into every bit.
     *
     * @param x any double
     * @return {@code -1L} (all bits set) if {@code x > 0}, else {@code 0L}
     */
    static long positiveMask(double x) {
        long u = Double.doubleToRawLongBits(x) - 1;
        return ((u - POSITIVE_INFINITY_BITS) & ~u) >> 63;
    }

    /**
     * Softmax over each row: {@code out[i][j] = exp(z[i][j] − max_k z[i][k]) / Σ_l exp(z[i][l] −
     * max_k z[i][k])}. Subtracting the row maximum changes nothing mathematically and keeps
     * {@code exp} from overflowing on large logits.
     *
     * @param z   (m×n) logits, n ≥ 1
     * @param out reshaped to (m×n); may be {@code z}
     */
    public static void softmaxRows(Matrix z, Matrix out) {
        if (z.cols() == 0) {
            throw new IllegalArgumentException("Matrix.softmaxRows: z must have at least one column,"
                    + " got " + Shapes.shape(z));
        }
        out.m.reshape(z.rows(), z.cols(), false);
        double[] x = z.m.data;
        double[] y = out.m.data;
        int n = z.cols();
        for (int i = 0, rows = z.rows(); i < rows; i++) {
            int base = i * n;
            double max = x[base];
            for (int j = 1; j < n; j++) {
                max = Math.max(max, x[base + j]);
            }
            double total = 0;
            for (int j = 0; j < n; j++) {
                double e = Math.exp(x[base + j] - max);
                y[base + j] = e;
                total += e;
            }
            double inv = 1.0 / total;
            for (int j = 0; j < n; j++) {
                y[base + j] *= inv;
            }
        }
    }

    /**
     * Softmax's vector-Jacobian product per row: {@code out = p ⊙ (g − (g·p) 1)}, where
     * {@code (g·p)} is the row-wise dot product {@code Σ_j g[i][j]·p[i][j]}.
     *
     * @param p   (m×n), the softmax output
     * @param g   (m×n), the gradient of the output
     * @param out reshaped to (m×n); may be {@code p} or {@code g}
     */
    public static void softmaxBackward(Matrix p, Matrix g, Matrix out) {
        Shapes.checkSameShape("Matrix.softmaxBackward", "p", p, "g", g);
        out.m.reshape(p.rows(), p.cols(), false);
        double[] prob = p.m.data;
        double[] grad = g.m.data;
        double[] y = out.m.data;
        int n = p.cols();
        for (int i = 0, rows = p.rows(); i < rows; i++) {
            int base = i * n;
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += grad[base + j] * prob[base + j];
            }
            for (int j = 0; j < n; j++) {
                y[base + j] = prob[base + j] * (grad[base + j] - dot);
            }
        }
    }
}
