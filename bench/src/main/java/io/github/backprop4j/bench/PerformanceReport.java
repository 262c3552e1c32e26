package io.github.backprop4j.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        BufferedImage train = chart("Training steps/s (float64, 1 thread, log scale)", jmh, torch,
                "train", "idealTrain");
        BufferedImage infer = chart("Inference batches/s (float64, 1 thread, log scale)", jmh,
                torch, "infer", "idealInfer");
        BufferedImage both = new BufferedImage(train.getWidth() + infer.getWidth(),
                train.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(train, 0, 0, null);
        g.drawImage(infer, train.getWidth(), 0, null);
        g.dispose();
        ImageIO.write(both, "png", Path.of(args[3]).toFile());
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
            out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %,.0f | %.2f× | %,.0f | %,.0f"
                            + " | %.2f | %,.0f | %.2f× | %.3f |%n",
                    c, train, idealTrain, train / idealTrain, torchTrain, train / torchTrain,
                    infer, idealInfer, infer / idealInfer, torchInfer, infer / torchInfer,
                    get(gc, "train " + c));
        }
    }

    private static double get(Map<String, Double> scores, String key) {
        Double v = scores.get(key);
        return v == null ? Double.NaN : v;
    }

    private static BufferedImage chart(String title, Map<String, Double> jmh,
                                       Map<String, Double> torch, String framework,
                                       String ideal) {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(420).title(title)
                .xAxisTitle("configuration").yAxisTitle("per second").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4), new Color(0xaec7e8),
            new Color(0xff7f0e)});
        List<String> x = List.of(CONFIGS);
        chart.addSeries("backprop4j", x, series(jmh, framework));
        chart.addSeries("ideal step (same kernels)", x, series(jmh, ideal));
        chart.addSeries("PyTorch " + "eager", x, series(torch, framework));
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static List<Double> series(Map<String, Double> scores, String name) {
        List<Double> values = new ArrayList<>();
        for (String c : CONFIGS) {
            values.add(get(scores, name + " " + c));
        }
        return values;
    }
}
