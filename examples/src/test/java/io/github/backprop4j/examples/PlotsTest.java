package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.layers.ReLU;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
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

    @Test
    void logFloorAndCeil_roundToOneDigitTimesAPowerOfTen() {
        assertEquals(2000, Plots.logFloor(2800), 1e-9);
        assertEquals(4000, Plots.logCeil(3300), 1e-9);
        assertEquals(0.01, Plots.logFloor(0.0105), 1e-15);
        assertEquals(1, Plots.logCeil(0.95), 1e-15);
        assertEquals(1000, Plots.logFloor(1000), 1e-9);
        assertEquals(1000, Plots.logCeil(1000), 1e-9);
        assertEquals(1e-5, Plots.logFloor(1.3e-5), 1e-20);
        assertEquals(2e-5, Plots.logCeil(1.3e-5), 1e-20);
    }

    @Test
    void minorTicks_twoToNineTimesEachPowerOfTenWithinTheAxis() {
        assertEquals(List.of(2e3, 3e3, 4e3, 5e3, 6e3, 7e3, 8e3, 9e3, 2e4, 3e4),
                Plots.minorTicks(2000, 30000));
        assertEquals(List.of(0.2, 0.3), Plots.minorTicks(0.2, 0.3));
        assertEquals(16, Plots.minorTicks(1e-5, 1e-3).size());
        assertEquals(2e-5, Plots.minorTicks(1e-5, 1e-3).get(0), 1e-20);
        assertEquals(9e-4, Plots.minorTicks(1e-5, 1e-3).get(15), 1e-18);
    }

    @Test
    void logPattern_plainFromAThousandthToAHundredThousand() {
        assertEquals("#,##0.###", Plots.logPattern(2000, 30000));
        assertEquals("#,##0.###", Plots.logPattern(0.001, 100000));
        assertEquals("0E0", Plots.logPattern(1e-5, 0.3));
        assertEquals("0E0", Plots.logPattern(10, 200000));
    }

    @Test
    void number_plainInTheMiddleScientificAtTheEnds() {
        assertEquals("0.02", Plots.number(0.02));
        assertEquals("3000", Plots.number(3000));
        assertEquals("-2.5", Plots.number(-2.5));
        assertEquals("0", Plots.number(0));
        assertEquals("0.001", Plots.number(0.001));
        assertEquals("1e-5", Plots.number(1e-5));
        assertEquals("2.5e-6", Plots.number(2.5e-6));
        assertEquals("1e5", Plots.number(100000));
    }

    @Test
    void niceStep_oneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, Plots.niceStep(2 * Math.PI / 8), 1e-15);
        assertEquals(0.5, Plots.niceStep(0.3), 1e-15);
        assertEquals(1, Plots.niceStep(1), 1e-15);
        assertEquals(0.02, Plots.niceStep(0.011), 1e-15);
        assertEquals(10, Plots.niceStep(6), 1e-15);
    }

    @Test
    void lossChart_lossesOverOneDecade_logAxisFromRoundEndsWithTitleAndColours() {
        TrainingResult r = result(List.of(), 28000, 9000, 3300, 2900);

        XYChart chart = Plots.lossChart(r, "sgd, lr 0.01, momentum 0.9, batch 16, seed 42");

        assertEquals("test: mean training loss per epoch", chart.getTitle());
        assertEquals("epoch (sgd, lr 0.01, momentum 0.9, batch 16, seed 42)",
                chart.getXAxisTitle());
        assertEquals("mean loss (log scale)", chart.getYAxisTitle());
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        assertFalse(chart.getStyler().isYAxisLogarithmicDecadeOnly());   // every tick labelled
        assertEquals(2000, chart.getStyler().getYAxisMin(), 1e-9);
        assertEquals(30000, chart.getStyler().getYAxisMax(), 1e-9);
        assertEquals("#,##0.###", chart.getStyler().getYAxisDecimalPattern());
        assertEquals(0, chart.getStyler().getXAxisMin(), 0);
        assertEquals(new Color(0x0072B2), chart.getStyler().getSeriesColors()[0]);
        assertEquals(List.of(Plots.OKABE_ITO), List.of(chart.getStyler().getSeriesColors()));
        assertNotNull(BitmapEncoder.getBufferedImage(chart));      // it renders
    }

    @Test
    void lossChart_lossesOverFourDecades_decadesLabelledAndMinorLines() {
        XYChart chart = Plots.lossChart(result(List.of(), 0.25, 0.01, 1.2e-5));

        assertTrue(chart.getStyler().isYAxisLogarithmicDecadeOnly());
        assertEquals(1e-5, chart.getStyler().getYAxisMin(), 1e-20);
        assertEquals(0.3, chart.getStyler().getYAxisMax(), 1e-15);
        assertEquals("0E0", chart.getStyler().getYAxisDecimalPattern());
        assertEquals("epoch", chart.getXAxisTitle());
        assertNotNull(BitmapEncoder.getBufferedImage(chart));
    }

    @Test
    void lossChart_aZeroLoss_linearAxisAndPlainTitle() {
        XYChart chart = Plots.lossChart(result(List.of(), 1, 0, 2));

        assertEquals("test: mean training loss per epoch", chart.getTitle());
        assertEquals("mean loss", chart.getYAxisTitle());
        assertFalse(chart.getStyler().isYAxisLogarithmic());
    }

    @Test
    void fitChart_sineOverMinusPiToPi_xAxisFromMinus4To4() {
        double[] x = {-Math.PI, 0, Math.PI};
        TrainingResult.Curve curve = new TrainingResult.Curve("sin(x)", x, new double[3],
                new double[3]);

        XYChart chart = Plots.fitChart(result(List.of(curve), 1));

        assertEquals(-4, chart.getStyler().getXAxisMin(), 0);
        assertEquals(4, chart.getStyler().getXAxisMax(), 0);
        assertEquals("test: prediction against truth", chart.getTitle());
        assertEquals(List.of("sin(x) (truth)", "sin(x) (model)"),
                List.copyOf(chart.getSeriesMap().keySet()));
        assertNotNull(BitmapEncoder.getBufferedImage(chart));
    }

    @Test
    void describe_namesTheOptimizerAndItsOptions() {
        assertEquals("sgd, lr 0.01, momentum 0.9, batch 16, seed 42",
                ExampleCommand.describe(Example02_FitASine.DEFAULTS));
        assertEquals("adam, lr 0.001, batch 16, seed 42, cosine schedule, clip 1",
                ExampleCommand.describe(Example02_FitASine.DEFAULTS
                        .withOptimizer(Optimization.Algorithm.ADAM, 0.001)
                        .withSchedule(Optimization.Schedule.COSINE, 0).withClip(1)));
    }

    @Test
    void lossCurvesChart_positiveLosses_oneColouredLineEachOnALogAxis() {
        Map<String, double[]> runs = new java.util.LinkedHashMap<>();
        runs.put("SGD", new double[] {0.3, 0.01, 2e-4});
        runs.put("Adam", new double[] {0.2, 1e-3, 1.5e-5});

        XYChart chart = Plots.lossCurvesChart("sine: loss", runs);

        assertEquals("sine: loss", chart.getTitle());
        assertEquals("mean loss (log scale)", chart.getYAxisTitle());
        assertEquals(List.of("SGD", "Adam"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals(1e-5, chart.getStyler().getYAxisMin(), 1e-20);
        assertEquals(0.3, chart.getStyler().getYAxisMax(), 1e-15);
        assertTrue(chart.getStyler().isYAxisLogarithmicDecadeOnly());
        assertEquals(List.of(Plots.OKABE_ITO), List.of(chart.getStyler().getSeriesColors()));
        assertNotNull(BitmapEncoder.getBufferedImage(chart));
    }
}
