package io.github.backprop4j.train;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.BatchIterator;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.optim.Gradients;
import io.github.backprop4j.optim.LRScheduler;
import io.github.backprop4j.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Runs epochs of mini-batch training and reports on them: the explicit loop of the lessons, with
 * a validation set, metrics, early stopping, a schedule, clipping, checkpoints, a CSV log and a
 * progress bar around it.
 *
 * <pre>{@code
 * TrainingHistory history = Trainer.builder(model, new MSELoss(), optimizer)
 *         .epochs(500).batchSize(32).shuffle(new SplittableRandom(42))
 *         .metric("rmse", Metrics::rmse)
 *         .earlyStopping(EarlyStopping.min("val_loss").patience(20))
 *         .build()
 *         .fit(split.train(), validation);
 * }</pre>
 * replaces this loop, which is what {@link #fit} runs (each option adds its line):
 * <pre>{@code
 * Batches loader = new Batches(train, 32);
 * for (int epoch = 1; epoch <= 500; epoch++) {
 *     for (Batch b : loader.epoch(rng)) {
 *         optimizer.zeroGrad();
 *         double l = loss.forward(model.forward(b.features()), b.targets());
 *         if (!Double.isFinite(l)) throw ...;                // epoch and step named
 *         model.backward(loss.backward());
 *         Gradients.clipNorm(optimizer.parameters(), max);   // clipGradNorm(max)
 *         optimizer.step();
 *     }
 *     // loss over the validation set, metrics, scheduler.step(), early stopping,
 *     // keeping the best weights, checkpoint, CSV log, progress
 * }
 * }</pre>
 *
 * <p><b>What it guarantees.</b> The same seed gives the same bits: the only randomness is the
 * generator given to {@link TrainerBuilder#shuffle}, used exactly as the loop above uses it, so a run
 * through the trainer and the hand-written loop end with identical weights. A step allocates
 * nothing once warmed up (the metrics, the validation pass and the files of an epoch do). A loss
 * that becomes NaN or infinite throws {@link TrainingDivergedException} naming the epoch and
 * the step. A trainer may {@link #fit} several times; each call goes on from the model's and
 * the optimizer's current state. Training is single-threaded, like the step it runs.
 *
 * <p><b>Which epoch is best.</b> The early-stopping rule's monitored value decides; without one,
 * {@code "val_loss"} when there is a validation set, else {@code "loss"}, smaller being better.
 */
public final class Trainer {

    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final RandomGenerator shuffle;
    private final Map<String, Metric> metrics;
    private final EarlyStopping earlyStopping;
    private final LRScheduler scheduler;
    private final double clipNorm;
    private final List<TrainingListener> listeners;
    private final TrainingStep step;

    Trainer(TrainerBuilder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.metrics = new LinkedHashMap<>(b.metrics);
        this.earlyStopping = b.earlyStopping;
        this.scheduler = b.scheduler;
        this.clipNorm = b.clipNorm;
        List<TrainingListener> all = new ArrayList<>(b.listeners);
        if (b.checkpointFolder != null) {
            all.add(new CheckpointWriter(b.checkpointFolder, b.checkpointEvery, b.checkpointKeep,
                    (Stateful) model, optimizer, scheduler));
        }
        if (b.csvLog != null) {
            all.add(new CsvLog(b.csvLog));
        }
        if (b.progressBar) {
            all.add(new ProgressListener());
        }
        this.listeners = List.copyOf(all);
        this.step = new TrainingStep(model, optimizer);
    }

    /**
     * A builder for a trainer of {@code model} by {@code loss} and {@code optimizer}.
     *
     * @param model     the model; its parameters should be those of the optimizer
     * @param loss      the loss function, used for training and for the validation loss
     * @param optimizer the optimizer, whose learning rate the trainer's schedule sets
     * @return a builder with 100 epochs, batches of 32, rows in order, no validation metric,
     *     no early stopping, no clipping, no files, and the progress bar on for terminals
     */
    public static TrainerBuilder builder(Layer model, Loss loss, Optimizer optimizer) {
        return new TrainerBuilder(model, loss, optimizer);
    }

    /**
     * Trains on {@code train} without a validation set.
     *
     * @param train the training data
     * @return the history of the run
     * @throws TrainingDivergedException if a batch's loss is NaN or infinite
     * @throws IllegalArgumentException  if the early stopping's monitor is not a value the run
     *                                   measures (the message lists those it does)
     */
    public TrainingHistory fit(Dataset train) {
        return fit(train, null);
    }

    /**
     * Trains on {@code train}, measuring the loss and the metrics on {@code validation} after
     * every epoch.
     *
     * @param train      the training data
     * @param validation the validation data, or {@code null} for none
     * @return the history of the run
     * @throws TrainingDivergedException if a batch's loss is NaN or infinite; the model then
     *                                   holds the weights of the step before
     * @throws IllegalArgumentException  if the early stopping's monitor is not a value the run
     *                                   measures (the message lists those it does)
     */
    public TrainingHistory fit(Dataset train, Dataset validation) {
        Objects.requireNonNull(train, "Trainer.fit: train must not be null");
        String monitor = monitor(validation != null);
        EarlyStopping rule = earlyStopping != null ? earlyStopping
                : EarlyStopping.min(monitor).restoreBest(false);
        Batches loader = new Batches(train, batchSize);
        Evaluation trainEval = new Evaluation(train);
        Evaluation validEval = validation == null ? null : new Evaluation(validation);
        List<Parameter> params = optimizer.parameters();
        Matrix[] bestWeights = rule.restoreBest() ? copies(params) : null;
        List<EpochResult> history = new ArrayList<>(epochs);
        double best = rule.start();
        int bestEpoch = 1;
        int sinceBest = 0;
        StopReason reason = StopReason.COMPLETED;
        long steps = 0;
        for (TrainingListener l : listeners) {
            l.onTrainingStart(model, optimizer, epochs);
        }
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                for (int i = 0; i < listeners.size(); i++) {
                    listeners.get(i).onEpochStart(epoch);
                }
                double lossSum = 0;
                long rows = 0;
                double learningRate = optimizer.learningRate();
                BatchIterator batches = shuffle == null ? loader.epoch() : loader.epoch(shuffle);
                while (batches.hasNext()) {
                    Batch batch = batches.next();
                    double l = trainStep(epoch, ++steps, batch, batches.batchCount());
                    lossSum += l * batch.size();
                    rows += batch.size();
                }
                Map<String, Double> values = new LinkedHashMap<>();
                values.put(EpochResult.LOSS, lossSum / rows);
                if (validEval != null) {
                    values.put(EpochResult.VALIDATION_LOSS, validEval.loss());
                }
                trainEval.metrics("", values);
                if (validEval != null) {
                    validEval.metrics(EpochResult.VALIDATION_PREFIX, values);
                }
                EpochResult result = new EpochResult(epoch, steps, learningRate, values);
                history.add(result);
                if (scheduler != null) {
                    scheduler.step();
                }
                double value = result.value(rule.monitor());
                if (rule.improves(value, best)) {
                    best = value;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    if (bestWeights != null) {
                        copyValues(params, bestWeights, true);
                    }
                } else {
                    sinceBest++;
                }
                boolean stop = earlyStopping != null && sinceBest >= rule.patience()
                        && epoch < epochs;
                for (int i = 0; i < listeners.size(); i++) {
                    listeners.get(i).onEpochEnd(result);
                }
                if (stop) {
                    reason = StopReason.EARLY_STOPPED;
                    break;
                }
            }
        } finally {
            for (TrainingListener l : listeners) {
                if (l instanceof AutoCloseable) {
                    close((AutoCloseable) l);
                }
            }
        }
        if (bestWeights != null) {
            copyValues(params, bestWeights, false);
        }
        TrainingHistory done = new TrainingHistory(history, rule.monitor(), bestEpoch,
                bestWeights != null, reason);
        for (TrainingListener l : listeners) {
            l.onTrainingEnd(done);
        }
        return done;
    }

    /** One step: forward, loss, backward, clipping, update; the listeners in between. */
    private double trainStep(int epoch, long stepNumber, Batch batch, int batchCount) {
        optimizer.zeroGrad();
        double l = loss.forward(model.forward(batch.features()), batch.targets());
        if (!Double.isFinite(l)) {
            throw new TrainingDivergedException(epoch, stepNumber, batch.index() + 1, batchCount,
                    l, optimizer.learningRate());
        }
        model.backward(loss.backward());
        step.set(epoch, stepNumber, batch, l);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).afterBackward(step);
        }
        if (clipNorm > 0) {
            step.setGradientNorm(Gradients.clipNorm(optimizer.parameters(), clipNorm));
        }
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).beforeOptimizerStep(step);
        }
        optimizer.step();
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).afterOptimizerStep(step);
        }
        return l;
    }

    /** The monitored value's name, checked against the values the run will measure. */
    private String monitor(boolean validation) {
        Set<String> names = new LinkedHashSet<>();
        names.add(EpochResult.LOSS);
        if (validation) {
            names.add(EpochResult.VALIDATION_LOSS);
        }
        names.addAll(metrics.keySet());
        if (validation) {
            metrics.keySet().forEach(m -> names.add(EpochResult.VALIDATION_PREFIX + m));
        }
        String monitor = earlyStopping != null ? earlyStopping.monitor()
                : validation ? EpochResult.VALIDATION_LOSS : EpochResult.LOSS;
        if (!names.contains(monitor)) {
            throw new IllegalArgumentException("Trainer.fit: the early stopping's monitor must be"
                    + " one of " + names + ", got \"" + monitor + "\""
                    + (validation ? "" : " (there is no validation set)"));
        }
        return monitor;
    }

    private static Matrix[] copies(List<Parameter> params) {
        Matrix[] out = new Matrix[params.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = params.get(i).value().copy();
        }
        return out;
    }

    /** Copies the parameter values into {@code kept} ({@code keep}), or back. No allocation. */
    private static void copyValues(List<Parameter> params, Matrix[] kept, boolean keep) {
        for (int i = 0; i < kept.length; i++) {
            if (keep) {
                MatrixOps.copy(params.get(i).value(), kept[i]);
            } else {
                MatrixOps.copy(kept[i], params.get(i).value());
            }
        }
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("Trainer.fit: could not close " + c, e);
        }
    }

    /** The loss and the metrics on one whole data set, into buffers kept for the run. */
    private final class Evaluation {
        private final Matrix features;
        private final Matrix targets;
        private final Matrix predicted = Matrix.zeros(0, 0);

        Evaluation(Dataset data) {
            this.features = data.features();
            this.targets = data.targets();
        }

        double loss() {
            model.predict(features, predicted);
            return loss.forward(predicted, targets);
        }

        void metrics(String prefix, Map<String, Double> out) {
            if (!metrics.isEmpty()) {
                model.predict(features, predicted);
                metrics.forEach((name, m) -> out.put(prefix + name, m.compute(predicted, targets)));
            }
        }
    }
}
