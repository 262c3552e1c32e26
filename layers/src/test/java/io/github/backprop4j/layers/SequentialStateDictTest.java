package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.io.TorchMlpReference;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.core.state.DType;
import io.github.backprop4j.io.SafetensorsReader;
import io.github.backprop4j.io.SafetensorsWriter;
import io.github.backprop4j.core.state.StateDictException;
import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Sequential#stateDict()} and {@link Sequential#loadStateDict} in PyTorch's names and
 * layout, proved against state dicts PyTorch wrote (see {@code src/test/resources/torch/}).
 */
class SequentialStateDictTest {

    /** PyTorch and this library sum the same products within rounding of doubles. */
    private static final double F64_TOLERANCE = 1e-12;

    /** PyTorch computed the F32 outputs in float32; here they are computed in double. */
    private static final double F32_COMPUTE_TOLERANCE = 1e-6;

    private static final List<String> NAMES = List.of(
            "0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");

    @TempDir
    Path folder;

    @Test
    void loadStateDict_torchF64File_reproducesPyTorchOutputs() throws IOException {
        TorchMlpReference expected = TorchMlpReference.load();
        Sequential model = TorchFiles.mlp(new SplittableRandom(1));

        model.loadStateDict(SafetensorsReader.read(TorchMlpReference.F64));

        Matrix output = model.predict(expected.input);
        assertTrue(output.approxEquals(expected.outputF64, F64_TOLERANCE),
                () -> "max difference " + output.maxAbsDifference(expected.outputF64));
    }

    @Test
    void loadStateDict_torchF32File_reproducesPyTorchFloat32Outputs() throws IOException {
        TorchMlpReference expected = TorchMlpReference.load();
        Sequential model = TorchFiles.mlp(new SplittableRandom(1));

        model.loadStateDict(SafetensorsReader.read(TorchMlpReference.F32));

        Matrix output = model.predict(expected.input);
        assertTrue(output.approxEquals(expected.outputF32, F32_COMPUTE_TOLERANCE),
                () -> "max difference " + output.maxAbsDifference(expected.outputF32));
    }

    @Test
    void checkpointLoad_torchF64File_loadsWithStepZero() throws IOException {
        TorchMlpReference expected = TorchMlpReference.load();
        Sequential model = TorchFiles.mlp(new SplittableRandom(1));

        long step = Checkpoint.load(TorchMlpReference.F64, model);

        assertEquals(0, step);
        assertTrue(model.predict(expected.input).approxEquals(expected.outputF64, F64_TOLERANCE));
    }

    @Test
    void loadStateDict_torchFile_storesTransposeOfPyTorchWeight() throws IOException {
        StateDict torch = SafetensorsReader.read(TorchMlpReference.F64);
        Sequential model = TorchFiles.mlp(new SplittableRandom(1));

        model.loadStateDict(torch);

        Linear first = (Linear) model.layers().get(0);
        Matrix torchWeight = torch.get("0.weight").matrix();              // (8×3), out×in
        assertEquals(3, first.weight().value().rows());
        assertEquals(8, first.weight().value().cols());
        assertEquals(torchWeight.get(5, 2), first.weight().value().get(2, 5), 0.0);
        assertArrayEquals(torch.get("0.bias").matrix().toRowMajorArray(),
                first.bias().value().toRowMajorArray(), 0.0);
    }

    @Test
    void stateDict_mlp_hasPyTorchNamesShapesAndTransposedValues() {
        Sequential model = TorchFiles.mlp(new SplittableRandom(7));

        StateDict sd = model.stateDict();

        assertEquals(NAMES, sd.names());
        int[][] shapes = {{8, 3}, {8}, {8, 8}, {8}, {2, 8}, {2}};
        for (int i = 0; i < NAMES.size(); i++) {
            assertArrayEquals(shapes[i], sd.get(NAMES.get(i)).shape(), NAMES.get(i));
            assertEquals(DType.F64, sd.get(NAMES.get(i)).dtype());
        }
        Linear last = (Linear) model.layers().get(4);
        assertEquals(last.weight().value().get(6, 1), sd.get("4.weight").matrix().get(1, 6), 0.0);
        assertEquals(Map.of("format", "pt"), sd.metadata());
    }

    @Test
    void stateDict_writtenAndReadBack_hasShapesOutByInAndOut() throws IOException {
        Sequential model = TorchFiles.mlp(new SplittableRandom(7));
        Path file = folder.resolve("model.safetensors");

        SafetensorsWriter.write(model.stateDict(), file);

        StateDict read = SafetensorsReader.read(file);
        assertArrayEquals(new int[] {8, 3}, read.get("0.weight").shape());
        assertArrayEquals(new int[] {8}, read.get("0.bias").shape());
        assertArrayEquals(new int[] {2, 8}, read.get("4.weight").shape());
        assertArrayEquals(new int[] {2}, read.get("4.bias").shape());
    }

    @Test
    void stateDict_isACopy_laterChangesDoNotReachIt() {
        Sequential model = TorchFiles.mlp(new SplittableRandom(7));
        StateDict sd = model.stateDict();
        double before = sd.get("0.bias").matrix().get(0, 0);

        ((Linear) model.layers().get(0)).bias().value().set(0, 0, before + 1);

        assertEquals(before, sd.get("0.bias").matrix().get(0, 0), 0.0);
    }

    @Test
    void loadStateDict_roundTripThroughFile_copiesEveryBitIntoAnotherModel() throws IOException {
        Sequential source = TorchFiles.mlp(new SplittableRandom(7));
        Sequential target = TorchFiles.mlp(new SplittableRandom(8));
        Path file = folder.resolve("model.safetensors");

        Checkpoint.save(file, source);
        Checkpoint.load(file, target);

        assertSameParameters(source, target);
    }

    @Test
    void loadStateDict_missingUnexpectedAndWrongShape_listsAllThreeAndLeavesModelUnchanged() {
        Sequential model = TorchFiles.mlp(new SplittableRandom(7));
        double[][] before = values(model);
        StateDict good = TorchFiles.mlp(new SplittableRandom(8)).stateDict();
        StateDict.Builder bad = StateDict.builder();
        for (String name : good.names()) {
            if (name.equals("0.weight")) {
                bad.put(name, Matrix.zeros(3, 8));                           // transposed: wrong
            } else if (!name.equals("4.bias")) {
                bad.put(name, good.get(name));                               // 4.bias missing
            }
        }
        bad.put("6.weight", Matrix.zeros(2, 8));                             // unexpected

        StateDictException e = assertThrows(StateDictException.class,
                () -> model.loadStateDict(bad.build()));

        assertEquals(List.of(
                "\"0.weight\" must have shape [8, 3] (out×in), got [3, 8]",
                "missing \"4.bias\" (shape [2])",
                "unexpected \"6.weight\" (shape [2, 8])"), e.problems());
        assertTrue(e.getMessage().startsWith("Sequential.loadStateDict: state dict must match the"
                + " model's parameters, got 3 problems: "), e.getMessage());
        assertArrayEquals(before, values(model));
    }

    @Test
    void loadStateDict_biasAsRowMatrix_isRefusedAsPyTorchRefusesIt() {
        Sequential model = TorchFiles.mlp(new SplittableRandom(7));
        StateDict good = model.stateDict();
        StateDict.Builder b = StateDict.builder();
        good.tensors().forEach((name, t) -> b.put(name, name.equals("2.bias")
                ? Tensor.of(t.matrix()) : t));                                // [1, 8] not [8]

        StateDictException e = assertThrows(StateDictException.class,
                () -> model.loadStateDict(b.build()));

        assertEquals(List.of("\"2.bias\" must have shape [8], got [1, 8]"), e.problems());
    }

    @Test
    void loadStateDict_fileSharingTheModelsOwnSquareMatrix_loadsAsItReads() {
        Sequential model = new Sequential(new Linear(4, 4, new SplittableRandom(3)));
        Linear linear = (Linear) model.layers().get(0);
        Matrix w = linear.weight().value();
        Matrix expected = w.transpose();

        model.loadStateDict(StateDict.builder()
                .put("0.weight", Tensor.of(w))                        // the live W, read as Wᵀ
                .put("0.bias", Tensor.vector(linear.bias().value()))
                .build());

        assertArrayEquals(expected.toRowMajorArray(), w.toRowMajorArray(), 0.0);
    }

    @Test
    void stateDict_nestedSequential_usesPyTorchsDottedPositions() {
        SplittableRandom rng = new SplittableRandom(5);
        Sequential model = new Sequential(new Linear(2, 3, rng), new ReLU(),
                new Sequential(new Linear(3, 3, rng), new ReLU(), new Linear(3, 1, rng)));

        StateDict sd = model.stateDict();

        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.2.weight",
                "2.2.bias"), sd.names());
        List<String> parameterNames = new ArrayList<>();
        model.parameters().forEach(p -> parameterNames.add(p.name()));
        assertEquals(parameterNames, sd.names());
        assertArrayEquals(new int[] {1, 3}, sd.get("2.2.weight").shape());
    }

    @Test
    void fileLayout_linearWeightAndBias_transposesAndFlattensAndBack() {
        Sequential model = TorchFiles.mlp(new SplittableRandom(7));
        Matrix likeWeight = Matrix.uniform(8, 8, -1, 1, new SplittableRandom(9));   // (in×out)
        Matrix likeBias = Matrix.uniform(1, 8, -1, 1, new SplittableRandom(10));

        Tensor w = model.toFileLayout("2.weight", likeWeight);
        Tensor b = model.toFileLayout("2.bias", likeBias);

        assertEquals(likeWeight.get(1, 6), w.matrix().get(6, 1), 0.0);
        assertArrayEquals(new int[] {8}, b.shape());
        assertArrayEquals(likeWeight.toRowMajorArray(),
                model.fromFileLayout("2.weight", w).toRowMajorArray(), 0.0);
        assertArrayEquals(likeBias.toRowMajorArray(),
                model.fromFileLayout("2.bias", b).toRowMajorArray(), 0.0);
    }

    static void assertSameParameters(Sequential expected, Sequential actual) {
        List<Parameter> e = expected.parameters();
        List<Parameter> a = actual.parameters();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.get(i).value().toRowMajorArray(),
                    a.get(i).value().toRowMajorArray(), e.get(i).name());   // bit for bit
        }
    }

    private static double[][] values(Sequential model) {
        return model.parameters().stream().map(p -> p.value().toRowMajorArray())
                .toArray(double[][]::new);
    }
}
