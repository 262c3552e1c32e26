package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.layers.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --save} and {@code --load} through the launcher: a run stopped at an epoch and resumed
 * writes the same checkpoint, byte for byte, as a run that never stopped.
 */
class ResumeTest {

    private final Launcher launcher = new Launcher();

    @TempDir
    Path dir;

    private String plot() {
        return dir.resolve("plot.png").toString();
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    /** Trains {@code first} epochs, saves, loads, trains {@code rest}; and straight through. */
    private void assertResumesExactly(String example, int first, int rest, String... options)
            throws IOException {
        launcher.succeeds(concat(new String[] {example, "--epochs", String.valueOf(first + rest),
            "--save", file("straight.st").toString(), "--plot", plot()}, options));
        launcher.succeeds(concat(new String[] {example, "--epochs", String.valueOf(first),
            "--save", file("half.st").toString(), "--plot", plot()}, options));
        launcher.succeeds(concat(new String[] {example, "--epochs", String.valueOf(rest),
            "--load", file("half.st").toString(), "--save", file("resumed.st").toString(),
            "--plot", plot()}, options));

        byte[] straight = Files.readAllBytes(file("straight.st"));
        byte[] half = Files.readAllBytes(file("half.st"));
        assertFalse(Arrays.equals(straight, half), "the run must have moved on");
        assertArrayEquals(straight, Files.readAllBytes(file("resumed.st")),
                example + ": resumed run differs from the straight one");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void saveLoadAndTrainTheRest_sineWithMomentum_isBitIdenticalToStraightThrough()
            throws IOException {
        assertResumesExactly("sine", 4, 6);
    }

    @Test
    void saveLoadAndTrainTheRest_diabetesWithShortLastBatchAndWeightDecay_isBitIdentical()
            throws IOException {
        assertResumesExactly("diabetes", 3, 2);   // 354 training rows: the 23rd batch has 2
    }

    @Test
    void saveLoadAndTrainTheRest_lineWithOtherSeedAndBatchSize_isBitIdentical()
            throws IOException {
        assertResumesExactly("line", 2, 3, "--seed", "7", "--batch-size", "10");
    }

    @Test
    void saveLoadAndTrainTheRest_adamWithCosine_isBitIdenticalToStraightThrough()
            throws IOException {
        assertResumesExactly("sine", 4, 6, "--optimizer", "adam", "--schedule", "cosine",
                "--schedule-epochs", "10");
    }

    @Test
    void saveLoadAndTrainTheRest_adamWWithStepAndClipping_isBitIdentical() throws IOException {
        assertResumesExactly("diabetes", 2, 3, "--optimizer", "adamw", "--schedule", "step",
                "--schedule-epochs", "5", "--clip", "0.5");
    }

    @Test
    void saveLoadAndTrainTheRest_rmspropWithExp_isBitIdentical() throws IOException {
        assertResumesExactly("iris", 3, 4, "--optimizer", "rmsprop", "--schedule", "exp",
                "--schedule-epochs", "7");
    }

    @Test
    void saveLoadAndTrainTheRest_sgdWithCosineAndClipping_isBitIdentical() throws IOException {
        assertResumesExactly("line", 3, 4, "--schedule", "cosine", "--schedule-epochs", "7",
                "--clip", "1");
    }

    @Test
    void save_withSchedule_writesTheOptimizersMomentsAndTheSchedule() throws IOException {
        launcher.succeeds("sine", "--epochs", "2", "--optimizer", "adam", "--schedule", "cosine",
                "--save", file("s.st").toString(), "--plot", plot());

        String text = new String(Files.readAllBytes(file("s.st")), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("optimizer.exp_avg_sq.0.weight"), "Adam's moments saved");
        assertTrue(text.contains("\"scheduler.type\":\"cosineannealinglr\""), text.substring(0,
                Math.min(text.length(), 2000)));
        assertTrue(text.contains("\"scheduler.last_epoch\":\"2\""), "two epochs ended");
    }

    @Test
    void load_adamCheckpointIntoSgdRun_isRefusedNamingBoth() {
        launcher.succeeds("sine", "--epochs", "1", "--optimizer", "adam", "--save",
                file("adam.st").toString(), "--plot", plot());

        launcher.failsWith("error: sine: the checkpoint was saved by a run with optimizer adam and"
                + " no schedule, but this run has optimizer sgd and no schedule; give the saved"
                + " run's --optimizer, --schedule and their options to resume it", "sine",
                "--epochs", "1", "--load", file("adam.st").toString(), "--plot", plot());
    }

    @Test
    void load_scheduledCheckpointWithoutTheSchedule_isRefusedNamingIt() {
        launcher.succeeds("sine", "--epochs", "1", "--optimizer", "adam", "--schedule", "cosine",
                "--save", file("cos.st").toString(), "--plot", plot());

        launcher.failsWith("error: sine: the checkpoint was saved by a run with optimizer adam and"
                + " schedule cosineannealinglr, but this run has optimizer adam and no schedule",
                "sine", "--epochs", "1", "--optimizer", "adam", "--load",
                file("cos.st").toString(), "--plot", plot());
        String otherT = launcher.failsWith("error: sine: the checkpoint does not fit this"
                + " example, run with optimizer adam and schedule cosineannealinglr", "sine",
                "--epochs", "1", "--optimizer", "adam", "--schedule", "cosine",
                "--schedule-epochs", "9", "--load", file("cos.st").toString(), "--plot", plot());

        assertTrue(otherT.contains("scheduler: \"t_max\" must be 9"), otherT);
    }

    @Test
    void save_writesTheStepAndTheMomentumBuffers() throws IOException {
        launcher.succeeds("sine", "--epochs", "3", "--save", file("s.st").toString(),
                "--plot", plot());

        Sequential model = Example02_FitASine.model(new SplittableRandom(1));
        long step = Checkpoint.load(file("s.st"), model);

        assertEquals(3 * 16, step, "256 rows in batches of 16, 3 epochs");
        String text = new String(Files.readAllBytes(file("s.st")),
                StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("optimizer.momentum_buffer.0.weight"), "momentum buffers saved");
    }

    @Test
    void zeroEpochsAfterLoad_onlyEvaluates_andSavesTheSameCheckpoint() throws IOException {
        launcher.succeeds("iris", "--epochs", "5", "--save", file("a.st").toString(),
                "--plot", plot());

        launcher.succeeds("iris", "--epochs", "0", "--load", file("a.st").toString(),
                "--save", file("b.st").toString(), "--plot", plot());

        assertArrayEquals(Files.readAllBytes(file("a.st")), Files.readAllBytes(file("b.st")));
    }

    /** Trains sine for one epoch and saves it: a checkpoint for the refusals below. */
    private Path oneSineEpoch() {
        launcher.succeeds("sine", "--epochs", "1", "--save", file("a.st").toString(),
                "--plot", plot());
        return file("a.st");
    }

    @Test
    void load_checkpointFromAnotherBatchSize_isRefusedNamingTheStep() {
        Path checkpoint = oneSineEpoch();

        launcher.failsWith("error: sine: the checkpoint's step must be a whole number of epochs"
                + " of 11 batches, got step 16; was it saved with another --batch-size?",
                "sine", "--epochs", "1", "--batch-size", "24", "--load", checkpoint.toString(),
                "--plot", plot());
    }

    @Test
    void load_otherMomentum_isRefusedListingTheOptimizerProblem() {
        Path checkpoint = oneSineEpoch();

        String text = launcher.failsWith("error: sine: the checkpoint does not fit this example, run with optimizer sgd and no"
                + " schedule (give the saved run's --optimizer, --schedule and their options): ",
                "sine", "--epochs", "1", "--momentum", "0.5", "--load", checkpoint.toString(),
                "--plot", plot());

        assertTrue(text.contains("optimizer: "), text);
        assertTrue(text.contains("momentum"), text);
    }

    @Test
    void load_otherExamplesCheckpoint_isRefusedListingTheShapes() {
        Path checkpoint = oneSineEpoch();

        String text = launcher.failsWith("error: surface: the checkpoint does not fit this"
                + " example, run with optimizer sgd and no schedule (give the saved run's"
                + " --optimizer, --schedule and their options): ", "surface", "--epochs", "1", "--load", checkpoint.toString(),
                "--plot", plot());

        assertTrue(text.contains("\"0.weight\" must have shape [64, 2] (out×in), got [32, 1]"),
                text);
    }

    @Test
    void load_weightsOnlyFile_isRefusedAsNotACheckpoint() throws IOException {
        Checkpoint.save(file("w.st"), Example02_FitASine.model(new SplittableRandom(3)));

        String text = launcher.failsWith("error: sine: the checkpoint does not fit this example, run with optimizer sgd and no"
                + " schedule (give the saved run's --optimizer, --schedule and their options): ",
                "sine", "--epochs", "1", "--load", file("w.st").toString(), "--plot", plot());

        assertTrue(text.contains("the file must hold optimizer state"), text);
    }

    @Test
    void load_missingFile_isOneErrorLineAndNoPlot() {
        launcher.failsWith("error: sine: --load must name an existing checkpoint, got no file at "
                + file("none.st"), "sine", "--load", file("none.st").toString(), "--plot", plot());

        assertFalse(Files.exists(Path.of(plot())));
    }

    @Test
    void trainInCode_withCheckpoints_savesWhatTheLauncherSaves() throws IOException {
        launcher.succeeds("multi", "--epochs", "2", "--save", file("cli.st").toString(),
                "--plot", plot());
        Checkpoints checkpoints = new Checkpoints("multi", null, file("code.st"));

        Example04_SeveralOutputs.train(Example04_SeveralOutputs.DEFAULTS.withEpochs(2),
                checkpoints);
        checkpoints.save();

        assertArrayEquals(Files.readAllBytes(file("cli.st")), Files.readAllBytes(file("code.st")));
    }

    @Test
    void save_beforeResume_isAnOrderError() {
        Checkpoints checkpoints = new Checkpoints("sine", null, file("x.st"));

        IllegalStateException e = assertThrows(IllegalStateException.class, checkpoints::save);

        assertTrue(e.getMessage().startsWith("Checkpoints.save: called before resume"),
                e.getMessage());
    }
}
