package io.github.backprop4j.train;

/**
 * Thrown by {@link Trainer#fit} when a batch's loss is NaN or infinite: the weights can no longer
 * be trusted, so training stops at once rather than return a model of garbage. The message
 * names the epoch, the step and the batch, and suggests the usual cure.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** The epoch, from 1. */
    private final int epoch;
    /** The step of the run, from 1. */
    private final long step;
    /** The loss that was not finite. */
    private final double loss;

    /**
     * An exception for a loss that is not finite.
     *
     * @param epoch        the epoch, from 1
     * @param step         the step of the run, from 1
     * @param batch        the batch within the epoch, from 1
     * @param batches      the number of batches per epoch
     * @param loss         the loss, NaN or infinite
     * @param learningRate the learning rate of the step
     */
    TrainingDivergedException(int epoch, long step, int batch, int batches, double loss,
                              double learningRate) {
        super("Trainer.fit: the loss must stay finite, got " + loss + " in epoch " + epoch
                + ", step " + step + " (batch " + batch + " of " + batches + "), at learning"
                + " rate " + learningRate + "; try a smaller learning rate or gradient clipping");
        this.epoch = epoch;
        this.step = step;
        this.loss = loss;
    }

    /**
     * The epoch in which the loss stopped being finite.
     *
     * @return the epoch, from 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The step of the run at which the loss stopped being finite.
     *
     * @return the step, from 1
     */
    public long step() {
        return step;
    }

    /**
     * The loss that stopped training.
     *
     * @return NaN or an infinity
     */
    public double loss() {
        return loss;
    }
}
