package io.github.backprop4j.examples;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Training stopped because the loss became NaN or infinite.
 *
 * <p>Once a loss is not finite, every gradient and then every weight follows it, so there is
 * nothing to gain by going on. The usual cause is a learning rate so large that each step
 * overshoots further than the last. The message names where it happened and suggests a
 * smaller learning rate:
 * <pre>
 * sine: the loss became Infinity at epoch 1, step 4 (batch 4 of 16); training stopped. The
 * learning rate 1000000 is too large for this problem: try a smaller one, e.g. --lr 100000
 * </pre>
 * The launcher does better than a tenth: it probes smaller rates on short runs from the same
 * start and names one that kept the loss finite ({@link #withProbe}):
 * <pre>
 * ... The learning rate 1000000 is too large for this problem: from the same start, --lr 0.01
 * kept the loss finite for 3 epochs (1000000 to 0.1 did not); try it
 * </pre>
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The first sentence of the message: the example, where the loss stopped being finite. */
    private final String where;
    /** The epoch, from 1. */
    private final int epoch;
    /** The optimizer step, from 1 over the whole run. */
    private final long step;
    /** The loss that was not finite. */
    private final double loss;
    /** The learning rate the run diverged with. */
    private final double learningRate;

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
        this(example + ": the loss became " + loss + " at epoch " + epoch + ", step " + step
                + " (batch " + batch + " of " + batches + "); training stopped.", epoch, step,
                loss, learningRate, "try a smaller one, e.g. --lr "
                        + plain(decimalShift(learningRate, 1)));
    }

    private TrainingDivergedException(String where, int epoch, long step, double loss,
                                      double learningRate, String advice) {
        super(where + " The learning rate " + plain(learningRate)
                + " is too large for this problem: " + advice);
        this.where = where;
        this.epoch = epoch;
        this.step = step;
        this.loss = loss;
        this.learningRate = learningRate;
    }

    /**
     * This exception with the result of a probe: the largest of the rates lr/10, lr/100, …
     * with which a short run from the same start kept its loss finite.
     *
     * @param rate   that rate, or NaN if none of those tried did
     * @param tried  how many rates were tried (lr/10 to lr/10^tried)
     * @param epochs the epochs of each probing run
     * @return a new exception whose message names the rate, or says that none was found
     */
    public TrainingDivergedException withProbe(double rate, int tried, int epochs) {
        String span = epochs == 1 ? "1 epoch" : epochs + " epochs";
        String advice;
        if (Double.isNaN(rate)) {
            advice = "even --lr " + plain(decimalShift(learningRate, tried)) + " did not keep the"
                    + " loss finite for " + span + " from the same start; look for a cause other"
                    + " than the rate, such as inputs far from 0";
        } else {
            double larger = decimalShift(rate, -1);
            String failed = larger == learningRate ? plain(learningRate)
                    : plain(learningRate) + " to " + plain(larger);
            advice = "from the same start, --lr " + plain(rate) + " kept the loss finite for "
                    + span + " (" + failed + " did not); try it";
        }
        return new TrainingDivergedException(where, epoch, step, loss, learningRate, advice);
    }

    /**
     * This exception for a run resumed from a checkpoint, whose learning rate comes from the
     * file rather than from {@code --lr}.
     *
     * @param checkpoint   the file the run resumed from
     * @param learningRate the rate the file held
     * @return a new exception whose message names that rate and says where it came from
     */
    public TrainingDivergedException resumedFrom(Path checkpoint, double learningRate) {
        return new TrainingDivergedException(where, epoch, step, loss, learningRate, "it came"
                + " from the checkpoint " + checkpoint + ", which --lr does not change; train"
                + " afresh, without --load, with a smaller --lr");
    }

    /**
     * {@code rate} with its decimal point moved {@code places} to the left, exactly in decimal:
     * {@code decimalShift(0.3, 1)} is 0.03, not 0.030000000000000002.
     *
     * @param rate   a finite rate
     * @param places how many tenths to take
     * @return rate / 10^places, rounded once
     */
    static double decimalShift(double rate, int places) {
        return BigDecimal.valueOf(rate).movePointLeft(places).doubleValue();
    }

    /** A rate as a person writes it: 1000000, 0.01, 0.00005. */
    static String plain(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    /**
     * The learning rate that made the loss diverge.
     *
     * @return the rate
     */
    public double learningRate() {
        return learningRate;
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
