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
 * Lesson 3: two inputs, one output: the network learns a surface, f(x, y) = sin(x)·cos(y).
 *
 * <h2>What you will see</h2>
 * Each sample is now a row of two numbers, (x, y), drawn uniformly from [−π, π]², and the
 * target is sin(x)·cos(y): two hills and two valleys. Nothing else changes: the first layer is
 * {@code Linear(2→…)} instead of {@code Linear(1→…)}, and the same loop trains it. A surface
 * needs more pieces than a curve, so the network is wider and trains longer than lesson 2's.
 * The summary reports the training MSE (below 5·10⁻³); the plot shows the loss curve.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar surface</pre>
 */
@Command(name = Example03_FitASurface.NAME,
        description = "Lesson 3: two inputs: an MLP fits sin(x)·cos(y).")
public final class Example03_FitASurface extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "surface";

    /** The lesson as {@code predict} uses it: x and y in, the learned sin(x)·cos(y) out. */
    public static final Lesson LESSON = Lesson.plain(NAME, List.of("x", "y"),
            List.of("predicted_sin_x_cos_y"), Example03_FitASurface::model);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(200, 0.01, 0.9, 16, 42);

    static final int SAMPLES = 1024;
    static final int HIDDEN = 64;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example03_FitASurface() {
        super(LESSON, DEFAULTS, Example03_FitASurface::train);
    }

    /**
     * The network, 2→64→64→1, its weights drawn from {@code rng}: what
     * {@code train} trains and what {@code predict} loads a checkpoint into.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(
                new Linear(2, HIDDEN, rng), new ReLU(),
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
     * Fits the surface.
     *
     * @param h the hyperparameters
     * @param checkpoints where to resume from and what to save ({@code --load},
     *                    {@code --save})
     * @return the result; metric {@code training MSE}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: rows (x, y) uniform on [−π, π]², target sin(x)·cos(y).
        Matrix inputs = Matrix.uniform(SAMPLES, 2, -Math.PI, Math.PI, rng);
        Matrix targets = Matrix.zeros(SAMPLES, 1);
        for (int i = 0; i < SAMPLES; i++) {
            targets.set(i, 0, Math.sin(inputs.get(i, 0)) * Math.cos(inputs.get(i, 1)));
        }
        Batches loader = new Batches(new Dataset(inputs, targets), h.batchSize());

        // 2. Model: two inputs in, one output out.
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

        // 4. The loss over all training points.
        double trainingMse = lossFunction.forward(model.forward(inputs), targets);
        return new TrainingResult(NAME, trainingMse, Map.of("training MSE", trainingMse),
                monitor.history(), List.of(), model);
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar surface}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
