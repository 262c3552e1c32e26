package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The values PyTorch 1.13 computed in float64 for the layer and loss tests, read from
 * {@code src/test/resources/reference/torch-reference.csv}. That file is made by
 * {@code generate.py} beside it ({@code python3 generate.py > torch-reference.csv}); each line
 * is one matrix, {@code name,rows,cols,v1,v2,...} in row-major order.
 */
final class TorchReference {

    /** How close this project's numbers must be to PyTorch's, relative to their size. */
    static final double PARITY = 1e-10;
    /** Below this size an entry is compared absolutely: PyTorch's 1e-17 against our 0 is fine. */
    private static final double FLOOR = 1e-14;

    private static final Map<String, Matrix> MATRICES = read();

    private TorchReference() {
    }

    /**
     * One matrix of the file.
     *
     * @param name for example {@code "sigmoid.grad_input"}
     * @return a new copy
     */
    static Matrix get(String name) {
        Matrix m = MATRICES.get(name);
        assertTrue(m != null, "no " + name + " in torch-reference.csv; run generate.py");
        return m.copy();
    }

    /** The class indices stored as a (1×m) row. */
    static int[] classes(String name) {
        double[] v = get(name).toRowMajorArray();
        int[] classes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            classes[i] = (int) v[i];
        }
        return classes;
    }

    /** Asserts |a − e| ≤ PARITY · max(|e|, FLOOR) entry by entry. */
    static void assertClose(Matrix expected, Matrix actual, String what) {
        assertEquals(expected.rows(), actual.rows(), what);
        assertEquals(expected.cols(), actual.cols(), what);
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                assertClose(expected.get(r, c), actual.get(r, c), what + " at (" + r + "," + c
                        + ")");
            }
        }
    }

    static void assertClose(double expected, double actual, String what) {
        double allowed = PARITY * Math.max(Math.abs(expected), FLOOR);
        assertTrue(Math.abs(actual - expected) <= allowed,
                what + ": PyTorch " + expected + ", got " + actual);
    }

    /**
     * Checks an activation against the file: forward of {@code name.input} gives
     * {@code name.output}, backward of {@code name.grad_output} gives {@code name.grad_input}.
     */
    static void assertActivationMatches(Layer layer, String name) {
        Matrix y = layer.forward(get(name + ".input")).copy();
        assertClose(get(name + ".output"), y, name + ".output");
        assertClose(get(name + ".grad_input"), layer.backward(get(name + ".grad_output")),
                name + ".grad_input");
    }

    /** Checks a loss's value and gradient against {@code name.loss} and {@code name.grad}. */
    static void assertLossMatches(Loss loss, String name) {
        double value = loss.forward(get(name + ".prediction"), get(name + ".target"));
        assertClose(get(name + ".loss").get(0, 0), value, name + ".loss");
        assertClose(get(name + ".grad"), loss.backward(), name + ".grad");
    }

    private static Map<String, Matrix> read() {
        Map<String, Matrix> matrices = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                TorchReference.class.getResourceAsStream("/reference/torch-reference.csv"),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                int rows = Integer.parseInt(f[1]);
                int cols = Integer.parseInt(f[2]);
                Matrix m = Matrix.zeros(rows, cols);
                for (int i = 0; i < rows * cols; i++) {
                    m.set(i / cols, i % cols, Double.parseDouble(f[3 + i]));
                }
                matrices.put(f[0], m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matrices;
    }
}
