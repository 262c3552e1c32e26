package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 2 (the default example): a small network learns a curve, sin(x) on [−π, π].
 *
 * <h2>What you will see</h2>
 * One straight line cannot follow a sine, so the model stacks two hidden layers of 32 units
 * with {@link ReLU} between them: {@code Linear(1→32) → ReLU → Linear(32→32) → ReLU →
 * Linear(32→1)}. Each ReLU unit contributes a kink, and the network bends a chain of straight
 * pieces into the shape of the sine. The training loop is the same five lines as lesson 1.
 * The loss drops a hundredfold in the first 50 epochs and then slowly, with small bumps where
 * a step overshoots; the summary reports the training MSE, far below 10⁻³, and the plot shows
 * the learned curve over the true sine.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar          (or: ... sine --epochs 500)</pre>
 */
@Command(name = Example02_FitASine.NAME,
        description = "Lesson 2 (default): an MLP 1→32→32→1 fits sin(x) on [−π, π].")
public final class Example02_FitASine extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "sine";

    /** The lesson as {@code predict} uses it: x in, the learned sin(x) out. */
    public static final Lesson LESSON = Lesson.plain(NAME, List.of("x"),
            List.of("predicted_sin_x"), Example02_FitASine::model);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(500, 0.01, 0.9, 16, 42);

    static final int SAMPLES = 256;
    static final int HIDDEN = 32;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example02_FitASine() {
        super(LESSON, DEFAULTS, Example02_FitASine::train);
    }

    /**
     * The network, 1→32→32→1, its weights drawn from {@code rng}: what
     * {@code train} trains and what {@code predict} loads a checkpoint into.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(
                new Linear(1, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, 1, rng));
    }

    /**
     * Trains from scratch and saves nothing: {@link #train(Hyperparameters, Checkpoints)}
     * without {@code --load} and {@code --save}.
     *
     * @param h the hyperparameters
     * @return the result; metric {@code training MSE}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Fits the sine.
     *
     * @param h the hyperparameters
     * @param checkpoints where to resume from and what to save ({@code --load},
     *                    {@code --save})
     * @return the result; metric {@code training MSE}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: x uniform on [−π, π], y = sin(x).
        Matrix x = Matrix.uniform(SAMPLES, 1, -Math.PI, Math.PI, rng);
        Matrix y = sine(x);
        Batches loader = new Batches(new Dataset(x, y), h.batchSize());

        // 2. Model: two hidden layers of ReLU units.
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

        // 4. How well it fits: the loss over all training points, and the curve on a grid.
        double trainingMse = lossFunction.forward(model.forward(x), y);
        Matrix grid = Columns.grid(-Math.PI, Math.PI, 201);
        TrainingResult.Curve curve = new TrainingResult.Curve("sin(x)", Columns.of(grid, 0),
                Columns.of(sine(grid), 0), Columns.of(model.predict(grid), 0));
        return new TrainingResult(NAME, trainingMse, Map.of("training MSE", trainingMse),
                monitor.history(), List.of(curve), model);
    }

    /** y = sin(x) for each row of x (m×1): the lesson's targets. */
    static Matrix sine(Matrix x) {
        Matrix y = Matrix.zeros(x.rows(), 1);
        for (int i = 0; i < x.rows(); i++) {
            y.set(i, 0, Math.sin(x.get(i, 0)));
        }
        return y;
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar sine}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
