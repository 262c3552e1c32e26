package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
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

        assertEquals(List.of("line", "sine", "surface", "multi", "diabetes", "iris"), names);
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
    void iris_decode_putsTheMostProbableSpeciesBeforeTheProbabilities() {
        Lesson.Encoding encoding = Example06_IrisClassifier.LESSON.encoding();

        List<List<String>> rows = encoding.decode(Matrix.of(new double[][] {
            {0.1, 0.7, 0.2}, {0.25, 0.25, 0.5}}));

        assertEquals(List.of(List.of("versicolor", "0.1", "0.7", "0.2"),
                List.of("virginica", "0.25", "0.25", "0.5")), rows);
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
