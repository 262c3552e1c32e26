package io.github.backprop4j.train;

import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.optim.Gradients;
import io.github.backprop4j.optim.LRScheduler;
import io.github.backprop4j.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The options of a {@link Trainer}, from {@link Trainer#builder}; each setter returns the
 * builder, and {@link #build()} makes the trainer.
 */
public final class TrainerBuilder {
    final Layer model;
    final Loss loss;
    final Optimizer optimizer;
    int epochs = 100;
    int batchSize = 32;
    RandomGenerator shuffle;
    final Map<String, Metric> metrics = new LinkedHashMap<>();
    EarlyStopping earlyStopping;
    LRScheduler scheduler;
    double clipNorm;
    final List<TrainingListener> listeners = new ArrayList<>();
    Path checkpointFolder;
    int checkpointEvery;
    int checkpointKeep;
    Path csvLog;
    boolean progressBar = true;

    TrainerBuilder(Layer model, Loss loss, Optimizer optimizer) {
        this.model = Objects.requireNonNull(model, "Trainer: model must not be null");
        this.loss = Objects.requireNonNull(loss, "Trainer: loss must not be null");
        this.optimizer = Objects.requireNonNull(optimizer,
                "Trainer: optimizer must not be null");
    }

    /**
     * The number of epochs, at most (early stopping may end sooner). Default 100.
     *
     * @param n {@code >= 1}
     * @return this builder
     */
    public TrainerBuilder epochs(int n) {
        this.epochs = atLeastOne("epochs", n);
        return this;
    }

    /**
     * Rows per mini-batch; the last batch of an epoch may be shorter. Default 32.
     *
     * @param n {@code >= 1}
     * @return this builder
     */
    public TrainerBuilder batchSize(int n) {
        this.batchSize = atLeastOne("batchSize", n);
        return this;
    }

    /**
     * Shuffles the rows every epoch with {@code rng}, as {@link io.github.backprop4j.data.Batches#epoch(RandomGenerator)}
     * does. Without it the rows keep their order.
     *
     * @param rng the generator, used for nothing else by the trainer
     * @return this builder
     */
    public TrainerBuilder shuffle(RandomGenerator rng) {
        this.shuffle = Objects.requireNonNull(rng, "Trainer.shuffle: rng must not be null");
        return this;
    }

    /**
     * Measures {@code metric} on the training set, and on the validation set as
     * {@code "val_" + name}, after every epoch.
     *
     * @param name   the value's name, such as {@code "rmse"}; not {@code "loss"}, not
     *               starting with {@code "val_"}, and not given twice
     * @param metric the score, such as {@code Metrics::rmse}
     * @return this builder
     */
    public TrainerBuilder metric(String name, Metric metric) {
        Objects.requireNonNull(name, "Trainer.metric: name must not be null");
        Objects.requireNonNull(metric, "Trainer.metric: metric must not be null");
        if (name.isEmpty() || name.equals(EpochResult.LOSS)
                || name.startsWith(EpochResult.VALIDATION_PREFIX)
                || metrics.containsKey(name)) {
            throw new IllegalArgumentException("Trainer.metric: name must be new, not empty,"
                    + " not \"loss\" and not start with \"val_\", got \"" + name + "\"");
        }
        metrics.put(name, metric);
        return this;
    }

    /**
     * Stops training when a monitored value stops improving, and by default restores the
     * best epoch's weights.
     *
     * @param rule the rule, such as {@code EarlyStopping.min("val_loss").patience(20)}
     * @return this builder
     */
    public TrainerBuilder earlyStopping(EarlyStopping rule) {
        this.earlyStopping = Objects.requireNonNull(rule,
                "Trainer.earlyStopping: rule must not be null");
        return this;
    }

    /**
     * Steps {@code schedule} once after every epoch, as PyTorch's schedules expect.
     *
     * @param schedule a schedule of this trainer's optimizer
     * @return this builder
     */
    public TrainerBuilder scheduler(LRScheduler schedule) {
        Objects.requireNonNull(schedule, "Trainer.scheduler: schedule must not be null");
        if (schedule.optimizer() != optimizer) {
            throw new IllegalArgumentException("Trainer.scheduler: schedule must set the"
                    + " trainer's optimizer " + optimizer + ", got one of "
                    + schedule.optimizer());
        }
        this.scheduler = schedule;
        return this;
    }

    /**
     * Clips the gradients to a total L2 norm of {@code maxNorm} before every optimizer
     * step, with {@link Gradients#clipNorm}.
     *
     * @param maxNorm finite and {@code > 0}
     * @return this builder
     */
    public TrainerBuilder clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0) || maxNorm == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("Trainer.clipGradNorm: maxNorm must be finite"
                    + " and > 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /**
     * Saves a checkpoint (model, optimizer, schedule, step count; see
     * {@code io.github.backprop4j.io.Checkpoint}) every {@code every} epochs, as
     * {@code epoch-00010.safetensors} in {@code folder}, each written atomically, keeping
     * the newest {@code keep} of those this run wrote.
     *
     * @param folder an existing folder
     * @param every  epochs between checkpoints, {@code >= 1}
     * @param keep   how many to keep, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if the model cannot give its state (it is not
     *                                  {@link Stateful}, as {@code Sequential} is)
     */
    public TrainerBuilder checkpoints(Path folder, int every, int keep) {
        Objects.requireNonNull(folder, "Trainer.checkpoints: folder must not be null");
        if (!(model instanceof Stateful)) {
            throw new IllegalArgumentException("Trainer.checkpoints: the model must be"
                    + " Stateful (as Sequential is) to be saved, got " + model);
        }
        this.checkpointEvery = atLeastOne("checkpoint every", every);
        this.checkpointKeep = atLeastOne("checkpoint keep", keep);
        this.checkpointFolder = folder;
        return this;
    }

    /**
     * Writes every epoch's {@link EpochResult} as a row of a CSV file, rewritten atomically
     * after each epoch: {@code epoch,steps,lr,loss,val_loss,...}.
     *
     * @param file the file; its folder must exist
     * @return this builder
     */
    public TrainerBuilder csvLog(Path file) {
        this.csvLog = Objects.requireNonNull(file, "Trainer.csvLog: file must not be null");
        return this;
    }

    /**
     * Adds a listener, called after those added before it.
     *
     * @param listener the listener
     * @return this builder
     */
    public TrainerBuilder listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener,
                "Trainer.listener: listener must not be null"));
        return this;
    }

    /**
     * Whether to show a progress bar on the terminal (default on). It appears only when
     * the program runs in a terminal ({@code System.console()} is not null) and the run
     * looks like lasting more than a few seconds.
     *
     * @param show {@code false} to never show it
     * @return this builder
     */
    public TrainerBuilder progressBar(boolean show) {
        this.progressBar = show;
        return this;
    }

    /**
     * The trainer.
     *
     * @return a new trainer with these options
     */
    public Trainer build() {
        return new Trainer(this);
    }

    private static int atLeastOne(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Trainer: " + what + " must be >= 1, got " + n);
        }
        return n;
    }
}
