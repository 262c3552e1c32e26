package io.github.backprop4j.train;

import java.util.Objects;

/**
 * When a {@link Trainer} stops before its last epoch: once a monitored value has not improved
 * for {@code patience} epochs in a row. By default the model then gets back the weights of its
 * best epoch, as Keras' {@code EarlyStopping(restore_best_weights=True)} does.
 *
 * <pre>{@code
 * EarlyStopping.min("val_loss").patience(20).minDelta(1e-4)   // stop when val_loss stalls
 * EarlyStopping.max("val_accuracy").patience(5)               // or when a score stalls
 * }</pre>
 *
 * <p>The rule, Keras' with {@code baseline=None}: an epoch improves on the best so far when
 * <pre>
 *   mode MIN:  value &lt; best − minDelta          mode MAX:  value &gt; best + minDelta
 * </pre>
 * (the first epoch always improves on the starting best, +∞ or −∞; a NaN value never improves).
 * After an improving epoch the count of epochs without improvement restarts at 0; training
 * stops at the end of the epoch that brings it to {@code patience}. With patience 3, a best
 * epoch 10 and no improvement after it, training stops after epoch 13.
 *
 * <p>Each setter returns a new instance; an instance is immutable and may be shared.
 *
 * @param monitor     the value watched, a name of {@link EpochResult#values()}
 * @param mode        whether smaller or larger is better
 * @param patience    epochs without improvement before stopping, {@code >= 1}
 * @param minDelta    how much a value must beat the best by to count, {@code >= 0}
 * @param restoreBest whether the model gets the best epoch's weights back at the end
 */
public record EarlyStopping(String monitor, Mode mode, int patience, double minDelta,
                            boolean restoreBest) {

    /** Whether a smaller or a larger value is better. */
    public enum Mode {
        /** Smaller is better: losses and errors. */
        MIN,
        /** Larger is better: accuracy, R². */
        MAX
    }

    /** The patience when none is given. */
    public static final int DEFAULT_PATIENCE = 10;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if the patience is below 1 or minDelta is negative or
     *         not finite
     */
    public EarlyStopping {
        Objects.requireNonNull(monitor, "EarlyStopping: monitor must not be null");
        Objects.requireNonNull(mode, "EarlyStopping: mode must not be null");
        if (patience < 1) {
            throw new IllegalArgumentException("EarlyStopping: patience must be >= 1, got "
                    + patience);
        }
        if (!(minDelta >= 0) || minDelta == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("EarlyStopping: minDelta must be finite and >= 0,"
                    + " got " + minDelta);
        }
    }

    /**
     * Stops when {@code monitor} stops falling, with patience {@value #DEFAULT_PATIENCE},
     * minDelta 0 and the best weights restored.
     *
     * @param monitor a value where smaller is better, such as {@code "val_loss"}
     * @return the rule
     */
    public static EarlyStopping min(String monitor) {
        return new EarlyStopping(monitor, Mode.MIN, DEFAULT_PATIENCE, 0, true);
    }

    /**
     * Stops when {@code monitor} stops rising, with patience {@value #DEFAULT_PATIENCE},
     * minDelta 0 and the best weights restored.
     *
     * @param monitor a value where larger is better, such as {@code "val_accuracy"}
     * @return the rule
     */
    public static EarlyStopping max(String monitor) {
        return new EarlyStopping(monitor, Mode.MAX, DEFAULT_PATIENCE, 0, true);
    }

    /**
     * This rule with another patience.
     *
     * @param epochs epochs without improvement before stopping, {@code >= 1}
     * @return a new rule
     */
    public EarlyStopping patience(int epochs) {
        return new EarlyStopping(monitor, mode, epochs, minDelta, restoreBest);
    }

    /**
     * This rule with another minimum improvement.
     *
     * @param delta how much a value must beat the best by, {@code >= 0}
     * @return a new rule
     */
    public EarlyStopping minDelta(double delta) {
        return new EarlyStopping(monitor, mode, patience, delta, restoreBest);
    }

    /**
     * This rule, restoring the best weights at the end or not.
     *
     * @param restore {@code false} to keep the last epoch's weights
     * @return a new rule
     */
    public EarlyStopping restoreBest(boolean restore) {
        return new EarlyStopping(monitor, mode, patience, minDelta, restore);
    }

    /**
     * Whether {@code value} improves on {@code best} by this rule.
     *
     * @param value the epoch's value
     * @param best  the best value so far (+∞ for MIN, −∞ for MAX before the first epoch)
     * @return {@code value < best − minDelta} (MIN) or {@code value > best + minDelta} (MAX)
     */
    public boolean improves(double value, double best) {
        return mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
    }

    /**
     * The best value before any epoch.
     *
     * @return +∞ for MIN, −∞ for MAX
     */
    double start() {
        return mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
}
