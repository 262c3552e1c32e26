package io.github.backprop4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.LeakyReLU;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.LogSoftmax;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Sigmoid;
import io.github.backprop4j.layers.Softmax;
import io.github.backprop4j.layers.Tanh;
import io.github.backprop4j.onnx.OnnxWriter.Precision;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX Runtime as the oracle: every exportable layer alone and in networks, in both precisions
 * and at batch sizes 1 and 7, runs there to {@link Sequential#predict}'s values.
 *
 * <p>The error is the largest difference relative to the largest output,
 * max|onnx − predict| / max|predict|: float64 files keep every weight's bits and agree to a few
 * units in the last place; float32 files round weights and input to float32 first.
 */
class OnnxRuntimeTest {

    /** float64: the same operations in the same precision, a few rounding steps apart. */
    private static final double FLOAT64_TOLERANCE = 1e-15;
    /** float32: weights, input and every intermediate rounded to 24 bits (2^−24 ≈ 6e-8). */
    private static final double FLOAT32_TOLERANCE = 1e-6;

    private static final OrtEnvironment ENV =
            OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);

    @TempDir
    Path folder;

    /** Each exportable layer alone, then networks that hold every one of them. */
    static Stream<Arguments> models() {
        Map<String, Supplier<Sequential>> models = new java.util.LinkedHashMap<>();
        models.put("Linear", () -> new Sequential(new Linear(3, 4, new SplittableRandom(1))));
        models.put("ReLU", () -> new Sequential(new ReLU()));
        models.put("LeakyReLU(0.01)", () -> new Sequential(new LeakyReLU()));
        models.put("LeakyReLU(0.25)", () -> new Sequential(new LeakyReLU(0.25)));
        models.put("Sigmoid", () -> new Sequential(new Sigmoid()));
        models.put("Tanh", () -> new Sequential(new Tanh()));
        models.put("Softmax", () -> new Sequential(new Softmax()));
        models.put("LogSoftmax", () -> new Sequential(new LogSoftmax()));
        models.put("MLP 3→8→8→6→6→4, softmax", () -> {
            SplittableRandom rng = new SplittableRandom(7);
            return new Sequential(new Linear(3, 8, rng), new ReLU(), new Linear(8, 8, rng),
                    new Tanh(), new Linear(8, 6, rng), new LeakyReLU(), new Linear(6, 6, rng),
                    new Sigmoid(), new Linear(6, 4, rng), new Softmax());
        });
        models.put("nested, log-softmax", () -> {
            SplittableRandom rng = new SplittableRandom(8);
            return new Sequential(new Sigmoid(),
                    new Sequential(new Linear(3, 5, rng), new LeakyReLU(0.2)),
                    new Linear(5, 3, rng), new LogSoftmax());
        });
        Stream.Builder<Arguments> b = Stream.builder();
        for (var e : models.entrySet()) {
            for (Precision p : Precision.values()) {
                for (int batch : new int[] {1, 7}) {
                    b.add(Arguments.of(e.getKey(), e.getValue(), p, batch));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}, {2}, batch {3}")
    @MethodSource("models")
    void run_exportedModel_matchesPredict(String name, Supplier<Sequential> factory,
                                          Precision precision, int batch) throws OrtException {
        Sequential model = factory.get();
        Matrix x = Matrix.uniform(batch, 3, -3, 3, new SplittableRandom(3));
        Matrix expected = model.predict(x);
        double[][] actual = run(OnnxWriter.toBytes(model, precision), x, precision);
        assertEquals(batch, actual.length);
        assertEquals(expected.cols(), actual[0].length);
        double tolerance = precision == Precision.FLOAT64 ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
        double error = relativeError(actual, expected);
        assertTrue(error <= tolerance, name + ": relative error " + error + " > " + tolerance);
    }

    @Test
    void run_float64_isNotMerelyFloat32Close() throws OrtException {
        // A float64 file that had lost bits anywhere would be off by about 1e-8.
        Sequential model = new Sequential(new Linear(3, 6, new SplittableRandom(5)),
                new LeakyReLU(), new Linear(6, 2, new SplittableRandom(6)));
        Matrix x = Matrix.uniform(7, 3, -3, 3, new SplittableRandom(4));
        double[][] actual = run(OnnxWriter.toBytes(model, Precision.FLOAT64), x,
                Precision.FLOAT64);
        double[][] single = run(OnnxWriter.toBytes(model, Precision.FLOAT32), x,
                Precision.FLOAT32);
        assertTrue(relativeError(actual, model.predict(x)) <= FLOAT64_TOLERANCE);
        assertTrue(relativeError(single, model.predict(x)) > 1e-9);
    }

    @Test
    void session_writtenFile_recordsNamesShapesAndProducer() throws Exception {
        Sequential model = new Sequential(new Linear(3, 8, new SplittableRandom(1)), new ReLU(),
                new Linear(8, 2, new SplittableRandom(2)));
        Path file = folder.resolve("mlp.onnx");
        OnnxWriter.write(model, file);
        try (OrtSession session = ENV.createSession(file.toString(),
                new OrtSession.SessionOptions())) {
            OnnxModelMetadata meta = session.getMetadata();
            assertEquals("backprop4j", meta.getProducerName());
            assertEquals("Sequential", meta.getGraphName());
            assertEquals("Sequential(0: Linear(3→8), 1: ReLU, 2: Linear(8→2))",
                    meta.getGraphDescription());
            TensorInfo input = (TensorInfo) only(session.getInputInfo()).getInfo();
            TensorInfo output = (TensorInfo) only(session.getOutputInfo()).getInfo();
            assertEquals(List.of("input"), List.copyOf(session.getInputNames()));
            assertEquals(List.of("output"), List.copyOf(session.getOutputNames()));
            assertArrayEquals(new long[] {-1, 3}, input.getShape());
            assertArrayEquals(new long[] {-1, 2}, output.getShape());
            assertArrayEquals(new String[] {"batch", ""}, input.getDimensionNames());
            assertArrayEquals(new String[] {"batch", ""}, output.getDimensionNames());
            assertEquals(ai.onnxruntime.OnnxJavaType.FLOAT, input.type);
        }
    }

    @Test
    void session_modelWithoutLinear_takesAnyWidth() throws OrtException {
        Sequential model = new Sequential(new Tanh(), new Softmax());
        byte[] onnx = OnnxWriter.toBytes(model, Precision.FLOAT64);
        try (OrtSession session = ENV.createSession(onnx, new OrtSession.SessionOptions())) {
            TensorInfo input = (TensorInfo) only(session.getInputInfo()).getInfo();
            assertArrayEquals(new String[] {"batch", "features"}, input.getDimensionNames());
            assertEquals(ai.onnxruntime.OnnxJavaType.DOUBLE, input.type);
        }
        for (int width : new int[] {1, 4}) {
            Matrix x = Matrix.uniform(2, width, -3, 3, new SplittableRandom(width));
            double[][] actual = run(onnx, x, Precision.FLOAT64);
            assertTrue(relativeError(actual, model.predict(x)) <= FLOAT64_TOLERANCE);
        }
    }

    private static NodeInfo only(Map<String, NodeInfo> infos) {
        assertEquals(1, infos.size());
        return infos.values().iterator().next();
    }

    /** max|actual − expected| / max|expected|. */
    static double relativeError(double[][] actual, Matrix expected) {
        double worst = 0;
        double scale = 0;
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                worst = Math.max(worst, Math.abs(actual[r][c] - expected.get(r, c)));
                scale = Math.max(scale, Math.abs(expected.get(r, c)));
            }
        }
        return worst / scale;
    }

    /** Runs an ONNX model on {@code x}, fed as float64 or rounded to float32. */
    static double[][] run(byte[] onnx, Matrix x, Precision precision) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            try (OrtSession session = ENV.createSession(onnx, options);
                 OnnxTensor input = OnnxTensor.createTensor(ENV,
                         precision == Precision.FLOAT64 ? x.toArray() : toFloat(x.toArray()));
                 OrtSession.Result result = session.run(Map.of("input", input))) {
                Object value = result.get(0).getValue();
                return value instanceof double[][] ? (double[][]) value
                        : toDouble((float[][]) value);
            }
        }
    }

    private static float[][] toFloat(double[][] d) {
        float[][] f = new float[d.length][d[0].length];
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d[0].length; j++) {
                f[i][j] = (float) d[i][j];
            }
        }
        return f;
    }

    private static double[][] toDouble(float[][] f) {
        double[][] d = new double[f.length][f[0].length];
        for (int i = 0; i < f.length; i++) {
            for (int j = 0; j < f[0].length; j++) {
                d[i][j] = f[i][j];
            }
        }
        return d;
    }
}
