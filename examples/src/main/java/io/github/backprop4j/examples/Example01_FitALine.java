package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 1: one {@link Linear} layer learns a straight line, y = 3x + 2, from noisy points.
 *
 * <h2>What you will see</h2>
 * The data are {@value #SAMPLES} points with x drawn uniformly from [−2, 2] and
 * y = 3x + 2 + noise, the noise Gaussian with standard deviation {@value #NOISE}. The model is
 * the smallest there is, {@code Linear(1→1)}: ŷ = x·w + b, with w and b starting at random.
 * Each step is the five lines every training loop has: zeroGrad, forward, loss, backward, step.
 * The loss falls within a few epochs to the noise floor, σ² = 0.01, and stays there: the rest
 * is noise no line can explain. The summary prints the learned weight and bias, which land
 * within a few thousandths of 3 and 2 (not exactly on them, because of the noise), and the plot
 * shows the fitted line through the points.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar line</pre>
 */
@Command(name = Example01_FitALine.NAME,
        description = "Lesson 1: a Linear layer fits y = 3x + 2; prints weight and bias.")
public final class Example01_FitALine extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "line";

    /** The lesson as {@code predict} uses it: x in, the fitted line's y out. */
    public static final Lesson LESSON = Lesson.plain(NAME, List.of("x"), List.of("predicted_y"),
            Example01_FitALine::model);

    /** Tuned defaults: plain SGD converges in a few dozen epochs. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(50, 0.05, 0.0, 16, 42);

    static final int SAMPLES = 256;
    static final double NOISE = 0.1;
    static final double TRUE_WEIGHT = 3;
    static final double TRUE_BIAS = 2;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example01_FitALine() {
        super(LESSON, DEFAULTS, Example01_FitALine::train);
    }

    /**
     * The network: one {@code Linear(1→1)}, its weight and bias drawn from {@code rng}. It sits
     * in a {@link Sequential} of one layer, which is what saves and loads a checkpoint (its
     * parameters are named {@code 0.weight} and {@code 0.bias}, as in PyTorch).
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(new Linear(1, 1, rng));
    }

    /**
     * Trains from scratch and saves nothing: {@link #train(Hyperparameters, Checkpoints)}
     * without {@code --load} and {@code --save}.
     *
     * @param h the hyperparameters
     * @return the result; metrics {@code weight}, {@code bias} and {@code training MSE}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Fits the line.
     *
     * @param h           the hyperparameters
     * @param checkpoints where to resume from and what to save ({@code --load},
     *                    {@code --save})
     * @return the result; metrics {@code weight}, {@code bias} and {@code training MSE}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: y = 3x + 2 plus Gaussian noise, one sample per row.
        Matrix x = Matrix.uniform(SAMPLES, 1, -2, 2, rng);
        Matrix y = Matrix.zeros(SAMPLES, 1);
        for (int i = 0; i < SAMPLES; i++) {
            y.set(i, 0, TRUE_WEIGHT * x.get(i, 0) + TRUE_BIAS + NOISE * rng.nextGaussian());
        }
        Batches loader = new Batches(new Dataset(x, y), h.batchSize());

        // 2. Model, loss and optimizer.
        Sequential model = model(rng);                             // one Linear(1→1)
        Linear linear = (Linear) model.layers().get(0);
        MSELoss lossFunction = new MSELoss();
        Optimization optimization = Optimization.of(h, model.parameters()); // SGD by default

        // 3. The training loop.
        // --load: go on from a checkpoint; --trace, --diagnose: look inside (Inspection)
        checkpoints.resume(model, lossFunction, optimization, loader, rng);
        TrainingMonitor monitor = new TrainingMonitor(NAME, h, loader.batchesPerEpoch());
        for (int epoch = 1; epoch <= h.epochs(); epoch++) {
            for (Batch batch : loader.epoch(rng)) {                    // a new order each epoch
                optimization.zeroGrad();                                // gradients accumulate
                Matrix prediction = model.forward(batch.features());   // ŷ = x·w + b
                double loss = lossFunction.forward(prediction, batch.targets());
                monitor.batchLoss(epoch, batch, loss);                 // stops on NaN
                model.backward(lossFunction.backward());               // ∂L/∂w, ∂L/∂b
                optimization.step();                                    // SGD: w ← w − lr·∂L/∂w
            }
            optimization.endEpoch();                                   // --schedule, if any
            monitor.endEpoch(epoch);
        }

        // 4. What was learned.
        Matrix fitted = model.forward(x).copy();
        double trainingMse = lossFunction.forward(fitted, y);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("weight", linear.weight().value().get(0, 0));
        metrics.put("bias", linear.bias().value().get(0, 0));
        metrics.put("training MSE", trainingMse);
        TrainingResult.Curve line = TrainingResult.Curve.sortedByX("y",
                Columns.of(x, 0), Columns.of(y, 0), Columns.of(fitted, 0));
        return new TrainingResult(NAME, trainingMse, metrics, monitor.history(),
                List.of(line), model);
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar line}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
