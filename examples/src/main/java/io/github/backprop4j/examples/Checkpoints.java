package io.github.backprop4j.examples;

import io.github.backprop4j.data.Batches;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.io.SafetensorsReader;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.LRScheduler;
import io.github.backprop4j.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a training run starts from ({@code --load}) and where it is saved ({@code --save}).
 *
 * <p>A lesson calls {@link #resume} once, after building its data loader, model and optimizer
 * and just before its training loop; the launcher calls {@link #save} after the loop:
 * <pre>{@code
 * checkpoints.resume(model, optimization, loader, rng);  // --load: weights, optimizer, step
 * for (int epoch = 1; epoch <= h.epochs(); epoch++) { ... }
 * // then, in ExampleCommand: checkpoints.save();        // --save
 * }</pre>
 * The file is a {@link Checkpoint}: the model's state dict, the optimizer's buffers and learning
 * rate, the schedule's epoch count if there is one, and the step count
 * ({@code docs/checkpoints.md}). {@code --epochs} counts the epochs of
 * this run, on top of those in the checkpoint, so {@code --epochs 0 --load FILE} only evaluates.
 *
 * <h2>What resumes exactly</h2>
 * The weights, the optimizer's buffers (momentum, Adam's moments, RMSprop's square averages),
 * the learning rate, the schedule's epoch count and the step count come from the file. The
 * optimizer and the schedule must be those of the saved run, with the same options: an Adam
 * checkpoint does not load into an SGD run, nor a cosine schedule's into a run without one.
 * The order of the rows in each epoch comes from the run's random generator, which the file
 * does not hold. It does not need to: a lesson draws its data and initial weights from the
 * generator first, then one shuffle per epoch, and nothing else. So {@link #resume} replays the
 * finished epochs' shuffles (it draws the k permutations and drops them), which puts the
 * generator where the uninterrupted run had it. Run with the same {@code --seed} and
 * {@code --batch-size} as the saved run, training k epochs, saving, loading and training the
 * rest gives bit for bit the weights of training straight through. A checkpoint whose step is
 * not a whole number of epochs at this batch size is refused. A different seed cannot be
 * detected: it resumes on other data (for the synthetic lessons) and in another order.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private final String example;
    private final Path load;
    private final Path save;
    private final double learningRateOption;
    private double loadedLearningRate = Double.NaN;
    private Sequential model;
    private Optimizer optimizer;
    private LRScheduler schedule;
    /** {@code --trace} and {@code --diagnose}; both off unless the launcher passes its own. */
    private Inspection inspection = new Inspection();

    /**
     * Where to load from and save to.
     *
     * @param example the example's name, for messages
     * @param load    the checkpoint to resume from, or {@code null} to start afresh
     * @param save    where to save after training, or {@code null} not to save
     */
    public Checkpoints(String example, Path load, Path save) {
        this(example, load, save, Double.NaN);
    }

    /**
     * Where to load from and save to, and the learning rate given with {@code --lr}: a loaded
     * checkpoint's own rate replaces it, and {@link #resume} then warns, naming both.
     *
     * @param example            the example's name, for messages
     * @param load               the checkpoint to resume from, or {@code null} to start afresh
     * @param save               where to save after training, or {@code null} not to save
     * @param learningRateOption the rate given with {@code --lr}, or NaN if none was given
     */
    public Checkpoints(String example, Path load, Path save, double learningRateOption) {
        this.example = Objects.requireNonNull(example, "Checkpoints: example must not be null");
        this.load = load;
        this.save = save;
        this.learningRateOption = learningRateOption;
    }

    /**
     * The same checkpoint to load from, and nothing saved: for trial runs.
     *
     * @return new checkpoints that load as these do and never save
     */
    public Checkpoints withoutSaving() {
        return new Checkpoints(example, load, null, learningRateOption);
    }

    /**
     * Neither loading nor saving: what {@code train(Hyperparameters)} uses.
     *
     * @param example the example's name
     * @return checkpoints that do nothing
     */
    public static Checkpoints none(String example) {
        return new Checkpoints(example, null, null);
    }

    /**
     * Registers the run's model and optimizer for {@link #save}, and with {@code --load} puts
     * the checkpoint's state into them and replays the shuffles of the epochs it finished.
     * Call it once, after the model's initial weights are drawn and before the first epoch.
     *
     * @param model     the freshly built model
     * @param optimizer its freshly built optimizer, with the options of the saved run
     * @param loader    the training data's loader
     * @param shuffle   the generator the training loop passes to {@code loader.epoch}
     * @return the number of epochs the checkpoint had finished (0 without {@code --load})
     * @throws ExampleException if the file is missing or unreadable, does not fit the model or
     *                          the optimizer (every problem listed), or does not end on an epoch
     */
    public long resume(Sequential model, Optimizer optimizer, Batches loader,
                       RandomGenerator shuffle) {
        return resume(model, optimizer, null, loader, shuffle);
    }

    /**
     * {@link #resume(Sequential, Optimizer, Batches, RandomGenerator)} for a run built by
     * {@link Optimization}: its optimizer and, with {@code --schedule}, its schedule are loaded
     * and saved together.
     *
     * @param model        the freshly built model
     * @param optimization its freshly built optimization, with the options of the saved run
     * @param loader       the training data's loader
     * @param shuffle      the generator the training loop passes to {@code loader.epoch}
     * @return the number of epochs the checkpoint had finished (0 without {@code --load})
     * @throws ExampleException if the file is missing or unreadable, does not fit the model, the
     *                          optimizer or the schedule (every problem listed, naming the
     *                          saved and the present optimizer), or does not end on an epoch
     */
    public long resume(Sequential model, Optimization optimization, Batches loader,
                       RandomGenerator shuffle) {
        Objects.requireNonNull(optimization, "Checkpoints.resume: optimization must not be null");
        return resume(model, optimization.optimizer(), optimization.schedule(), loader, shuffle);
    }

    /**
     * {@link #resume(Sequential, Optimization, Batches, RandomGenerator)}, then hands the run
     * to {@code --trace} and {@code --diagnose} ({@link Inspection}), which need its loss too:
     * the one call a lesson makes just before its loop.
     *
     * @param model        the freshly built model
     * @param loss         its loss
     * @param optimization its freshly built optimization, with the options of the saved run
     * @param loader       the training data's loader
     * @param shuffle      the generator the training loop passes to {@code loader.epoch}
     * @return the number of epochs the checkpoint had finished (0 without {@code --load})
     * @throws ExampleException as {@link #resume(Sequential, Optimization, Batches,
     *                          RandomGenerator)}
     */
    public long resume(Sequential model, Loss loss, Optimization optimization, Batches loader,
                       RandomGenerator shuffle) {
        long epochs = resume(model, optimization, loader, shuffle);
        inspection.start(model, loss, optimization, loader.dataset());
        return epochs;
    }

    /**
     * Passes the run to {@code --trace} and {@code --diagnose} when the lesson calls
     * {@link #resume(Sequential, Loss, Optimization, Batches, RandomGenerator)}.
     *
     * @param options the launcher's options
     * @return this
     */
    Checkpoints inspectedBy(Inspection options) {
        this.inspection = Objects.requireNonNull(options,
                "Checkpoints.inspectedBy: options must not be null");
        return this;
    }

    private long resume(Sequential model, Optimizer optimizer, LRScheduler schedule,
                        Batches loader, RandomGenerator shuffle) {
        this.model = Objects.requireNonNull(model, "Checkpoints.resume: model must not be null");
        this.optimizer = Objects.requireNonNull(optimizer,
                "Checkpoints.resume: optimizer must not be null");
        this.schedule = schedule;
        if (load == null) {
            return 0;
        }
        String thisRun = describe(optimizer, schedule);
        String misfit = "does not fit this example, run with " + thisRun
                + " (give the saved run's --optimizer, --schedule and their options)";
        long step;
        try {
            step = load(example, load, misfit, () -> schedule == null
                    ? Checkpoint.load(load, model, optimizer)
                    : Checkpoint.load(load, model, optimizer, schedule));
        } catch (ExampleException e) {
            String savedRun = e.getCause() instanceof StateDictException ? savedRun(load) : null;
            if (savedRun != null && !savedRun.equals(thisRun)) {
                throw new ExampleException(example + ": the checkpoint was saved by a run with "
                        + savedRun + ", but this run has " + thisRun + "; give the saved run's"
                        + " --optimizer, --schedule and their options to resume it",
                        e.getCause());
            }
            throw e;
        }
        int perEpoch = loader.batchesPerEpoch();
        if (step % perEpoch != 0) {
            throw new ExampleException(example + ": the checkpoint's step must be a whole number"
                    + " of epochs of " + perEpoch + " batches, got step " + step
                    + "; was it saved with another --batch-size?");
        }
        long epochs = step / perEpoch;
        for (long e = 0; e < epochs; e++) {
            loader.epoch(shuffle);              // draw and drop the finished epochs' orders
        }
        loadedLearningRate = optimizer.learningRate();
        LOG.info("{}: resumed from {} after {} epochs ({} steps), lr {}", example, load, epochs,
                step, loadedLearningRate);
        if (!Double.isNaN(learningRateOption) && learningRateOption != optimizer.learningRate()) {
            LOG.warn("{}: --lr {} is not used: a run resumed with --load goes on at the learning"
                    + " rate saved in {}, {}", example, learningRateOption, load,
                    optimizer.learningRate());
        }
        return epochs;
    }

    /**
     * With {@code --save}, writes the model, the optimizer and its step count, atomically;
     * creates the folder if needed.
     *
     * @throws IllegalStateException if {@link #resume} was never called
     * @throws UncheckedIOException  if the file cannot be written (an old file is then intact)
     */
    public void save() {
        if (save == null) {
            return;
        }
        if (model == null) {
            throw new IllegalStateException("Checkpoints.save: called before resume; the lesson"
                    + " must call resume(model, optimizer, loader, rng) before training");
        }
        try {
            Path dir = save.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (schedule == null) {
                Checkpoint.save(save, model, optimizer, optimizer.steps());
            } else {
                Checkpoint.save(save, model, optimizer, schedule, optimizer.steps());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(FileProblems.cannotWrite(example, "the checkpoint",
                    save, e), e);
        }
        LOG.info("{}: checkpoint written to {} (step {})", example, save, optimizer.steps());
    }

    /** The optimizer's and the schedule's types as a checkpoint names them. */
    private static String describe(Optimizer optimizer, LRScheduler schedule) {
        return describe(optimizer.stateDict().metadata().get("type"),
                schedule == null ? null : schedule.stateDict().metadata().get("type"));
    }

    private static String describe(String optimizerType, String scheduleType) {
        return "optimizer " + optimizerType + " and "
                + (scheduleType == null ? "no schedule" : "schedule " + scheduleType);
    }

    /**
     * The optimizer and schedule a checkpoint was saved with, as {@link #describe} words them;
     * read again only to explain a refusal.
     *
     * @return the description, or null for a file without optimizer state or one unreadable
     */
    private static String savedRun(Path file) {
        try {
            Map<String, String> meta = SafetensorsReader.read(file).metadata();
            String optimizerType = meta.get(Checkpoint.OPTIMIZER_PREFIX + "type");
            return optimizerType == null ? null : describe(optimizerType,
                    meta.get(Checkpoint.SCHEDULER_PREFIX + "type"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The model registered by {@link #resume}: the one {@code --save} writes, and
     * {@code --export-onnx} exports.
     *
     * @return the model, or {@code null} before {@code resume}
     */
    public Sequential model() {
        return model;
    }

    /**
     * The file to load from.
     *
     * @return the path, or {@code null} when starting afresh
     */
    public Path loadFrom() {
        return load;
    }

    /**
     * The learning rate the loaded checkpoint held, which the run went on with.
     *
     * @return the rate, or NaN if nothing was loaded (yet)
     */
    public double loadedLearningRate() {
        return loadedLearningRate;
    }

    /**
     * The file to save to.
     *
     * @return the path, or {@code null} when not saving
     */
    public Path saveTo() {
        return save;
    }

    /** What loading a checkpoint does, given to {@link #load}. */
    @FunctionalInterface
    interface Loading {
        /**
         * Loads the file.
         *
         * @return the step the file records
         * @throws IOException if the file cannot be read
         */
        long load() throws IOException;
    }

    /**
     * Loads a checkpoint with the messages every command gives for a missing file, a file that
     * does not fit, and a file that cannot be read.
     *
     * @param who     the command, for the messages
     * @param file    the file named by {@code --load}
     * @param misfit  what a file that does not fit is told, e.g. {@code "does not fit this example"}
     * @param loading the load itself
     * @return the step the file records
     * @throws ExampleException for each of those failures, naming the file
     */
    static long load(String who, Path file, String misfit, Loading loading) {
        if (Files.isDirectory(file)) {
            throw new ExampleException(who + ": --load must name a checkpoint file, got the folder "
                    + file);
        }
        try {
            return loading.load();
        } catch (NoSuchFileException e) {
            throw new ExampleException(who + ": --load must name an existing checkpoint, got no"
                    + " file at " + file, e);
        } catch (StateDictException e) {
            throw new ExampleException(who + ": the checkpoint " + misfit + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new ExampleException(who + ": cannot load " + file + ": "
                    + FileProblems.reason(e), e);
        }
    }
}
