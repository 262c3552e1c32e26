package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a lesson states about itself, once, so that its training and {@code predict} cannot
 * drift apart: its name, its network, the CSV columns its inputs come from, the columns of its
 * predictions, and the {@link Encoding} between those columns and the network.
 *
 * <p>Each lesson holds its own as {@code LESSON}, built from the members its training uses:
 * <pre>{@code
 * public static final Lesson LESSON = Lesson.plain(NAME, List.of("x"), List.of("predicted_y"),
 *         Example01_FitALine::model);
 * }</pre>
 * The lessons on real data train on standardised columns; their encoding is their own data
 * split and the scalers fitted on its training rows, the very object their training scales with
 * ({@link #standardised}). The launcher's command for a lesson carries its {@code LESSON}
 * ({@link ExampleCommand#lesson()}), which is how {@code predict} finds every lesson.
 */
public final class Lesson {

    /**
     * How a lesson's input columns become what its network reads, and what the network returns
     * becomes the cells of the prediction columns. The defaults are those of a plain regressor:
     * inputs as they are, outputs as numbers.
     */
    public interface Encoding {

        /**
         * The network's input for a table's input columns.
         *
         * @param inputs (m×inputs) the input columns, in {@link Lesson#inputs()} order
         * @return (m×inputs) what the network reads; the same matrix by default
         */
        default Matrix encode(Matrix inputs) {
            return inputs;
        }

        /**
         * The prediction cells for the network's output.
         *
         * @param outputs (m×k) what the network returned
         * @return m rows of {@link Lesson#outputs()}{@code .size()} cells each; by default
         *     each output as {@link #numbers}
         */
        default List<List<String>> decode(Matrix outputs) {
            return numbers(outputs);
        }
    }

    /** A plain regressor's encoding: inputs as they are, outputs as numbers. */
    private static final Encoding AS_THEY_ARE = new Encoding() { };

    private final String name;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Function<RandomGenerator, Sequential> model;
    private final Supplier<? extends Encoding> encoding;
    private final boolean standardised;

    private Lesson(String name, List<String> inputs, List<String> outputs,
                   Function<RandomGenerator, Sequential> model,
                   Supplier<? extends Encoding> encoding, boolean standardised) {
        this.name = Objects.requireNonNull(name, "Lesson: name must not be null");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.model = Objects.requireNonNull(model, "Lesson: model must not be null");
        this.encoding = Objects.requireNonNull(encoding, "Lesson: encoding must not be null");
        this.standardised = standardised;
    }

    /**
     * A lesson whose network reads its input columns as they are and whose outputs are the
     * predictions.
     *
     * @param name    the launcher's name for it, such as {@code "sine"}
     * @param inputs  the input columns, in the network's order
     * @param outputs the prediction columns, one per network output
     * @param model   its network, untrained, with weights drawn from the generator given
     * @return the description
     */
    public static Lesson plain(String name, List<String> inputs, List<String> outputs,
                               Function<RandomGenerator, Sequential> model) {
        return new Lesson(name, inputs, outputs, model, () -> AS_THEY_ARE, false);
    }

    /**
     * A lesson whose network reads standardised inputs: its encoding holds the statistics
     * fitted on its own training rows, which its training uses too.
     *
     * @param name     the launcher's name for it, such as {@code "iris"}
     * @param inputs   the input columns, in the network's order
     * @param outputs  the prediction columns
     * @param model    its network, untrained, with weights drawn from the generator given
     * @param encoding fits the encoding from the lesson's data; called each time
     *                 {@link #encoding()} is, so that nothing is read until then
     * @return the description
     */
    public static Lesson standardised(String name, List<String> inputs, List<String> outputs,
                                      Function<RandomGenerator, Sequential> model,
                                      Supplier<? extends Encoding> encoding) {
        return new Lesson(name, inputs, outputs, model, encoding, true);
    }

    /**
     * The lesson's name: the launcher's subcommand for it, and {@code predict --example}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The input columns, in the order the network reads them.
     *
     * @return an unmodifiable list
     */
    public List<String> inputs() {
        return inputs;
    }

    /**
     * The names of the prediction columns {@code predict} writes.
     *
     * @return an unmodifiable list
     */
    public List<String> outputs() {
        return outputs;
    }

    /**
     * A new, untrained network of the lesson: what it trains and what a checkpoint of it loads
     * into.
     *
     * @param rng the source of the initial weights
     * @return the network
     */
    public Sequential model(RandomGenerator rng) {
        return model.apply(rng);
    }

    /**
     * The encoding between the columns and the network; for a standardised lesson, fitted from
     * its data now, with the numbers its training uses.
     *
     * @return the encoding
     */
    public Encoding encoding() {
        return encoding.get();
    }

    /**
     * Whether the network reads standardised inputs, fitted on the lesson's training rows.
     *
     * @return true for a lesson made by {@link #standardised}
     */
    public boolean standardised() {
        return standardised;
    }

    /**
     * Each row's values, each as {@link Double#toString(double)}: the shortest decimal that
     * reads back to the same double.
     *
     * @param values (m×k) numbers
     * @return m new rows of k cells
     */
    public static List<List<String>> numbers(Matrix values) {
        List<List<String>> rows = new ArrayList<>(values.rows());
        for (int i = 0; i < values.rows(); i++) {
            List<String> row = new ArrayList<>(values.cols());
            for (int j = 0; j < values.cols(); j++) {
                row.add(Double.toString(values.get(i, j)));
            }
            rows.add(row);
        }
        return rows;
    }

    @Override
    public String toString() {
        return "Lesson(" + name + ": " + String.join(",", inputs) + " -> "
                + String.join(",", outputs) + ")";
    }
}
