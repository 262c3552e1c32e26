package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.layers.ReLU;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG: readable, one or two panels, replaced atomically. */
class PlotsTest {

    @TempDir
    Path dir;

    private static TrainingResult result(List<TrainingResult.Curve> curves, double... history) {
        return new TrainingResult("test", 0.5, Map.of(), history, curves, new ReLU());
    }

    @Test
    void write_noCurves_onePanelPng() throws IOException {
        Path file = dir.resolve("a/b/loss.png");

        Plots.write(result(List.of(), 1, 0.5, 0.25), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(Plots.PANEL_WIDTH, image.getWidth());
        assertEquals(Plots.PANEL_HEIGHT, image.getHeight());
    }

    @Test
    void write_withCurve_twoPanelsSideBySide() throws IOException {
        Path file = dir.resolve("fit.png");
        TrainingResult.Curve curve = new TrainingResult.Curve("y", new double[] {0, 1, 2},
                new double[] {0, 1, 4}, new double[] {0.1, 1.1, 3.9});

        Plots.write(result(List.of(curve), 1, 0.1), file);

        assertEquals(2 * Plots.PANEL_WIDTH, ImageIO.read(file.toFile()).getWidth());
    }

    @Test
    void write_existingFile_replacedAndNoTemporaryFileLeft() throws IOException {
        Path file = dir.resolve("plot.png");
        Files.writeString(file, "not a png");

        Plots.write(result(List.of(), 0, 1, 2), file);      // a zero loss: linear axis

        assertNotNull(ImageIO.read(file.toFile()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void write_noEpochs_stillWritesAPng() throws IOException {
        Path file = dir.resolve("empty.png");

        Plots.write(result(List.of()), file);

        assertNotNull(ImageIO.read(file.toFile()));
    }

    @Test
    void roundStep_picksOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Plots.roundStep(0.4));
        assertEquals(10, Plots.roundStep(10));
        assertEquals(20, Plots.roundStep(12));
        assertEquals(100, Plots.roundStep(60));
        assertEquals(500, Plots.roundStep(201));
    }

    @Test
    void curve_sortedByX_keepsPointsTogether() {
        TrainingResult.Curve c = TrainingResult.Curve.sortedByX("y", new double[] {2, 0, 1},
                new double[] {20, 0, 10}, new double[] {21, 1, 11});

        assertEquals(List.of(0.0, 1.0, 2.0), List.of(c.x()[0], c.x()[1], c.x()[2]));
        assertEquals(List.of(0.0, 10.0, 20.0), List.of(c.truth()[0], c.truth()[1], c.truth()[2]));
        assertEquals(List.of(1.0, 11.0, 21.0),
                List.of(c.predicted()[0], c.predicted()[1], c.predicted()[2]));
    }

    @Test
    void curve_differentLengths_throwsWithAllThree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingResult.Curve("y", new double[2], new double[3], new double[2]));

        assertEquals("Curve: x, truth and predicted must have the same length, got 2, 3 and 2",
                e.getMessage());
    }
}
