package io.github.backprop4j.layers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.backprop4j.core.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The PyTorch reference files of {@code src/test/resources/torch/} (see its README): the state
 * dicts of {@code Sequential(Linear(3,8), ReLU(), Linear(8,8), ReLU(), Linear(8,2))} and the
 * outputs PyTorch computed with them.
 */
final class TorchFiles {

    static final Path F64 = resource("/torch/torch-mlp-f64.safetensors");
    static final Path F32 = resource("/torch/torch-mlp-f32.safetensors");

    /** The five input rows, (5×3). */
    final Matrix input;
    /** PyTorch's outputs in float64 with the F64 file, (5×2). */
    final Matrix outputF64;
    /** PyTorch's outputs computed in float32 with the F32 file, (5×2). */
    final Matrix outputF32;

    private TorchFiles(Matrix input, Matrix outputF64, Matrix outputF32) {
        this.input = input;
        this.outputF64 = outputF64;
        this.outputF32 = outputF32;
    }

    /** The same architecture as the files, with weights drawn from {@code rng}. */
    static Sequential mlp(RandomGenerator rng) {
        return new Sequential(new Linear(3, 8, rng), new ReLU(), new Linear(8, 8, rng), new ReLU(),
                new Linear(8, 2, rng));
    }

    /** Reads torch-mlp-expected.json. */
    static TorchFiles expected() throws IOException {
        Matrix input = null;
        Matrix f64 = null;
        Matrix f32 = null;
        try (InputStream in =
                     TorchFiles.class.getResourceAsStream("/torch/torch-mlp-expected.json");
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
        return new TorchFiles(input, f64, f32);
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

    private static Path resource(String name) {
        URL url = TorchFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
