package io.github.backprop4j.core;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A dense matrix of doubles, stored row-major in an EJML {@link DMatrixRMaj}.
 *
 * <p>A batch is a matrix with one sample per row: {@code X} is (m×n) for m samples of n features.
 *
 * <p>Two spellings, as in EJML:
 * <ul>
 *   <li>the instance methods here ({@link #mult}, {@link #plus}, {@link #sumCols}, ...) read well
 *       and <b>allocate a new matrix</b> for their result: use them in tests, examples and
 *       anywhere clarity matters more than garbage;</li>
 *   <li>the static methods of {@link MatrixOps} write into an output argument and allocate
 *       nothing once their buffers have grown: the training path (forward, backward, step,
 *       zeroGrad) uses only those.</li>
 * </ul>
 * Both spellings compute the same numbers through the same kernels.
 *
 * <p>A {@code Matrix} is mutable ({@link #set}, and every {@code MatrixOps} output). Its
 * {@code equals} is identity: compare values with {@link #approxEquals(Matrix, double)}.
 */
public final class Matrix {

    /** Rows and columns printed in full by {@link #toString()}; larger matrices are elided. */
    private static final int PRINT_EDGE = 3;
    private static final int PRINT_FULL = 8;

    /** The backing storage. Package-private so that {@link MatrixOps} can reach it. */
    final DMatrixRMaj m;

    /** Whether backward passes should compute ∂L/∂(this matrix); see {@link #requiresGrad()}. */
    private boolean requiresGrad;

    private Matrix(DMatrixRMaj m) {
        this.m = m;
    }

    // ---------------------------------------------------------------- factories

    /**
     * A matrix of zeros.
     *
     * @param rows number of rows, {@code >= 0}
     * @param cols number of columns, {@code >= 0}
     * @return a new (rows×cols) matrix of zeros
     * @throws IllegalArgumentException if a dimension is negative
     */
    public static Matrix zeros(int rows, int cols) {
        Shapes.checkDimension("Matrix.zeros", "rows", rows);
        Shapes.checkDimension("Matrix.zeros", "cols", cols);
        return new Matrix(new DMatrixRMaj(rows, cols));
    }

    /**
     * A matrix with every entry equal to {@code value}.
     *
     * @param rows  number of rows, {@code >= 0}
     * @param cols  number of columns, {@code >= 0}
     * @param value the value of every entry
     * @return a new (rows×cols) matrix
     */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix x = zeros(rows, cols);
        MatrixOps.fill(x, value);
        return x;
    }

    /**
     * A matrix copied from rows of values: {@code Matrix.of(new double[][] {{1, 2}, {3, 4}})}.
     *
     * @param rows the rows; all of the same length. Copied, not kept.
     * @return a new matrix of shape (rows.length × rows[0].length)
     * @throws IllegalArgumentException if the rows are ragged or there are none
     */
    public static Matrix of(double[][] rows) {
        Objects.requireNonNull(rows, "Matrix.of: rows must not be null");
        if (rows.length == 0) {
            throw new IllegalArgumentException("Matrix.of: rows must not be empty; use"
                    + " Matrix.zeros(0, cols) for an empty matrix");
        }
        int cols = rows[0].length;
        Matrix x = zeros(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("Matrix.of: every row must have " + cols
                        + " values (the length of row 0), got " + rows[r].length + " in row " + r);
            }
            System.arraycopy(rows[r], 0, x.m.data, r * cols, cols);
        }
        return x;
    }

    /**
     * A (1×n) row vector.
     *
     * @param values the entries, copied
     * @return a new (1×values.length) matrix
     */
    public static Matrix rowVector(double... values) {
        Matrix x = zeros(1, values.length);
        System.arraycopy(values, 0, x.m.data, 0, values.length);
        return x;
    }

    /**
     * A (n×1) column vector.
     *
     * @param values the entries, copied
     * @return a new (values.length×1) matrix
     */
    public static Matrix columnVector(double... values) {
        Matrix x = zeros(values.length, 1);
        System.arraycopy(values, 0, x.m.data, 0, values.length);
        return x;
    }

    /**
     * A matrix of independent draws from the uniform distribution on [low, high).
     *
     * <p>Entries are drawn row by row with {@code rng.nextDouble(low, high)}, so the same
     * generator state gives the same matrix, bit for bit.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param low  lower bound, inclusive
     * @param high upper bound, exclusive; must be greater than {@code low}
     * @param rng  the source of randomness
     * @return a new (rows×cols) matrix
     */
    public static Matrix uniform(int rows, int cols, double low, double high, RandomGenerator rng) {
        Objects.requireNonNull(rng, "Matrix.uniform: rng must not be null");
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("Matrix.uniform: need finite low < high, got low="
                    + low + ", high=" + high);
        }
        Matrix x = zeros(rows, cols);
        double[] d = x.m.data;
        for (int i = 0; i < rows * cols; i++) {
            d[i] = rng.nextDouble(low, high);
        }
        return x;
    }

    /**
     * A matrix of independent draws from the normal distribution N(mean, std²).
     *
     * <p>Entries are drawn row by row with {@code mean + std * rng.nextGaussian()}.
     *
     * @param rows number of rows
     * @param cols number of columns
     * @param mean the mean
     * @param std  the standard deviation, {@code >= 0}
     * @param rng  the source of randomness
     * @return a new (rows×cols) matrix
     */
    public static Matrix normal(int rows, int cols, double mean, double std, RandomGenerator rng) {
        Objects.requireNonNull(rng, "Matrix.normal: rng must not be null");
        if (!(std >= 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("Matrix.normal: need a finite mean and a finite"
                    + " std >= 0, got mean=" + mean + ", std=" + std);
        }
        Matrix x = zeros(rows, cols);
        double[] d = x.m.data;
        for (int i = 0; i < rows * cols; i++) {
            d[i] = mean + std * rng.nextGaussian();
        }
        return x;
    }

    /**
     * A copy of an EJML matrix.
     *
     * @param source the matrix to copy; not kept
     * @return a new matrix with the same shape and values
     */
    public static Matrix fromEjml(DMatrixRMaj source) {
        Objects.requireNonNull(source, "Matrix.fromEjml: source must not be null");
        return new Matrix(source.copy());
    }

    // ---------------------------------------------------------------- shape and entries

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return m.numRows;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns
     */
    public int cols() {
        return m.numCols;
    }

    /**
     * The number of entries, {@code rows() * cols()}.
     *
     * @return the number of entries
     */
    public int size() {
        return m.numRows * m.numCols;
    }

    /**
     * The entry at (r, c), zero-based.
     *
     * @param r row index
     * @param c column index
     * @return the entry
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public double get(int r, int c) {
        checkIndex("Matrix.get", r, c);
        return m.data[r * m.numCols + c];
    }

    /**
     * Sets the entry at (r, c), zero-based.
     *
     * @param r row index
     * @param c column index
     * @param v the new value
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public void set(int r, int c, double v) {
        checkIndex("Matrix.set", r, c);
        m.data[r * m.numCols + c] = v;
    }

    private void checkIndex(String op, int r, int c) {
        if (r < 0 || r >= m.numRows || c < 0 || c >= m.numCols) {
            throw new IndexOutOfBoundsException(op + ": index (" + r + "," + c
                    + ") is outside the " + Shapes.shape(this) + " matrix");
        }
    }

    /**
     * Changes the shape to (rows×cols), keeping the storage when it is large enough.
     *
     * <p>This is how layer-owned buffers follow the batch size without allocating: the backing
     * array only grows. The contents after a reshape are unspecified; fill them before reading.
     *
     * @param rows new number of rows
     * @param cols new number of columns
     * @return this matrix
     */
    public Matrix reshape(int rows, int cols) {
        Shapes.checkDimension("Matrix.reshape", "rows", rows);
        Shapes.checkDimension("Matrix.reshape", "cols", cols);
        m.reshape(rows, cols, false);
        return this;
    }

    /**
     * The entries as new arrays, one per row.
     *
     * @return a new (rows × cols) array; changing it does not change this matrix
     */
    public double[][] toArray() {
        double[][] a = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            System.arraycopy(m.data, r * m.numCols, a[r], 0, m.numCols);
        }
        return a;
    }

    /**
     * The entries in row-major order, as a new array.
     *
     * @return a new array of length {@link #size()}
     */
    public double[] toRowMajorArray() {
        double[] a = new double[size()];
        System.arraycopy(m.data, 0, a, 0, a.length);
        return a;
    }

    /**
     * A copy that shares nothing with this matrix.
     *
     * <p>Allocates a new matrix. Use it to keep a result that a layer owns and will overwrite.
     * The copy does not {@linkplain #requiresGrad() require grad}, whatever this matrix does.
     *
     * @return a new matrix with the same shape and values
     */
    public Matrix copy() {
        Matrix x = zeros(m.numRows, m.numCols);
        System.arraycopy(m.data, 0, x.m.data, 0, size());
        return x;
    }

    /**
     * A copy as an EJML matrix, for use with EJML's own algorithms (decompositions, solvers).
     *
     * @return a new {@link DMatrixRMaj} with the same shape and values
     */
    public DMatrixRMaj toEjml() {
        return new DMatrixRMaj(this.m);
    }

    /**
     * The live EJML matrix behind this one: the escape hatch for power users, meant for reading.
     *
     * <p>No copy is made. Writing entries through it bypasses every shape check, so do it only
     * where the shapes are known to agree (as {@code SGD.step} does, entry by entry over a
     * parameter's value, gradient and momentum buffer, which share one shape); reshaping it
     * breaks whatever layer owns this matrix. Use {@link #toEjml()} for a copy that may be
     * changed freely.
     *
     * @return the backing matrix
     */
    public DMatrixRMaj unwrap() {
        return m;
    }

    // ---------------------------------------------------------------- gradient flag

    /**
     * Whether a backward pass should compute the gradient of the loss with respect to this
     * matrix, like {@code x.requires_grad} on a torch tensor.
     *
     * <p>A batch of data does not (the default), so the first {@code Linear} of a network skips
     * ∂L/∂X = G·Wᵀ, which nobody needs, as PyTorch does. The layers set the flag on their
     * outputs: an output requires grad when it depends on something that does, a parameter or
     * an input that requires grad. {@code GradientCheck} sets it on its copy of the input, since
     * it checks ∂L/∂X. New matrices, copies and the results of the allocating operations do not
     * require grad.
     *
     * @return {@code true} if backward passes should compute a gradient for this matrix
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Sets whether a backward pass should compute the gradient of the loss with respect to this
     * matrix, like {@code x.requires_grad_(flag)} in PyTorch. See {@link #requiresGrad()}.
     *
     * @param flag {@code true} to ask for ∂L/∂(this matrix)
     * @return this matrix, for {@code Matrix.of(rows).requiresGrad(true)}
     */
    public Matrix requiresGrad(boolean flag) {
        this.requiresGrad = flag;
        return this;
    }

    // ---------------------------------------------------------------- allocating operations

    /**
     * The matrix product {@code this·other}. Allocates a new matrix.
     *
     * @param other (k×n) where this is (m×k)
     * @return a new (m×n) matrix
     * @throws IllegalArgumentException if the inner dimensions differ
     */
    public Matrix mult(Matrix other) {
        Matrix out = zeros(0, 0);
        MatrixOps.mult(this, other, out);
        return out;
    }

    /**
     * The matrix product {@code thisᵀ·other}. Allocates a new matrix.
     *
     * @param other (k×n) where this is (k×m)
     * @return a new (m×n) matrix
     */
    public Matrix multTransA(Matrix other) {
        Matrix out = zeros(0, 0);
        MatrixOps.multTransA(this, other, out);
        return out;
    }

    /**
     * The matrix product {@code this·otherᵀ}. Allocates a new matrix.
     *
     * @param other (n×k) where this is (m×k)
     * @return a new (m×n) matrix
     */
    public Matrix multTransB(Matrix other) {
        Matrix out = zeros(0, 0);
        MatrixOps.multTransB(this, other, out);
        return out;
    }

    /**
     * The element-wise sum {@code this + other}. Allocates a new matrix.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     */
    public Matrix plus(Matrix other) {
        Matrix out = zeros(0, 0);
        MatrixOps.add(this, other, out);
        return out;
    }

    /**
     * The element-wise difference {@code this − other}. Allocates a new matrix.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     */
    public Matrix minus(Matrix other) {
        Matrix out = zeros(0, 0);
        MatrixOps.subtract(this, other, out);
        return out;
    }

    /**
     * Every entry multiplied by {@code alpha}. Allocates a new matrix.
     *
     * @param alpha the factor
     * @return a new matrix
     */
    public Matrix scale(double alpha) {
        Matrix out = zeros(0, 0);
        MatrixOps.scale(alpha, this, out);
        return out;
    }

    /**
     * The element-wise (Hadamard) product {@code this ⊙ other}. Allocates a new matrix.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     */
    public Matrix elementMult(Matrix other) {
        Matrix out = zeros(0, 0);
        MatrixOps.elementMult(this, other, out);
        return out;
    }

    /**
     * Adds the row vector {@code row} to every row: {@code this + 1·row}. Allocates a new matrix.
     *
     * @param row a (1×n) row vector where this is (m×n)
     * @return a new (m×n) matrix
     */
    public Matrix plusRow(Matrix row) {
        Matrix out = zeros(0, 0);
        MatrixOps.addRow(this, row, out);
        return out;
    }

    /**
     * The transpose. Allocates a new matrix.
     *
     * @return a new (n×m) matrix where this is (m×n)
     */
    public Matrix transpose() {
        Matrix out = zeros(0, 0);
        MatrixOps.transpose(this, out);
        return out;
    }

    /**
     * The sum of each column, {@code 1ᵀ·this}. Allocates a new matrix.
     *
     * @return a new (1×n) row vector where this is (m×n)
     */
    public Matrix sumCols() {
        Matrix out = zeros(0, 0);
        MatrixOps.sumCols(this, out);
        return out;
    }

    /**
     * The sum of each row, {@code this·1}. Allocates a new matrix.
     *
     * @return a new (m×1) column vector where this is (m×n)
     */
    public Matrix rowSums() {
        Matrix out = zeros(0, 0);
        MatrixOps.rowSums(this, out);
        return out;
    }

    /**
     * The maximum of each row. Allocates a new matrix.
     *
     * @return a new (m×1) column vector where this is (m×n), n ≥ 1
     */
    public Matrix rowMax() {
        Matrix out = zeros(0, 0);
        MatrixOps.rowMax(this, out);
        return out;
    }

    /**
     * The sum of all entries.
     *
     * @return Σ entries; 0 for an empty matrix
     */
    public double sum() {
        return MatrixOps.sum(this);
    }

    // ---------------------------------------------------------------- comparison and printing

    /**
     * Whether {@code other} has the same shape and every entry within {@code tolerance}.
     *
     * <p>Meant for tests. NaN equals nothing, itself included, so a NaN entry makes the result
     * {@code false}.
     *
     * @param other     the matrix to compare with
     * @param tolerance the largest allowed absolute difference per entry, {@code >= 0}
     * @return {@code true} if the shapes are equal and {@code |a − b| <= tolerance} everywhere
     */
    public boolean approxEquals(Matrix other, double tolerance) {
        if (other.rows() != rows() || other.cols() != cols()) {
            return false;
        }
        return maxAbsDifference(other) <= tolerance;
    }

    /**
     * The largest absolute difference between corresponding entries.
     *
     * @param other a matrix of the same shape
     * @return {@code max |a − b|}, NaN if any difference is NaN, 0 for empty matrices
     * @throws IllegalArgumentException if the shapes differ
     */
    public double maxAbsDifference(Matrix other) {
        Shapes.checkSameShape("Matrix.maxAbsDifference", "this", this, "other", other);
        double worst = 0;
        for (int i = 0; i < size(); i++) {
            double d = Math.abs(m.data[i] - other.m.data[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            worst = Math.max(worst, d);
        }
        return worst;
    }

    /**
     * A numpy-like rendering with the shape first, for example
     * <pre>
     * Matrix 2x3
     * [[1.0000, 2.0000, 3.0000],
     *  [4.0000, 5.0000, 6.0000]]
     * </pre>
     * Matrices larger than 8 rows or columns show their first and last three, with
     * {@code ...} between.
     */
    @Override
    public String toString() {
        int rows = rows();
        int cols = cols();
        StringBuilder sb = new StringBuilder("Matrix ").append(rows).append('x').append(cols);
        if (size() == 0) {
            return sb.append("\n[]").toString();
        }
        int[] rowIdx = shownIndices(rows);
        int[] colIdx = shownIndices(cols);
        String[][] cells = new String[rowIdx.length][colIdx.length];
        int width = 0;
        for (int i = 0; i < rowIdx.length; i++) {
            for (int j = 0; j < colIdx.length; j++) {
                String s = rowIdx[i] < 0 || colIdx[j] < 0 ? "..." : format(get(rowIdx[i], colIdx[j]));
                cells[i][j] = s;
                width = Math.max(width, s.length());
            }
        }
        sb.append('\n');
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == 0 ? "[[" : " [");
            for (int j = 0; j < cells[i].length; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(" ".repeat(width - cells[i][j].length())).append(cells[i][j]);
            }
            sb.append(i == cells.length - 1 ? "]]" : "],\n");
        }
        return sb.toString();
    }

    /** Indices to print along one axis; -1 marks the elided middle. */
    private static int[] shownIndices(int n) {
        if (n <= PRINT_FULL) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] some = new int[2 * PRINT_EDGE + 1];
        for (int i = 0; i < PRINT_EDGE; i++) {
            some[i] = i;
            some[PRINT_EDGE + 1 + i] = n - PRINT_EDGE + i;
        }
        some[PRINT_EDGE] = -1;
        return some;
    }

    private static String format(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-4 && a < 1e5) || !Double.isFinite(v)) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : Double.toString(v);
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }
}
