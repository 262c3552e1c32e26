package io.github.backprop4j.examples;

import io.github.backprop4j.data.Batch;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a training loop: records each batch's loss, stops on a NaN or infinite loss, keeps
 * the mean loss of every epoch and logs progress about ten times per run.
 *
 * <p>It does no training itself: the examples write their loop out in full, and call it twice,
 * once per batch and once per epoch:
 * <pre>{@code
 * TrainingMonitor monitor = new TrainingMonitor("sine", h, loader.batchesPerEpoch());
 * for (int epoch = 1; epoch <= h.epochs(); epoch++) {
 *     for (Batch batch : loader.epoch(rng)) {
 *         optimizer.zeroGrad();
 *         double loss = lossFunction.forward(model.forward(batch.features()), batch.targets());
 *         monitor.batchLoss(epoch, batch, loss);   // throws if the loss is NaN or infinite
 *         model.backward(lossFunction.backward());
 *         optimizer.step();
 *     }
 *     monitor.endEpoch(epoch);
 * }
 * double[] history = monitor.history();
 * }</pre>
 *
 * <p>The epoch's loss is the mean of its batch losses weighted by batch rows, which for a
 * mean-reduced loss is the mean over the epoch's samples as the weights moved during the epoch.
 */
public final class TrainingMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingMonitor.class);
    /** About this many progress lines per run, plus the first and the last epoch. */
    private static final int PROGRESS_LINES = 10;

    private final String example;
    private final int epochs;
    private final double learningRate;
    private final int batchesPerEpoch;
    private final int logEvery;
    private final double[] history;
    private long steps;
    private double sum;
    private long rows;

    /**
     * A monitor for one run.
     *
     * @param example         the example's name, for log lines and messages
     * @param hyperparameters the run's settings (epochs and learning rate are used)
     * @param batchesPerEpoch the number of batches in an epoch, for messages
     */
    public TrainingMonitor(String example, Hyperparameters hyperparameters, int batchesPerEpoch) {
        this.example = Objects.requireNonNull(example, "TrainingMonitor: example must not be null");
        this.epochs = hyperparameters.epochs();
        this.learningRate = hyperparameters.learningRate();
        this.batchesPerEpoch = batchesPerEpoch;
        this.logEvery = Math.max(1, epochs / PROGRESS_LINES);
        this.history = new double[epochs];
    }

    /**
     * Records the loss of one batch, before backward and step use it.
     *
     * @param epoch the current epoch, from 1
     * @param batch the batch the loss was computed on
     * @param loss  the batch's loss
     * @throws TrainingDivergedException if the loss is NaN or infinite
     */
    public void batchLoss(int epoch, Batch batch, double loss) {
        steps++;
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(example, epoch, steps, batch.index() + 1,
                    batchesPerEpoch, loss, learningRate);
        }
        sum += loss * batch.size();
        rows += batch.size();
    }

    /**
     * Closes an epoch: stores its mean loss and logs it at the progress interval.
     *
     * @param epoch the epoch just finished, from 1
     * @return the epoch's mean loss
     */
    public double endEpoch(int epoch) {
        double mean = sum / rows;
        history[epoch - 1] = mean;
        sum = 0;
        rows = 0;
        if (epoch == 1 || epoch % logEvery == 0 || epoch == epochs) {
            LOG.info("{} epoch {}/{}  loss {}", example, String.format("%5d", epoch), epochs,
                    String.format("%.6f", mean));
        }
        return mean;
    }

    /**
     * The mean loss of every epoch so far, in order.
     *
     * @return a new array of {@code epochs} entries (zeros for epochs not run yet)
     */
    public double[] history() {
        return Arrays.copyOf(history, history.length);
    }
}
