package io.github.backprop4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.MatrixKernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the launcher does with any example: read the shared options, train, log a summary and
 * write the plot. Each example extends it and passes its {@link Lesson} (its name, network and
 * columns), defaults and training function:
 * <pre>{@code
 * @Command(name = Example02_FitASine.NAME, description = "...")
 * public final class Example02_FitASine extends ExampleCommand {
 *     public Example02_FitASine() {
 *         super(LESSON, DEFAULTS, Example02_FitASine::train);
 *     }
 *     public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) { ... }
 * }
 * }</pre>
 * so that the example's own file holds only the lesson, and a step added here reaches every
 * example. Loading a checkpoint ({@code --load}) happens inside the lesson, at the one call
 * {@link Checkpoints#resume}; saving ({@code --save}) happens here, after training.
 */
public abstract class ExampleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleCommand.class);

    @Mixin
    private final TrainingOptions options;

    /** {@code --trace} and {@code --diagnose}. */
    @Mixin
    private final Inspection inspection = new Inspection();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private final Lesson lesson;
    private final String name;
    private final BiFunction<Hyperparameters, Checkpoints, TrainingResult> training;

    /**
     * A command for one example.
     *
     * @param lesson   what the example states about itself; its name is the subcommand's
     *                 (give the {@code @Command} the same), and is used in log lines and the
     *                 plot's file name
     * @param defaults the example's tuned hyperparameters, shown by {@code --help}
     * @param training the example's training function: hyperparameters and checkpoints in, the
     *                 trained model and its scores out
     */
    protected ExampleCommand(Lesson lesson, Hyperparameters defaults,
                             BiFunction<Hyperparameters, Checkpoints, TrainingResult> training) {
        this.lesson = Objects.requireNonNull(lesson, "ExampleCommand: lesson must not be null");
        this.name = lesson.name();
        this.options = new TrainingOptions(name, defaults);
        this.training = Objects.requireNonNull(training,
                "ExampleCommand: training must not be null");
    }

    /**
     * What the example states about itself: what {@code predict} uses.
     *
     * @return the lesson
     */
    public Lesson lesson() {
        return lesson;
    }

    /**
     * Trains with the options given (from a checkpoint with {@code --load}), logs the metrics,
     * saves a checkpoint with {@code --save}, exports the model with {@code --export-onnx} and
     * writes the plot.
     *
     * @return 0 on success
     * @throws TrainingDivergedException if the loss became NaN or infinite
     * @throws ExampleException          if the checkpoint to load is missing or does not fit
     * @throws UncheckedIOException      if the checkpoint or the plot cannot be written
     */
    @Override
    public Integer call() {
        Hyperparameters h = options.hyperparameters();
        if (options.kernels() != null) {
            Kernels.use(selectKernels(options.kernels()));
        }
        Kernels.current(); // chosen and logged before the first line about training
        if (h.optimizer() == Optimization.Algorithm.SGD) {
            LOG.info("{}: {} epochs, lr {}, momentum {}, batch size {}, seed {}", name,
                    h.epochs(), h.learningRate(), h.momentum(), h.batchSize(), h.seed());
        } else {
            LOG.info("{}: {} epochs, {} with lr {}, batch size {}, seed {}", name, h.epochs(),
                    h.optimizer().optionName(), h.learningRate(), h.batchSize(), h.seed());
        }
        if (h.schedule() != Optimization.Schedule.NONE) {
            LOG.info("{}: {} schedule over {} epochs", name, h.schedule().optionName(),
                    h.scheduleLength());
        }
        if (h.clip() > 0) {
            LOG.info("{}: gradients clipped to a total norm of {}", name, h.clip());
        }
        Path plot = options.plot();
        if (spec.commandLine().getParseResult().hasMatchedOption("--plot")) {
            String problem = FileProblems.beforeWriting(plot);    // before training, not after
            if (problem != null) {
                throw Main.invalidValue(spec, "--plot", problem);
            }
        }
        Checkpoints checkpoints = options.checkpoints().inspectedBy(inspection);
        inspection.begin(name, h.epochs(), spec.commandLine().getOut());
        if (inspection.trace()) {                  // one step printed, then nothing more
            training.apply(h.withEpochs(0), checkpoints);
            LOG.info("{}: one step traced; nothing trained, saved or plotted", name);
            return 0;
        }
        long start = System.nanoTime();
        TrainingResult result;
        try {
            result = training.apply(h, checkpoints);
        } catch (TrainingDivergedException e) {
            // a resumed run takes its rate from the checkpoint, so other rates cannot be probed
            throw checkpoints.loadFrom() == null ? probe(h, checkpoints, e)
                    : e.resumedFrom(checkpoints.loadFrom(), checkpoints.loadedLearningRate());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("{}: trained in {} s", name, String.format(Locale.ROOT, "%.1f", seconds));
        result.metrics().forEach((metric, value) -> LOG.info("{}: {} = {}", name, metric,
                format(value)));
        checkpoints.save();
        OnnxExport.write(name, checkpoints.model(), options.exportOnnx());   // --export-onnx
        try {
            Plots.write(result, describe(h), plot);
        } catch (IOException e) {
            throw new UncheckedIOException(FileProblems.cannotWrite(name, "the plot", plot, e), e);
        }
        LOG.info("{}: plot written to {}", name, plot);
        return 0;
    }

    /** How many smaller rates a diverged run probes: lr/10 down to lr/10^12. */
    static final int PROBED_RATES = 12;
    /** The shortest probing run, in epochs. */
    static final int PROBE_EPOCHS = 3;

    /**
     * After a run diverged: tries lr/10, lr/100, … on short runs from the same start (same seed,
     * same checkpoint, nothing saved or drawn, progress not logged) and returns the exception
     * with the first rate whose run kept the loss finite. Each run lasts twice the epochs the
     * diverged run got through, at least {@value #PROBE_EPOCHS} and at most the run's epochs.
     */
    private TrainingDivergedException probe(Hyperparameters h, Checkpoints checkpoints,
                                            TrainingDivergedException diverged) {
        int epochs = Math.min(h.epochs(), Math.max(PROBE_EPOCHS, 2 * diverged.epoch()));
        Checkpoints loadOnly = checkpoints.withoutSaving();
        for (int k = 1; k <= PROBED_RATES; k++) {
            Hyperparameters trial = h.withEpochs(epochs)
                    .withLearningRate(TrainingDivergedException.decimalShift(h.learningRate(), k));
            try {
                Quietly.run(() -> training.apply(trial, loadOnly));
                return diverged.withProbe(trial.learningRate(), k, epochs);
            } catch (TrainingDivergedException again) {
                // smaller still
            }
        }
        return diverged.withProbe(Double.NaN, PROBED_RATES, epochs);
    }

    private MatrixKernels selectKernels(String kernelsName) {
        try {
            return Kernels.select(kernelsName);
        } catch (IllegalArgumentException e) {
            throw Main.invalidValue(spec, "--kernels", "must be one of "
                    + String.join(", ", Kernels.available()) + ", got " + kernelsName);
        }
    }

    /**
     * The options a run trained with, for a plot's title: {@code "sgd, lr 0.01, momentum 0.9,
     * batch 16, seed 42"}, then the schedule and clipping if any.
     *
     * @param h the run's hyperparameters
     * @return the description
     */
    static String describe(Hyperparameters h) {
        StringBuilder sb = new StringBuilder(h.optimizer().optionName()).append(", lr ")
                .append(TrainingDivergedException.plain(h.learningRate()));
        if (h.optimizer() == Optimization.Algorithm.SGD) {
            sb.append(", momentum ").append(TrainingDivergedException.plain(h.momentum()));
        }
        sb.append(", batch ").append(h.batchSize()).append(", seed ").append(h.seed());
        if (h.schedule() != Optimization.Schedule.NONE) {
            sb.append(", ").append(h.schedule().optionName()).append(" schedule");
        }
        if (h.clip() > 0) {
            sb.append(", clip ").append(TrainingDivergedException.plain(h.clip()));
        }
        return sb.toString();
    }

    /** Four decimals, or scientific notation for small values. */
    static String format(double value) {
        double a = Math.abs(value);
        return String.format(Locale.ROOT, a != 0 && a < 0.01 ? "%.3e" : "%.4f", value);
    }
}
