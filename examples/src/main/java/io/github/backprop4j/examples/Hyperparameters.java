package io.github.backprop4j.examples;

import java.util.Objects;

/**
 * The knobs of one training run: how long, how fast, in what batches, from which seed, and with
 * which optimizer, schedule and clipping ({@link Optimization}).
 *
 * <p>Every example has a {@code DEFAULTS} constant of this type, tuned so that it meets its
 * target in a few seconds; the launcher's options ({@link TrainingOptions}) override single
 * fields. Use the {@code with…} methods to change one field in code:
 * <pre>{@code
 * TrainingResult r = Example02_FitASine.train(Example02_FitASine.DEFAULTS.withEpochs(100));
 * }</pre>
 *
 * @param epochs       passes over the training data, {@code >= 0}
 * @param learningRate the optimizer's step size lr, {@code > 0} and finite (a schedule then
 *                     changes it from epoch to epoch)
 * @param momentum     SGD's momentum μ, in [0, 1); not used by the other optimizers
 * @param batchSize    rows per mini-batch, {@code >= 1}
 * @param seed         the seed of the one random generator the run draws from (data, initial
 *                     weights, shuffling): the same seed gives bit-identical results
 * @param optimizer    the update rule
 * @param schedule     how the learning rate changes from epoch to epoch
 * @param scheduleEpochs T, the epochs a schedule spans, {@code >= 1}; or 0 for this run's
 *                     {@code epochs} (see {@link #scheduleLength()})
 * @param clip         the largest total L2 norm of the gradients, {@code > 0}; or 0 not to clip
 */
public record Hyperparameters(int epochs, double learningRate, double momentum, int batchSize,
                              long seed, Optimization.Algorithm optimizer,
                              Optimization.Schedule schedule, int scheduleEpochs, double clip) {

    /**
     * Plain SGD at a constant rate, without clipping: the lessons' tuned defaults.
     *
     * @param epochs       passes over the training data
     * @param learningRate SGD's step size
     * @param momentum     SGD's momentum
     * @param batchSize    rows per mini-batch
     * @param seed         the seed of the run's random generator
     */
    public Hyperparameters(int epochs, double learningRate, double momentum, int batchSize,
                           long seed) {
        this(epochs, learningRate, momentum, batchSize, seed, Optimization.Algorithm.SGD,
                Optimization.Schedule.NONE, 0, 0);
    }

    /**
     * Checks every field.
     *
     * @param epochs         passes over the training data, {@code >= 0}
     * @param learningRate   the optimizer's step size, {@code > 0} and finite
     * @param momentum       SGD's momentum, in [0, 1)
     * @param batchSize      rows per mini-batch, {@code >= 1}
     * @param seed           the seed of the run's random generator
     * @param optimizer      the update rule
     * @param schedule       how the learning rate changes from epoch to epoch
     * @param scheduleEpochs the epochs a schedule spans, {@code >= 1}, or 0 for {@code epochs}
     * @param clip           the largest total gradient norm, {@code > 0}, or 0 not to clip
     * @throws IllegalArgumentException naming the field, its rule and the value
     */
    public Hyperparameters {
        if (epochs < 0) {
            throw new IllegalArgumentException("Hyperparameters: epochs must be >= 0, got "
                    + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Hyperparameters: learningRate must be positive"
                    + " and finite, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Hyperparameters: momentum must be in [0, 1), got "
                    + momentum);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Hyperparameters: batchSize must be >= 1, got "
                    + batchSize);
        }
        Objects.requireNonNull(optimizer, "Hyperparameters: optimizer must not be null");
        Objects.requireNonNull(schedule, "Hyperparameters: schedule must not be null");
        if (scheduleEpochs < 0) {
            throw new IllegalArgumentException("Hyperparameters: scheduleEpochs must be >= 0 (0:"
                    + " the run's epochs), got " + scheduleEpochs);
        }
        if (!(clip >= 0) || Double.isInfinite(clip)) {
            throw new IllegalArgumentException("Hyperparameters: clip must be finite and >= 0 (0:"
                    + " no clipping), got " + clip);
        }
    }

    /**
     * T, the epochs a schedule spans: {@code scheduleEpochs}, or this run's epochs when it is
     * 0 (at least 1).
     *
     * @return T, {@code >= 1}
     */
    public int scheduleLength() {
        return scheduleEpochs > 0 ? scheduleEpochs : Math.max(1, epochs);
    }

    /**
     * A copy with another number of epochs.
     *
     * @param value the new epochs
     * @return a new record
     */
    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(value, learningRate, momentum, batchSize, seed, optimizer,
                schedule, scheduleEpochs, clip);
    }

    /**
     * A copy with another learning rate.
     *
     * @param value the new learning rate
     * @return a new record
     */
    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(epochs, value, momentum, batchSize, seed, optimizer,
                schedule, scheduleEpochs, clip);
    }

    /**
     * A copy with another seed.
     *
     * @param value the new seed
     * @return a new record
     */
    public Hyperparameters withSeed(long value) {
        return new Hyperparameters(epochs, learningRate, momentum, batchSize, value, optimizer,
                schedule, scheduleEpochs, clip);
    }

    /**
     * A copy with another optimizer and its learning rate.
     *
     * @param value        the new optimizer
     * @param learningRate its learning rate
     * @return a new record
     */
    public Hyperparameters withOptimizer(Optimization.Algorithm value, double learningRate) {
        return new Hyperparameters(epochs, learningRate, momentum, batchSize, seed, value,
                schedule, scheduleEpochs, clip);
    }

    /**
     * A copy with another momentum (SGD's).
     *
     * @param value the new momentum
     * @return a new record
     */
    public Hyperparameters withMomentum(double value) {
        return new Hyperparameters(epochs, learningRate, value, batchSize, seed, optimizer,
                schedule, scheduleEpochs, clip);
    }

    /**
     * A copy with another schedule, over {@code scheduleEpochs} epochs.
     *
     * @param value          the new schedule
     * @param scheduleEpochs T, or 0 for the run's epochs
     * @return a new record
     */
    public Hyperparameters withSchedule(Optimization.Schedule value, int scheduleEpochs) {
        return new Hyperparameters(epochs, learningRate, momentum, batchSize, seed, optimizer,
                value, scheduleEpochs, clip);
    }

    /**
     * A copy with another clipping norm.
     *
     * @param value the largest total gradient norm, or 0 not to clip
     * @return a new record
     */
    public Hyperparameters withClip(double value) {
        return new Hyperparameters(epochs, learningRate, momentum, batchSize, seed, optimizer,
                schedule, scheduleEpochs, value);
    }
}
