package io.github.backprop4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.Layer;
import io.github.backprop4j.layers.LeakyReLU;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.LogSoftmax;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.layers.Sigmoid;
import io.github.backprop4j.layers.Softmax;
import io.github.backprop4j.layers.Tanh;
import io.github.backprop4j.onnx.OnnxWriter.Precision;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OnnxRuntimeTest {

    static Stream<Arguments> models() {
        Stream.Builder<Arguments> b = Stream.builder();
        Map<String, Supplier<Sequential>> models = new java.util.LinkedHashMap<>();
        models.put("Linear", () -> new Sequential(new Linear(3, 4, new SplittableRandom(1))));
        models.put("ReLU", () -> new Sequential(new ReLU()));
        models.put("LeakyReLU", () -> new Sequential(new LeakyReLU()));
        models.put("LeakyReLU(0.25)", () -> new Sequential(new LeakyReLU(0.25)));
        models.put("Sigmoid", () -> new Sequential(new Sigmoid()));
        models.put("Tanh", () -> new Sequential(new Tanh()));
        models.put("Softmax", () -> new Sequential(new Softmax()));
        models.put("LogSoftmax", () -> new Sequential(new LogSoftmax()));
        models.put("network", () -> {
            SplittableRandom rng = new SplittableRandom(7);
            return new Sequential(new Linear(3, 8, rng), new ReLU(), new Linear(8, 8, rng),
                    new Tanh(), new Linear(8, 6, rng), new LeakyReLU(), new Linear(6, 6, rng),
                    new Sigmoid(), new Linear(6, 4, rng), new Softmax());
        });
        for (var e : models.entrySet()) {
            for (Precision p : Precision.values()) {
                for (int batch : new int[] {1, 7}) {
                    b.add(Arguments.of(e.getKey(), e.getValue(), p, batch));
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {2} batch {3}")
    @MethodSource("models")
    void runs(String name, Supplier<Sequential> factory, Precision precision, int batch)
            throws OrtException {
        Sequential model = factory.get();
        Matrix x = Matrix.uniform(batch, 3, -3, 3, new SplittableRandom(3));
        Matrix expected = model.predict(x);
        double[][] actual = run(OnnxWriter.toBytes(model, precision), x, precision);
        double worst = 0;
        double scale = 0;
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < expected.cols(); c++) {
                double e = expected.get(r, c);
                worst = Math.max(worst, Math.abs(actual[r][c] - e));
                scale = Math.max(scale, Math.abs(e));
            }
        }
        worst /= scale;
        System.err.println(name + " " + precision + " " + batch + " worst rel " + worst);
    }

    static double[][] run(byte[] onnx, Matrix x, Precision precision) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            try (OrtSession session = env.createSession(onnx, options)) {
                OnnxTensor input;
                if (precision == Precision.FLOAT64) {
                    input = OnnxTensor.createTensor(env, x.toArray());
                } else {
                    double[][] d = x.toArray();
                    float[][] f = new float[d.length][d[0].length];
                    for (int i = 0; i < d.length; i++) {
                        for (int j = 0; j < d[0].length; j++) {
                            f[i][j] = (float) d[i][j];
                        }
                    }
                    input = OnnxTensor.createTensor(env, f);
                }
                try (input; OrtSession.Result result = session.run(Map.of("input", input))) {
                    Object value = result.get(0).getValue();
                    if (value instanceof double[][]) {
                        return (double[][]) value;
                    }
                    float[][] f = (float[][]) value;
                    double[][] d = new double[f.length][f[0].length];
                    for (int i = 0; i < f.length; i++) {
                        for (int j = 0; j < f[0].length; j++) {
                            d[i][j] = f[i][j];
                        }
                    }
                    return d;
                }
            }
        }
    }
}
