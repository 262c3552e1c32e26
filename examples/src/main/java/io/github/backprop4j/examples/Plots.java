package io.github.backprop4j.examples;

import io.github.backprop4j.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.AnnotationLine;
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
        write(result, "", file);
    }

    /**
     * Writes the plot of a run, with the options it ran with in the loss panel's title, creating
     * the parent directories.
     *
     * @param result  the run to draw
     * @param options how it ran, such as {@code "sgd, lr 0.01, momentum 0.9, batch 16, seed 42"};
     *                empty for none
     * @param file    the PNG to write; replaced if it exists
     * @throws IOException if a directory or the file cannot be written
     */
    public static void write(TrainingResult result, String options, Path file) throws IOException {
        Objects.requireNonNull(result, "Plots.write: result must not be null");
        Objects.requireNonNull(options, "Plots.write: options must not be null");
        Objects.requireNonNull(file, "Plots.write: file must not be null");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(BitmapEncoder.getBufferedImage(lossChart(result, options)));
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
        writePng(BitmapEncoder.getBufferedImage(lossCurvesChart(title, histories)), file);
    }

    /** Several runs' loss curves in one chart: what {@link #writeLossCurves} draws. */
    static XYChart lossCurvesChart(String title, Map<String, double[]> histories) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH * 3 / 2).height(PANEL_HEIGHT)
                .title(title).xAxisTitle("epoch").yAxisTitle("mean loss").build();
        style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        boolean positive = true;
        int longest = 1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> run : histories.entrySet()) {
            double[] loss = run.getValue();
            positive &= allPositive(loss);
            longest = Math.max(longest, loss.length);
            for (double v : loss) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            chart.addSeries(run.getKey(), epochNumbers(loss), loss).setMarker(SeriesMarkers.NONE);
        }
        labelRoundEpochs(chart, longest);
        if (positive && min <= max) {
            logAxis(chart, min, max);
            chart.setYAxisTitle("mean loss (log scale)");
        }
        return chart;
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
        return lossChart(result, "");
    }

    /**
     * The mean training loss per epoch, on a log scale with round ticks when every value is
     * positive; the title names the example, the x axis's the options it ran with, if given.
     */
    static XYChart lossChart(TrainingResult result, String options) {
        double[] loss = result.lossHistory();
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(result.example() + ": mean training loss per epoch")
                .xAxisTitle(options.isEmpty() ? "epoch" : "epoch (" + options + ")").yAxisTitle(allPositive(loss) && loss.length > 0
                        ? "mean loss (log scale)" : "mean loss").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        if (loss.length == 0) {
            chart.setTitle(result.example() + ": no epochs run");
            return chart;
        }
        labelRoundEpochs(chart, loss.length);
        if (allPositive(loss)) {
            logAxis(chart, Arrays.stream(loss).min().orElseThrow(),
                    Arrays.stream(loss).max().orElseThrow());
        }
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
        style(chart);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (TrainingResult.Curve c : result.curves()) {
            for (double v : c.x()) {
                xMin = Math.min(xMin, v);
                xMax = Math.max(xMax, v);
            }
        }
        if (xMin < xMax) {
            double step = niceStep((xMax - xMin) / 8);
            chart.getStyler().setXAxisMin(Math.floor(xMin / step) * step);
            chart.getStyler().setXAxisMax(Math.ceil(xMax / step) * step);
            chart.setCustomXAxisTickLabelsFormatter(x -> onGrid(x, step) ? number(x) : "");
        }
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

    /**
     * Light tints of the Okabe–Ito blue, orange, green and vermillion for the regions of classes
     * 0, 1, 2, 3; the colours themselves for their points.
     */
    private static final Color[] REGION = {new Color(0xBFDCEC), new Color(0xF9E7BF),
        new Color(0xBFE7DC), new Color(0xF4D6BF)};
    private static final Color[] POINT = {new Color(0x0072B2), new Color(0xE69F00),
        new Color(0x009E73), new Color(0xD55E00)};

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

    /**
     * The Okabe–Ito palette, which readers with any common colour-vision deficiency can tell
     * apart: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black.
     */
    static final Color[] OKABE_ITO = {new Color(0x0072B2), new Color(0xE69F00),
        new Color(0x009E73), new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9),
        new Color(0xF0E442), new Color(0x000000)};

    /** What every chart shares: a white background and the colour-blind-safe palette. */
    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(OKABE_ITO);
    }

    /** Above this many decades, only decades are labelled and the rest are minor lines. */
    static final double LABEL_EVERY_TICK_UP_TO = 1.5;

    /**
     * Puts the y axis on a log scale from {@link #logFloor}(min) to {@link #logCeil}(max). Over
     * at most {@value #LABEL_EVERY_TICK_UP_TO} decades every 1…9 × 10ⁿ is a labelled tick; over
     * more, the decades are labelled and every other 2…9 × 10ⁿ is a light minor grid line
     * ({@link #minorTicks}). Labels are plain numbers between 0.001 and 100,000, else
     * scientific ({@link #logPattern}).
     */
    static void logAxis(XYChart chart, double min, double max) {
        double lo = logFloor(min);
        double hi = logCeil(max);
        if (lo == hi) {
            lo = logFloor(lo * 0.99);
            hi = logCeil(hi * 1.01);
        }
        boolean everyTick = Math.log10(hi / lo) <= LABEL_EVERY_TICK_UP_TO;
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(!everyTick);
        chart.getStyler().setYAxisMin(lo);
        chart.getStyler().setYAxisMax(hi);
        chart.getStyler().setYAxisDecimalPattern(logPattern(lo, hi));
        if (!everyTick) {
            chart.getStyler().setAnnotationLineColor(new Color(0xE4E4E4));
            chart.getStyler().setAnnotationLineStroke(new BasicStroke(0.8f));
            for (double v : minorTicks(lo, hi)) {
                chart.addAnnotation(new AnnotationLine(v, false, false));
            }
        }
    }

    /**
     * The minor ticks of a log axis: every k·10ⁿ with k = 2…9 from {@code lo} to {@code hi}.
     *
     * @param lo the axis's lower end, k·10ⁿ
     * @param hi the axis's upper end
     * @return the ticks, in increasing order
     */
    static List<Double> minorTicks(double lo, double hi) {
        List<Double> ticks = new ArrayList<>();
        for (int n = decade(lo); pow10(n) <= hi; n++) {
            for (int k = 2; k <= 9; k++) {
                double v = times10(k, n);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /**
     * The number format of a log axis's labels: plain, with thousands separators, when the axis
     * lies within 0.001 to 100,000 ({@code 0.05}, {@code 2,000}); scientific otherwise
     * ({@code 1E-5}).
     *
     * @param lo the axis's lower end
     * @param hi the axis's upper end
     * @return a {@link java.text.DecimalFormat} pattern
     */
    static String logPattern(double lo, double hi) {
        return lo >= 1e-3 && hi <= 1e5 ? "#,##0.###" : "0E0";
    }

    /**
     * The largest k·10ⁿ (k = 1…9) at or below {@code v}: where a log axis starts.
     *
     * @param v a positive value
     * @return e.g. 2000 for 2800, 0.01 for 0.0105
     */
    static double logFloor(double v) {
        int n = decade(v);
        return times10((int) Math.floor(v / pow10(n) + 1e-9), n);
    }

    /**
     * The smallest k·10ⁿ (k = 1…10) at or above {@code v}: where a log axis ends.
     *
     * @param v a positive value
     * @return e.g. 4000 for 3300, 1 for 0.95
     */
    static double logCeil(double v) {
        int n = decade(v);
        return times10((int) Math.ceil(v / pow10(n) - 1e-9), n);
    }

    /**
     * A tick value as a person writes it: plain from 0.001 to 99999 ({@code 0.02},
     * {@code 3000}), else as {@code 2e-5} or {@code 1e6}.
     *
     * @param v the value
     * @return its text
     */
    static String number(double v) {
        double a = Math.abs(v);
        if (a == 0 || (a >= 1e-3 && a < 1e5)) {
            return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros()
                    .toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        int e = s.indexOf('e');
        String mantissa = new BigDecimal(s.substring(0, e)).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /**
     * The smallest of …, 0.1, 0.2, 0.5, 1, 2, 5, 10, … that is at least {@code target}: the
     * step between round ticks.
     *
     * @param target a positive step
     * @return the round step
     */
    static double niceStep(double target) {
        int n = decade(target);
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow10(n) >= target * (1 - 1e-9)) {
                return m * pow10(n);
            }
        }
        return 10 * pow10(n);
    }

    /** Whether x is a whole multiple of step, up to rounding. */
    private static boolean onGrid(double x, double step) {
        double q = x / step;
        return Math.abs(q - Math.rint(q)) < 1e-6;
    }

    private static int decade(double v) {
        return (int) Math.floor(Math.log10(v) + 1e-12);
    }

    /** k·10ⁿ, the double nearest to it (3·0.1 would be 0.30000000000000004). */
    private static double times10(int k, int n) {
        return Double.parseDouble(k + "e" + n);
    }

    private static double pow10(int n) {
        return n >= 0 ? Math.pow(10, n) : 1 / Math.pow(10, -n);
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
