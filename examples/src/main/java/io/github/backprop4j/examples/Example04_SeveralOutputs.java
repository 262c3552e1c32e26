package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 4: one input, two outputs at once: x → (sin x, cos x).
 *
 * <h2>What you will see</h2>
 * The target is now a row of two numbers, so the last layer is {@code Linear(32→2)} and the
 * targets matrix is (m×2). {@link MSELoss} averages over all m·2 entries, and its gradient
 * flows back through both outputs into the shared hidden layers, which learn features useful
 * to both curves. The summary reports the training MSE over both outputs (below 5·10⁻³) and
 * each output's own; the plot shows both learned curves over the true ones.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar multi</pre>
 */
@Command(name = Example04_SeveralOutputs.NAME,
        description = "Lesson 4: two outputs at once: x → (sin x, cos x).")
public final class Example04_SeveralOutputs extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "multi";

    /** The lesson as {@code predict} uses it: x in, the learned sin x and cos x out. */
    public static final Lesson LESSON = Lesson.plain(NAME, List.of("x"),
            List.of("predicted_sin_x", "predicted_cos_x"), Example04_SeveralOutputs::model);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(500, 0.01, 0.9, 16, 42);

    static final int SAMPLES = 256;
    static final int HIDDEN = 32;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example04_SeveralOutputs() {
        super(LESSON, DEFAULTS, Example04_SeveralOutputs::train);
    }

    /**
     * The network, 1→32→32→2, its weights drawn from {@code rng}: what
     * {@code train} trains and what {@code predict} loads a checkpoint into.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(
                new Linear(1, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, 2, rng));
    }

    /**
     * Trains from scratch and saves nothing: {@link #train(Hyperparameters, Checkpoints)}
     * without {@code --load} and {@code --save}.
     *
     * @param h the hyperparameters
     * @return the result; metrics {@code training MSE}, {@code MSE of sin}, {@code MSE of cos}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Fits both curves.
     *
     * @param h the hyperparameters
     * @param checkpoints where to resume from and what to save ({@code --load},
     *                    {@code --save})
     * @return the result; metrics {@code training MSE}, {@code MSE of sin}, {@code MSE of cos}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: x uniform on [−π, π]; each target row is (sin x, cos x).
        Matrix x = Matrix.uniform(SAMPLES, 1, -Math.PI, Math.PI, rng);
        Matrix y = sineAndCosine(x);
        Batches loader = new Batches(new Dataset(x, y), h.batchSize());

        // 2. Model: the last layer has two outputs.
        Sequential model = model(rng);
        MSELoss lossFunction = new MSELoss();
        Optimization optimization = Optimization.of(h, model.parameters());

        // 3. The training loop.
        // --load: go on from a checkpoint; --trace, --diagnose: look inside (Inspection)
        checkpoints.resume(model, lossFunction, optimization, loader, rng);
        TrainingMonitor monitor = new TrainingMonitor(NAME, h, loader.batchesPerEpoch());
        for (int epoch = 1; epoch <= h.epochs(); epoch++) {
            for (Batch batch : loader.epoch(rng)) {
                optimization.zeroGrad();
                Matrix prediction = model.forward(batch.features());
                double loss = lossFunction.forward(prediction, batch.targets());
                monitor.batchLoss(epoch, batch, loss);
                model.backward(lossFunction.backward());    // grads of W, b; none for x
                optimization.step();
            }
            optimization.endEpoch();                  // --schedule: the next epoch's rate
            monitor.endEpoch(epoch);
        }

        // 4. The loss over all training points, overall and per output.
        Matrix fitted = model.predict(x);
        double trainingMse = lossFunction.forward(fitted, y);
        double sinMse = Metrics.mse(columnMatrix(fitted, 0), columnMatrix(y, 0));
        double cosMse = Metrics.mse(columnMatrix(fitted, 1), columnMatrix(y, 1));
        Matrix grid = Columns.grid(-Math.PI, Math.PI, 201);
        Matrix truth = sineAndCosine(grid);
        Matrix predicted = model.predict(grid);
        List<TrainingResult.Curve> curves = List.of(
                new TrainingResult.Curve("sin(x)", Columns.of(grid, 0), Columns.of(truth, 0),
                        Columns.of(predicted, 0)),
                new TrainingResult.Curve("cos(x)", Columns.of(grid, 0), Columns.of(truth, 1),
                        Columns.of(predicted, 1)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("training MSE", trainingMse);
        metrics.put("MSE of sin", sinMse);
        metrics.put("MSE of cos", cosMse);
        return new TrainingResult(NAME, trainingMse, metrics, monitor.history(), curves,
                model);
    }

    private static Matrix sineAndCosine(Matrix x) {
        Matrix y = Matrix.zeros(x.rows(), 2);
        for (int i = 0; i < x.rows(); i++) {
            y.set(i, 0, Math.sin(x.get(i, 0)));
            y.set(i, 1, Math.cos(x.get(i, 0)));
        }
        return y;
    }

    private static Matrix columnMatrix(Matrix m, int j) {
        return Matrix.columnVector(Columns.of(m, j));
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar multi}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
