package io.github.backprop4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.Stateful;
import io.github.backprop4j.core.state.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint of a model that stores a parameter transposed, as a Linear layer stores its
 * weight: the optimizer's per-parameter tensors go into the file in the model's layout and come
 * back in the parameter's; tensors that belong to no parameter stay as they are. And step 0,
 * the first checkpoint a run can write, saves and loads like any other.
 */
class CheckpointLayoutTest {

    @TempDir
    Path folder;

    /** "w" is 2×3 in memory and stored 3×2; "b" is stored as it is. */
    private static final class TransposingModel implements Stateful {
        Matrix w = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.rowVector(7, 8);
        /** The metadata of the last state dict loaded. */
        Map<String, String> loadedMetadata;

        @Override
        public StateDict stateDict() {
            return StateDict.builder().put("w", toFileLayout("w", w)).put("b", b.copy())
                    .metadata("note", "transposing").build();
        }

        @Override
        public List<String> checkStateDict(StateDict sd) {
            List<String> problems = new ArrayList<>();
            for (String name : List.of("w", "b")) {
                if (!sd.contains(name)) {
                    problems.add("missing \"" + name + "\"");
                }
            }
            sd.names().stream().filter(n -> !n.equals("w") && !n.equals("b"))
                    .forEach(n -> problems.add("unexpected \"" + n + "\""));
            return problems;
        }

        @Override
        public void loadStateDict(StateDict sd) {
            w = fromFileLayout("w", sd.get("w")).copy();
            b = sd.get("b").matrix().copy();
            loadedMetadata = new LinkedHashMap<>(sd.metadata());
        }

        /** Transposes whatever it is given: a name it does not own must never reach it. */
        @Override
        public Tensor toFileLayout(String parameterName, Matrix value) {
            return Tensor.of(value.transpose());
        }

        @Override
        public Matrix fromFileLayout(String parameterName, Tensor tensor) {
            return tensor.matrix().transpose();
        }
    }

    /** Buffers per parameter ("buf.w", "buf.b"), one for a name the model lacks, a counter. */
    private static final class Optimizer implements Stateful {
        final Map<String, Matrix> tensors = new LinkedHashMap<>();

        @Override
        public StateDict stateDict() {
            StateDict.Builder b = StateDict.builder();
            tensors.forEach((name, m) -> b.put(name, m.copy()));
            return b.metadata("type", "test").build();
        }

        @Override
        public List<String> checkStateDict(StateDict sd) {
            return List.of();
        }

        @Override
        public void loadStateDict(StateDict sd) {
            tensors.clear();
            sd.tensors().forEach((name, t) -> tensors.put(name, t.matrix().copy()));
        }
    }

    private static Optimizer optimizer() {
        Optimizer o = new Optimizer();
        o.tensors.put("buf.w", Matrix.of(new double[][] {{10, 20, 30}, {40, 50, 60}}));
        o.tensors.put("buf.b", Matrix.rowVector(70, 80));
        o.tensors.put("buf.x", Matrix.rowVector(1, 2, 3));
        o.tensors.put("steps", Matrix.rowVector(9));
        return o;
    }

    @Test
    void save_atStepZero_storesParameterBuffersInTheModelsLayout() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");

        Checkpoint.save(file, new TransposingModel(), optimizer(), 0);

        StateDict read = SafetensorsReader.read(file);
        assertEquals("0", read.metadata().get(Checkpoint.STEP_KEY));
        assertArrayEquals(new int[] {3, 2}, read.get("w").shape());
        assertArrayEquals(new int[] {3, 2}, read.get("optimizer.buf.w").shape());
        assertArrayEquals(new double[] {10, 40, 20, 50, 30, 60},
                read.get("optimizer.buf.w").matrix().toRowMajorArray(), 0.0);
        assertArrayEquals(new int[] {1, 3}, read.get("optimizer.buf.x").shape());
        assertArrayEquals(new int[] {1, 1}, read.get("optimizer.steps").shape());
        assertEquals(List.of("w", "b", "optimizer.buf.w", "optimizer.buf.b", "optimizer.buf.x",
                "optimizer.steps"), read.names());
    }

    @Test
    void load_atStepZero_returnsZeroAndEveryBufferInTheParametersLayout() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new TransposingModel(), optimizer(), 0);
        TransposingModel model = new TransposingModel();
        model.w = Matrix.zeros(2, 3);
        Optimizer loaded = new Optimizer();

        long step = Checkpoint.load(file, model, loaded);

        assertEquals(0, step);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, model.w.toRowMajorArray(), 0.0);
        assertEquals(2, loaded.tensors.get("buf.w").rows());
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60},
                loaded.tensors.get("buf.w").toRowMajorArray(), 0.0);
        assertEquals(1, loaded.tensors.get("buf.x").rows());
        assertArrayEquals(new double[] {1, 2, 3}, loaded.tensors.get("buf.x").toRowMajorArray(),
                0.0);
        assertArrayEquals(new double[] {9}, loaded.tensors.get("steps").toRowMajorArray(), 0.0);
    }

    /** The model alone from a checkpoint: the optimizer's part is set aside, the step returned. */
    @Test
    void loadModelOnly_fromACheckpoint_ignoresTheOptimizerAndReturnsTheStep() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new TransposingModel(), optimizer(), 7);
        TransposingModel model = new TransposingModel();
        model.b = Matrix.zeros(1, 2);

        assertEquals(7, Checkpoint.load(file, model));
        assertArrayEquals(new double[] {7, 8}, model.b.toRowMajorArray(), 0.0);
    }

    @Test
    void saveModelOnly_writesFormatFirstThenTheModelsMetadataAndReturnsStepZeroOnLoad()
            throws IOException {
        Path file = folder.resolve("model.safetensors");

        Checkpoint.save(file, new TransposingModel());

        StateDict read = SafetensorsReader.read(file);
        assertEquals(List.of("w", "b"), read.names());
        assertEquals(List.of("format", "note"), new ArrayList<>(read.metadata().keySet()));
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, read.get("w").matrix()
                .toRowMajorArray(), 0.0);
        assertEquals(0, Checkpoint.load(file, new TransposingModel()));
    }

    /** A schedule with a tensor of its own as well as metadata. */
    private static final class Schedule implements Stateful {
        Matrix history = Matrix.rowVector(0.1, 0.05);

        @Override
        public StateDict stateDict() {
            return StateDict.builder().put("history", history.copy()).metadata("epoch", "3")
                    .build();
        }

        @Override
        public List<String> checkStateDict(StateDict sd) {
            return List.of();
        }

        @Override
        public void loadStateDict(StateDict sd) {
            history = sd.get("history").matrix().copy();
        }
    }

    /** The schedule's tensor is saved in its namespace; the model alone loads past it. */
    @Test
    void scheduleWithATensor_isSavedInItsNamespaceAndSetAsideForTheModelAlone()
            throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new TransposingModel(), optimizer(), new Schedule(), 5);

        StateDict read = SafetensorsReader.read(file);
        assertArrayEquals(new double[] {0.1, 0.05},
                read.get("scheduler.history").matrix().toRowMajorArray(), 0.0);
        assertEquals("3", read.metadata().get("scheduler.epoch"));

        TransposingModel model = new TransposingModel();
        model.b = Matrix.zeros(1, 2);
        assertEquals(5, Checkpoint.load(file, model));
        assertArrayEquals(new double[] {7, 8}, model.b.toRowMajorArray(), 0.0);
    }

    /**
     * The model is handed the file's metadata, its own and the step, but nothing from the
     * optimizer's or the schedule's namespace, whichever way it is loaded.
     */
    @Test
    void load_fromACheckpoint_handsTheModelItsMetadataWithoutTheOtherNamespaces()
            throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Checkpoint.save(file, new TransposingModel(), optimizer(), new Schedule(), 4);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("format", "pt");
        expected.put("note", "transposing");
        expected.put("backprop4j.step", "4");

        TransposingModel alone = new TransposingModel();
        Checkpoint.load(file, alone);
        TransposingModel withOthers = new TransposingModel();
        Checkpoint.load(file, withOthers, new Optimizer(), new Schedule());

        assertEquals(expected, alone.loadedMetadata);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(alone.loadedMetadata.keySet()));
        assertEquals(expected, withOthers.loadedMetadata);
    }

    /**
     * An optimizer tensor's parameter is everything after the first dot, even when nothing
     * comes before it: ".w" is a buffer of "w" and is stored in the model's layout.
     */
    @Test
    void save_bufferWithAnEmptyKind_isStillStoredInItsParametersLayout() throws IOException {
        Path file = folder.resolve("ckpt.safetensors");
        Optimizer o = new Optimizer();
        o.tensors.put(".w", Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));

        Checkpoint.save(file, new TransposingModel(), o, 1);

        Tensor stored = SafetensorsReader.read(file).get("optimizer..w");
        assertArrayEquals(new int[] {3, 2}, stored.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, stored.matrix().toRowMajorArray(),
                0.0);
    }
}
