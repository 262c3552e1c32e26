package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.CsvFormatException;
import io.github.backprop4j.data.CsvTable;
import io.github.backprop4j.data.Dataset;
import io.github.backprop4j.data.OneHot;
import io.github.backprop4j.data.Split;
import io.github.backprop4j.data.Standardizer;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.layers.Sequential;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code predict} command: loads a trained example's weights, reads a CSV file of inputs and
 * writes one of predictions.
 * <pre>
 * java -jar backprop4j-examples.jar sine --save sine.safetensors
 * java -jar backprop4j-examples.jar predict --example sine --load sine.safetensors \
 *     --input points.csv --output predictions.csv
 * </pre>
 *
 * <p>It builds the example's network ({@code model(rng)} of its lesson), loads the file into it
 * with {@link Checkpoint#load(Path, io.github.backprop4j.core.state.Stateful)} (a full checkpoint
 * or weights alone, as PyTorch writes them), reads the example's input columns by name
 * ({@code INPUTS} of its lesson; other columns are allowed and kept) and writes every column of
 * the input file followed by the prediction columns, atomically (a temporary file beside the
 * target, then a move).
 *
 * <h2>Scaling</h2>
 * {@code diabetes} and {@code iris} train on standardised features (and {@code diabetes} on a
 * standardised target). The statistics are not in the checkpoint: they are refitted here exactly
 * as the lesson fits them, from the training rows of the data file shipped in the jar, which
 * gives the same numbers every time. Predictions are in the target's own units.
 *
 * <h2>Numbers</h2>
 * Predictions are written with {@link Double#toString(double)}, the shortest decimal that reads
 * back to the same double: the file holds exactly what the model computed.
 */
@Command(name = "predict",
        description = "Loads a trained example and writes its predictions for a CSV file.",
        sortOptions = false)
public final class Predict implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Predict.class);

    /** Any seed: the initial weights it draws are replaced by the checkpoint's. */
    private static final long UNUSED_SEED = 0;

    /** The width of picocli's usage help, which the footer's lines keep to. */
    private static final int FOOTER_WIDTH = 80;

    @Spec
    private CommandSpec spec;

    @Option(names = "--example", required = true, paramLabel = "NAME",
            description = "the example whose network the checkpoint holds: line, sine, surface,"
                    + " multi, diabetes or iris")
    private String example;

    @Option(names = "--load", required = true, paramLabel = "FILE",
            description = "the checkpoint, as written by '<example> --save FILE' (or a"
                    + " weights-only state dict)")
    private Path load;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "a CSV file with a header holding the example's input columns (below);"
                    + " other columns are copied through")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "where to write the input columns and the predictions, as CSV;"
                    + " replaced atomically if it exists")
    private Path output;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    /**
     * Predicts and writes the output file.
     *
     * @return 0 on success
     * @throws ExampleException     naming the problem: a missing file, a checkpoint that does
     *                              not fit the example, a missing column or a bad value
     * @throws UncheckedIOException if the output cannot be written
     */
    @Override
    public Integer call() {
        Predictor predictor = PREDICTORS.get(example);
        if (predictor == null) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option"
                    + " '--example': must be one of " + PREDICTORS.keySet() + ", got '" + example
                    + "'");
        }
        Sequential model = predictor.network().apply(new SplittableRandom(UNUSED_SEED));
        loadInto(model);
        CsvTable table = readInput(predictor);
        Matrix outputs = model.predict(predictor.toNetwork().apply(
                table.columns(predictor.inputs().toArray(String[]::new))));
        List<String> header = new ArrayList<>(table.columnNames());
        header.addAll(predictor.outputs());
        List<List<String>> predicted = predictor.fromNetwork().apply(outputs);
        try {
            writeAtomically(table, header, predicted, output);
        } catch (IOException e) {
            throw new UncheckedIOException("predict: cannot write " + output + ": " + e, e);
        }
        LOG.info("predict: {} rows of {} predicted by {} ({}), written to {}", table.rowCount(),
                input, example, load, output);
        return 0;
    }

    private void loadInto(Sequential model) {
        try {
            Checkpoint.load(load, model);
        } catch (NoSuchFileException e) {
            throw new ExampleException("predict: --load must name an existing checkpoint, got no"
                    + " file at " + load, e);
        } catch (StateDictException e) {
            throw new ExampleException("predict: the checkpoint must fit the '" + example
                    + "' example's network: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ExampleException("predict: cannot load " + load + ": " + e.getMessage(), e);
        }
    }

    private CsvTable readInput(Predictor predictor) {
        if (!Files.isRegularFile(input)) {
            throw new ExampleException("predict: --input must name an existing CSV file, got no"
                    + " file at " + input);
        }
        CsvTable table;
        try {
            table = CsvTable.read(input);
        } catch (CsvFormatException e) {
            throw new ExampleException("predict: " + e.getMessage(), e);
        }
        List<String> missing = new ArrayList<>(predictor.inputs());
        missing.removeAll(table.columnNames());
        if (!missing.isEmpty()) {
            throw new ExampleException("predict: " + input + " must have the '" + example
                    + "' example's input columns " + String.join(",", predictor.inputs())
                    + ", got no " + String.join(", ", missing) + " (its columns: "
                    + String.join(",", table.columnNames()) + ")");
        }
        List<String> clashing = new ArrayList<>(predictor.outputs());
        clashing.retainAll(table.columnNames());
        if (!clashing.isEmpty()) {
            throw new ExampleException("predict: " + input + " must not have columns named like"
                    + " the predictions, got " + String.join(", ", clashing)
                    + "; rename or drop them");
        }
        try {
            table.columns(predictor.inputs().toArray(String[]::new));   // parse errors now
        } catch (CsvFormatException e) {
            throw new ExampleException("predict: " + e.getMessage(), e);
        }
        return table;
    }

    /** Every input row's fields, then its predictions: to a temporary file, then moved. */
    private static void writeAtomically(CsvTable table, List<String> header,
                                        List<List<String>> predicted, Path file)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            List<List<String>> columns = new ArrayList<>();
            for (String name : table.columnNames()) {
                columns.add(table.strings(name));
            }
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(temp,
                    StandardCharsets.UTF_8))) {
                writeRow(w, header);
                for (int i = 0; i < table.rowCount(); i++) {
                    List<String> row = new ArrayList<>(header.size());
                    for (List<String> column : columns) {
                        row.add(column.get(i));
                    }
                    row.addAll(predicted.get(i));
                    writeRow(w, row);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeRow(Writer w, List<String> fields) throws IOException {
        for (int j = 0; j < fields.size(); j++) {
            if (j > 0) {
                w.write(',');
            }
            w.write(csvField(fields.get(j)));
        }
        w.write('\n');
    }

    /**
     * A field as CSV text: quoted (with inner quotes doubled) when it holds a comma, a quote or
     * a line end, or starts or ends with a space or tab, which a reader would trim.
     */
    static String csvField(String text) {
        boolean quote = !text.isEmpty() && (Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1)));
        for (int k = 0; k < text.length() && !quote; k++) {
            char c = text.charAt(k);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    // ---------------------------------------------------------------- the examples

    /**
     * What {@code predict} needs to know about one example.
     *
     * @param inputs      the input columns, in the network's order
     * @param outputs     the names of the prediction columns
     * @param network     the example's model factory
     * @param toNetwork   the input columns (m×inputs) to what the network reads
     * @param fromNetwork the network's outputs to the cells of each row's prediction columns
     */
    record Predictor(List<String> inputs, List<String> outputs,
                     Function<RandomGenerator, Sequential> network,
                     Function<Matrix, Matrix> toNetwork,
                     Function<Matrix, List<List<String>>> fromNetwork) {

        /** A regressor that reads its inputs as they are and whose outputs are the answer. */
        static Predictor plain(List<String> inputs, List<String> outputs,
                               Function<RandomGenerator, Sequential> network) {
            return new Predictor(inputs, outputs, network, Function.identity(),
                    Predict::numbers);
        }
    }

    /** The examples by name, in the launcher's order. */
    static final Map<String, Predictor> PREDICTORS = predictors();

    private static Map<String, Predictor> predictors() {
        Map<String, Predictor> m = new LinkedHashMap<>();
        m.put("line", Predictor.plain(Example01_FitALine.INPUTS, List.of("predicted_y"),
                Example01_FitALine::model));
        m.put("sine", Predictor.plain(Example02_FitASine.INPUTS, List.of("predicted_sin_x"),
                Example02_FitASine::model));
        m.put("surface", Predictor.plain(Example03_FitASurface.INPUTS,
                List.of("predicted_sin_x_cos_y"), Example03_FitASurface::model));
        m.put("multi", Predictor.plain(Example04_SeveralOutputs.INPUTS,
                List.of("predicted_sin_x", "predicted_cos_x"), Example04_SeveralOutputs::model));
        m.put("diabetes", new Predictor(Example05_Diabetes.INPUTS,
                List.of("predicted_" + Example05_Diabetes.TARGET), Example05_Diabetes::model,
                x -> diabetesScalers()[0].transform(x),
                y -> numbers(diabetesScalers()[1].inverseTransform(y))));
        List<String> irisOutputs = new ArrayList<>(List.of("predicted_species"));
        Example06_IrisClassifier.SPECIES.forEach(s -> irisOutputs.add("p_" + s));
        m.put("iris", new Predictor(Example06_IrisClassifier.INPUTS, irisOutputs,
                Example06_IrisClassifier::model, x -> irisScaler().transform(x),
                Predict::species));
        return m;
    }

    /**
     * The diabetes lesson's scalers, of the features and of the target, refitted as it fits
     * them: on the rows of {@code diabetes.csv} whose index i has i % 5 != 4.
     */
    static Standardizer[] diabetesScalers() {
        CsvTable table = ExampleData.csv("diabetes.csv");
        Dataset all = new Dataset(table.columns(Example05_Diabetes.FEATURES),
                table.columns(Example05_Diabetes.TARGET));
        Split split = Split.everyKth(all, 5, 4);
        return new Standardizer[] {Standardizer.fit(split.train().features()),
            Standardizer.fit(split.train().targets())};
    }

    /** The iris lesson's feature scaler, refitted as it fits it. */
    static Standardizer irisScaler() {
        CsvTable table = ExampleData.csv("iris.csv");
        OneHot species = OneHot.of("species", Example06_IrisClassifier.SPECIES);
        Split split = Split.everyKth(new Dataset(table.columns(Example06_IrisClassifier.FEATURES),
                species.encode(table)), 5, 4);
        return Standardizer.fit(split.train().features());
    }

    /** Each row's values, each as {@link Double#toString(double)}. */
    private static List<List<String>> numbers(Matrix y) {
        List<List<String>> rows = new ArrayList<>(y.rows());
        for (int i = 0; i < y.rows(); i++) {
            List<String> row = new ArrayList<>(y.cols());
            for (int j = 0; j < y.cols(); j++) {
                row.add(Double.toString(y.get(i, j)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The most probable species, then the probability of each. */
    private static List<List<String>> species(Matrix probabilities) {
        List<String> names = OneHot.of("species", Example06_IrisClassifier.SPECIES)
                .decode(probabilities);
        List<List<String>> rows = numbers(probabilities);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).add(0, names.get(i));
        }
        return rows;
    }

    /**
     * The input columns of every example, one line each, for {@code predict --help}.
     *
     * @return the lines of the help's footer
     */
    static String[] footer() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Input columns (CSV header) and prediction columns of each example:");
        PREDICTORS.forEach((name, p) -> {
            String in = String.format("  %-9s %s", name, String.join(",", p.inputs()));
            String out = "-> " + String.join(",", p.outputs());
            if (in.length() + 1 + out.length() <= FOOTER_WIDTH) {
                lines.add(in + " " + out);
            } else {
                lines.add(in);
                lines.add(" ".repeat(14) + out);
            }
        });
        lines.add("");
        lines.add("diabetes and iris standardise their inputs as in training (statistics refitted"
                + " from the data in the jar).");
        return lines.toArray(String[]::new);
    }
}
