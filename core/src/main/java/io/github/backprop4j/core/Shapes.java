package io.github.backprop4j.core;

/**
 * Shape checks with messages that name the operation and every shape involved.
 *
 * <p>Every public operation of the framework checks its arguments here, where they enter, so that
 * a wrong shape fails at once with a message such as
 * {@code Matrix.mult: left is 8x3 but right is 4x2; left.cols must equal right.rows}
 * instead of producing a silently reshaped buffer deep inside EJML.
 *
 * <p>All methods throw {@link IllegalArgumentException}; none of them allocates unless it throws.
 */
public final class Shapes {

    private Shapes() {
    }

    /**
     * Formats a shape the way every message of the framework writes it: {@code 8x3}.
     *
     * @param m a matrix
     * @return {@code rows + "x" + cols}
     */
    public static String shape(Matrix m) {
        return m.rows() + "x" + m.cols();
    }

    /**
     * Checks the inner dimensions of a matrix product.
     *
     * @param op        the operation, e.g. {@code "Matrix.mult"}
     * @param left      the left operand, as passed (its shape goes into the message)
     * @param right     the right operand, as passed
     * @param leftInner the left operand's inner dimension as the product uses it
     * @param rightInner the right operand's inner dimension as the product uses it
     * @param rule      the rule in words, e.g. {@code "left.cols must equal right.rows"}
     * @throws IllegalArgumentException naming the operation, both shapes and the rule
     */
    static void checkInner(String op, Matrix left, Matrix right,
                           int leftInner, int rightInner, String rule) {
        if (leftInner != rightInner) {
            throw new IllegalArgumentException(op + ": left is " + shape(left) + " but right is "
                    + shape(right) + "; " + rule);
        }
    }

    /**
     * Checks that two matrices have the same shape.
     *
     * @param op        the operation, e.g. {@code "MatrixOps.add"}
     * @param firstName what the first matrix is, e.g. {@code "a"} or {@code "prediction"}
     * @param first     the first matrix
     * @param secondName what the second matrix is
     * @param second    the second matrix
     * @throws IllegalArgumentException naming both and their shapes when they differ
     */
    public static void checkSameShape(String op, String firstName, Matrix first,
                                      String secondName, Matrix second) {
        if (first.rows() != second.rows() || first.cols() != second.cols()) {
            throw new IllegalArgumentException(op + ": " + firstName + " and " + secondName
                    + " must have the same shape, got " + shape(first) + " and " + shape(second));
        }
    }

    /**
     * Checks that a matrix has exactly the given shape.
     *
     * @param op   the operation
     * @param name what the matrix is
     * @param m    the matrix
     * @param rows the expected number of rows
     * @param cols the expected number of columns
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public static void checkShape(String op, String name, Matrix m, int rows, int cols) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException(op + ": " + name + " must be " + rows + "x" + cols
                    + ", got " + shape(m));
        }
    }

    /**
     * Checks that a matrix has the given number of columns.
     *
     * @param op   the operation
     * @param name what the matrix is
     * @param m    the matrix
     * @param cols the expected number of columns
     * @param hint what the number stands for, e.g. {@code "inFeatures"}; may be empty
     * @throws IllegalArgumentException naming the expected width and the actual shape
     */
    public static void checkCols(String op, String name, Matrix m, int cols, String hint) {
        if (m.cols() != cols) {
            String why = hint.isEmpty() ? "" : " (" + hint + ")";
            throw new IllegalArgumentException(op + ": " + name + " must have " + cols + " columns"
                    + why + ", got " + shape(m));
        }
    }

    /**
     * Checks that a matrix is a row vector of the given width.
     *
     * @param op   the operation
     * @param name what the matrix is
     * @param m    the matrix
     * @param cols the expected width
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public static void checkRowVector(String op, String name, Matrix m, int cols) {
        if (m.rows() != 1 || m.cols() != cols) {
            throw new IllegalArgumentException(op + ": " + name + " must be a row vector 1x" + cols
                    + ", got " + shape(m));
        }
    }

    /**
     * Checks that a matrix is a column vector of the given height.
     *
     * @param op   the operation
     * @param name what the matrix is
     * @param m    the matrix
     * @param rows the expected height
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public static void checkColumnVector(String op, String name, Matrix m, int rows) {
        if (m.rows() != rows || m.cols() != 1) {
            throw new IllegalArgumentException(op + ": " + name + " must be a column vector "
                    + rows + "x1, got " + shape(m));
        }
    }

    /**
     * Checks that an output buffer is not the input, for operations whose kernels read the input
     * while they write the output (a transpose, a reduction).
     *
     * <p>One overload per input count rather than varargs, so that a check on the training path
     * does not allocate an array on every call.
     *
     * @param op    the operation
     * @param out   the output buffer
     * @param input the input
     * @throws IllegalArgumentException when {@code out} is the same object as the input
     */
    static void checkNotAliased(String op, Matrix out, Matrix input) {
        if (input == out) {
            throw aliased(op, out);
        }
    }

    /**
     * Checks that an output buffer is neither input, for operations whose kernels read the
     * inputs while they write the output (the matrix products).
     *
     * @param op    the operation
     * @param out   the output buffer
     * @param left  the first input
     * @param right the second input
     * @throws IllegalArgumentException when {@code out} is the same object as an input
     */
    static void checkNotAliased(String op, Matrix out, Matrix left, Matrix right) {
        if (left == out || right == out) {
            throw aliased(op, out);
        }
    }

    private static IllegalArgumentException aliased(String op, Matrix out) {
        return new IllegalArgumentException(op + ": out must not be one of the inputs"
                + " (a matrix product cannot be computed in place); pass a separate "
                + shape(out) + " buffer");
    }

    /**
     * Checks that a dimension is not negative.
     *
     * @param op   the operation
     * @param name the dimension's name
     * @param n    its value
     */
    static void checkDimension(String op, String name, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(op + ": " + name + " must be >= 0, got " + n);
        }
    }
}
