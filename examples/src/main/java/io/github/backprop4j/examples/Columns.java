package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;

/** Copies a matrix column into an array, for plotting. */
final class Columns {

    private Columns() {
    }

    /**
     * Column j of m.
     *
     * @param m the matrix
     * @param j the column
     * @return a new array of m.rows() values
     */
    static double[] of(Matrix m, int j) {
        double[] out = new double[m.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = m.get(i, j);
        }
        return out;
    }

    /**
     * n evenly spaced points from low to high inclusive, as an (n×1) column.
     *
     * @param low  the first point
     * @param high the last point
     * @param n    the number of points, {@code >= 2}
     * @return a new (n×1) matrix
     */
    static Matrix grid(double low, double high, int n) {
        Matrix x = Matrix.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            x.set(i, 0, low + (high - low) * i / (n - 1));
        }
        return x;
    }
}
