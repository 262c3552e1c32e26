package io.github.backprop4j.train;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Trainer#fit} returns: every epoch's results, the best epoch by the monitored value,
 * and why training stopped.
 *
 * @param epochs       one result per epoch run, in order; copied, unmodifiable
 * @param monitor      the name of the value that chose the best epoch, such as
 *                     {@code "val_loss"}
 * @param bestEpoch    the epoch (from 1) with the best monitored value
 * @param restoredBest whether the model holds the best epoch's weights (early stopping with
 *                     {@code restoreBest}); otherwise it holds the last epoch's
 * @param stopReason   why the run ended
 */
public record TrainingHistory(List<EpochResult> epochs, String monitor, int bestEpoch,
                              boolean restoredBest, StopReason stopReason) {

    /**
     * Copies the epochs and checks that the best epoch is one of them.
     *
     * @throws IllegalArgumentException if there is no epoch or the best epoch is out of range
     */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
        Objects.requireNonNull(monitor, "TrainingHistory: monitor must not be null");
        Objects.requireNonNull(stopReason, "TrainingHistory: stopReason must not be null");
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("TrainingHistory: epochs must not be empty");
        }
        if (bestEpoch < 1 || bestEpoch > epochs.size()) {
            throw new IllegalArgumentException("TrainingHistory: bestEpoch must be in [1, "
                    + epochs.size() + "], got " + bestEpoch);
        }
    }

    /**
     * The results of the best epoch.
     *
     * @return {@code epochs().get(bestEpoch() - 1)}
     */
    public EpochResult best() {
        return epochs.get(bestEpoch - 1);
    }

    /**
     * The results of the last epoch run.
     *
     * @return the last element of {@link #epochs()}
     */
    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }

    /**
     * One value through the epochs, for a plot: {@code values("loss")} and
     * {@code values("val_loss")} are the two learning curves.
     *
     * @param name a value every epoch holds, such as {@code "val_loss"}
     * @return a new array, one entry per epoch
     * @throws IllegalArgumentException naming the values there are, if there is no such value
     */
    public double[] values(String name) {
        double[] out = new double[epochs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = epochs.get(i).value(name);
        }
        return out;
    }
}
