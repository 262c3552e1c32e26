package io.github.backprop4j.examples;

import io.github.backprop4j.layers.Layer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run returns: the trained model and the numbers to judge it by, so that
 * callers (the launcher, the tests) never have to read logs.
 *
 * @param example     the example's name, such as {@code "sine"}
 * @param finalLoss   the training loss after the last epoch, evaluated over the whole training
 *                    set in one forward pass (in the units the model was trained in:
 *                    standardised for {@code diabetes})
 * @param metrics     named results in reading order, such as {@code "weight"} or
 *                    {@code "test R²"}; unmodifiable
 * @param lossHistory the mean training loss of each epoch, one entry per epoch
 * @param curves      for one-input regressors, predictions against truth to plot; else empty
 * @param model       the trained model
 * @param surfaces    for two-input classifiers, their decision surfaces to plot; else empty
 * @param validationHistory the loss on the validation set after each epoch, for the lessons
 *                    that keep one (drawn beside the training loss); else empty
 */
public record TrainingResult(String example, double finalLoss, Map<String, Double> metrics,
                             double[] lossHistory, List<Curve> curves, Layer model,
                             List<DecisionSurface> surfaces, double[] validationHistory) {

    /**
     * Copies the collections so that the record cannot change behind its caller's back.
     *
     * @param example     the example's name
     * @param finalLoss   the training loss after the last epoch
     * @param metrics     named results in reading order; copied
     * @param lossHistory the mean training loss of each epoch; copied
     * @param curves      predictions against truth to plot, or empty; copied
     * @param model       the trained model
     * @param surfaces    decision surfaces to plot, or empty; copied
     * @param validationHistory the validation loss of each epoch, or empty; copied
     */
    public TrainingResult {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        lossHistory = lossHistory.clone();
        curves = List.copyOf(curves);
        surfaces = List.copyOf(surfaces);
        validationHistory = validationHistory.clone();
    }

    /**
     * A result without a validation set.
     *
     * @param example     the example's name
     * @param finalLoss   the training loss after the last epoch
     * @param metrics     named results in reading order
     * @param lossHistory the mean training loss of each epoch
     * @param curves      predictions against truth to plot, or empty
     * @param model       the trained model
     * @param surfaces    decision surfaces to plot, or empty
     */
    public TrainingResult(String example, double finalLoss, Map<String, Double> metrics,
                          double[] lossHistory, List<Curve> curves, Layer model,
                          List<DecisionSurface> surfaces) {
        this(example, finalLoss, metrics, lossHistory, curves, model, surfaces, new double[0]);
    }

    /**
     * A result without decision surfaces, as every regressor returns.
     *
     * @param example     the example's name
     * @param finalLoss   the training loss after the last epoch
     * @param metrics     named results in reading order
     * @param lossHistory the mean training loss of each epoch
     * @param curves      predictions against truth to plot, or empty
     * @param model       the trained model
     */
    public TrainingResult(String example, double finalLoss, Map<String, Double> metrics,
                          double[] lossHistory, List<Curve> curves, Layer model) {
        this(example, finalLoss, metrics, lossHistory, curves, model, List.of());
    }

    /**
     * The mean training loss of each epoch.
     *
     * @return a copy of the history
     */
    @Override
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    /**
     * The validation loss of each epoch.
     *
     * @return a copy of the history; empty for a lesson without a validation set
     */
    @Override
    public double[] validationHistory() {
        return validationHistory.clone();
    }

    /**
     * One metric by name.
     *
     * @param name a key of {@link #metrics()}
     * @return its value
     * @throws IllegalArgumentException if there is no such metric
     */
    public double metric(String name) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("TrainingResult.metric: name must be one of "
                    + metrics.keySet() + ", got \"" + name + "\"");
        }
        return value;
    }

    /** A summary: the example, the final loss, the metrics and the number of epochs. */
    @Override
    public String toString() {
        return "TrainingResult[" + example + ", finalLoss=" + finalLoss + ", metrics=" + metrics
                + ", epochs=" + lossHistory.length + "]";
    }

    /** Records compare arrays by identity; compare the content instead. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingResult r && example.equals(r.example)
                && Double.compare(finalLoss, r.finalLoss) == 0 && metrics.equals(r.metrics)
                && Arrays.equals(lossHistory, r.lossHistory) && curves.equals(r.curves)
                && Arrays.equals(validationHistory, r.validationHistory)
                && model == r.model;
    }

    @Override
    public int hashCode() {
        return 31 * example.hashCode() + Arrays.hashCode(lossHistory);
    }

    /**
     * One output of a one-input regressor, sampled at points x: the truth and the model's
     * prediction, for the plot of prediction against truth.
     *
     * @param label     what the output is, such as {@code "sin(x)"}
     * @param x         the inputs, increasing
     * @param truth     the true values at x (noisy data, or the function itself)
     * @param predicted the model's outputs at x
     */
    public record Curve(String label, double[] x, double[] truth, double[] predicted) {

        /**
         * Checks that the three arrays have the same length and copies them.
         *
         * @param label     what the output is
         * @param x         the inputs, increasing; copied
         * @param truth     the true values at x; copied
         * @param predicted the model's outputs at x; copied
         * @throws IllegalArgumentException if the lengths differ
         */
        public Curve {
            if (x.length != truth.length || x.length != predicted.length) {
                throw new IllegalArgumentException("Curve: x, truth and predicted must have the"
                        + " same length, got " + x.length + ", " + truth.length + " and "
                        + predicted.length);
            }
            x = x.clone();
            truth = truth.clone();
            predicted = predicted.clone();
        }

        /**
         * A curve from points in any order, sorted by x so that the prediction draws as a line.
         *
         * @param label     what the output is
         * @param x         the inputs
         * @param truth     the true values at x
         * @param predicted the model's outputs at x
         * @return the curve, its points in increasing x
         */
        public static Curve sortedByX(String label, double[] x, double[] truth,
                                      double[] predicted) {
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            double[] sx = new double[x.length];
            double[] st = new double[x.length];
            double[] sp = new double[x.length];
            for (int i = 0; i < order.length; i++) {
                sx[i] = x[order[i]];
                st[i] = truth[order[i]];
                sp[i] = predicted[order[i]];
            }
            return new Curve(label, sx, st, sp);
        }

        /**
         * The inputs.
         *
         * @return a copy
         */
        @Override
        public double[] x() {
            return x.clone();
        }

        /**
         * The true values.
         *
         * @return a copy
         */
        @Override
        public double[] truth() {
            return truth.clone();
        }

        /**
         * The predictions.
         *
         * @return a copy
         */
        @Override
        public double[] predicted() {
            return predicted.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Curve c && label.equals(c.label) && Arrays.equals(x, c.x)
                    && Arrays.equals(truth, c.truth) && Arrays.equals(predicted, c.predicted);
        }

        @Override
        public int hashCode() {
            return 31 * label.hashCode() + Arrays.hashCode(predicted);
        }

        @Override
        public String toString() {
            return "Curve[" + label + ", " + x.length + " points]";
        }
    }
}
