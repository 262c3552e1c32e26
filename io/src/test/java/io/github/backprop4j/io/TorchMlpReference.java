package io.github.backprop4j.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.backprop4j.core.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch reference files of {@code src/test/resources/torch/} (see its README): the state
 * dicts of {@code Sequential(Linear(3,8), ReLU(), Linear(8,8), ReLU(), Linear(8,2))} in float64
 * and float32, and the outputs PyTorch computed with them. Shipped in this module's test-jar, so
 * that the layers' tests read the same files the same way.
 */
public final class TorchMlpReference {

    /** The float64 state dict. */
    public static final Path F64 = TestFiles.resource("/torch/torch-mlp-f64.safetensors");
    /** The float32 state dict. */
    public static final Path F32 = TestFiles.resource("/torch/torch-mlp-f32.safetensors");

    /** The five input rows, (5×3). */
    public final Matrix input;
    /** PyTorch's outputs in float64 with the F64 file, (5×2). */
    public final Matrix outputF64;
    /** PyTorch's outputs computed in float32 with the F32 file, (5×2). */
    public final Matrix outputF32;

    private TorchMlpReference(Matrix input, Matrix outputF64, Matrix outputF32) {
        this.input = input;
        this.outputF64 = outputF64;
        this.outputF32 = outputF32;
    }

    /**
     * Reads {@code torch-mlp-expected.json}.
     *
     * @return the inputs and PyTorch's outputs
     * @throws IOException if the file cannot be read
     */
    public static TorchMlpReference load() throws IOException {
        Matrix input = null;
        Matrix f64 = null;
        Matrix f32 = null;
        try (InputStream in = TorchMlpReference.class
                .getResourceAsStream("/torch/torch-mlp-expected.json");
             JsonParser p = new JsonFactory().createParser(in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "input":
                        input = matrix(p);
                        break;
                    case "output_f64_file":
                        f64 = matrix(p);
                        break;
                    case "output_f32_file_computed_in_f32":
                        f32 = matrix(p);
                        break;
                    default:
                        p.skipChildren();
                }
            }
        }
        return new TorchMlpReference(input, f64, f32);
    }

    /** Reads [[a, b], [c, d]] from the current START_ARRAY. */
    private static Matrix matrix(JsonParser p) throws IOException {
        List<double[]> rows = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            List<Double> row = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                row.add(p.getDoubleValue());
            }
            rows.add(row.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return Matrix.of(rows.toArray(new double[0][]));
    }
}
