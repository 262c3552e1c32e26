package io.github.backprop4j.examples;

import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every example shares, mixed into each example's command ({@code @Mixin}).
 *
 * <p>The fields start at the example's own {@link Hyperparameters} defaults, which is also what
 * {@code --help} shows. Options that later apply to every example (such as where to save the
 * trained model) belong here too, so that each example gets them at once.
 */
public final class TrainingOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--epochs", paramLabel = "N",
            description = "passes over the training data, >= 0 (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "the update rule: sgd (with --momentum), adam, adamw (decoupled weight"
                    + " decay) or rmsprop, with PyTorch's default options"
                    + " (default: ${DEFAULT-VALUE})")
    private String optimizer = "sgd";

    @Option(names = "--lr", paramLabel = "RATE",
            description = "learning rate, > 0 (default: ${DEFAULT-VALUE} for sgd, this lesson's"
                    + " tuned rate; 0.001 for adam, adamw and rmsprop)")
    private double learningRate;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "momentum of sgd, in [0, 1) (default: ${DEFAULT-VALUE})")
    private double momentum;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "how the learning rate changes after each epoch, over T epochs:"
                    + " none; step (x0.1 every T/3 epochs); exp (x0.01^(1/T) each epoch, a"
                    + " hundredfold lower after T); cosine (down to 0 along half a cosine over"
                    + " T) (default: ${DEFAULT-VALUE})")
    private String schedule = "none";

    @Option(names = "--schedule-epochs", paramLabel = "T",
            description = "T, the epochs the schedule spans, >= 1 (default: the run's --epochs);"
                    + " when training in parts with --save and --load, give each part the whole"
                    + " run's T")
    private int scheduleEpochs;

    @Option(names = "--clip", paramLabel = "MAXNORM",
            description = "before each step, scale the gradients so that their total L2 norm is"
                    + " at most MAXNORM, > 0 (default: no clipping)")
    private Double clip;

    @Option(names = "--batch-size", paramLabel = "ROWS",
            description = "rows per mini-batch, >= 1 (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "seed of the random generator: same seed, same numbers"
                    + " (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "where to write the PNG plot, relative to the working directory, in"
                    + " a folder that exists (default: ${DEFAULT-VALUE}, whose folder is created)")
    private Path plot;

    @Option(names = "--kernels", paramLabel = "NAME",
            description = "matrix products to run on: ejml (pure Java) or openblas (native);"
                    + " default: the fastest that loads")
    private String kernels;

    @Option(names = "--load", paramLabel = "FILE",
            description = "before training, load this checkpoint (weights, optimizer state,"
                    + " learning rate, schedule, step) and go on from it; --epochs then counts the"
                    + " epochs to add, so --epochs 0 only evaluates. Give the saved run's --seed,"
                    + " --batch-size, --optimizer, --schedule and --schedule-epochs to resume it"
                    + " exactly")
    private Path load;

    @Option(names = "--save", paramLabel = "FILE",
            description = "after training, save a checkpoint (safetensors: weights, optimizer"
                    + " and schedule state, step) here, atomically; 'predict' reads it")
    private Path save;

    @Option(names = "--export-onnx", paramLabel = "FILE",
            description = "after training, export the model as a float32 ONNX file here,"
                    + " atomically, for ONNX Runtime or a graph viewer such as Netron")
    private Path exportOnnx;

    /**
     * Where to export the trained model as ONNX, as given by {@code --export-onnx}.
     *
     * @return the path, or {@code null} not to export
     */
    public Path exportOnnx() {
        return exportOnnx;
    }

    private final String example;
    private final double lessonLearningRate;

    /**
     * Options preset to an example's defaults.
     *
     * @param example  the example's name; the default plot is {@code target/plots/<example>.png}
     * @param defaults the example's tuned hyperparameters
     */
    public TrainingOptions(String example, Hyperparameters defaults) {
        this.example = example;
        this.epochs = defaults.epochs();
        this.learningRate = defaults.learningRate();
        this.lessonLearningRate = defaults.learningRate();
        this.momentum = defaults.momentum();
        this.batchSize = defaults.batchSize();
        this.seed = defaults.seed();
        this.plot = Path.of("target", "plots", example + ".png");
    }

    /**
     * The hyperparameters given on the command line, checked.
     *
     * @return the run's settings
     * @throws ParameterException naming the option if a value is out of range
     */
    public Hyperparameters hyperparameters() {
        check(epochs >= 0, "--epochs", "must be >= 0", epochs);
        check(learningRate > 0 && Double.isFinite(learningRate), "--lr",
                "must be positive and finite", learningRate);
        check(momentum >= 0 && momentum < 1, "--momentum", "must be in [0, 1)", momentum);
        check(batchSize >= 1, "--batch-size", "must be >= 1", batchSize);
        Optimization.Algorithm algorithm = named("--optimizer",
                () -> Optimization.Algorithm.named(optimizer));
        Optimization.Schedule scheduleName = named("--schedule",
                () -> Optimization.Schedule.named(schedule));
        check(algorithm == Optimization.Algorithm.SGD || !given("--momentum"), "--momentum",
                "applies to --optimizer sgd only", algorithm.optionName());
        check(scheduleEpochs >= 1 || !given("--schedule-epochs"), "--schedule-epochs",
                "must be >= 1", scheduleEpochs);
        check(clip == null || (clip > 0 && Double.isFinite(clip)), "--clip",
                "must be positive and finite", clip);
        double lr = given("--lr") ? learningRate
                : algorithm.defaultLearningRate(lessonLearningRate);
        return new Hyperparameters(epochs, lr, momentum, batchSize, seed, algorithm,
                scheduleName, scheduleEpochs, clip == null ? 0 : clip);
    }

    /** Whether the command line gave {@code option}, rather than leaving its default. */
    private boolean given(String option) {
        ParseResult parsed = spec.commandLine() == null ? null
                : spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** A name looked up, or the usage error naming the option and the names allowed. */
    private <T> T named(String option, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw Main.invalidValue(spec, option, e.getMessage());
        }
    }

    /**
     * The PNG file to write, as given (relative paths are relative to the working directory).
     *
     * @return the path
     */
    public Path plot() {
        return plot;
    }

    /**
     * The kernels asked for with {@code --kernels}, if any.
     *
     * @return the name, or {@code null} to keep the framework's own choice
     */
    public String kernels() {
        return kernels;
    }

    /**
     * Where to load a checkpoint from and save one to, as given by {@code --load} and
     * {@code --save}, with the {@code --lr} that a loaded checkpoint's rate replaces.
     *
     * @return the run's checkpoints (either path may be absent)
     */
    public Checkpoints checkpoints() {
        return new Checkpoints(example, load, save, given("--lr") ? learningRate : Double.NaN);
    }

    private void check(boolean ok, String option, String rule, Object value) {
        if (!ok) {
            throw Main.invalidValue(spec, option, rule + ", got " + value);
        }
    }
}
