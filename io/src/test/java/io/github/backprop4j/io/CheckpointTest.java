package io.github.backprop4j.io;

import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.core.state.StateDictException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Checkpoint}'s file layout, its failure modes and its atomic save, with two small
 * {@link Stateful} stand-ins: a model of named matrices and an optimizer with one buffer per
 * parameter. The resumption of real training is tested in the layers module.
 */
class CheckpointTest {

    @TempDir
    Path folder;

    /** A model: named matrices, stored as they are. */
    private static final class Model implements Stateful {
        final Map<String, Matrix> values = new LinkedHashMap<>();

        Model(double seed) {
            values.put("w", Matrix.of(new double[][] {{seed, seed + 1}, {seed + 2, seed + 3}}));
            values.put("b", Matrix.rowVector(seed + 4, seed + 5));
        }

        @Override
        public StateDict stateDict() {
            StateDict.Builder b = StateDict.builder();
            values.forEach((name, m) -> b.put(name, Tensor.of(m.copy())));
            return b.build();
        }

        @Override
        public List<String> checkStateDict(StateDict sd) {
            List<String> problems = new ArrayList<>();
            values.keySet().stream().filter(n -> !sd.contains(n))
                    .forEach(n -> problems.add("missing \"" + n + "\""));
            sd.names().stream().filter(n -> !values.containsKey(n))
                    .forEach(n -> problems.add("unexpected \"" + n + "\""));
            return problems;
        }

        @Override
        public void loadStateDict(StateDict sd) {
            List<String> problems = checkStateDict(sd);
            if (!problems.isEmpty()) {
                throw new StateDictException("Model.loadStateDict: state dict must match",
                        problems);
            }
            values.replaceAll((name, m) -> sd.get(name).matrix().copy());
        }
    }

    /** An optimizer: a counter in its metadata and a buffer per parameter. */
    private static final class Optimizer implements Stateful {
        long count;
        final Map<String, Matrix> buffers = new LinkedHashMap<>();

        @Override
        public StateDict stateDict() {
            StateDict.Builder b = StateDict.builder();
            buffers.forEach((name, m) -> b.put("buffer." + name, Tensor.of(m.copy())));
            return b.metadata("type", "test").metadata("count", Long.toString(count)).build();
        }

        @Override
        public List<String> checkStateDict(StateDict sd) {
            return "test".equals(sd.metadata().get("type")) ? List.of()
                    : List.of("\"type\" must be \"test\", got " + sd.metadata().get("type"));
        }

        @Override
        public void loadStateDict(StateDict sd) {
            count = Long.parseLong(sd.metadata().get("count"));
            buffers.clear();
            sd.tensors().forEach((name, t) ->
                    buffers.put(name.substring("buffer.".length()), t.matrix().copy()));
        }
    }

    private static Optimizer optimizer(long count, double fill) {
        Optimizer o = new Optimizer();
        o.count = count;
        o.buffers.put("w", Matrix.filled(2, 2, fill));
        o.buffers.put("b", Matrix.filled(1, 2, fill));
        return o;
    }

    @Test
    void save_modelAndOptimizer_prefixesOptimizerStateAndRecordsStep() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");

        Checkpoint.save(file, new Model(1), optimizer(5, 0.5), 42);

        StateDict read = SafetensorsReader.read(file);
        assertEquals(List.of("w", "b", "optimizer.buffer.w", "optimizer.buffer.b"), read.names());
        assertEquals(List.of("format", "backprop4j.step", "optimizer.type", "optimizer.count"),
                new ArrayList<>(read.metadata().keySet()));
        assertEquals("pt", read.metadata().get("format"));
        assertEquals("42", read.metadata().get("backprop4j.step"));
    }

    @Test
    void load_modelAndOptimizer_restoresBothAndReturnsStep() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new Model(1), optimizer(5, 0.5), 42);
        Model model = new Model(10);
        Optimizer opt = new Optimizer();

        long step = Checkpoint.load(file, model, opt);

        assertEquals(42, step);
        assertEquals(5, opt.count);
        assertArrayEquals(new double[] {0.5, 0.5}, opt.buffers.get("b").toRowMajorArray(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3, 4}, model.values.get("w").toRowMajorArray(), 0.0);
    }

    @Test
    void load_stepMalformedAndOptimizerRefuses_listsBothAndChangesNothing() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        StateDict.Builder b = StateDict.builder();
        new Model(1).stateDict().tensors().forEach(b::put);
        SafetensorsWriter.write(b.metadata("backprop4j.step", "-3")
                .metadata("optimizer.type", "adam").build(), file);
        Model model = new Model(10);
        Optimizer opt = optimizer(2, 7);

        StateDictException e = assertThrows(StateDictException.class,
                () -> Checkpoint.load(file, model, opt));

        assertEquals(List.of(
                "metadata \"backprop4j.step\" must be a whole number >= 0, got \"-3\"",
                "optimizer: \"type\" must be \"test\", got adam"), e.problems());
        assertEquals("Checkpoint.load(" + file + "): file must fit the model and the optimizer,"
                + " got 2 problems: " + String.join("; ", e.problems()), e.getMessage());
        assertArrayEquals(new double[] {10, 11, 12, 13}, model.values.get("w").toRowMajorArray(),
                0.0);
        assertEquals(2, opt.count);
    }

    /** A schedule: metadata only, a type and an epoch count. */
    private static final class Schedule implements Stateful {
        final String type;
        long epoch;

        Schedule(String type, long epoch) {
            this.type = type;
            this.epoch = epoch;
        }

        @Override
        public StateDict stateDict() {
            return StateDict.builder().metadata("type", type)
                    .metadata("last_epoch", Long.toString(epoch)).build();
        }

        @Override
        public List<String> checkStateDict(StateDict sd) {
            return type.equals(sd.metadata().get("type")) ? List.of()
                    : List.of("\"type\" must be \"" + type + "\", got "
                            + sd.metadata().get("type"));
        }

        @Override
        public void loadStateDict(StateDict sd) {
            epoch = Long.parseLong(sd.metadata().get("last_epoch"));
        }
    }

    @Test
    void save_withSchedule_prefixesItsMetadataAfterTheOptimizers() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");

        Checkpoint.save(file, new Model(1), optimizer(5, 0.5), new Schedule("steplr", 3), 42);

        StateDict read = SafetensorsReader.read(file);
        assertEquals(List.of("w", "b", "optimizer.buffer.w", "optimizer.buffer.b"), read.names());
        assertEquals(List.of("format", "backprop4j.step", "optimizer.type", "optimizer.count",
                "scheduler.type", "scheduler.last_epoch"),
                new ArrayList<>(read.metadata().keySet()));
    }

    @Test
    void load_withSchedule_restoresAllThree() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new Model(1), optimizer(5, 0.5), new Schedule("steplr", 3), 42);
        Model model = new Model(10);
        Optimizer opt = new Optimizer();
        Schedule schedule = new Schedule("steplr", 0);

        long step = Checkpoint.load(file, model, opt, schedule);

        assertEquals(42, step);
        assertEquals(5, opt.count);
        assertEquals(3, schedule.epoch);
        assertArrayEquals(new double[] {1, 2, 3, 4}, model.values.get("w").toRowMajorArray(), 0.0);
        Model alone = new Model(10);
        assertEquals(42, Checkpoint.load(file, alone));          // the model alone, as before
        assertArrayEquals(new double[] {1, 2, 3, 4}, alone.values.get("w").toRowMajorArray(), 0.0);
    }

    @Test
    void load_scheduleMissingOrUnexpectedOrOfAnotherType_refusesAndChangesNothing()
            throws IOException {
        Path plain = folder.resolve("plain.safetensors");
        Path scheduled = folder.resolve("scheduled.safetensors");
        Checkpoint.save(plain, new Model(1), optimizer(5, 0.5), 42);
        Checkpoint.save(scheduled, new Model(1), optimizer(5, 0.5), new Schedule("steplr", 3), 42);
        Model model = new Model(10);
        Optimizer opt = optimizer(2, 7);
        Schedule schedule = new Schedule("cosineannealinglr", 1);

        StateDictException missing = assertThrows(StateDictException.class,
                () -> Checkpoint.load(plain, model, opt, schedule));
        StateDictException unexpected = assertThrows(StateDictException.class,
                () -> Checkpoint.load(scheduled, model, opt));
        StateDictException other = assertThrows(StateDictException.class,
                () -> Checkpoint.load(scheduled, model, opt, schedule));

        assertEquals(List.of("the file must hold a schedule's state (keys under \"scheduler.\"),"
                + " got none: it was saved without a schedule"), missing.problems());
        assertEquals(List.of("the file holds a schedule's state (keys under \"scheduler.\", type"
                + " steplr), got no schedule to load it into; load it with load(path, model,"
                + " optimizer, scheduler)"), unexpected.problems());
        assertEquals(List.of("scheduler: \"type\" must be \"cosineannealinglr\", got steplr"),
                other.problems());
        assertArrayEquals(new double[] {10, 11, 12, 13}, model.values.get("w").toRowMajorArray(),
                0.0);
        assertEquals(2, opt.count);
        assertEquals(1, schedule.epoch);
    }

    @Test
    void loadModelOnly_optimizerNamesWithoutOptimizerMetadata_areUnexpected() throws IOException {
        Path file = folder.resolve("odd.safetensors");
        StateDict.Builder b = StateDict.builder();
        new Model(1).stateDict().tensors().forEach(b::put);
        SafetensorsWriter.write(b.put("optimizer.x", Matrix.zeros(1, 1)).build(), file);
        Model model = new Model(10);

        StateDictException e = assertThrows(StateDictException.class,
                () -> Checkpoint.load(file, model));

        assertEquals(List.of("unexpected \"optimizer.x\""), e.problems());
    }

    @Test
    void save_negativeStep_throwsBeforeWriting() {
        Path file = folder.resolve("ckpt.safetensors");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(file, new Model(1), optimizer(1, 1), -1));

        assertEquals("Checkpoint.save: step must be >= 0, got -1", e.getMessage());
        assertEquals(false, Files.exists(file));
    }

    @Test
    void save_failureMidWrite_leavesThePreviousCheckpointLoadable() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new Model(1), optimizer(5, 0.5), 42);
        byte[] before = Files.readAllBytes(file);

        IOException e = assertThrows(IOException.class, () -> Checkpoint.save(file, new Model(20),
                optimizer(9, 3), 99, channel -> new SafetensorsWriterTest.FailingChannel(channel,
                        150)));

        assertEquals("disk full after 150 bytes", e.getCause().getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("ckpt.safetensors"), TestFiles.names(folder));
        Model model = new Model(10);
        assertEquals(42, Checkpoint.load(file, model, new Optimizer()));
        assertArrayEquals(new double[] {1, 2, 3, 4}, model.values.get("w").toRowMajorArray(), 0.0);
    }

    @Test
    void stateDictException_noProblems_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StateDictException("X.load: state dict must match", List.of()));

        assertEquals("StateDictException: problems must not be empty, got none for X.load: state"
                + " dict must match", e.getMessage());
    }
}
