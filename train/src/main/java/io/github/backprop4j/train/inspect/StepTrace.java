package io.github.backprop4j.train.inspect;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.Shapes;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.LayerObserver;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One training step written out, value by value, in the order the code runs: the parameters
 * before the step, each layer's input and output, the loss, the gradient each layer receives
 * and passes down with its parameters' gradients, and the optimizer's update.
 *
 * <pre>{@code
 * StepTrace trace = StepTrace.run(model, new MSELoss(), sgd, x, y);   // x, y: 2 rows each
 * System.out.println(trace);
 * }</pre>
 * {@link #run} performs the five lines of a training step, exactly as a training loop does,
 * and watches them; the model and the optimizer are left as that step leaves them, one step
 * further on:
 * <pre>{@code
 * optimizer.zeroGrad();
 * double l = loss.forward(model.forward(x), y);   // forward, layer by layer, then the loss
 * model.backward(loss.backward());                // backward, from the last layer down
 * optimizer.step();                               // θ ← θ + update
 * }</pre>
 * The text shows enough to redo any entry by hand: a layer's output from its input and its
 * parameters, a gradient from the one it received, an update from a gradient and the learning
 * rate. Numbers have six significant digits; matrices wider or taller than
 * {@value #SHOWN} show their first {@value #SHOWN} rows and columns, with {@code …} for the rest
 * ({@link #format(int)} shows more). A batch of two samples keeps the text short while still
 * showing that gradients are summed over the batch.
 */
public final class StepTrace {

    /** How many rows and columns of a matrix {@link #toString()} shows. */
    public static final int SHOWN = 8;

    /**
     * One value of the trace.
     *
     * @param section the part of the step: {@code parameters}, {@code forward}, {@code loss},
     *                {@code backward} or {@code step}
     * @param heading the layer or parameter it belongs to, such as
     *                {@code layer 0: Linear(2→2)}; empty where there is none
     * @param label   what the value is, such as {@code output} or {@code ∂L/∂0.weight}
     * @param value   a copy of the matrix, or {@code null} for a line of text alone
     */
    public record Entry(String section, String heading, String label, Matrix value) {
    }

    private final String model;
    private final String loss;
    private final String optimizer;
    private final int samples;
    private final double lossValue;
    private final List<Entry> entries;

    private StepTrace(String model, String loss, String optimizer, int samples, double lossValue,
                      List<Entry> entries) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.samples = samples;
        this.lossValue = lossValue;
        this.entries = List.copyOf(entries);
    }

    /**
     * Performs one training step on {@code x} and {@code y} and records it.
     *
     * <p>The model's {@linkplain Sequential#observe observer} is replaced during the step and
     * put back afterwards. The optimizer must hold the model's parameters, as in training.
     *
     * @param model     the network; trained by one step
     * @param loss      the loss on its output
     * @param optimizer the optimizer of {@code model.parameters()}; steps once
     * @param x         the inputs, one sample per row (two keep the trace short). Not modified.
     * @param y         the targets, as many rows. Not modified.
     * @return the trace
     * @throws IllegalArgumentException if {@code x} has no rows, or {@code x} and {@code y}
     *                                  differ in rows; or as the model or the loss reject them
     */
    public static StepTrace run(Sequential model, Loss loss, Optimizer optimizer, Matrix x,
                                Matrix y) {
        Objects.requireNonNull(model, "StepTrace.run: model must not be null");
        Objects.requireNonNull(loss, "StepTrace.run: loss must not be null");
        Objects.requireNonNull(optimizer, "StepTrace.run: optimizer must not be null");
        if (x.rows() == 0 || x.rows() != y.rows()) {
            throw new IllegalArgumentException("StepTrace.run: x and y must have the same number"
                    + " of rows, at least 1, got " + Shapes.shape(x) + " and " + Shapes.shape(y));
        }
        List<Entry> entries = new ArrayList<>();
        List<Parameter> parameters = model.parameters();
        List<Matrix> before = new ArrayList<>();
        for (Parameter p : parameters) {
            before.add(p.value().copy());
            entries.add(new Entry("parameters", "", p.name(), p.value().copy()));
        }
        LayerObserver previous = model.observer();
        double l;
        model.observe(new Recorder(entries));
        try {
            optimizer.zeroGrad();
            Matrix prediction = model.forward(x);
            l = loss.forward(prediction, y);
            entries.add(new Entry("loss", "", "prediction", prediction.copy()));
            entries.add(new Entry("loss", "", "target", y.copy()));
            entries.add(new Entry("loss", "", "L = " + number(l), null));
            Matrix g = loss.backward();
            entries.add(new Entry("backward", "loss", "∂L/∂prediction, passed down", g.copy()));
            model.backward(g);
        } finally {
            model.observe(previous);
        }
        optimizer.step();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Matrix after = p.value().copy();
            entries.add(new Entry("step", p.name(), "update = after − before",
                    after.minus(before.get(i))));
            entries.add(new Entry("step", p.name(), "after", after));
        }
        return new StepTrace(model.toString(), loss.toString(), optimizer.toString(), x.rows(),
                l, entries);
    }

    /** Copies each layer's values as the network computes them. */
    private static final class Recorder implements LayerObserver {

        private final List<Entry> entries;

        Recorder(List<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public void forward(int index, Layer layer, Matrix input, Matrix output) {
            String heading = "layer " + index + ": " + layer;
            entries.add(new Entry("forward", heading, "input", input.copy()));
            entries.add(new Entry("forward", heading, "output", output.copy()));
        }

        @Override
        public void backward(int index, Layer layer, Matrix gradOutput, Matrix gradInput) {
            String heading = "layer " + index + ": " + layer;
            entries.add(new Entry("backward", heading, "∂L/∂output, received",
                    gradOutput.copy()));
            for (Parameter p : layer.parameters()) {
                entries.add(new Entry("backward", heading, "∂L/∂" + index + "." + p.name(),
                        p.grad().copy()));
            }
            entries.add(gradInput == null
                    ? new Entry("backward", heading,
                            "∂L/∂input: not computed, the input needs no gradient", null)
                    : new Entry("backward", heading, "∂L/∂input, passed down",
                            gradInput.copy()));
        }
    }

    /**
     * The loss of the traced step, before its update.
     *
     * @return L
     */
    public double loss() {
        return lossValue;
    }

    /**
     * Every value, in the order the code produced it.
     *
     * @return an unmodifiable list; the matrices are copies taken at the time
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The trace as text, showing up to {@code shown} rows and columns of each matrix.
     *
     * @param shown how many rows and columns to show, {@code >= 1}
     * @return the lines, each ending in {@code \n}
     * @throws IllegalArgumentException if {@code shown < 1}
     */
    public String format(int shown) {
        if (shown < 1) {
            throw new IllegalArgumentException("StepTrace.format: shown must be >= 1, got "
                    + shown);
        }
        StringBuilder sb = new StringBuilder()
                .append("One training step on ").append(samples)
                .append(samples == 1 ? " sample" : " samples")
                .append(", in the order the code runs\n")
                .append("model:     ").append(model).append('\n')
                .append("loss:      ").append(loss).append('\n')
                .append("optimizer: ").append(optimizer).append('\n');
        String section = "";
        String heading = "";
        for (Entry e : entries) {
            if (!e.section().equals(section)) {
                section = e.section();
                heading = "";
                sb.append('\n').append(title(section)).append('\n');
            }
            String indent = "  ";
            if (!e.heading().isEmpty()) {
                if (!e.heading().equals(heading)) {
                    heading = e.heading();
                    sb.append("  ").append(heading).append('\n');
                }
                indent = "    ";
            }
            sb.append(indent).append(e.label());
            if (e.value() != null) {
                sb.append(" (").append(Shapes.shape(e.value())).append(")\n");
                appendMatrix(sb, indent + "  ", e.value(), shown);
            } else {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String title(String section) {
        switch (section) {
            case "parameters":
                return "1. parameters before the step";
            case "forward":
                return "2. forward, first layer to last: output = f(input)";
            case "loss":
                return "3. loss";
            case "backward":
                return "4. backward, last layer to first: each layer turns ∂L/∂output into"
                        + " ∂L/∂input and adds its parameters' gradients";
            default:
                return "5. optimizer step";
        }
    }

    /** The rows of a matrix, numbers right-aligned in columns, elided past {@code shown}. */
    private static void appendMatrix(StringBuilder sb, String indent, Matrix m, int shown) {
        int rows = Math.min(m.rows(), shown);
        int cols = Math.min(m.cols(), shown);
        String[][] cells = new String[rows][cols];
        int width = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cells[i][j] = number(m.get(i, j));
                width = Math.max(width, cells[i][j].length());
            }
        }
        for (int i = 0; i < rows; i++) {
            sb.append(indent).append('[');
            for (int j = 0; j < cols; j++) {
                sb.append(' ').append(" ".repeat(width - cells[i][j].length()))
                        .append(cells[i][j]);
            }
            sb.append(m.cols() > cols ? " … " + (m.cols() - cols) + " more ]\n" : " ]\n");
        }
        if (m.rows() > rows) {
            sb.append(indent).append("… ").append(m.rows() - rows).append(" more rows\n");
        }
    }

    /**
     * Six significant digits without trailing zeros: {@code 0.125}, {@code -1.5},
     * {@code 1.23457e-05}; zero of either sign is {@code 0}.
     *
     * @param v a number
     * @return its text
     */
    static String number(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e);
    }

    /** The trace as text, showing up to {@value #SHOWN} rows and columns of each matrix. */
    @Override
    public String toString() {
        return format(SHOWN);
    }
}
