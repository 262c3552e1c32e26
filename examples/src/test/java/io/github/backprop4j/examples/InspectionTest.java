package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class InspectionTest {

    @TempDir
    Path folder;

    @Test
    void trace_sine_printsTheLessonsFirstStepOnTwoSamplesAndStops() {
        Launcher launcher = new Launcher();
        Path plot = folder.resolve("sine.png");
        Path save = folder.resolve("sine.safetensors");
        launcher.succeeds("sine", "--trace", "--plot", plot.toString(), "--save",
                save.toString());
        String out = launcher.out();
        assertTrue(out.startsWith(String.join("\n",
                "One training step on 2 samples, in the order the code runs",
                "model:     Sequential(0: Linear(1→32), 1: ReLU, 2: Linear(32→32), 3: ReLU,"
                        + " 4: Linear(32→1))",
                "loss:      MSELoss(reduction=MEAN)",
                "optimizer: SGD(lr=0.01, momentum=0.9, dampening=0.0, nesterov=false,"
                        + " weightDecay=0.0, parameters=6)",
                "")), out);
        // The lesson's first two x, drawn first from SplittableRandom(42) on [−π, π]
        assertTrue(out.contains(String.join("\n",
                "  layer 0: Linear(1→32)",
                "    input (2x1)",
                "      [   1.5178 ]",
                "      [ -2.13685 ]",
                "")), out);
        assertTrue(out.contains("    [ 0.107697 ]\n"), out);           // 4.bias, before
        assertTrue(out.contains("  0.weight (1x32)\n    [  0.641814 -0.974027  0.685824"
                + " -0.409895   0.63824   0.72595 … 26 more ]\n"), out);
        // SGD's first step with momentum: update = −lr·∂L/∂θ = −0.01 · 0.0981509
        assertTrue(out.contains("    ∂L/∂4.bias (1x1)\n      [ 0.0981509 ]\n"), out);
        assertTrue(out.endsWith("  4.bias\n    update = after − before (1x1)\n"
                + "      [ -0.000981509 ]\n    after (1x1)\n      [ 0.106715 ]\n"),
                out.substring(out.length() - 200));
        assertFalse(Files.exists(plot));
        assertFalse(Files.exists(save));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line", "surface", "multi", "diabetes", "iris", "xor", "spiral",
        "outliers", "overfit"})
    void trace_everyLesson_printsOneStepOfItsOwnNetwork(String example) {
        Launcher launcher = new Launcher();
        launcher.succeeds(example, "--trace", "--plot", folder.resolve("p.png").toString());
        String out = launcher.out();
        assertTrue(out.startsWith("One training step on 2 samples, in the order the code runs\n"),
                out);
        assertEquals(1, out.lines().filter(l -> l.equals("5. optimizer step")).count(), out);
        assertFalse(Files.exists(folder.resolve("p.png")));
    }

    @Test
    void diagnose_line_logsTheInitialLossAndAReportPerProgressLine() {
        List<String> lines = inspectionLog("line", "--diagnose", "--epochs", "3", "--plot",
                folder.resolve("line.png").toString());
        assertTrue(lines.get(0).startsWith("line: loss at initialisation "), lines.toString());
        assertTrue(lines.get(0).contains(", expected about "), lines.get(0));
        List<String> reports = lines.stream().filter(l -> l.contains(": diagnostics over "))
                .collect(Collectors.toList());
        assertEquals(3, reports.size(), lines.toString());
        assertTrue(reports.get(0).startsWith("line epoch 1: diagnostics over 16 steps\n"
                + "  layer                           mean         std  zero for every sample\n"
                + "  0 Linear(1→1) "), reports.get(0));
        assertTrue(reports.get(2).contains("\n  0.weight "), reports.get(2));
    }

    @Test
    void diagnose_overfit_watchesTheTrainersSteps() {
        List<String> lines = inspectionLog("overfit", "--diagnose", "--epochs", "2", "--plot",
                folder.resolve("overfit.png").toString());
        assertTrue(lines.get(0).startsWith("overfit: loss at initialisation "), lines.toString());
        List<String> reports = lines.stream().filter(l -> l.contains(": diagnostics over "))
                .collect(Collectors.toList());
        // 266 rows in batches of 16: 17 steps an epoch, each seen by the trainer's listener
        assertEquals(2, reports.size(), lines.toString());
        assertTrue(reports.get(1).startsWith("overfit epoch 2: diagnostics over 17 steps\n"),
                reports.get(1));
    }

    /** Runs the launcher with these arguments and returns what Inspection logged, in order. */
    private static List<String> inspectionLog(String... args) {
        Logger logger = (Logger) LoggerFactory.getLogger(Inspection.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        try {
            new Launcher().succeeds(args);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(null);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
    }

    @Test
    void diagram_iris_drawsTheNetworkBeforeTraining() throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new io.github.backprop4j.train.inspect.NetworkDiagram().available(),
                "Graphviz's dot is not installed: rendering skipped");
        Path png = folder.resolve("iris-network.png");
        new Launcher().succeeds("iris", "--diagram", png.toString(), "--trace");
        byte[] bytes = Files.readAllBytes(png);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void diagram_intoMissingFolder_isOneErrorLine() {
        Path png = folder.resolve("no-such-folder").resolve("iris.png");
        String error = new Launcher().failsWith("error: iris: ", "iris", "--diagram",
                png.toString(), "--epochs", "1");
        assertEquals("error: iris: cannot write the network diagram to " + png + ": the folder "
                + png.getParent() + " does not exist", error);
        assertFalse(Files.exists(png.getParent()));
    }
}
