package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.layers.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --export-onnx} through the launcher: the file ONNX Runtime serves gives the saved
 * model's predictions, and a file that cannot be written is one error line.
 */
class OnnxExportTest {

    /** float32 weights and input against the float64 model: float32's rounding, not more. */
    private static final double FLOAT32_TOLERANCE = 1e-6;

    @TempDir
    Path folder;

    @Test
    void exportOnnx_iris_servedByOnnxRuntime_givesTheSavedModelsLogits() throws Exception {
        Path onnx = folder.resolve("models").resolve("iris.onnx");
        Path checkpoint = folder.resolve("iris.safetensors");
        Launcher launcher = new Launcher();
        launcher.succeeds("iris", "--epochs", "3", "--save", checkpoint.toString(),
                "--export-onnx", onnx.toString(), "--plot", folder.resolve("p.png").toString());
        assertTrue(Files.size(onnx) > 0);

        Sequential model = Example06_IrisClassifier.model(new SplittableRandom(1));
        Checkpoint.load(checkpoint, model);
        Matrix x = Matrix.uniform(5, 4, -2, 2, new SplittableRandom(2));
        Matrix expected = model.predict(x);

        // Serving the file, as the README shows it.
        var env = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        try (var session = env.createSession(onnx.toString());
             var input = OnnxTensor.createTensor(env, toFloat(x.toArray()));
             var result = session.run(Map.of("input", input))) {
            float[][] logits = (float[][]) result.get(0).getValue();
            assertEquals(5, logits.length);
            double worst = 0;
            double scale = 0;
            for (int r = 0; r < 5; r++) {
                assertEquals(3, logits[r].length);
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(logits[r][c] - expected.get(r, c)));
                    scale = Math.max(scale, Math.abs(expected.get(r, c)));
                }
            }
            assertTrue(worst / scale <= FLOAT32_TOLERANCE, "relative error " + worst / scale);
        }
    }

    @Test
    void exportOnnx_unwritable_isOneErrorLineNamingTheFile() throws IOException {
        Path notAFolder = folder.resolve("plain");
        Files.write(notAFolder, new byte[] {1});
        Path onnx = notAFolder.resolve("line.onnx");
        String line = new Launcher().failsWith("error: line: cannot export the model to " + onnx,
                "line", "--epochs", "1", "--export-onnx", onnx.toString(),
                "--plot", folder.resolve("p.png").toString());
        assertEquals("error: line: cannot export the model to " + onnx + ": " + notAFolder
                + " is a file, not a folder", line);
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
}
