package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Tanh;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 7: XOR, the function no straight line can separate, and the hidden layer that can.
 *
 * <h2>What you will see</h2>
 * Four points, (0, 0) and (1, 1) of class 0, (0, 1) and (1, 0) of class 1. A network 2→8→2 with
 * {@link Tanh} hidden units learns them all: accuracy 1. The same training without the hidden
 * layer, a single {@link Linear} 2→2, can only split the plane by one straight line, and no
 * straight line puts (0, 0) and (1, 1) on one side and the other two on the other: its accuracy
 * stays at most 0.75 (with the defaults it settles on one class everywhere, 0.5), and the
 * summary prints it beside the network's. The plot shows the loss and both decision surfaces
 * over [−0.5, 1.5]²: a band around the diagonal from the hidden layer, a half-plane at best
 * without it. Both are trained with {@code CrossEntropyLoss} on their two logits.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar xor</pre>
 */
@Command(name = Example07_Xor.NAME,
        description = "Lesson 7: XOR needs a hidden layer; Tanh units, two surfaces.")
public final class Example07_Xor extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "xor";

    /** The lesson as {@code predict} uses it: two inputs, a logit per class out. */
    public static final Lesson LESSON = Lesson.plain(NAME, List.of("x1", "x2"),
            List.of("logit_0", "logit_1"), Example07_Xor::model);

    /** Tuned defaults: the whole data set is one batch. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(300, 0.1, 0.9, 4, 42);

    static final int HIDDEN = 8;
    /** The four corners of the unit square and their classes, x1 XOR x2. */
    static final double[][] POINTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final int[] CLASSES = {0, 1, 1, 0};

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example07_Xor() {
        super(LESSON, DEFAULTS, Example07_Xor::train);
    }

    /**
     * The network, 2→8→2 with Tanh hidden units; its weights are drawn from {@code rng}.
     *
     * @param rng the source of the initial weights
     * @return a new, untrained model
     */
    public static Sequential model(RandomGenerator rng) {
        return new Sequential(new Linear(2, HIDDEN, rng), new Tanh(), new Linear(HIDDEN, 2, rng));
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
     * Trains the network and, for comparison, a single Linear layer the same way.
     *
     * @param h           the hyperparameters
     * @param checkpoints where the network resumes from and what is saved
     * @return the result; metrics {@code training accuracy},
     *     {@code accuracy without the hidden layer}, {@code training cross-entropy}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());
        Matrix x = Matrix.of(POINTS);
        Matrix y = Comparison.oneHot(CLASSES, 2);

        Sequential model = model(rng);
        double[] history = Comparison.fit(NAME, model, new CrossEntropyLoss(), x, y, h,
                checkpoints, rng);
        Sequential linear = new Sequential(new Linear(2, 2, rng));   // no hidden layer
        Comparison.fit(NAME + " (no hidden layer)", linear, new CrossEntropyLoss(), x, y, h,
                Checkpoints.none(NAME), rng);

        return Comparison.compared(NAME, Map.of(), history, x, CLASSES,
                new Comparison.Titled("xor: 2→8 Tanh→2", model),
                new Comparison.Titled("xor: Linear 2→2 alone", linear),
                "accuracy without the hidden layer", -0.5, 1.5);
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar xor}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
