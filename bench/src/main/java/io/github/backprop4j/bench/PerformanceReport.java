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
 * Turns the raw results of one benchmark session into the table and the bar chart of
 * {@code docs/performance.md}: JMH's JSON for {@link MlpBenchmark}, the JSON lines of the
 * PyTorch script, and the JSON of a JMH run with {@code -prof gc} for bytes per step.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.github.backprop4j.bench.PerformanceReport \
 *     bench/results/<date>-mlp.json bench/results/<date>-pytorch.jsonl \
 *     bench/results/<date>-mlp-gc.json docs/performance.png
 * }</pre>
 * The table goes to standard output as Markdown.
 *
 * <p>The JSON is read with two regular expressions rather than a JSON library: JMH writes one
 * field per line in a fixed layout, and the PyTorch script one flat object per line.
 */
public final class PerformanceReport {

    private static final String[] CONFIGS = {"T", "S", "M", "L"};
    private static final Pattern JMH_RESULT = Pattern.compile(
            "\"benchmark\"\\s*:\\s*\"[^\"]*\\.(\\w+)\".*?\"config\"\\s*:\\s*\"(\\w)\".*?"
                    + "\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([-0-9.eE]+|\"NaN\")"
                    + "(.*?\"gc\\.alloc\\.rate\\.norm\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*"
                    + "([-0-9.eE]+))?",
            Pattern.DOTALL);
    private static final Pattern TORCH_RESULT = Pattern.compile(
            "\"config\":\\s*\"(\\w)\".*\"mode\":\\s*\"(\\w+)\".*"
                    + "\"steps_per_s_median\":\\s*([-0-9.eE]+)");

    private PerformanceReport() {
    }

    /**
     * Prints the table and writes the chart.
     *
     * @param args the MlpBenchmark JSON, the PyTorch JSON lines, the {@code -prof gc} JSON and
     *             the PNG to write
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("PerformanceReport: expected 4 arguments (mlp.json"
                    + " pytorch.jsonl mlp-gc.json out.png), got " + args.length);
        }
        Map<String, Double> jmh = readJmh(Path.of(args[0]), false);
        Map<String, Double> torch = readTorch(Path.of(args[1]));
        Map<String, Double> gc = readJmh(Path.of(args[2]), true);
        printTable(jmh, torch, gc, System.out);
        int w = 300;
        int h = 280;
        BufferedImage all = new BufferedImage(CONFIGS.length * w, 2 * h,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < CONFIGS.length; i++) {
            String c = CONFIGS[i];
            g.drawImage(chart(c + ": training steps/s", w, h, get(jmh, "train " + c),
                    get(jmh, "idealTrain " + c), get(torch, "train " + c)), i * w, 0, null);
            g.drawImage(chart(c + ": inference batches/s", w, h, get(jmh, "infer " + c),
                    get(jmh, "idealInfer " + c), get(torch, "infer " + c)), i * w, h, null);
        }
        g.dispose();
        ImageIO.write(all, "png", Path.of(args[3]).toFile());
    }

    /** Scores by {@code "<benchmark> <config>"}; with {@code gc}, bytes per operation. */
    private static Map<String, Double> readJmh(Path file, boolean gc) throws IOException {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String entry : json.split("\"jmhVersion\"")) {
            Matcher m = JMH_RESULT.matcher(entry);
            if (m.find()) {
                String value = gc ? m.group(5) : m.group(3);
                if (value != null && !value.startsWith("\"")) {
                    scores.put(m.group(1) + " " + m.group(2), Double.parseDouble(value));
                }
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

    private static void printTable(Map<String, Double> jmh, Map<String, Double> torch,
                                   Map<String, Double> gc, PrintStream out) {
        out.println("| config | backprop4j train steps/s | ideal train steps/s | backprop4j / ideal"
                + " | PyTorch train steps/s | backprop4j / PyTorch | backprop4j infer batches/s"
                + " | ideal infer batches/s | backprop4j / ideal | PyTorch infer batches/s"
                + " | backprop4j / PyTorch | B/step (train) |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (String c : CONFIGS) {
            double train = get(jmh, "train " + c);
            double idealTrain = get(jmh, "idealTrain " + c);
            double torchTrain = get(torch, "train " + c);
            double infer = get(jmh, "infer " + c);
            double idealInfer = get(jmh, "idealInfer " + c);
            double torchInfer = get(torch, "infer " + c);
            out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %.2f× | %s | %s | %.2f | %s"
                            + " | %.2f× | %.1f |%n",
                    c, rate(train), rate(idealTrain), train / idealTrain, rate(torchTrain),
                    train / torchTrain, rate(infer), rate(idealInfer), infer / idealInfer,
                    rate(torchInfer), infer / torchInfer, get(gc, "train " + c));
        }
    }

    /** Three significant digits at least: {@code 17,259}, {@code 41.1}, {@code 6.10}. */
    private static String rate(double perSecond) {
        String pattern = perSecond >= 100 ? "%,.0f" : perSecond >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, perSecond);
    }

    private static double get(Map<String, Double> scores, String key) {
        Double v = scores.get(key);
        return v == null ? Double.NaN : v;
    }

    /** One small bar chart: backprop4j, the ideal step and PyTorch for one configuration. */
    private static BufferedImage chart(String title, int width, int height, double framework,
                                       double ideal, double torch) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(chart.getStyler().getAxisTickLabelsFont());
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4)});
        chart.addSeries("per second", List.of("backprop4j", "ideal", "PyTorch"),
                List.of(framework, ideal, torch));
        return BitmapEncoder.getBufferedImage(chart);
    }
}
