package io.github.backprop4j.examples;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.CsvFormatException;
import io.github.backprop4j.data.CsvTable;
import io.github.backprop4j.io.AtomicFiles;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.layers.Sequential;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
 * <p>All it knows of an example is what the example states about itself, its {@link Lesson}
 * ({@code LESSON} of the lesson's class, found through the launcher's commands). It builds the
 * lesson's network, loads the file into it with
 * {@link Checkpoint#load(Path, io.github.backprop4j.core.state.Stateful)} (a full checkpoint or
 * weights alone, as PyTorch writes them), reads the lesson's input columns by name (other
 * columns are allowed and kept) and writes every column of the input file followed by the
 * prediction columns, atomically ({@link AtomicFiles}).
 *
 * <h2>Scaling</h2>
 * {@code diabetes} and {@code iris} train on standardised features (and {@code diabetes} on a
 * standardised target). The statistics are not in the checkpoint: the lesson's
 * {@link Lesson#encoding()} fits them again from the training rows of the data file shipped in
 * the jar, with the very code the lesson's training uses, which gives the same numbers every
 * time. Predictions are in the target's own units.
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
                    + " multi, diabetes, iris, xor, spiral, outliers or overfit")
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
        Map<String, Lesson> lessons = lessons(spec.parent());
        Lesson lesson = lessons.get(example);
        if (lesson == null) {
            throw Main.invalidValue(spec, "--example", "must be one of " + lessons.keySet()
                    + ", got '" + example + "'");
        }
        Sequential model = lesson.model(new SplittableRandom(UNUSED_SEED));
        loadInto(model);
        CsvTable table = readInput(lesson);
        Lesson.Encoding encoding = lesson.encoding();
        Matrix outputs = model.predict(encoding.encode(
                table.columns(lesson.inputs().toArray(String[]::new))));
        List<String> header = new ArrayList<>(table.columnNames());
        header.addAll(lesson.outputs());
        try {
            write(table, header, encoding.decode(outputs), output);
        } catch (IOException e) {
            throw new UncheckedIOException(FileProblems.cannotWrite("predict", "the predictions",
                    output, e), e);
        }
        LOG.info("predict: {} rows of {} predicted by {} ({}), written to {}", table.rowCount(),
                input, example, load, output);
        return 0;
    }

    private void loadInto(Sequential model) {
        Checkpoints.load("predict", load, "must fit the '" + example + "' example's network",
                () -> Checkpoint.load(load, model));
    }

    private CsvTable readInput(Lesson lesson) {
        if (Files.isDirectory(input)) {
            throw new ExampleException("predict: --input must name a CSV file, got the folder "
                    + input);
        }
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
        List<String> missing = new ArrayList<>(lesson.inputs());
        missing.removeAll(table.columnNames());
        if (!missing.isEmpty()) {
            throw new ExampleException("predict: " + input + " must have the '" + example
                    + "' example's input columns " + String.join(",", lesson.inputs())
                    + ", got no " + String.join(", ", missing) + " (its columns: "
                    + String.join(",", table.columnNames()) + ")");
        }
        List<String> clashing = new ArrayList<>(lesson.outputs());
        clashing.retainAll(table.columnNames());
        if (!clashing.isEmpty()) {
            throw new ExampleException("predict: " + input + " must not have columns named like"
                    + " the predictions, got " + String.join(", ", clashing)
                    + "; rename or drop them");
        }
        try {
            table.columns(lesson.inputs().toArray(String[]::new));   // parse errors now
        } catch (CsvFormatException e) {
            throw new ExampleException("predict: " + e.getMessage(), e);
        }
        return table;
    }

    /** Every input row's fields, then its predictions, written atomically. */
    private static void write(CsvTable table, List<String> header, List<List<String>> predicted,
                              Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<List<String>> columns = new ArrayList<>();
        for (String name : table.columnNames()) {
            columns.add(table.strings(name));
        }
        AtomicFiles.write(file, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder())) {
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
        });
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
     * The lessons of the launcher's example commands, by name, in the launcher's order.
     *
     * @param launcher the launcher's command, whose subcommands include the examples
     * @return the lessons
     */
    static Map<String, Lesson> lessons(CommandSpec launcher) {
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        if (launcher != null) {
            for (CommandLine command : launcher.subcommands().values()) {
                if (command.getCommand() instanceof ExampleCommand example) {
                    lessons.put(example.lesson().name(), example.lesson());
                }
            }
        }
        return lessons;
    }

    /**
     * The input columns of every example, one line each, for {@code predict --help}.
     *
     * @param lessons the examples, by name
     * @return the lines of the help's footer
     */
    static String[] footer(Map<String, Lesson> lessons) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Input columns (CSV header) and prediction columns of each example:");
        lessons.forEach((name, lesson) -> {
            String in = String.format("  %-9s %s", name, String.join(",", lesson.inputs()));
            String out = "-> " + String.join(",", lesson.outputs());
            if (in.length() + 1 + out.length() <= FOOTER_WIDTH) {
                lines.add(in + " " + out);
            } else {
                lines.add(in);
                lines.add(" ".repeat(14) + out);
            }
        });
        List<String> standardised = new ArrayList<>();
        lessons.forEach((name, lesson) -> {
            if (lesson.standardised()) {
                standardised.add(name);
            }
        });
        if (!standardised.isEmpty()) {
            lines.add("");
            lines.add(listed(standardised) + (standardised.size() == 1 ? " standardises its"
                    : " standardise their") + " inputs as in training (statistics refitted"
                    + " from the data in the jar).");
        }
        return lines.toArray(String[]::new);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String listed(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0)
                : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }
}
