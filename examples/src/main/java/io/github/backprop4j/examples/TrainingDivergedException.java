package io.github.backprop4j.examples;

/**
 * Training stopped because the loss became NaN or infinite.
 *
 * <p>Once a loss is not finite, every gradient and then every weight follows it, so there is
 * nothing to gain by going on. The usual cause is a learning rate so large that each step
 * overshoots further than the last. The message names where it happened and suggests a
 * smaller learning rate:
 * <pre>
 * sine: the loss became Infinity at epoch 1, step 4 (batch 4 of 16); training stopped. The
 * learning rate 1000000.0 is too large for this problem: try a smaller one, e.g. --lr 100000.0
 * </pre>
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The epoch, from 1. */
    private final int epoch;
    /** The optimizer step, from 1 over the whole run. */
    private final long step;
    /** The loss that was not finite. */
    private final double loss;

    /**
     * An exception describing where the loss stopped being finite.
     *
     * @param example      the example's name, for the message
     * @param epoch        the epoch, counted from 1
     * @param step         the optimizer step, counted from 1 over the whole run
     * @param batch        the batch within the epoch, counted from 1
     * @param batches      the number of batches per epoch
     * @param loss         the offending loss: NaN or ±infinity
     * @param learningRate the learning rate in use, for the suggestion
     */
    public TrainingDivergedException(String example, int epoch, long step, int batch, int batches,
                                     double loss, double learningRate) {
        super(example + ": the loss became " + loss + " at epoch " + epoch + ", step " + step
                + " (batch " + batch + " of " + batches + "); training stopped. The learning rate "
                + learningRate + " is too large for this problem: try a smaller one, e.g. --lr "
                + learningRate / 10);
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
     * The optimizer step at which the loss stopped being finite, counted over the whole run.
     *
     * @return the step, from 1
     */
    public long step() {
        return step;
    }

    /**
     * The loss that was not finite.
     *
     * @return NaN or ±infinity
     */
    public double loss() {
        return loss;
    }
}
