package io.github.backprop4j.examples;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--lr", paramLabel = "RATE",
            description = "learning rate of SGD, > 0 (default: ${DEFAULT-VALUE})")
    private double learningRate;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "momentum of SGD, in [0, 1) (default: ${DEFAULT-VALUE})")
    private double momentum;

    @Option(names = "--batch-size", paramLabel = "ROWS",
            description = "rows per mini-batch, >= 1 (default: ${DEFAULT-VALUE})")
    private int batchSize;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "seed of the random generator: same seed, same numbers"
                    + " (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "where to write the PNG plot, relative to the working directory"
                    + " (default: ${DEFAULT-VALUE})")
    private Path plot;

    @Option(names = "--kernels", paramLabel = "NAME",
            description = "matrix products to run on: ejml (pure Java) or openblas (native);"
                    + " default: the fastest that loads")
    private String kernels;

    @Option(names = "--load", paramLabel = "FILE",
            description = "before training, load this checkpoint (weights, momentum, learning"
                    + " rate, step) and go on from it; --epochs then counts the epochs to add,"
                    + " so --epochs 0 only evaluates. Give the saved run's --seed and"
                    + " --batch-size to resume it exactly")
    private Path load;

    @Option(names = "--save", paramLabel = "FILE",
            description = "after training, save a checkpoint (safetensors: weights, SGD state,"
                    + " step) here, atomically; 'predict' reads it")
    private Path save;

    private final String example;

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
        return new Hyperparameters(epochs, learningRate, momentum, batchSize, seed);
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
     * {@code --save}.
     *
     * @return the run's checkpoints (either path may be absent)
     */
    public Checkpoints checkpoints() {
        return new Checkpoints(example, load, save);
    }

    private void check(boolean ok, String option, String rule, Object value) {
        if (!ok) {
            throw Main.invalidValue(spec, option, rule + ", got " + value);
        }
    }
}
