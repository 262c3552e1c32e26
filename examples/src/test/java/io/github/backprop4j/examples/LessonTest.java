package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Softmax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each lesson's description of itself, and how the launcher and predict find it. */
class LessonTest {

    /** A standardised column's mean is 0 up to rounding. */
    private static final double MEAN_TOLERANCE = 1e-12;

    @Test
    void launcher_eachExampleCommandIsNamedAsItsLesson_inTheLaunchersOrder() {
        CommandLine launcher = Main.commandLine();
        List<String> names = new ArrayList<>();
        launcher.getSubcommands().forEach((name, command) -> {
            if (command.getCommand() instanceof ExampleCommand example) {
                assertEquals(name, example.lesson().name());
                names.add(name);
            }
        });

        Map<String, Lesson> lessons = Predict.lessons(launcher.getCommandSpec());

        assertEquals(List.of("line", "sine", "surface", "multi", "diabetes", "iris", "xor",
                "spiral", "outliers", "overfit"), names);
        assertEquals(names, List.copyOf(lessons.keySet()));
        assertSame(Example05_Diabetes.LESSON, lessons.get("diabetes"));
    }

    @Test
    void predictHelp_theExampleOptionNamesEveryLesson() {
        CommandLine launcher = Main.commandLine();
        String description = String.join(" ", launcher.getSubcommands().get("predict")
                .getCommandSpec().findOption("--example").description());

        for (String name : Predict.lessons(launcher.getCommandSpec()).keySet()) {
            assertTrue(description.matches(".*\\b" + name + "\\b.*"), name + ": " + description);
        }
    }

    @Test
    void plain_readsInputsAsTheyAreAndWritesOutputsAsNumbers() {
        Lesson.Encoding encoding = Example04_SeveralOutputs.LESSON.encoding();
        Matrix x = Matrix.columnVector(0.5, -1);

        assertSame(x, encoding.encode(x));
        assertEquals(List.of(List.of("0.1", "-2.5E-4")),
                encoding.decode(Matrix.rowVector(0.1, -0.00025)));
        assertFalse(Example04_SeveralOutputs.LESSON.standardised());
    }

    @Test
    void iris_decode_turnsLogitsIntoTheMostProbableSpeciesAndTheProbabilities() {
        Lesson.Encoding encoding = Example06_IrisClassifier.LESSON.encoding();

        // logits whose softmax is 1 : 5 : 2 over 8, then 1 : 1 : 2 over 4, shifted by 1000
        Matrix logits = Matrix.of(new double[][] {{0, Math.log(5), Math.log(2)},
            {1000, 1000, 1000 + Math.log(2)}});
        List<List<String>> rows = encoding.decode(logits);

        List<List<String>> probabilities = Lesson.numbers(new Softmax().forward(logits));
        assertEquals("versicolor", rows.get(0).get(0));
        assertEquals("virginica", rows.get(1).get(0));
        assertEquals(probabilities.get(0), rows.get(0).subList(1, 4));
        assertEquals(probabilities.get(1), rows.get(1).subList(1, 4));
        assertEquals(0.625, Double.parseDouble(rows.get(0).get(2)), 1e-15);
        assertEquals(0.5, Double.parseDouble(rows.get(1).get(3)), 1e-12);  // 1000 + ln 2 rounds
        assertEquals(List.of("predicted_species", "p_setosa", "p_versicolor", "p_virginica"),
                Example06_IrisClassifier.LESSON.outputs());
        assertTrue(Example06_IrisClassifier.LESSON.standardised());
    }

    @Test
    void diabetes_encoding_isTheLessonsDataFittedOnItsTrainingRows() {
        Lesson.Encoding encoding = Example05_Diabetes.LESSON.encoding();
        Example05_Diabetes.Data data = assertInstanceOf(Example05_Diabetes.Data.class, encoding);

        Matrix train = encoding.encode(data.split().train().features());

        for (int j = 0; j < train.cols(); j++) {
            assertEquals(0, columnMean(train, j), MEAN_TOLERANCE, "column " + j);
        }
        assertEquals(List.of("predicted_progression"), Example05_Diabetes.LESSON.outputs());
    }

    private static double columnMean(Matrix m, int j) {
        double sum = 0;
        for (int i = 0; i < m.rows(); i++) {
            sum += m.get(i, j);
        }
        return sum / m.rows();
    }

    @Test
    void toString_showsTheColumns() {
        assertEquals("Lesson(surface: x,y -> predicted_sin_x_cos_y)",
                Example03_FitASurface.LESSON.toString());
    }
}
