package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.Metrics;

/**
 * What a classifier of two inputs decides over a square of the plane, with the training points
 * on top: the picture a lesson draws to show a decision boundary.
 *
 * @param label   the title of the picture, such as {@code "linear"}
 * @param min     the square's lowest x and y
 * @param max     the square's highest x and y
 * @param classes the class the model picks in each cell, row 0 at the top (y = max), column 0
 *                at the left (x = min)
 * @param points  the training points, (m×2)
 * @param labels  their true classes, m of them
 */
public record DecisionSurface(String label, double min, double max, int[][] classes,
                              Matrix points, int[] labels) {

    /**
     * Copies the arrays, so that the record cannot change behind its caller's back.
     *
     * @param label   the title of the picture
     * @param min     the square's lowest x and y
     * @param max     the square's highest x and y
     * @param classes the class picked in each cell, row 0 at the top; copied
     * @param points  the training points, (m×2); copied
     * @param labels  their true classes, m of them; copied
     * @throws IllegalArgumentException if {@code points} does not have one row per label
     */
    public DecisionSurface {
        if (points.rows() != labels.length || points.cols() != 2) {
            throw new IllegalArgumentException("DecisionSurface: points must be " + labels.length
                    + "x2, one row per label, got " + points.rows() + "x" + points.cols());
        }
        int[][] copy = new int[classes.length][];
        for (int i = 0; i < classes.length; i++) {
            copy[i] = classes[i].clone();
        }
        classes = copy;
        points = points.copy();
        labels = labels.clone();
    }

    /**
     * Evaluates a classifier at the centre of each of cells×cells squares covering
     * [min, max]²: the class is the column of the largest output (the largest logit).
     *
     * @param label  the picture's title
     * @param model  a classifier of two inputs, one output per class
     * @param min    the square's lowest x and y
     * @param max    the square's highest x and y
     * @param cells  the number of cells along each side
     * @param points the training points, (m×2)
     * @param labels their true classes
     * @return the surface
     */
    public static DecisionSurface of(String label, Sequential model, double min, double max,
                                     int cells, Matrix points, int[] labels) {
        double step = (max - min) / cells;
        Matrix grid = Matrix.zeros(cells * cells, 2);
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                grid.set(i * cells + j, 0, min + (j + 0.5) * step);   // x grows to the right
                grid.set(i * cells + j, 1, max - (i + 0.5) * step);   // y grows upwards
            }
        }
        Matrix scores = model.predict(grid);
        int[][] classes = new int[cells][cells];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                classes[i][j] = Metrics.argMax(scores, i * cells + j);
            }
        }
        return new DecisionSurface(label, min, max, classes, points, labels);
    }
}
