package io.github.backprop4j.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one epoch of a {@link Trainer} run measured.
 *
 * <p>The values are named as Keras names them: {@code "loss"} is the epoch's training loss (the
 * mean of its batch losses, each weighted by its rows: for a mean-reduced loss, the mean over the
 * epoch's samples while the weights moved), {@code "val_loss"} the loss on the whole validation
 * set after the epoch, and each metric appears under its own name on the training set and with
 * {@code "val_"} in front on the validation set. The order is that of the CSV log: the losses,
 * then the training metrics, then the validation metrics.
 *
 * @param epoch        the epoch, from 1
 * @param steps        the optimizer steps taken so far in the run, this epoch's included
 * @param learningRate the learning rate this epoch's steps used (a schedule changes it after the
 *                     epoch)
 * @param values       the named values, in log order; copied, unmodifiable
 */
public record EpochResult(int epoch, long steps, double learningRate, Map<String, Double> values) {

    /** The name of the training loss. */
    public static final String LOSS = "loss";

    /** What the name of a value measured on the validation set starts with. */
    public static final String VALIDATION_PREFIX = "val_";

    /** The name of the validation loss. */
    public static final String VALIDATION_LOSS = VALIDATION_PREFIX + LOSS;

    /**
     * Copies the values.
     *
     * @throws IllegalArgumentException if the epoch is below 1 or there is no {@code "loss"}
     */
    public EpochResult {
        Objects.requireNonNull(values, "EpochResult: values must not be null");
        if (epoch < 1) {
            throw new IllegalArgumentException("EpochResult: epoch must be >= 1, got " + epoch);
        }
        if (!values.containsKey(LOSS)) {
            throw new IllegalArgumentException("EpochResult: values must hold \"" + LOSS
                    + "\", got " + values.keySet());
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * One value by name.
     *
     * @param name a key of {@link #values()}, such as {@code "val_loss"}
     * @return its value
     * @throws IllegalArgumentException naming the values there are, if there is no such value
     */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("EpochResult.value: name must be one of "
                    + values.keySet() + ", got \"" + name + "\"");
        }
        return v;
    }

    /**
     * The training loss of the epoch.
     *
     * @return {@code value("loss")}
     */
    public double loss() {
        return values.get(LOSS);
    }

    /**
     * The loss on the validation set after the epoch.
     *
     * @return {@code value("val_loss")}, or NaN when the run has no validation set
     */
    public double validationLoss() {
        Double v = values.get(VALIDATION_LOSS);
        return v == null ? Double.NaN : v;
    }
}
