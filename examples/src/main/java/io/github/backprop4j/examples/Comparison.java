package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.Batch;
import io.github.backprop4j.data.Batches;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The training loop of the lessons that train two models to compare ({@link Example07_Xor},
 * {@link Example08_Spiral}, {@link Example09_Outliers}), written once: any loss, the optimizer,
 * schedule and clipping that the options choose; and the result of a classifier compared with a
 * baseline without depth.
 */
final class Comparison {

    /** The number of cells along each side of a decision surface. */
    static final int CELLS = 160;

    private Comparison() {
    }

    /**
     * Trains a model: for a classifier of logits, with {@link CrossEntropyLoss} on one-hot rows.
     *
     * @param name         what the log lines call the model, such as {@code "spiral (linear)"}
     * @param model        the model
     * @param lossFunction the loss on the model's output
     * @param x            the inputs, one per row
     * @param y            the targets, one per row
     * @param h            epochs, learning rate, momentum, batch size
     * @param checkpoints  where to resume from and what to save, or {@link Checkpoints#none}
     * @param rng          the source of the batches' order
     * @return the mean training loss of each epoch
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    static double[] fit(String name, Sequential model, Loss lossFunction, Matrix x, Matrix y,
                        Hyperparameters h, Checkpoints checkpoints, RandomGenerator rng) {
        Batches loader = new Batches(new Dataset(x, y), h.batchSize());
        Optimization optimization = Optimization.of(h, model.parameters());
        // --load: go on from a checkpoint; --trace, --diagnose: look inside (Inspection)
        checkpoints.resume(model, lossFunction, optimization, loader, rng);
        TrainingMonitor monitor = new TrainingMonitor(name, h, loader.batchesPerEpoch());
        for (int epoch = 1; epoch <= h.epochs(); epoch++) {
            for (Batch batch : loader.epoch(rng)) {
                optimization.zeroGrad();
                Matrix prediction = model.forward(batch.features());   // logits, for classifiers
                double loss = lossFunction.forward(prediction, batch.targets());
                monitor.batchLoss(epoch, batch, loss);
                model.backward(lossFunction.backward());   // e.g. (softmax − one-hot)/m
                optimization.step();                       // clip if asked, then the update
            }
            optimization.endEpoch();                       // the schedule, if any
            monitor.endEpoch(epoch);
        }
        return monitor.history();
    }

    /**
     * The result of a lesson that compares a model with a baseline without depth: the metrics
     * so far, then {@code training accuracy}, the baseline's accuracy under
     * {@code baselineMetric} and {@code training cross-entropy}; and both decision surfaces over
     * [min, max]².
     *
     * @param name           the lesson's name
     * @param metrics        metrics computed before, such as the loss at initialisation
     * @param history        the model's mean training loss of each epoch
     * @param x              the training points, (m×2)
     * @param classes        their classes
     * @param model          the trained model and its title in the plot
     * @param baseline       the trained baseline and its title in the plot
     * @param baselineMetric the name of the baseline's accuracy
     * @param min            the lowest x and y plotted
     * @param max            the highest x and y plotted
     * @return the result, whose final loss is the model's cross-entropy on all points
     */
    static TrainingResult compared(String name, Map<String, Double> metrics, double[] history,
                                   Matrix x, int[] classes, Titled model, Titled baseline,
                                   String baselineMetric, double min, double max) {
        Matrix logits = model.model().predict(x);
        double loss = new CrossEntropyLoss().forward(logits, classes);
        Map<String, Double> all = new LinkedHashMap<>(metrics);
        all.put("training accuracy", Metrics.accuracy(logits, classes));
        all.put(baselineMetric, Metrics.accuracy(baseline.model().predict(x), classes));
        all.put("training cross-entropy", loss);
        List<DecisionSurface> surfaces = List.of(
                DecisionSurface.of(model.title(), model.model(), min, max, CELLS, x, classes),
                DecisionSurface.of(baseline.title(), baseline.model(), min, max, CELLS, x,
                        classes));
        return new TrainingResult(name, loss, all, history, List.of(), model.model(), surfaces);
    }

    /**
     * A trained model and its title in the plot.
     *
     * @param title for example {@code "spiral: Linear 2→3"}
     * @param model the model
     */
    record Titled(String title, Sequential model) {
    }

    /**
     * One-hot rows for class indices.
     *
     * @param classes m indices in [0, k)
     * @param k       the number of classes
     * @return (m×k), 1 in column classes[i] of row i, 0 elsewhere
     */
    static Matrix oneHot(int[] classes, int k) {
        Matrix rows = Matrix.zeros(classes.length, k);
        for (int i = 0; i < classes.length; i++) {
            rows.set(i, classes[i], 1);
        }
        return rows;
    }
}
