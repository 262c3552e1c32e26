package io.github.backprop4j.examples;

/**
 * The knobs of one training run: how long, how fast, in what batches, from which seed.
 *
 * <p>Every example has a {@code DEFAULTS} constant of this type, tuned so that it meets its
 * target in a few seconds; the launcher's options ({@link TrainingOptions}) override single
 * fields. Use the {@code with…} methods to change one field in code:
 * <pre>{@code
 * TrainingResult r = Example02_FitASine.train(Example02_FitASine.DEFAULTS.withEpochs(100));
 * }</pre>
 *
 * @param epochs       passes over the training data, {@code >= 0}
 * @param learningRate SGD's step size lr, {@code > 0} and finite
 * @param momentum     SGD's momentum μ, in [0, 1)
 * @param batchSize    rows per mini-batch, {@code >= 1}
 * @param seed         the seed of the one random generator the run draws from (data, initial
 *                     weights, shuffling): the same seed gives bit-identical results
 */
public record Hyperparameters(int epochs, double learningRate, double momentum, int batchSize,
                              long seed) {

    /**
     * Checks every field.
     *
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
    }

    /**
     * A copy with another number of epochs.
     *
     * @param value the new epochs
     * @return a new record
     */
    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(value, learningRate, momentum, batchSize, seed);
    }

    /**
     * A copy with another learning rate.
     *
     * @param value the new learning rate
     * @return a new record
     */
    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(epochs, value, momentum, batchSize, seed);
    }

    /**
     * A copy with another seed.
     *
     * @param value the new seed
     * @return a new record
     */
    public Hyperparameters withSeed(long value) {
        return new Hyperparameters(epochs, learningRate, momentum, batchSize, value);
    }
}
