package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.data.CsvTable;
import io.github.backprop4j.data.OneHot;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.train.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code predict} command: its numbers are the in-memory model's, bit for bit; its output is
 * a well-formed CSV file; its errors are one line each.
 */
class PredictTest {

    /** Probabilities of a Softmax row sum to 1 up to rounding. */
    private static final double PROBABILITY_SUM_TOLERANCE = 1e-12;

    private final Launcher launcher = new Launcher();

    @TempDir
    Path dir;

    private Path file(String name) {
        return dir.resolve(name);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(file(name), text, StandardCharsets.UTF_8);
    }

    private void train(String example, int epochs, Path save) {
        launcher.succeeds(example, "--epochs", String.valueOf(epochs), "--save", save.toString(),
                "--plot", file("plot.png").toString());
    }

    /** The arguments of {@code predict}. */
    private static String[] predict(String example, Path load, Path input, Path output) {
        return new String[] {"predict", "--example", example, "--load", load.toString(),
            "--input", input.toString(), "--output", output.toString()};
    }

    /** Runs {@code predict}, which must succeed, and reads what it wrote. */
    private CsvTable predicted(String example, Path load, Path input) throws IOException {
        launcher.succeeds(predict(example, load, input, file("out.csv")));
        return CsvTable.read(file("out.csv"));
    }

    private static void assertSameNumbers(Matrix expected, Matrix actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.cols(); j++) {
                assertEquals(expected.get(i, j), actual.get(i, j), 0.0, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void predict_afterSave_givesTheNumbersOfTheModelInMemory() throws IOException {
        train("sine", 20, file("sine.st"));
        Sequential inMemory = (Sequential) Example02_FitASine.train(
                Example02_FitASine.DEFAULTS.withEpochs(20)).model();
        Path input = write("in.csv", "x\n0\n0.5\n1.5707963267948966\n-3\n2e-1\n");

        CsvTable table = predicted("sine", file("sine.st"), input);

        assertEquals(List.of("x", "predicted_sin_x"), table.columnNames());
        assertEquals(List.of("0", "0.5", "1.5707963267948966", "-3", "2e-1"), table.strings("x"),
                "inputs copied as written");
        assertSameNumbers(inMemory.predict(table.columns("x")), table.columns("predicted_sin_x"));
    }

    @Test
    void predict_weightsOnlyFile_twoInputsInAnyColumnOrder_matchesTheModel() throws IOException {
        Sequential model = (Sequential) Example03_FitASurface.train(
                Example03_FitASurface.DEFAULTS.withEpochs(2)).model();
        Checkpoint.save(file("w.st"), model);
        Path input = write("in.csv", "y,id,x\n0.5,\"a, b\",1\n-2,c,3\n");

        CsvTable table = predicted("surface", file("w.st"), input);

        assertEquals(List.of("y", "id", "x", "predicted_sin_x_cos_y"), table.columnNames());
        assertEquals(List.of("a, b", "c"), table.strings("id"), "a quoted comma survives");
        assertSameNumbers(model.predict(table.columns("x", "y")),
                table.columns("predicted_sin_x_cos_y"));
    }

    @Test
    void predict_multi_writesOneColumnPerOutput() throws IOException {
        train("multi", 3, file("m.st"));
        Sequential inMemory = (Sequential) Example04_SeveralOutputs.train(
                Example04_SeveralOutputs.DEFAULTS.withEpochs(3)).model();
        Path input = write("in.csv", "x\n-1\n1\n");

        CsvTable table = predicted("multi", file("m.st"), input);

        assertSameNumbers(inMemory.predict(table.columns("x")),
                table.columns("predicted_sin_x", "predicted_cos_x"));
    }

    @Test
    void predict_diabetesOnItsOwnData_reproducesTheLessonsTestScore() throws IOException {
        train("diabetes", 10, file("d.st"));
        TrainingResult inMemory = Example05_Diabetes.train(
                Example05_Diabetes.DEFAULTS.withEpochs(10));
        Path input = copyResource("diabetes.csv");

        CsvTable table = predicted("diabetes", file("d.st"), input);

        assertEquals(12, table.columnNames().size(), "10 features, the truth, the prediction");
        Matrix truth = testRows(table.columns("progression"));
        Matrix predicted = testRows(table.columns("predicted_progression"));
        assertEquals(88, predicted.rows(), "442 rows, every fifth from index 4");
        assertEquals(inMemory.metric("test R²"), Metrics.rSquared(predicted, truth), 0.0);
        assertEquals(inMemory.metric("test RMSE"), Metrics.rmse(predicted, truth), 0.0);
    }

    @Test
    void predict_overfitOnItsOwnData_reproducesTheLessonsTestScore() throws IOException {
        train("overfit", 12, file("o.st"));
        TrainingResult inMemory = Example11_Overfitting.train(
                Example11_Overfitting.DEFAULTS.withEpochs(12));
        Path input = copyResource("diabetes.csv");

        CsvTable table = predicted("overfit", file("o.st"), input);

        Matrix truth = testRows(table.columns("progression"));
        Matrix predicted = testRows(table.columns("predicted_progression"));
        assertEquals(inMemory.metric("test R²"), Metrics.rSquared(predicted, truth), 0.0);
        assertEquals(inMemory.metric("test RMSE"), Metrics.rmse(predicted, truth), 0.0);
    }

    @Test
    void predict_irisOnItsOwnData_reproducesTheTestAccuracyWithProbabilities()
            throws IOException {
        train("iris", 30, file("i.st"));
        TrainingResult inMemory = Example06_IrisClassifier.train(
                Example06_IrisClassifier.DEFAULTS.withEpochs(30));
        Path input = copyResource("iris.csv");
        String species = "species";
        Files.writeString(input, Files.readString(input).replaceFirst(species, "true_species"));

        CsvTable table = predicted("iris", file("i.st"), input);

        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width",
                "true_species", "predicted_species", "p_setosa", "p_versicolor", "p_virginica"),
                table.columnNames());
        Matrix probabilities = table.columns("p_setosa", "p_versicolor", "p_virginica");
        OneHot classes = OneHot.of(species, Example06_IrisClassifier.SPECIES);
        assertEquals(classes.decode(probabilities), table.strings("predicted_species"));
        for (int i = 0; i < probabilities.rows(); i++) {
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += probabilities.get(i, k);
            }
            assertEquals(1, sum, PROBABILITY_SUM_TOLERANCE, "row " + i);
        }
        int right = 0;
        int tested = 0;
        List<String> truth = table.strings("true_species");
        List<String> predicted = table.strings("predicted_species");
        for (int i = 4; i < truth.size(); i += 5) {
            tested++;
            right += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        assertEquals(inMemory.metric("test accuracy"), (double) right / tested, 0.0);
    }

    @Test
    void predict_inputWithoutAColumn_isOneErrorLineNamingIt() throws IOException {
        train("surface", 1, file("s.st"));
        Path input = write("in.csv", "x,z\n1,2\n");

        launcher.failsWith("error: predict: " + input + " must have the 'surface' example's"
                + " input columns x,y, got no y (its columns: x,z)",
                predict("surface", file("s.st"), input, file("out.csv")));

        assertFalse(Files.exists(file("out.csv")));
    }

    @Test
    void predict_checkpointOfAnotherExample_listsTheShapeProblems() throws IOException {
        train("sine", 1, file("sine.st"));
        Path input = write("in.csv", "x,y\n1,2\n");

        String text = launcher.failsWith("error: predict: the checkpoint must fit the 'surface'"
                + " example's network: Checkpoint.load(" + file("sine.st")
                + "): file must fit the model, got 5 problems: ",
                predict("surface", file("sine.st"), input, file("out.csv")));

        assertTrue(text.contains("\"0.weight\" must have shape [64, 2] (out×in), got [32, 1]"),
                text);
        assertFalse(Files.exists(file("out.csv")));
    }

    @Test
    void predict_badValue_namesTheLineAndColumn() throws IOException {
        train("line", 1, file("l.st"));
        Path input = write("in.csv", "x\n1\nabc\n");

        String text = launcher.failsWith("error: predict: CsvTable.columns: value must be a"
                + " number, got \"abc\"", predict("line", file("l.st"), input, file("out.csv")));

        assertTrue(text.contains("line 3, column 1 \"x\""), text);
    }

    @Test
    void predict_inputNamesAPredictionColumn_isRefused() throws IOException {
        train("line", 1, file("l.st"));
        Path input = write("in.csv", "x,predicted_y\n1,2\n");

        launcher.failsWith("error: predict: " + input + " must not have columns named like the"
                + " predictions, got predicted_y; rename or drop them",
                predict("line", file("l.st"), input, file("out.csv")));
    }

    @Test
    void predict_missingFiles_areOneErrorLineEach() throws IOException {
        Path input = write("in.csv", "x\n1\n");

        launcher.failsWith("error: predict: --load must name an existing checkpoint, got no file"
                + " at " + file("none.st"), predict("sine", file("none.st"), input,
                file("out.csv")));

        train("sine", 1, file("sine.st"));
        launcher.failsWith("error: predict: --input must name an existing CSV file, got no file"
                + " at " + file("none.csv"), predict("sine", file("sine.st"), file("none.csv"),
                file("out.csv")));
    }

    @Test
    void predict_unknownExample_isAUsageErrorListingTheExamples() throws IOException {
        Path input = write("in.csv", "x\n1\n");

        launcher.rejectsWith("Invalid value for option '--example': must be one of [line, sine,"
                + " surface, multi, diabetes, iris, xor, spiral, outliers, overfit], got"
                + " 'cosine'",
                predict("cosine", file("none.st"), input, file("out.csv")));
    }

    @Test
    void predictHelp_listsEveryExamplesInputColumns() {
        launcher.succeeds("predict", "--help");

        String help = launcher.out();
        assertTrue(help.contains("  surface   x,y -> predicted_sin_x_cos_y"), help);
        assertTrue(help.contains("  diabetes  age,sex,bmi,bp,s1,s2,s3,s4,s5,s6"), help);
        assertTrue(help.contains("-> predicted_species,p_setosa,p_versicolor,p_virginica"), help);
        assertTrue(help.contains("diabetes, iris and overfit standardise their inputs as in"
                + " training"), help);
        assertTrue(help.lines().allMatch(l -> l.length() <= 80), help);
    }

    @Test
    void csvField_quotesOnlyWhatAReaderWouldMisread() {
        assertEquals("1.5", Predict.csvField("1.5"));
        assertEquals("\"a,b\"", Predict.csvField("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Predict.csvField("say \"hi\""));
        assertEquals("\" padded\"", Predict.csvField(" padded"));
        assertEquals("\"two\nlines\"", Predict.csvField("two\nlines"));
        assertEquals("", Predict.csvField(""));
    }

    /** Rows whose zero-based index i has i % 5 == 4: the lessons' test rows. */
    private static Matrix testRows(Matrix m) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 4; i < m.rows(); i += 5) {
            rows.add(i);
        }
        Matrix out = Matrix.zeros(rows.size(), m.cols());
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < m.cols(); j++) {
                out.set(r, j, m.get(rows.get(r), j));
            }
        }
        return out;
    }

    private Path copyResource(String name) throws IOException {
        try (InputStream in = ExampleData.class.getResourceAsStream("/data/" + name)) {
            Path target = file(name);
            Files.copy(in, target);
            return target;
        }
    }
}
