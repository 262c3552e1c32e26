package io.github.backprop4j.examples;

import io.github.backprop4j.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link TrainingResult} into one PNG: the loss curve, and beside it, for one-input
 * regressors, the prediction against the truth.
 *
 * <p>Drawing needs no screen: {@link #write} sets {@code java.awt.headless=true} unless the
 * property is already set. The file is written atomically ({@link AtomicFiles}): the image goes
 * to a temporary file in the same directory, which is then renamed over the target, so a crash
 * never leaves a half-written PNG behind.
 */
public final class Plots {

    /** The size of each panel, in pixels. */
    static final int PANEL_WIDTH = 640;
    static final int PANEL_HEIGHT = 480;

    private Plots() {
    }

    /**
     * Writes the plot of a run, creating the parent directories.
     *
     * @param result the run to draw
     * @param file   the PNG to write; replaced if it exists
     * @throws IOException if a directory or the file cannot be written
     */
    public static void write(TrainingResult result, Path file) throws IOException {
        Objects.requireNonNull(result, "Plots.write: result must not be null");
        Objects.requireNonNull(file, "Plots.write: file must not be null");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(BitmapEncoder.getBufferedImage(lossChart(result)));
        if (!result.curves().isEmpty()) {
            panels.add(BitmapEncoder.getBufferedImage(fitChart(result)));
        }
        for (DecisionSurface surface : result.surfaces()) {
            panels.add(surfacePanel(surface));
        }
        writePng(sideBySide(panels), file);
    }

    /**
     * Writes several runs' loss curves into one chart, one line each, on a log scale when every
     * loss is positive; creates the parent directories and writes atomically, as {@link #write}.
     *
     * @param title      the chart's title
     * @param histories  each run's mean loss per epoch, by its label in the legend, in order
     * @param file       the PNG to write; replaced if it exists
     * @throws IOException if a directory or the file cannot be written
     */
    public static void writeLossCurves(String title, Map<String, double[]> histories, Path file)
            throws IOException {
        Objects.requireNonNull(histories, "Plots.writeLossCurves: histories must not be null");
        Objects.requireNonNull(file, "Plots.writeLossCurves: file must not be null");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH * 3 / 2).height(PANEL_HEIGHT)
                .title(title).xAxisTitle("epoch").yAxisTitle("mean loss").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        boolean positive = true;
        int longest = 1;
        for (Map.Entry<String, double[]> run : histories.entrySet()) {
            double[] loss = run.getValue();
            positive &= allPositive(loss);
            longest = Math.max(longest, loss.length);
            chart.addSeries(run.getKey(), epochNumbers(loss), loss).setMarker(SeriesMarkers.NONE);
        }
        labelRoundEpochs(chart, longest);
        chart.getStyler().setYAxisLogarithmic(positive);
        writePng(BitmapEncoder.getBufferedImage(chart), file);
    }

    /** Writes the image as a PNG, atomically, creating the parent directories. */
    private static void writePng(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out -> {
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", png)) {
                    throw new IOException("Plots.write: no PNG writer is available");
                }
            }
        });
    }

    /** The mean training loss per epoch, on a log scale when every value is positive. */
    static XYChart lossChart(TrainingResult result) {
        double[] loss = result.lossHistory();
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(result.example() + ": training loss").xAxisTitle("epoch")
                .yAxisTitle("mean loss").build();
        chart.getStyler().setLegendVisible(false);
        if (loss.length == 0) {
            chart.setTitle(result.example() + ": no epochs run");
            return chart;
        }
        labelRoundEpochs(chart, loss.length);
        chart.getStyler().setYAxisLogarithmic(allPositive(loss));
        XYSeries series = chart.addSeries("training loss", epochNumbers(loss), loss);
        series.setMarker(SeriesMarkers.NONE);
        double[] validation = result.validationHistory();
        if (validation.length > 0) {                  // a lesson with a validation set
            chart.setTitle(result.example() + ": training and validation loss");
            chart.getStyler().setLegendVisible(true);
            chart.getStyler().setYAxisLogarithmic(allPositive(loss) && allPositive(validation));
            chart.addSeries("validation loss", epochNumbers(validation), validation)
                    .setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Each curve's truth as dots and prediction as a line, over x. */
    static XYChart fitChart(TrainingResult result) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(result.example() + ": prediction against truth").xAxisTitle("x")
                .yAxisTitle("y").build();
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setYAxisDecimalPattern("0.#");
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (TrainingResult.Curve c : result.curves()) {
            XYSeries truth = chart.addSeries(c.label() + " (truth)", c.x(), c.truth());
            truth.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            truth.setMarker(SeriesMarkers.CIRCLE);
            XYSeries predicted = chart.addSeries(c.label() + " (model)", c.x(), c.predicted());
            predicted.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** 1, 2, …, n for a history of n epochs: the x values of a loss curve. */
    private static double[] epochNumbers(double[] loss) {
        return IntStream.rangeClosed(1, loss.length).asDoubleStream().toArray();
    }

    /**
     * Starts the x axis at 0 and labels only round epochs, about five of them: XChart places
     * many ticks on this axis.
     */
    private static void labelRoundEpochs(XYChart chart, int epochs) {
        long step = roundStep(epochs / 5.0);
        chart.getStyler().setXAxisMin(0.0);
        chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - Math.rint(x)) < 1e-9
                && Math.round(x) % step == 0 ? Long.toString(Math.round(x)) : "");
    }

    /** Light colours for the regions of classes 0, 1, 2, …; dark ones for their points. */
    private static final Color[] REGION = {new Color(0xC6DBEF), new Color(0xFDD0A2),
        new Color(0xC7E9C0), new Color(0xDADAEB)};
    private static final Color[] POINT = {new Color(0x08519C), new Color(0xD94801),
        new Color(0x006D2C), new Color(0x54278F)};

    /**
     * A decision surface as a picture of PANEL_HEIGHT × PANEL_HEIGHT: each cell coloured by the
     * class the model picks there, the training points on top in their true class's colour.
     */
    static BufferedImage surfacePanel(DecisionSurface surface) {
        int size = PANEL_HEIGHT;
        int margin = 40;
        int side = size - 2 * margin;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
            int[][] classes = surface.classes();
            int cells = classes.length;
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    g.setColor(REGION[classes[i][j] % REGION.length]);
                    int x0 = margin + j * side / cells;
                    int y0 = margin + i * side / cells;
                    g.fillRect(x0, y0, margin + (j + 1) * side / cells - x0,
                            margin + (i + 1) * side / cells - y0);
                }
            }
            double span = surface.max() - surface.min();
            for (int p = 0; p < surface.labels().length; p++) {
                int x = margin + (int) Math.round((surface.points().get(p, 0) - surface.min())
                        / span * side);
                int y = margin + (int) Math.round((surface.max() - surface.points().get(p, 1))
                        / span * side);
                g.setColor(POINT[surface.labels()[p] % POINT.length]);
                g.fillOval(x - 3, y - 3, 7, 7);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(margin, margin, side, side);
            g.drawString(surface.label(), margin, margin - 12);
            g.drawString(String.format(Locale.ROOT, "x, y in [%.1f, %.1f]", surface.min(),
                    surface.max()), margin, size - margin + 20);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code target}. */
    static long roundStep(double target) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= target) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage sideBySide(List<BufferedImage> panels) {
        int width = panels.stream().mapToInt(BufferedImage::getWidth).sum();
        int height = panels.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage panel : panels) {
                g.drawImage(panel, x, 0, null);
                x += panel.getWidth();
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
