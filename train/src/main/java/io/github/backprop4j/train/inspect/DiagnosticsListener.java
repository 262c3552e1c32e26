package io.github.backprop4j.train.inspect;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.train.EpochResult;
import io.github.backprop4j.train.TrainingHistory;
import io.github.backprop4j.train.TrainingListener;
import io.github.backprop4j.train.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Diagnostics} driven by a {@link io.github.backprop4j.train.Trainer}: logs the loss at
 * initialisation (the first batch's loss, before any update, next to its expected value) and,
 * every {@code every} epochs, a {@linkplain Diagnostics.Report report}, with its warnings at
 * WARN; the reports are kept too.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model, loss, optimizer).epochs(100)
 *         .listener(new DiagnosticsListener(model, loss, 10))
 *         .build();
 * }</pre>
 * A trainer without it calls nothing of it: diagnostics cost nothing when off.
 */
public final class DiagnosticsListener implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsListener.class);

    private final Diagnostics diagnostics;
    private final Loss loss;
    private final int every;
    private final List<Diagnostics.Report> reports = new ArrayList<>();
    private Diagnostics.InitialLoss initialLoss;

    /**
     * A listener reporting every {@code every} epochs.
     *
     * @param model the trainer's model
     * @param loss  the trainer's loss, for the expected initial value
     * @param every epochs between reports, {@code >= 1}
     * @throws IllegalArgumentException if {@code every < 1}
     */
    public DiagnosticsListener(Sequential model, Loss loss, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("DiagnosticsListener: every must be >= 1, got "
                    + every);
        }
        this.diagnostics = new Diagnostics(model);
        this.loss = Objects.requireNonNull(loss, "DiagnosticsListener: loss must not be null");
        this.every = every;
    }

    /** Starts observing the layers' outputs. */
    @Override
    public void onTrainingStart(Layer model, Optimizer optimizer, int epochs) {
        diagnostics.start();
    }

    /** On the first step, logs the loss at initialisation; then adds the gradient norms. */
    @Override
    public void afterBackward(TrainingStep step) {
        if (initialLoss == null) {
            Matrix targets = step.batch().targets();
            initialLoss = new Diagnostics.InitialLoss(step.loss(),
                    loss.expectedInitialLoss(targets), loss.toString());
            LOG.info("{} (first batch)", initialLoss);
        }
        diagnostics.afterBackward();
    }

    /** Keeps the values before the update. */
    @Override
    public void beforeOptimizerStep(TrainingStep step) {
        diagnostics.beforeStep();
    }

    /** Adds the update/weight ratios. */
    @Override
    public void afterOptimizerStep(TrainingStep step) {
        diagnostics.afterStep();
    }

    /** Every {@code every} epochs, logs a report and its warnings. */
    @Override
    public void onEpochEnd(EpochResult epoch) {
        if (epoch.epoch() % every == 0) {
            Diagnostics.Report report = diagnostics.report();
            reports.add(report);
            LOG.info("epoch {}: {}", epoch.epoch(), report.table().stripTrailing());
            for (String warning : report.warnings()) {
                LOG.warn("epoch {}: {}", epoch.epoch(), warning);
            }
        }
    }

    /** Stops observing. */
    @Override
    public void onTrainingEnd(TrainingHistory history) {
        diagnostics.stop();
    }

    /**
     * The loss of the first batch before any update, next to its expected value.
     *
     * @return the initial loss, or {@code null} before the first step
     */
    public Diagnostics.InitialLoss initialLoss() {
        return initialLoss;
    }

    /**
     * The reports so far, one per {@code every} epochs.
     *
     * @return an unmodifiable copy
     */
    public List<Diagnostics.Report> reports() {
        return List.copyOf(reports);
    }
}
