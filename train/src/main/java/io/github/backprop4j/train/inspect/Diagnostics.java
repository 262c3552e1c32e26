package io.github.backprop4j.train.inspect;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.LayerObserver;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The numbers to watch while a network trains, as courses teach them: the loss at
 * initialisation against the value it should have, each layer's activations (mean, standard
 * deviation, units that give 0 for every sample), each parameter's gradient norm and the ratio
 * of its update to its value. {@code docs/diagnostics.md} explains what each says.
 *
 * <p>A training loop calls it at three points of every step, and asks for a report now and
 * then (every epoch, say):
 * <pre>{@code
 * Diagnostics diagnostics = new Diagnostics(model);
 * log(Diagnostics.initialLoss(model, lossFunction, x, y));   // before training
 * diagnostics.start();                                       // observes each layer's output
 * for (...) {
 *     optimizer.zeroGrad();
 *     double l = lossFunction.forward(model.forward(batch.features()), batch.targets());
 *     model.backward(lossFunction.backward());
 *     diagnostics.afterBackward();                           // gradient norms
 *     diagnostics.beforeStep();                              // keeps θ before the step
 *     optimizer.step();
 *     diagnostics.afterStep();                               // ‖Δθ‖ / ‖θ‖
 * }
 * log(diagnostics.report());                                 // averages since the last report
 * diagnostics.stop();
 * }</pre>
 * These are the three per-step calls of a training listener (after backward, before and after
 * the optimizer's step), so a listener can drive it.
 *
 * <p><b>Cost.</b> Off, it costs nothing: a loop that does not create one calls nothing, and a
 * {@link Sequential} without an observer pays one comparison per layer. On, it reads every
 * activation, gradient and parameter once per step and keeps one copy of the parameters; it
 * allocates its buffers at the first step (and when the batch width changes), then nothing
 * until {@link #report()}.
 */
public final class Diagnostics {

    /** Below this update/weight ratio a parameter barely moves: the learning rate may be low. */
    public static final double RATIO_LOW = 1e-4;
    /** Above this update/weight ratio the steps are large against the weights. */
    public static final double RATIO_HIGH = 1e-2;
    /** A layer with at least this share of units that gave 0 for every sample is warned of. */
    public static final double DEAD_WARNING = 0.5;

    /**
     * The loss of a network before training, next to what it should be.
     *
     * @param value    the loss of the untrained network
     * @param expected the loss's {@linkplain Loss#expectedInitialLoss expected initial value},
     *                 or NaN where the loss has none
     * @param loss     the loss, as its {@code toString()}
     */
    public record InitialLoss(double value, double expected, String loss) {

        /**
         * One line: {@code loss at initialisation 1.1005, expected about 1.0986 (×1.00)}.
         *
         * @return the line
         */
        @Override
        public String toString() {
            String line = "loss at initialisation " + number(value);
            if (Double.isNaN(expected)) {
                return line + ", expected value not known for " + loss;
            }
            return line + ", expected about " + number(expected) + " (×"
                    + String.format(Locale.ROOT, "%.2f", value / expected) + ")";
        }
    }

    /**
     * One layer's outputs since the last report.
     *
     * @param index     the layer's position
     * @param layer     the layer, as its {@code toString()}
     * @param mean      the mean of every output value
     * @param std       their standard deviation (population)
     * @param deadUnits the output columns that were exactly 0 for every sample
     * @param units     the number of output columns
     */
    public record LayerStats(int index, String layer, double mean, double std, int deadUnits,
                             int units) {
    }

    /**
     * One parameter's steps since the last report, averaged over the steps.
     *
     * @param name         the parameter's name, such as {@code 0.weight}
     * @param gradientNorm ‖∂L/∂θ‖, the L2 norm of the gradient after backward
     * @param updateRatio  ‖Δθ‖ / ‖θ‖, the norm of the step's change over the norm of the value
     *                     before it; NaN if the value was all zeros
     */
    public record ParameterStats(String name, double gradientNorm, double updateRatio) {
    }

    /**
     * What the steps since the last report showed.
     *
     * @param steps      the number of optimizer steps averaged
     * @param layers     each layer's activations, in layer order
     * @param parameters each parameter's gradient norm and update ratio, in parameter order
     * @param warnings   one sentence per value outside its healthy range
     */
    public record Report(long steps, List<LayerStats> layers, List<ParameterStats> parameters,
                         List<String> warnings) {

        /**
         * The report as a table, then the warnings, each on a line that starts
         * {@code   warning: }.
         *
         * @return lines ending in {@code \n}
         */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(table());
            for (String w : warnings) {
                sb.append("  warning: ").append(w).append('\n');
            }
            return sb.toString();
        }

        /**
         * The report as a table, without the warnings: the steps, each layer's activations,
         * each parameter's gradient norm and update ratio.
         *
         * @return lines ending in {@code \n}
         */
        public String table() {
            StringBuilder sb = new StringBuilder("diagnostics over ").append(steps)
                    .append(steps == 1 ? " step\n" : " steps\n");
            sb.append(String.format(Locale.ROOT, "  %-24s %11s %11s  %s%n", "layer",
                    "mean", "std", "zero for every sample"));
            for (LayerStats l : layers) {
                sb.append(String.format(Locale.ROOT, "  %-24s %11s %11s  %d of %d%n",
                        l.index() + " " + l.layer(), number(l.mean()), number(l.std()),
                        l.deadUnits(), l.units()));
            }
            sb.append(String.format(Locale.ROOT, "  %-24s %11s %11s%n", "parameter",
                    "grad norm", "update/θ"));
            for (ParameterStats p : parameters) {
                sb.append(String.format(Locale.ROOT, "  %-24s %11s %11s%n", p.name(),
                        number(p.gradientNorm()), number(p.updateRatio())));
            }
            return sb.toString();
        }
    }

    private final Sequential model;
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Observer observer = new Observer();
    /** θ before the latest step, one buffer per parameter. */
    private final Matrix[] before;
    private final double[] gradientNormSum;
    private final double[] ratioSum;
    private final double[] layerSum;
    private final double[] layerSumOfSquares;
    private final long[] layerCount;
    /** Per layer and output column: whether any sample gave a value other than 0. */
    private final boolean[][] alive;
    private long steps;

    /**
     * Diagnostics for a network; nothing is observed until {@link #start()}.
     *
     * @param model the network to watch
     */
    public Diagnostics(Sequential model) {
        this.model = Objects.requireNonNull(model, "Diagnostics: model must not be null");
        this.layers = model.layers();
        this.parameters = model.parameters();
        int p = parameters.size();
        this.before = new Matrix[p];
        for (int i = 0; i < p; i++) {
            before[i] = Matrix.zeros(0, 0);
        }
        this.gradientNormSum = new double[p];
        this.ratioSum = new double[p];
        int l = layers.size();
        this.layerSum = new double[l];
        this.layerSumOfSquares = new double[l];
        this.layerCount = new long[l];
        this.alive = new boolean[l][0];
    }

    /**
     * The loss of the untrained model on {@code x} and {@code y}, with the value the loss
     * expects (ln K for cross-entropy over K classes, the targets' variance for MSE). Computed
     * through {@link Sequential#predict(Matrix)}, so nothing is observed and nothing is kept for
     * backward; the loss's own cache is overwritten.
     *
     * @param model the untrained network
     * @param loss  the training loss
     * @param x     inputs, such as the whole training set. Not modified.
     * @param y     their targets. Not modified.
     * @return the loss and its expected value
     */
    public static InitialLoss initialLoss(Sequential model, Loss loss, Matrix x, Matrix y) {
        double value = loss.forward(model.predict(x), y);
        return new InitialLoss(value, loss.expectedInitialLoss(y), loss.toString());
    }

    /**
     * Starts observing each layer's output in forward: sets this object as the model's
     * {@linkplain Sequential#observe observer}.
     */
    public void start() {
        model.observe(observer);
    }

    /** Stops observing: removes the observer if it is still this object's. */
    public void stop() {
        if (model.observer() == observer) {
            model.observe(null);
        }
    }

    /** Adds each parameter's gradient norm ‖∂L/∂θ‖; call it after backward. */
    public void afterBackward() {
        for (int i = 0; i < parameters.size(); i++) {
            gradientNormSum[i] += norm(parameters.get(i).grad());
        }
    }

    /** Keeps each parameter's value; call it just before the optimizer's step. */
    public void beforeStep() {
        for (int i = 0; i < parameters.size(); i++) {
            MatrixOps.copy(parameters.get(i).value(), before[i]);
        }
    }

    /**
     * Adds each parameter's update ratio ‖θ_after − θ_before‖ / ‖θ_before‖; call it just after
     * the optimizer's step, after {@link #beforeStep()}.
     *
     * @throws IllegalStateException if {@link #beforeStep()} was not called for this step
     */
    public void afterStep() {
        for (int i = 0; i < parameters.size(); i++) {
            Matrix value = parameters.get(i).value();
            if (before[i].size() != value.size()) {
                throw new IllegalStateException("Diagnostics.afterStep: called without"
                        + " beforeStep; call beforeStep() just before the optimizer's step");
            }
            double[] now = value.unwrap().data;
            double[] old = before[i].unwrap().data;
            double change = 0;
            for (int k = 0, n = value.size(); k < n; k++) {
                double d = now[k] - old[k];                     // Δθ
                change += d * d;
            }
            ratioSum[i] += Math.sqrt(change) / norm(before[i]); // ‖Δθ‖ / ‖θ‖
        }
        steps++;
    }

    /**
     * What the steps since the last report showed, with a warning for each layer where at
     * least half the units gave 0 for every sample, one naming the parameters whose average
     * update ratio lies above {@value #RATIO_HIGH}, and one naming those below
     * {@value #RATIO_LOW}. Starts the next period; with no step since the last, the averages
     * are NaN.
     *
     * @return the report
     */
    public Report report() {
        List<LayerStats> layerStats = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            long n = layerCount[l];
            double mean = layerSum[l] / n;
            double variance = Math.max(0, layerSumOfSquares[l] / n - mean * mean);
            int dead = 0;
            for (boolean a : alive[l]) {
                dead += a ? 0 : 1;
            }
            int units = alive[l].length;
            layerStats.add(new LayerStats(l, layers.get(l).toString(), mean,
                    Math.sqrt(variance), dead, units));
            if (units > 0 && dead >= DEAD_WARNING * units) {
                warnings.add("layer " + l + " " + layers.get(l) + ": " + dead + " of " + units
                        + " units gave 0 for every sample; they pass no gradient and no longer"
                        + " learn (a smaller learning rate or another initialisation may help)");
            }
        }
        List<ParameterStats> parameterStats = new ArrayList<>();
        List<String> low = new ArrayList<>();
        List<String> high = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i).name();
            double ratio = ratioSum[i] / steps;
            parameterStats.add(new ParameterStats(name, gradientNormSum[i] / steps, ratio));
            if (ratio < RATIO_LOW) {
                low.add(name + " " + number(ratio));
            } else if (ratio > RATIO_HIGH) {
                high.add(name + " " + number(ratio));
            }
        }
        if (!high.isEmpty()) {
            warnings.add("update/weight ratio above 1e-2 (" + String.join(", ", high)
                    + "): each step changes these by more than 1 % (is the learning rate too"
                    + " high?)");
        }
        if (!low.isEmpty()) {
            warnings.add("update/weight ratio below 1e-4 (" + String.join(", ", low)
                    + "): these barely move (is the learning rate too low?)");
        }
        Report report = new Report(steps, layerStats, parameterStats, warnings);
        reset();
        return report;
    }

    private void reset() {
        steps = 0;
        Arrays.fill(gradientNormSum, 0);
        Arrays.fill(ratioSum, 0);
        Arrays.fill(layerSum, 0);
        Arrays.fill(layerSumOfSquares, 0);
        Arrays.fill(layerCount, 0);
        for (boolean[] a : alive) {
            Arrays.fill(a, false);
        }
    }

    /** The L2 norm of all entries: √(Σ a²). */
    private static double norm(Matrix a) {
        double[] data = a.unwrap().data;
        double sum = 0;
        for (int k = 0, n = a.size(); k < n; k++) {
            sum += data[k] * data[k];
        }
        return Math.sqrt(sum);
    }

    /** Sums each layer's outputs and marks the columns that were not 0. */
    private final class Observer implements LayerObserver {
        @Override
        public void forward(int index, Layer layer, Matrix input, Matrix output) {
            int rows = output.rows();
            int cols = output.cols();
            if (alive[index].length != cols) {
                alive[index] = new boolean[cols];
            }
            boolean[] columns = alive[index];
            double[] y = output.unwrap().data;
            double sum = 0;
            double squares = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double v = y[r * cols + c];
                    sum += v;
                    squares += v * v;
                    columns[c] |= v != 0;
                }
            }
            layerSum[index] += sum;
            layerSumOfSquares[index] += squares;
            layerCount[index] += (long) rows * cols;
        }
    }

    private static String number(double v) {
        return StepTrace.number(v);
    }
}
