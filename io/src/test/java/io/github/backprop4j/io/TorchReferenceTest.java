package io.github.backprop4j.io;

import io.github.backprop4j.core.state.Tensor;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.DType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads the weights that PyTorch 1.13 wrote (see {@code src/test/resources/torch/README.md}) and
 * reproduces PyTorch's outputs with them, which proves the layout: names, shapes, byte order and
 * row-major order must all be right for the numbers to match.
 */
class TorchReferenceTest {

    /** PyTorch and EJML sum the same products in the same order within rounding of doubles. */
    private static final double F64_TOLERANCE = 1e-12;

    /** PyTorch computed the F32 outputs in float32; we compute in double from the same weights. */
    private static final double F32_COMPUTE_TOLERANCE = 1e-6;

    /** The relative spacing of floats: F32 weights are F64 weights rounded to the nearest. */
    private static final double FLOAT_EPSILON = Math.ulp(1.0f);

    private static final List<String> NAMES = List.of(
            "0.bias", "0.weight", "2.bias", "2.weight", "4.bias", "4.weight");

    private static final Path F64 = TorchMlpReference.F64;
    private static final Path F32 = TorchMlpReference.F32;

    @Test
    void read_f64File_hasPyTorchNamesShapesAndDtypes() throws IOException {
        StateDict file = SafetensorsReader.read(F64);

        assertEquals(NAMES, file.names());
        assertShapes(file, DType.F64);
        assertEquals("pt", file.metadata().get("format"));
        assertEquals("Linear(3,8) ReLU Linear(8,8) ReLU Linear(8,2)",
                file.metadata().get("architecture"));
    }

    @Test
    void read_f32File_hasPyTorchNamesShapesAndDtypes() throws IOException {
        StateDict file = SafetensorsReader.read(F32);

        assertEquals(NAMES, file.names());
        assertShapes(file, DType.F32);
        assertEquals(Map.of("format", "pt"), file.metadata());
    }

    private static void assertShapes(StateDict file, DType dtype) {
        int[][] shapes = {{8}, {8, 3}, {8}, {8, 8}, {2}, {2, 8}};
        for (int i = 0; i < NAMES.size(); i++) {
            Tensor t = file.get(NAMES.get(i));
            assertEquals(dtype, t.dtype(), NAMES.get(i));
            assertArrayEquals(shapes[i], t.shape(), NAMES.get(i));
            int rows = shapes[i].length == 1 ? 1 : shapes[i][0];
            int cols = shapes[i].length == 1 ? shapes[i][0] : shapes[i][1];
            assertEquals(rows, t.matrix().rows(), NAMES.get(i));
            assertEquals(cols, t.matrix().cols(), NAMES.get(i));
        }
    }

    @Test
    void read_f32AndF64Files_agreeWithinFloatRounding() throws IOException {
        StateDict f64 = SafetensorsReader.read(F64);
        StateDict f32 = SafetensorsReader.read(F32);

        for (String name : NAMES) {
            double[] wide = f64.get(name).matrix().toRowMajorArray();
            double[] narrow = f32.get(name).matrix().toRowMajorArray();
            for (int i = 0; i < wide.length; i++) {
                assertEquals((double) (float) wide[i], narrow[i], 0.0, name + "[" + i + "]");
                assertEquals(wide[i], narrow[i], Math.abs(wide[i]) * FLOAT_EPSILON,
                        name + "[" + i + "]");
            }
        }
    }

    @Test
    void forward_f64Weights_reproducePyTorchOutputs() throws IOException {
        TorchMlpReference expected = TorchMlpReference.load();

        Matrix output = forward(SafetensorsReader.read(F64), expected.input);

        assertTrue(output.approxEquals(expected.outputF64, F64_TOLERANCE),
                () -> "max difference " + output.maxAbsDifference(expected.outputF64));
    }

    @Test
    void forward_f32Weights_reproducePyTorchFloat32Outputs() throws IOException {
        TorchMlpReference expected = TorchMlpReference.load();

        Matrix output = forward(SafetensorsReader.read(F32), expected.input);

        assertTrue(output.approxEquals(expected.outputF32, F32_COMPUTE_TOLERANCE),
                () -> "max difference " + output.maxAbsDifference(expected.outputF32));
    }

    @Test
    void write_referenceFiles_reproducesPyTorchsBytesExactly() throws IOException {
        for (Path path : List.of(F64, F32)) {
            byte[] original = Files.readAllBytes(path);

            byte[] rewritten = SafetensorsWriter.toBytes(SafetensorsReader.read(path));

            assertArrayEquals(original, rewritten, path.toString());
        }
    }

    /**
     * The MLP by hand, in PyTorch's layout: h = relu(x·W0ᵀ + b0), h = relu(h·W2ᵀ + b2),
     * y = h·W4ᵀ + b4, where Wn is "n.weight" (out×in) and bn is "n.bias" (1×out).
     */
    private static Matrix forward(StateDict file, Matrix x) {
        Matrix h = x;
        for (int layer : new int[] {0, 2, 4}) {
            Matrix w = file.get(layer + ".weight").matrix();
            Matrix b = file.get(layer + ".bias").matrix();
            h = h.multTransB(w).plusRow(b);
            if (layer != 4) {
                for (int r = 0; r < h.rows(); r++) {
                    for (int c = 0; c < h.cols(); c++) {
                        h.set(r, c, Math.max(h.get(r, c), 0));          // relu, in place
                    }
                }
            }
        }
        return h;
    }
}
