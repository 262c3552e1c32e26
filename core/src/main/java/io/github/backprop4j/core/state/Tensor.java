package io.github.backprop4j.core.state;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Shapes;
import java.util.Arrays;
import java.util.Objects;

/**
 * One named entry of a safetensors file: a {@link Matrix} together with the shape and the dtype
 * it has in the file.
 *
 * <p>A file may hold tensors of any rank; the framework has only matrices, so this package
 * supports the three ranks that map onto one without loss:
 * <pre>
 *   rank   shape in the file   Matrix
 *   0      []                  1×1       a scalar
 *   1      [n]                 1×n       a vector, such as PyTorch's bias of a Linear layer
 *   2      [r, c]              r×c       row-major, such as PyTorch's weight (out×in)
 * </pre>
 * The rank is kept, so that a vector read from a file is written back as {@code [n]}, not as
 * {@code [1, n]}: PyTorch refuses to load a bias of the wrong rank.
 *
 * <p>The matrix is held, not copied. A tensor that was read owns a fresh matrix; a tensor made
 * to be written refers to the caller's matrix, which is read when the file is written, so the
 * matrix must keep its shape until then.
 */
public final class Tensor {

    private final DType dtype;
    private final int[] shape;
    private final Matrix matrix;

    private Tensor(DType dtype, int[] shape, Matrix matrix) {
        this.dtype = dtype;
        this.shape = shape;
        this.matrix = matrix;
    }

    /**
     * A tensor of any rank from 0 to 2 with the given element type, as a reader of a file builds
     * it.
     *
     * @param dtype  the element type
     * @param shape  the shape, of rank 0, 1 or 2; held, not copied
     * @param matrix the values, of the matrix shape {@link #matrixShapeOf} gives; held
     * @return a new tensor
     * @throws IllegalArgumentException if the matrix does not have the shape's matrix shape
     */
    public static Tensor of(DType dtype, int[] shape, Matrix matrix) {
        Objects.requireNonNull(dtype, "Tensor.of: dtype must not be null");
        int[] rc = matrixShapeOf(shape);
        if (matrix.rows() != rc[0] || matrix.cols() != rc[1]) {
            throw new IllegalArgumentException("Tensor.of: a tensor of shape "
                    + Arrays.toString(shape) + " must hold a " + rc[0] + "x" + rc[1]
                    + " matrix, got " + Shapes.shape(matrix));
        }
        return new Tensor(dtype, shape, matrix);
    }

    /**
     * A rank-2 tensor of shape {@code [rows, cols]}, stored as {@link DType#F64}.
     *
     * @param matrix the values; held, not copied
     * @return a new tensor
     */
    public static Tensor of(Matrix matrix) {
        Objects.requireNonNull(matrix, "Tensor.of: matrix must not be null");
        return new Tensor(DType.F64, new int[] {matrix.rows(), matrix.cols()}, matrix);
    }

    /**
     * A rank-1 tensor of shape {@code [n]}, stored as {@link DType#F64}.
     *
     * @param row the values as a (1×n) row vector; held, not copied
     * @return a new tensor
     * @throws IllegalArgumentException if {@code row} has more than one row
     */
    public static Tensor vector(Matrix row) {
        Objects.requireNonNull(row, "Tensor.vector: row must not be null");
        if (row.rows() != 1) {
            throw new IllegalArgumentException("Tensor.vector: row must be a row vector 1xn, got "
                    + Shapes.shape(row));
        }
        return new Tensor(DType.F64, new int[] {row.cols()}, row);
    }

    /**
     * A rank-0 tensor (shape {@code []}) holding one number, stored as {@link DType#F64}.
     *
     * @param value the number
     * @return a new tensor whose matrix is a new (1×1) matrix
     */
    public static Tensor scalar(double value) {
        return new Tensor(DType.F64, new int[0], Matrix.filled(1, 1, value));
    }

    /**
     * The same tensor, to be stored with another dtype. Shares this tensor's matrix.
     *
     * @param newType the dtype to write, for example {@link DType#F32} for half-size files
     * @return a new tensor (or this one if the dtype is unchanged)
     */
    public Tensor withDType(DType newType) {
        Objects.requireNonNull(newType, "Tensor.withDType: newType must not be null");
        return newType == dtype ? this : new Tensor(newType, shape, matrix);
    }

    /**
     * The dtype in the file: the one read, or the one that will be written.
     *
     * @return the dtype
     */
    public DType dtype() {
        return dtype;
    }

    /**
     * The number of dimensions: 0, 1 or 2.
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The shape in the file, for example {@code [8, 3]} or {@code [8]}.
     *
     * @return a new array of length {@link #rank()}
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The values as a matrix, (1×1), (1×n) or (r×c) by rank.
     *
     * @return the live matrix, not a copy
     */
    public Matrix matrix() {
        return matrix;
    }

    /**
     * The shape written as in the safetensors header: {@code [8, 3]}, {@code [8]} or {@code []}.
     *
     * @return the shape as text
     */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    /**
     * The matrix shape this tensor's file shape maps to.
     *
     * @return {rows, cols}
     */
    public int[] matrixShape() {
        return matrixShapeOf(shape);
    }

    /**
     * The matrix shape a file shape of rank 0, 1 or 2 maps to.
     *
     * @param shape a shape of rank 0, 1 or 2
     * @return {rows, cols}
     */
    public static int[] matrixShapeOf(int[] shape) {
        switch (shape.length) {
            case 0:
                return new int[] {1, 1};
            case 1:
                return new int[] {1, shape[0]};
            default:
                return new int[] {shape[0], shape[1]};
        }
    }

    /** {@code Tensor[F64 [8, 3]]}. */
    @Override
    public String toString() {
        return "Tensor[" + dtype + " " + shapeString() + "]";
    }
}
