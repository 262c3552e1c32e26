package io.github.backprop4j.train;

import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.optim.Optimizer;
import java.time.Duration;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar of the epochs on the terminal, drawn by the progressbar library: the listener
 * behind {@link TrainerBuilder#progressBar}.
 *
 * <p>It stays hidden unless the program runs in a terminal ({@code System.console()} is not
 * null: output to a file or a pipe, and test runs, get no escape codes) and the run looks long:
 * after an epoch, when the time so far extrapolated to all the epochs exceeds
 * {@link #LONG_RUN}. The bar then starts at that epoch, with the time already spent, and shows
 * each epoch's loss (and validation loss).
 */
final class ProgressListener implements TrainingListener, AutoCloseable {

    /** A run expected to take longer than this gets a bar. */
    static final Duration LONG_RUN = Duration.ofSeconds(3);

    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long start;
    private int epochs;
    private ProgressBar bar;

    ProgressListener() {
        this(System.console() != null, System::nanoTime);
    }

    ProgressListener(boolean terminal, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    @Override
    public void onTrainingStart(Layer model, Optimizer optimizer, int epochs) {
        this.start = nanoTime.getAsLong();
        this.epochs = epochs;
    }

    @Override
    public void onEpochEnd(EpochResult epoch) {
        if (bar == null && terminal && epoch.epoch() < epochs) {
            long elapsed = nanoTime.getAsLong() - start;
            if (isLong(elapsed, epoch.epoch(), epochs)) {
                bar = new ProgressBarBuilder().setTaskName("epoch").setInitialMax(epochs)
                        .startsFrom(epoch.epoch() - 1, Duration.ofNanos(elapsed)).build();
            }
        }
        if (bar != null) {
            bar.stepTo(epoch.epoch());
            double validation = epoch.validationLoss();
            bar.setExtraMessage(String.format(" loss %.4g", epoch.loss())
                    + (Double.isNaN(validation) ? "" : String.format(" val %.4g", validation)));
        }
    }

    /**
     * Whether a run whose first {@code done} epochs took {@code elapsed} ns will take longer
     * than {@link #LONG_RUN} for all {@code epochs}.
     */
    static boolean isLong(long elapsed, int done, int epochs) {
        return (double) elapsed / done * epochs > LONG_RUN.toNanos();
    }

    /** Whether a bar is on the screen. */
    boolean showing() {
        return bar != null;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
