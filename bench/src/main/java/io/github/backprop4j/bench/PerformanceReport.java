package io.github.backprop4j.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Turns the raw results of one benchmark session into the tables and the bar chart of
 * {@code docs/performance.md}: JMH's JSON for {@link MlpBenchmark} on one thread and on two, the
 * JSON lines of the PyTorch script for each, and a JMH run with {@code -prof gc} for bytes per
 * step. {@code bench/run-benchmarks.sh} writes them all under {@code bench/results/<date>-*}.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.github.backprop4j.bench.PerformanceReport \
 *     bench/results 2026-11-28 docs/performance.png
 * }</pre>
 * The tables go to standard output as Markdown.
 *
 * <p>The JSON is read with regular expressions rather than a JSON library: JMH writes one field
 * per line in a fixed layout, and the PyTorch script one flat object per line.
 */
public final class PerformanceReport {

    private static final String[] CONFIGS = {"T", "S", "M", "L"};
    private static final Pattern BENCHMARK = Pattern.compile(
            "\"benchmark\"\\s*:\\s*\"[^\"]*\\.(\\w+)\"");
    private static final Pattern CONFIG = Pattern.compile("\"config\"\\s*:\\s*\"(\\w)\"");
    private static final Pattern KERNEL = Pattern.compile("\"kernels\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern SCORE = Pattern.compile(
            "\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([-0-9.eE]+)");
    private static final Pattern ALLOC = Pattern.compile(
            "\"gc\\.alloc\\.rate\\.norm\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([-0-9.eE]+)");
    private static final Pattern TORCH_RESULT = Pattern.compile(
            "\"config\":\\s*\"(\\w)\".*\"mode\":\\s*\"(\\w+)\".*"
                    + "\"steps_per_s_median\":\\s*([-0-9.eE]+)");

    private PerformanceReport() {
    }

    /**
     * Prints the tables and writes the chart.
     *
     * @param args the results folder, the date that prefixes the files, and the PNG to write
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("PerformanceReport: expected 3 arguments (results"
                    + " folder, date, out.png), got " + args.length);
        }
        Path dir = Path.of(args[0]);
        String date = args[1];
        Map<String, Double> jmh = readJmh(dir.resolve(date + "-mlp.json"), SCORE);
        Map<String, Double> torch = readTorch(dir.resolve(date + "-pytorch.jsonl"));
        Map<String, Double> jmh2 = readJmh(dir.resolve(date + "-mlp-2threads.json"), SCORE);
        Map<String, Double> torch2 = readTorch(dir.resolve(date + "-pytorch-2threads.jsonl"));
        Map<String, Double> gc = readJmh(dir.resolve(date + "-mlp-gc.json"), ALLOC);
        PrintStream out = System.out;
        printOneThread("train", "Training steps/s", jmh, torch, gc, out);
        printOneThread("infer", "Inference batches/s", jmh, torch, null, out);
        printTwoThreads(jmh, jmh2, torch, torch2, out);
        writeChart(jmh, torch, Path.of(args[2]));
    }

    private static void writeChart(Map<String, Double> jmh, Map<String, Double> torch, Path png)
            throws IOException {
        int w = 380;
        int h = 300;
        BufferedImage all = new BufferedImage(CONFIGS.length * w, 2 * h,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < CONFIGS.length; i++) {
            String c = CONFIGS[i];
            g.drawImage(chart(c + ": training steps/s", w, h, jmh, torch, "train", c), i * w, 0,
                    null);
            g.drawImage(chart(c + ": inference batches/s", w, h, jmh, torch, "infer", c), i * w,
                    h, null);
        }
        g.dispose();
        ImageIO.write(all, "png", png.toFile());
    }

    /** Scores by {@code "<benchmark> <kernels> <config>"}, from the given metric. */
    private static Map<String, Double> readJmh(Path file, Pattern metric) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String entry : json.split("\"jmhVersion\"")) {
            Matcher b = BENCHMARK.matcher(entry);
            Matcher c = CONFIG.matcher(entry);
            Matcher k = KERNEL.matcher(entry);
            Matcher v = metric.matcher(entry);
            if (b.find() && c.find() && k.find() && v.find()) {
                scores.put(b.group(1) + " " + k.group(1) + " " + c.group(1),
                        Double.parseDouble(v.group(1)));
            }
        }
        return scores;
    }

    /** Median steps/s by {@code "<mode> <config>"}. */
    private static Map<String, Double> readTorch(Path file) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = TORCH_RESULT.matcher(line);
            if (line.contains("\"kind\": \"mlp\"") && m.find()) {
                scores.put(m.group(2) + " " + m.group(1), Double.parseDouble(m.group(3)));
            }
        }
        return scores;
    }

    private static void printOneThread(String mode, String title, Map<String, Double> jmh,
                                       Map<String, Double> torch, Map<String, Double> gc,
                                       PrintStream out) {
        String ideal = mode.equals("train") ? "idealTrain" : "idealInfer";
        out.println("### " + title + ", one thread");
        out.println();
        out.println("| config | EJML | ideal EJML | EJML / ideal | OpenBLAS | ideal OpenBLAS"
                + " | OpenBLAS / ideal | PyTorch | EJML / PyTorch | OpenBLAS / PyTorch |"
                + (gc == null ? "" : " B/step EJML | B/step OpenBLAS |"));
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (gc == null ? "" : "--:|--:|"));
        for (String c : CONFIGS) {
            double e = get(jmh, mode + " ejml " + c);
            double ei = get(jmh, ideal + " ejml " + c);
            double o = get(jmh, mode + " openblas " + c);
            double oi = get(jmh, ideal + " openblas " + c);
            double t = get(torch, mode + " " + c);
            out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s | %.2f | %s | %.2f× | %.2f× |",
                    c, rate(e), rate(ei), e / ei, rate(o), rate(oi), o / oi, rate(t), e / t, o / t);
            if (gc != null) {
                out.printf(Locale.ROOT, " %.1f | %.1f |", get(gc, "train ejml " + c),
                        get(gc, "train openblas " + c));
            }
            out.println();
        }
        out.println();
    }

    private static void printTwoThreads(Map<String, Double> jmh1, Map<String, Double> jmh2,
                                        Map<String, Double> torch1, Map<String, Double> torch2,
                                        PrintStream out) {
        out.println("### Two threads (products of at least 2,000,000 multiply-adds use both"
                + " cores)");
        out.println();
        out.println("| config | mode | EJML | OpenBLAS | PyTorch | OpenBLAS / PyTorch"
                + " | OpenBLAS, 1 thread → 2 |");
        out.println("|---|---|--:|--:|--:|--:|--:|");
        for (String c : new String[] {"M", "L"}) {
            for (String mode : new String[] {"train", "infer"}) {
                double e = get(jmh2, mode + " ejml " + c);
                double o = get(jmh2, mode + " openblas " + c);
                double t = get(torch2, mode + " " + c);
                double o1 = get(jmh1, mode + " openblas " + c);
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f× | %.2f× |%n", c, mode,
                        rate(e), rate(o), rate(t), o / t, o / o1);
            }
        }
        out.println();
    }

    /** Three significant digits at least: {@code 17,259}, {@code 41.1}, {@code 6.10}. */
    private static String rate(double perSecond) {
        String pattern = perSecond >= 100 ? "%,.0f" : perSecond >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, perSecond);
    }

    /** A score that must be there: a missing one is a run cut short, never a blank cell. */
    private static double get(Map<String, Double> scores, String key) {
        Double v = scores.get(key);
        if (v == null) {
            throw new IllegalStateException("PerformanceReport: expected a result for \"" + key
                    + "\", found only " + scores.keySet());
        }
        return v;
    }

    /** One small bar chart for one configuration: both kernels, their ideal steps, PyTorch. */
    private static BufferedImage chart(String title, int width, int height,
                                       Map<String, Double> jmh, Map<String, Double> torch,
                                       String mode, String config) {
        String ideal = mode.equals("train") ? "idealTrain" : "idealInfer";
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(chart.getStyler().getAxisTickLabelsFont());
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4)});
        chart.addSeries("per second", List.of("EJML", "ideal", "OpenBLAS", "ideal ", "PyTorch"),
                List.of(get(jmh, mode + " ejml " + config), get(jmh, ideal + " ejml " + config),
                        get(jmh, mode + " openblas " + config),
                        get(jmh, ideal + " openblas " + config), get(torch, mode + " " + config)));
        return BitmapEncoder.getBufferedImage(chart);
    }
}
