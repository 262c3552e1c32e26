package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The launcher: help, option errors, the divergence error line and the plot file. */
class MainTest {

    private final Launcher launcher = new Launcher();

    @TempDir
    Path dir;

    @Test
    void help_listsAllLessonsInOrderOneLineEach() {
        launcher.succeeds("--help");

        String help = launcher.out();
        String[] names = {"line", "sine", "surface", "multi", "diabetes", "iris", "xor",
            "spiral", "outliers", "optimizers", "overfit"};
        for (int i = 0; i < names.length; i++) {
            String line = "  " + names[i] + " ";
            String lesson = "Lesson " + (i + 1);
            assertTrue(help.lines().anyMatch(l -> l.startsWith(line) && l.contains(lesson)),
                    names[i] + " missing from:\n" + help);
        }
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  predict ")), help);
        // one line each: the eleven lessons and predict follow one another under the heading
        String list = help.substring(help.indexOf("Commands (an example, or predict):"));
        assertEquals(13, list.lines().takeWhile(l -> !l.isBlank()).count(), help);
        assertTrue(help.contains("Lesson 2 (default)"), help);
    }

    @Test
    void exampleHelp_showsTheExampleDefaults() {
        launcher.succeeds("iris", "--help");

        String help = launcher.out();
        assertTrue(help.contains("(default: " + Example06_IrisClassifier.DEFAULTS.epochs() + ")"),
                help);
        assertTrue(help.contains("target/plots/iris.png") || help.contains("target\\plots\\iris.png"),
                help);
    }

    @Test
    void withDefault_noArguments_runsSine() {
        assertArrayEquals(new String[] {"sine"}, Main.withDefault(new String[0]));
        assertArrayEquals(new String[] {"iris"}, Main.withDefault(new String[] {"iris"}));
        assertArrayEquals(new String[] {"sine", "--epochs", "10"},
                Main.withDefault(new String[] {"--epochs", "10"}));
        assertArrayEquals(new String[] {"--help"}, Main.withDefault(new String[] {"--help"}));
        assertArrayEquals(new String[] {"-h"}, Main.withDefault(new String[] {"-h"}));
        assertArrayEquals(new String[] {"sine", "-x"}, Main.withDefault(new String[] {"-x"}));
    }

    @Test
    void unknownKernels_isAUsageErrorListingTheAvailableOnes() {
        Path plot = dir.resolve("line.png");

        launcher.rejectsWith("'--kernels': must be one of ejml, openblas, got bogus", "line",
                "--kernels", "bogus", "--plot", plot.toString());

        assertFalse(Files.exists(plot));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--epochs     | -1 | '--epochs': must be >= 0, got -1",
        "--lr         | 0  | '--lr': must be positive and finite, got 0.0",
        "--momentum   | 1  | '--momentum': must be in [0, 1), got 1.0",
        "--batch-size | 0  | '--batch-size': must be >= 1, got 0",
        "--optimizer  | sgdm | '--optimizer': must be one of sgd, adam, adamw, rmsprop, got sgdm",
        "--schedule   | linear | '--schedule': must be one of none, step, exp, cosine, got linear",
        "--schedule-epochs | 0 | '--schedule-epochs': must be >= 1, got 0",
        "--clip       | -1 | '--clip': must be positive and finite, got -1.0"})
    void badValue_isAUsageErrorNamingTheOption(String option, String value, String message) {
        launcher.rejectsWith(message, "line", option, value);
    }

    @Test
    void divergingRun_printsOneErrorLineWithoutStackTrace() {
        Path plot = dir.resolve("never.png");

        String text = launcher.failsWith("error: sine: the loss became ", "sine", "--lr", "1e6",
                "--plot", plot.toString());

        assertTrue(text.contains("at epoch 1, step "), text);
        assertTrue(text.contains("kept the loss finite"), text);
        assertFalse(Files.exists(plot), "no plot for a failed run");
    }

    @Test
    void run_writesAValidPngWhereAsked() throws IOException {
        Path plot = dir.resolve("nested/dirs/line.png");
        Files.createDirectories(plot.getParent());

        launcher.succeeds("line", "--epochs", "3", "--plot", plot.toString());

        BufferedImage image = ImageIO.read(plot.toFile());
        assertNotNull(image, "not a readable PNG");
        assertEquals(2 * Plots.PANEL_WIDTH, image.getWidth());
        try (var files = Files.list(plot.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the plot");
        }
    }
}
