package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.Adam;
import io.github.backprop4j.optim.AdamW;
import io.github.backprop4j.optim.Optimizer;
import io.github.backprop4j.optim.RMSprop;
import io.github.backprop4j.optim.SGD;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lesson 10: optimizers side by side. The network of lesson 2 learns the same sine from the
 * same seed six times, once with each update rule, and the loss curves are drawn together.
 *
 * <h2>What you will see</h2>
 * Every run starts from the same data, the same initial weights and the same order of batches;
 * only the optimizer differs:
 * <pre>
 *   SGD              w ← w − lr·g                                      lr 0.01
 *   SGD + momentum   b ← μ·b + g,  w ← w − lr·b                        lr 0.01, μ 0.9
 *   Nesterov         the same, stepping along g + μ·b                  lr 0.01, μ 0.9
 *   RMSprop          w ← w − lr·g / (√(running mean of g²) + ε)        lr 0.001
 *   Adam             w ← w − lr·m̂ / (√v̂ + ε), m and v running means    lr 0.001
 *   AdamW            Adam, and every weight shrunk by lr·0.01 a step    lr 0.001
 * </pre>
 * With the defaults (500 epochs, seed 42), plain SGD creeps: its loss falls steadily but ends
 * near 2·10⁻⁴. Momentum adds up the steps along the valley's floor and ends twenty times lower,
 * at lesson 2's 1.06·10⁻⁵ (the "SGD + momentum" row is lesson 2's run exactly: the same seed,
 * rate and loop); Nesterov, which looks one step ahead, is a little lower and smoother still.
 * The adaptive three divide each weight's step by the size of its recent gradients, so every
 * weight moves at about the same pace whatever its gradient's scale: Adam and AdamW fall fastest
 * over the first hundred epochs, at a tenth of SGD's rate. Then, at a constant rate, their steps
 * no longer shrink as the gradients do, and their curves bounce between 10⁻⁵ and 10⁻³; RMSprop,
 * without Adam's averaged direction, bounces most. A schedule that lowers the rate calms them:
 * try {@code sine --optimizer adam --schedule cosine}. The table of the final losses goes to
 * standard output; the curves, on a log scale, to {@code target/plots/optimizers.png}.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar optimizers   (or: ... --epochs 200)</pre>
 */
@Command(name = Example10_Optimizers.NAME,
        description = "Lesson 10: six optimizers side by side on lesson 2's sine.")
public final class Example10_Optimizers implements Callable<Integer> {

    /** The lesson's name: its command and its plot's file name. */
    static final String NAME = "optimizers";

    /** The optimizers compared, by name, each built over the model's parameters. */
    static final Map<String, Function<List<Parameter>, Optimizer>> OPTIMIZERS = optimizers();

    @Option(names = "--epochs", paramLabel = "N",
            description = "passes over the data for each optimizer, >= 1"
                    + " (default: ${DEFAULT-VALUE})")
    private int epochs = Example02_FitASine.DEFAULTS.epochs();

    @Option(names = "--seed", paramLabel = "SEED",
            description = "seed of the data, the initial weights and the batch order, the same"
                    + " for every optimizer (default: ${DEFAULT-VALUE})")
    private long seed = Example02_FitASine.DEFAULTS.seed();

    @Option(names = "--plot", paramLabel = "FILE",
            description = "where to write the PNG of the loss curves"
                    + " (default: ${DEFAULT-VALUE})")
    private Path plot = Path.of("target", "plots", NAME + ".png");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Spec
    private CommandSpec spec;

    /**
     * One optimizer's run.
     *
     * @param optimizer    its name, as in {@link #OPTIMIZERS}
     * @param learningRate its learning rate
     * @param lossHistory  the mean training loss of each epoch
     * @param trainingMse  the loss over all training points after the last epoch
     */
    public record Run(String optimizer, double learningRate, double[] lossHistory,
                      double trainingMse) {
    }

    private static Map<String, Function<List<Parameter>, Optimizer>> optimizers() {
        Map<String, Function<List<Parameter>, Optimizer>> m = new LinkedHashMap<>();
        m.put("SGD", p -> SGD.builder(p).learningRate(0.01).build());
        m.put("SGD + momentum", p -> SGD.builder(p).learningRate(0.01).momentum(0.9).build());
        m.put("Nesterov", p -> SGD.builder(p).learningRate(0.01).momentum(0.9).nesterov(true)
                .build());
        m.put("RMSprop", p -> RMSprop.builder(p).learningRate(0.001).build());
        m.put("Adam", p -> Adam.builder(p).learningRate(0.001).build());
        m.put("AdamW", p -> AdamW.builder(p).learningRate(0.001).build());
        return Collections.unmodifiableMap(m);
    }

    /**
     * Trains lesson 2's network once per optimizer, each from the same seed.
     *
     * @param epochs passes over the data, {@code >= 1}
     * @param seed   the seed of every run
     * @return one run per optimizer, in {@link #OPTIMIZERS} order
     * @throws TrainingDivergedException if a loss becomes NaN or infinite
     */
    public static List<Run> compare(int epochs, long seed) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Example10_Optimizers.compare: epochs must be >= 1,"
                    + " got " + epochs);
        }
        List<Run> runs = new ArrayList<>();
        OPTIMIZERS.forEach((name, optimizer) -> runs.add(train(name, optimizer, epochs, seed)));
        return runs;
    }

    /** Lesson 2's data, network and loop, with the optimizer given. */
    private static Run train(String name, Function<List<Parameter>, Optimizer> build,
                             int epochs, long seed) {
        RandomGenerator rng = new SplittableRandom(seed);
        Matrix x = Matrix.uniform(Example02_FitASine.SAMPLES, 1, -Math.PI, Math.PI, rng);
        Matrix y = Example02_FitASine.sine(x);
        Batches loader = new Batches(new Dataset(x, y),
                Example02_FitASine.DEFAULTS.batchSize());
        Sequential model = Example02_FitASine.model(rng);
        MSELoss lossFunction = new MSELoss();
        Optimizer optimizer = build.apply(model.parameters());

        Hyperparameters h = Example02_FitASine.DEFAULTS.withEpochs(epochs).withSeed(seed)
                .withLearningRate(optimizer.learningRate());
        TrainingMonitor monitor = new TrainingMonitor(NAME + " " + name, h,
                loader.batchesPerEpoch());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (Batch batch : loader.epoch(rng)) {
                optimizer.zeroGrad();
                double loss = lossFunction.forward(model.forward(batch.features()),
                        batch.targets());
                monitor.batchLoss(epoch, batch, loss);
                model.backward(lossFunction.backward());
                optimizer.step();
            }
            monitor.endEpoch(epoch);
        }
        return new Run(name, optimizer.learningRate(), monitor.history(),
                lossFunction.forward(model.forward(x), y));
    }

    /**
     * The runs as a Markdown table: optimizer, learning rate, the first and the last epoch's
     * mean loss, and the final training MSE.
     *
     * @param runs what {@link #compare} returned
     * @return the table, one line per run after a header and a rule, each line ending in '\n'
     */
    public static String table(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        s.append("| optimizer | lr | loss, epoch 1 | loss, last epoch | training MSE |\n");
        s.append("|---|---|---|---|---|\n");
        for (Run r : runs) {
            double[] h = r.lossHistory();
            s.append(String.format(Locale.ROOT, "| %s | %s | %.3e | %.3e | %.3e |\n",
                    r.optimizer(), r.learningRate(), h[0], h[h.length - 1], r.trainingMse()));
        }
        return s.toString();
    }

    /**
     * Trains each optimizer, prints the table and writes the plot.
     *
     * @return 0 on success
     * @throws UncheckedIOException if the plot cannot be written
     */
    @Override
    public Integer call() {
        if (epochs < 1) {
            throw Main.invalidValue(spec, "--epochs", "must be >= 1, got " + epochs);
        }
        String problem = spec.commandLine().getParseResult().hasMatchedOption("--plot")
                ? FileProblems.beforeWriting(plot) : null;
        if (problem != null) {
            throw Main.invalidValue(spec, "--plot", problem);
        }
        List<Run> runs = compare(epochs, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.print(table(runs));
        out.flush();
        Map<String, double[]> curves = new LinkedHashMap<>();
        runs.forEach(r -> curves.put(r.optimizer(), r.lossHistory()));
        try {
            Plots.writeLossCurves("lesson 2's sine, " + epochs + " epochs: mean training loss",
                    curves, plot);
        } catch (IOException e) {
            throw new UncheckedIOException(FileProblems.cannotWrite(NAME, "the plot", plot, e), e);
        }
        return 0;
    }

    /**
     * Runs this lesson through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar optimizers}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
