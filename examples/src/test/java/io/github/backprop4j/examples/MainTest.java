package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher: help, option errors, the divergence error line and the plot file. */
class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void help_listsAllSixExamplesOneLineEach() {
        int status = run("--help");

        assertEquals(0, status);
        String help = out.toString();
        String[] names = {"line", "sine", "surface", "multi", "diabetes", "iris"};
        for (int i = 0; i < names.length; i++) {
            String line = "  " + names[i] + " ";
            String lesson = "Lesson " + (i + 1);
            assertTrue(help.lines().anyMatch(l -> l.startsWith(line) && l.contains(lesson)),
                    names[i] + " missing from:\n" + help);
        }
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  predict ")), help);
        // one line each: the six lessons and predict follow one another under the heading
        String list = help.substring(help.indexOf("Commands (an example, or predict):"));
        assertEquals(8, list.lines().takeWhile(l -> !l.isBlank()).count(), help);
        assertTrue(help.contains("Lesson 2 (default)"), help);
    }

    @Test
    void exampleHelp_showsTheExampleDefaults() {
        int status = run("iris", "--help");

        assertEquals(0, status);
        String help = out.toString();
        assertTrue(help.contains("(default: " + Example06_IrisClassifier.DEFAULTS.epochs() + ")"),
                help);
        assertTrue(help.contains("target/plots/iris.png") || help.contains("target\\plots\\iris.png"),
                help);
    }

    @Test
    void withDefault_noArguments_runsSine() {
        assertArrayEquals(new String[] {"sine"}, Main.withDefault(new String[0]));
        assertArrayEquals(new String[] {"iris"}, Main.withDefault(new String[] {"iris"}));
    }

    @Test
    void unknownKernels_isAUsageErrorListingTheAvailableOnes() {
        int status = run("line", "--kernels", "bogus", "--plot", dir.resolve("line.png").toString());

        assertEquals(CommandLine.ExitCode.USAGE, status);
        assertTrue(err.toString().contains("'--kernels': Unknown matrix kernels 'bogus': expected one of [ejml, openblas]"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("line.png")));
    }

    @Test
    void negativeEpochs_isAUsageErrorNamingTheOption() {
        int status = run("line", "--epochs", "-1");

        assertEquals(CommandLine.ExitCode.USAGE, status);
        assertTrue(err.toString().contains("'--epochs': must be >= 0, got -1"), err.toString());
    }

    @Test
    void zeroLearningRate_isAUsageErrorNamingTheOption() {
        int status = run("line", "--lr", "0");

        assertEquals(CommandLine.ExitCode.USAGE, status);
        assertTrue(err.toString().contains("'--lr': must be positive and finite, got 0.0"),
                err.toString());
    }

    @Test
    void zeroBatchSize_isAUsageErrorNamingTheOption() {
        int status = run("line", "--batch-size", "0");

        assertEquals(CommandLine.ExitCode.USAGE, status);
        assertTrue(err.toString().contains("'--batch-size': must be >= 1, got 0"),
                err.toString());
    }

    @Test
    void divergingRun_printsOneErrorLineWithoutStackTrace() {
        Path plot = dir.resolve("never.png");

        int status = run("sine", "--lr", "1e6", "--plot", plot.toString());

        assertEquals(CommandLine.ExitCode.SOFTWARE, status);
        String text = err.toString().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: sine: the loss became "), text);
        assertTrue(text.contains("at epoch 1, step "), text);
        assertTrue(text.contains("try a smaller one"), text);
        assertFalse(text.contains("Exception"), text);
        assertFalse(Files.exists(plot), "no plot for a failed run");
    }

    @Test
    void run_writesAValidPngWhereAsked() throws IOException {
        Path plot = dir.resolve("nested/dirs/line.png");

        int status = run("line", "--epochs", "3", "--plot", plot.toString());

        assertEquals(0, status, err.toString());
        BufferedImage image = ImageIO.read(plot.toFile());
        assertNotNull(image, "not a readable PNG");
        assertEquals(2 * Plots.PANEL_WIDTH, image.getWidth());
        try (var files = Files.list(plot.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the plot");
        }
    }
}
