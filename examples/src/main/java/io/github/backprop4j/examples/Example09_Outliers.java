package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.HuberLoss;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;

/**
 * Lesson 9: a line through data with outliers, fitted with {@link MSELoss} and with
 * {@link HuberLoss}.
 *
 * <h2>What you will see</h2>
 * 200 points on y = 2x + 1 with a little noise, of which every tenth is an outlier, 12 below the
 * line. The same {@link Linear} layer 1→1 is fitted twice, the same way. MSE's gradient on a
 * point grows with its error, so the twenty outliers pull the line down and tilt it: its bias
 * ends near 1 − 12/10 = −0.2. Huber's gradient is capped at δ = 1, so each outlier pulls no harder than a
 * point one unit off, and the fit stays close to the true weight 2 and bias 1. The summary prints
 * both fits and their RMSE on the 180 clean points; the plot shows the loss (Huber's) and both
 * lines through the data.
 *
 * <h2>How to run</h2>
 * <pre>java -jar examples/target/backprop4j-examples.jar outliers</pre>
 */
@Command(name = Example09_Outliers.NAME,
        description = "Lesson 9: a line through outliers; MSE against Huber.")
public final class Example09_Outliers extends ExampleCommand {

    /** The lesson's name: its command, its log lines and its plot's file name. */
    static final String NAME = "outliers";

    /**
     * The lesson as {@code predict} uses it: lesson 1's, one {@code Linear(1→1)} from x to y,
     * under this lesson's name; the model saved is the Huber fit.
     */
    public static final Lesson LESSON = Lesson.plain(NAME, Example01_FitALine.LESSON.inputs(),
            Example01_FitALine.LESSON.outputs(), Example01_FitALine::model);

    /** Tuned defaults. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(100, 0.05, 0.9, 16, 42);

    /** The true line, y = 2x + 1. */
    static final double TRUE_WEIGHT = 2;
    static final double TRUE_BIAS = 1;
    static final double NOISE = 0.1;
    static final int SAMPLES = 200;
    /** Every OUTLIER_EVERY-th point is an outlier, OUTLIER_SHIFT off the line. */
    static final int OUTLIER_EVERY = 10;
    static final double OUTLIER_SHIFT = -12;

    /** The command the launcher runs; the lesson is {@link #train}. */
    public Example09_Outliers() {
        super(LESSON, DEFAULTS, Example09_Outliers::train);
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
     * Fits the line with Huber (the model that is saved) and, for comparison, with MSE.
     *
     * @param h           the hyperparameters
     * @param checkpoints where the Huber fit resumes from and what is saved
     * @return the result; metrics {@code Huber weight}, {@code Huber bias},
     *     {@code MSE weight}, {@code MSE bias}, {@code Huber RMSE on clean points},
     *     {@code MSE RMSE on clean points}
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public static TrainingResult train(Hyperparameters h, Checkpoints checkpoints) {
        RandomGenerator rng = new SplittableRandom(h.seed());

        // 1. Data: y = 2x + 1 + noise, every tenth point shifted 12 down.
        Matrix x = Matrix.uniform(SAMPLES, 1, -2, 2, rng);
        Matrix y = Matrix.zeros(SAMPLES, 1);
        int clean = SAMPLES - SAMPLES / OUTLIER_EVERY;
        Matrix cleanX = Matrix.zeros(clean, 1);
        Matrix cleanY = Matrix.zeros(clean, 1);
        for (int i = 0, c = 0; i < SAMPLES; i++) {
            double v = TRUE_WEIGHT * x.get(i, 0) + TRUE_BIAS + NOISE * rng.nextGaussian();
            if (i % OUTLIER_EVERY == 0) {
                y.set(i, 0, v + OUTLIER_SHIFT);
            } else {
                y.set(i, 0, v);
                cleanX.set(c, 0, x.get(i, 0));
                cleanY.set(c++, 0, v);
            }
        }

        // 2. The same line fitted twice, with each loss.
        Sequential huber = Example01_FitALine.model(rng);
        double[] history = Comparison.fit(NAME, huber, new HuberLoss(), x, y, h, checkpoints,
                rng);
        Sequential mse = Example01_FitALine.model(rng);
        Comparison.fit(NAME + " (MSE)", mse, new MSELoss(), x, y, h, Checkpoints.none(NAME), rng);

        // 3. Both fits, and how far each is from the clean points.
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Sequential> fit : List.of(Map.entry("Huber", huber),
                Map.entry("MSE", mse))) {
            Linear line = (Linear) fit.getValue().layers().get(0);
            metrics.put(fit.getKey() + " weight", line.weight().value().get(0, 0));
            metrics.put(fit.getKey() + " bias", line.bias().value().get(0, 0));
        }
        metrics.put("Huber RMSE on clean points", Metrics.rmse(huber.predict(cleanX), cleanY));
        metrics.put("MSE RMSE on clean points", Metrics.rmse(mse.predict(cleanX), cleanY));
        double loss = new HuberLoss().forward(huber.predict(x), y);
        List<TrainingResult.Curve> curves = List.of(
                TrainingResult.Curve.sortedByX("Huber", Columns.of(x, 0), Columns.of(y, 0),
                        Columns.of(huber.predict(x), 0)),
                TrainingResult.Curve.sortedByX("MSE", Columns.of(x, 0), Columns.of(y, 0),
                        Columns.of(mse.predict(x), 0)));
        return new TrainingResult(NAME, loss, metrics, history, curves, huber);
    }

    /**
     * Runs this example through the launcher.
     *
     * @param args options, as for {@code java -jar backprop4j-examples.jar outliers}
     */
    public static void main(String[] args) {
        Main.main(Main.prepend(NAME, args));
    }
}
