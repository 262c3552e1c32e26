package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 8: three spiral arms, a linear classifier against an MLP, both on logits with
 * {@link CrossEntropyLoss}.
 *
 * <h2>What you will see</h2>
 * 300 points on three interleaved spiral arms, 100 per class, generated from the seed. Before
 * training, the MLP's logits are all small, its softmax close to uniform, and its loss close to
 * ln 3 ≈ 1.0986, the cross-entropy of guessing 1/3 for each class: the summary prints both.
 * A single {@link Linear} layer 2→3 can only cut the plane into three wedges by straight lines
 * and gets about half the points right; an MLP 2→64→64→3 with {@link ReLU} units wraps its
 * regions around the arms and classifies at least 97% of the training points correctly. The
 * plot shows the MLP's loss and both decision surfaces.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar spiral</pre>
 */
@Command(name = Example08_Spiral.NAME,
        description = "Lesson 8: three spiral arms; linear classifier against an MLP.")
public final class Example08_Spiral extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "spiral";

    /** The lesson as {@code predict} uses it: a point in, a logit per arm out. */
    public static final Lesson LESSON = Lesson.plain(NAME, List.of("x", "y"),
            List.of("logit_0", "logit_1", "logit_2"), Example08_Spiral::model);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(300, 0.1, 0.9, 32, 42);

    static final int ARMS = 3;
    static final int POINTS_PER_ARM = 100;
    static final int HIDDEN = 64;
    static final double NOISE = 0.2;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example08_Spiral() {
        super(LESSON, DEFAULTS, Example08_Spiral::train);
    }

    /**
     * The MLP, 2→64→64→3 with ReLU units; its weights are drawn from {@code rng}.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(new Linear(2, HIDDEN, rng), new ReLU(),
                new Linear(HIDDEN, HIDDEN, rng), new ReLU(), new Linear(HIDDEN, ARMS, rng));
    }

    /**
     * The spiral arms: for arm k and its i-th point, radius r = i / (n − 1) and angle
     * t = 4k + 4r + 0.2·noise, at (r sin t, r cos t).
     *
     * @param classes receives the arm of each point
     * @param rng     the source of the noise
     * @return the points, (300×2)
     */
    static Matrix points(int[] classes, RandomGenerator rng) {
        Matrix x = Matrix.zeros(ARMS * POINTS_PER_ARM, 2);
        for (int k = 0; k < ARMS; k++) {
            for (int i = 0; i < POINTS_PER_ARM; i++) {
                int row = k * POINTS_PER_ARM + i;
                double r = (double) i / (POINTS_PER_ARM - 1);
                double t = 4 * k + 4 * r + NOISE * rng.nextGaussian();
                x.set(row, 0, r * Math.sin(t));
                x.set(row, 1, r * Math.cos(t));
                classes[row] = k;
            }
        }
        return x;
    }

    /**
     * Trains from scratch and saves nothing.
     *
     * @param h the hyperparameters
     * @return the result; see {@link #train(Hyperparameters, Checkpoints)}
     */
    public static TrainingResult train(Hyperparameters h) {
        return train(h, Checkpoints.none(NAME));
    }

    /**
     * Trains the MLP and, for comparison, a single Linear layer the same way.
     *
     * @param h           the hyperparameters
     * @param checkpoints where the MLP resumes from and what is saved
     * @return the result; metrics {@code loss at initialisation}, {@code ln 3},
     *     {@code training accuracy}, {@code linear training accuracy},
     *     {@code training cross-entropy}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());
        int[] classes = new int[ARMS * POINTS_PER_ARM];
        Matrix x = points(classes, rng);
        Matrix y = Comparison.oneHot(classes, ARMS);

        Sequential model = model(rng);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss at initialisation", new CrossEntropyLoss().forward(model.predict(x),
                classes));
        metrics.put("ln 3", Math.log(ARMS));
        double[] history = Comparison.fit(NAME, model, new CrossEntropyLoss(), x, y, h,
                checkpoints, rng);
        Sequential linear = new Sequential(new Linear(2, ARMS, rng));
        Comparison.fit(NAME + " (linear)", linear, new CrossEntropyLoss(), x, y, h,
                Checkpoints.none(NAME), rng);

        return Comparison.compared(NAME, metrics, history, x, classes,
                new Comparison.Titled("spiral: MLP 2→64→64→3", model),
                new Comparison.Titled("spiral: Linear 2→3", linear),
                "linear training accuracy", -1.1, 1.1);
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar spiral}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
