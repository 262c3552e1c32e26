package io.github.backprop4j.train;

import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.optim.Optimizer;
import java.time.Duration;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * A progress bar of the epochs on the terminal, drawn by the progressbar library: the listener
 * behind {@link TrainerBuilder#progressBar}.
 *
 * <p>It stays hidden unless the program runs in a terminal ({@code System.console()} is not
 * null: output to a file or a pipe, and test runs, get no escape codes) and the run looks long:
 * after an epoch, once at least {@link #FIRST_LOOK} has passed (the first epochs run slowly,
 * before the JIT compiler has warmed up) and the time so far extrapolated to all the epochs
 * exceeds {@link #LONG_RUN}. The bar then starts after that epoch, with the time already spent, and shows
 * each epoch's loss (and validation loss).
 */
final class ProgressListener implements TrainingListener {

    /** A run expected to take longer than this gets a bar. */
    static final Duration LONG_RUN = Duration.ofSeconds(3);

    /** No bar before this much time has passed: too early to judge the run's length. */
    static final Duration FIRST_LOOK = Duration.ofSeconds(1);

    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final ProgressBarConsumer consumer;
    private long start;
    private int epochs;
    private ProgressBar bar;

    ProgressListener() {
        this(System.console() != null, System::nanoTime, null);
    }

    /**
     * A listener with its seams given: whether output is a terminal, the clock, and where the
     * bar is drawn ({@code null}: the library's console).
     */
    ProgressListener(boolean terminal, LongSupplier nanoTime, ProgressBarConsumer consumer) {
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.consumer = consumer;
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
                ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("epoch")
                        .setInitialMax(epochs)
                        .startsFrom(epoch.epoch(), Duration.ofNanos(elapsed));
                bar = (consumer == null ? b : b.setConsumer(consumer)).build();
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
     * Whether a run whose first {@code done} epochs took {@code elapsed} ns, at least
     * {@link #FIRST_LOOK}, will take longer than {@link #LONG_RUN} for all {@code epochs}.
     */
    static boolean isLong(long elapsed, int done, int epochs) {
        return elapsed >= FIRST_LOOK.toNanos()
                && (double) elapsed / done * epochs > LONG_RUN.toNanos();
    }

    /** Whether a bar is on the screen. */
    boolean showing() {
        return bar != null;
    }

    /** Takes the bar off the screen, if one is showing. */
    void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
