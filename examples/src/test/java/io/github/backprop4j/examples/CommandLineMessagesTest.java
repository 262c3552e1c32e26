package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What the launcher says when something is wrong: one error line, where to find help, and the
 * exit status, for every mistake a first-time user is likely to make.
 */
class CommandLineMessagesTest {

    private static final int USAGE = CommandLine.ExitCode.USAGE;
    private static final int FAILED = CommandLine.ExitCode.SOFTWARE;
    private static final String LINE_HELP = "Run 'backprop4j-examples line --help' for its options.";

    private final Launcher launcher = new Launcher();

    @TempDir
    Path dir;

    private String plot() {
        return dir.resolve("plot.png").toString();
    }

    @Test
    void noExampleName_optionsOnly_trainTheDefaultExample() throws IOException {
        Path plot = dir.resolve("sine.png");

        launcher.succeeds("--epochs", "2", "--plot", plot.toString());

        assertEquals(2 * Plots.PANEL_WIDTH, ImageIO.read(plot.toFile()).getWidth());
    }

    @Test
    void unknownExample_oneLineNamingTheExamples() {
        launcher.printsExactly(USAGE, List.of("error: unknown example 'foo': expected one of line,"
                + " sine, surface, multi, diabetes, iris, xor, spiral, outliers, optimizers, overfit,"
                + " predict", "Run 'backprop4j-examples --help' for the examples."), "foo");
    }

    @Test
    void unknownOption_oneLineAndTheHelpHintInsteadOfTheUsage() {
        launcher.printsExactly(USAGE, List.of("error: unknown option '--lrate'; did you mean"
                + " --lr?", LINE_HELP), "line", "--lrate", "0.1");
        launcher.printsExactly(USAGE, List.of("error: unknown option '--zzz'", LINE_HELP),
                "line", "--zzz");
    }

    @Test
    void badValue_oneLineAndTheHelpHint() {
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--epochs': must be"
                + " >= 0, got -1", LINE_HELP), "line", "--epochs", "-1");
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--epochs': 'x' is"
                + " not an int", LINE_HELP), "line", "--epochs", "x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "NAN"})
    void lrNotANumber_sameMessageInAnyCase(String nan) {
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--lr': must be"
                + " positive and finite, got NaN", LINE_HELP), "line", "--lr", nan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"inf", "Infinity", "INF"})
    void lrInfinite_sameMessageInAnyCase(String inf) {
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--lr': must be"
                + " positive and finite, got Infinity", LINE_HELP), "line", "--lr", inf);
    }

    @Test
    void lrNotANumberAtAll_saysSo() {
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--lr': 'fast' is"
                + " not a number", LINE_HELP), "line", "--lr", "fast");
    }

    @Test
    void number_acceptsJavaFormsAndNanOrInfinityInAnyCase() {
        assertEquals(0.001, Main.number("1e-3"));
        assertEquals(-0.5, Main.number(" -0.5 "));
        assertTrue(Double.isNaN(Main.number("-nan")));
        assertEquals(Double.NEGATIVE_INFINITY, Main.number("-INF"));
        assertEquals(Double.POSITIVE_INFINITY, Main.number("+infinity"));
    }

    @Test
    void unknownKernels_namesTheChoicesWithoutInternalNames() {
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--kernels': must be"
                + " one of ejml, openblas, got foo", LINE_HELP), "line", "--kernels", "foo",
                "--plot", plot());
    }

    @Test
    void plotInAMissingFolder_refusedBeforeTrainingAndNoFolderCreated() {
        Path missing = dir.resolve("missing");

        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--plot': the"
                + " folder " + missing + " does not exist; create it first", LINE_HELP),
                "line", "--plot", missing.resolve("x.png").toString());

        assertFalse(Files.exists(missing));
    }

    @Test
    void plotThatIsAFolder_refused() {
        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--plot': " + dir
                + " is a folder; give a file name in it", LINE_HELP), "line", "--plot",
                dir.toString());
    }

    @Test
    void plotUnderAFile_refused() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        launcher.printsExactly(USAGE, List.of("error: Invalid value for option '--plot': " + file
                + " is a file, not a folder", "Run 'backprop4j-examples optimizers --help' for"
                + " its options."), "optimizers", "--epochs", "1", "--plot",
                file.resolve("x.png").toString());
    }

    @Test
    void divergingRun_suggestsARateAShortProbeFoundToKeepTheLossFinite() {
        launcher.printsExactly(FAILED, List.of("error: sine: the loss became Infinity at epoch 1,"
                + " step 4 (batch 4 of 16); training stopped. The learning rate 1000000 is too"
                + " large for this problem: from the same start, --lr 0.1 kept the loss finite"
                + " for 3 epochs (1000000 to 1 did not); try it"), "sine", "--lr", "1e6",
                "--plot", plot());
        assertFalse(Files.exists(Path.of(plot())), "no plot for a failed run");
    }

    @Test
    void divergingResumedRun_saysTheRateCameFromTheCheckpoint() {
        Path saved = dir.resolve("sine.st");
        launcher.succeeds("sine", "--epochs", "0", "--lr", "1e6", "--save", saved.toString(),
                "--plot", plot());

        launcher.printsExactly(FAILED, List.of("error: sine: the loss became Infinity at epoch 1,"
                + " step 4 (batch 4 of 16); training stopped. The learning rate 1000000 is too"
                + " large for this problem: it came from the checkpoint " + saved + ", which --lr"
                + " does not change; train afresh, without --load, with a smaller --lr"),
                "sine", "--epochs", "1", "--load", saved.toString(), "--plot", plot());
    }

    @Test
    void theSuggestedRate_trainsWithoutDiverging() {
        launcher.succeeds("sine", "--lr", "0.1", "--epochs", "20", "--plot", plot());
    }

    @Test
    void lrWithLoad_warnsThatTheCheckpointsRateIsUsed() {
        Path saved = dir.resolve("line.st");
        launcher.succeeds("line", "--epochs", "2", "--save", saved.toString(), "--plot", plot());
        Logger logger = (Logger) LoggerFactory.getLogger(Checkpoints.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.WARN);
        try {
            launcher.succeeds("line", "--epochs", "1", "--load", saved.toString(), "--lr", "0.5",
                    "--plot", plot());
            launcher.succeeds("line", "--epochs", "1", "--load", saved.toString(), "--lr", "0.05",
                    "--plot", plot());
            launcher.succeeds("line", "--epochs", "1", "--load", saved.toString(), "--plot",
                    plot());
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(null);
        }

        assertEquals(List.of("line: --lr 0.5 is not used: a run resumed with --load goes on at the"
                + " learning rate saved in " + saved + ", 0.05"),
                logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals(Level.WARN, logged.list.get(0).getLevel());
    }

    @Test
    void loadAFolder_saysItIsAFolder() {
        launcher.printsExactly(FAILED, List.of("error: line: --load must name a checkpoint file,"
                + " got the folder " + dir), "line", "--load", dir.toString(), "--plot", plot());
    }

    @Test
    void predictInputAFolder_saysItIsAFolder() {
        Path saved = dir.resolve("line.st");
        launcher.succeeds("line", "--epochs", "1", "--save", saved.toString(), "--plot", plot());

        launcher.printsExactly(FAILED, List.of("error: predict: --input must name a CSV file, got"
                + " the folder " + dir), "predict", "--example", "line", "--load",
                saved.toString(), "--input", dir.toString(), "--output",
                dir.resolve("out.csv").toString());
    }

    @Test
    void saveUnderAFile_oneLineWithoutExceptionNames() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path save = file.resolve("line.st");

        launcher.printsExactly(FAILED, List.of("error: line: cannot write the checkpoint to "
                + save + ": a file stands where a folder is needed"), "line", "--epochs", "1",
                "--save", save.toString(), "--plot", plot());
    }

    @Test
    void reason_inWordsWithoutClassOrTemporaryNames() {
        String temporary = "/out/.plot.png.tmp123";
        assertEquals("permission denied",
                FileProblems.reason(new AccessDeniedException(temporary)));
        assertEquals("its folder does not exist",
                FileProblems.reason(new NoSuchFileException(temporary)));
        assertEquals("a part of the path is a file, not a folder",
                FileProblems.reason(new NotDirectoryException(temporary)));
        assertEquals("a file stands where a folder is needed",
                FileProblems.reason(new FileAlreadyExistsException(temporary)));
        assertEquals("No space left on device",
                FileProblems.reason(new FileSystemException(temporary, null,
                        "No space left on device")));
        assertEquals("disk on fire", FileProblems.reason(new IOException("disk on fire")));
        assertEquals("an input/output error", FileProblems.reason(new IOException()));
        assertEquals("sine: cannot write the plot to out/sine.png: permission denied",
                FileProblems.cannotWrite("sine", "the plot", Path.of("out/sine.png"),
                        new AccessDeniedException(temporary)));
    }
}
