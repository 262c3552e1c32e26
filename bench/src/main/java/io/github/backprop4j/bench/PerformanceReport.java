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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Turns the raw results of one benchmark session into the tables and the bar chart of
 * {@code docs/performance.md}. {@code bench/run-benchmarks.sh} writes them under
 * {@code bench/results/<date>-*}: for each round N (1, 2, … as many as there are), JMH's JSON
 * for {@link MlpBenchmark} on one thread and on two ({@code -mlp-rN.json},
 * {@code -mlp-2threads-rN.json}) and the JSON lines of the PyTorch script measured right after
 * each ({@code -pytorch-rN.jsonl}, {@code -pytorch-2threads-rN.jsonl}); and once, a JMH run with
 * {@code -prof gc} for bytes per step ({@code -mlp-gc.json}).
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar io.github.backprop4j.bench.PerformanceReport \
 *     bench/results 2026-11-30 docs/performance.png
 * }</pre>
 * The tables go to standard output as Markdown. A ratio, such as backprop4j / PyTorch, is
 * computed within each round, from two measurements taken one right after the other, and the
 * tables give the median of those per-round ratios and their range; steps/s are the median
 * across rounds. On a shared machine whose speed drifts from minute to minute, a ratio within a
 * round is steadier than either figure, and the range shows how far it moved.
 *
 * <p>The JSON is read with regular expressions rather than a JSON library: JMH writes one field
 * per line in a fixed layout, and the PyTorch script one flat object per line.
 */
public final class PerformanceReport {

    private static final String[] CONFIGS = {"T", "S", "M", "L"};
    private static final String[] KERNELS = {"ejml", "openblas"};
    private static final String[] MODES = {"train", "infer"};
    private static final Pattern BENCHMARK = Pattern.compile(
            "\"benchmark\"\\s*:\\s*\"[^\"]*\\.(\\w+)\"");
    private static final Pattern CONFIG = Pattern.compile("\"config\"\\s*:\\s*\"(\\w)\"");
    private static final Pattern KERNEL = Pattern.compile("\"kernels\"\\s*:\\s*\"(\\w+)\"");
    /** JMH's score: steps/s, or µs per step with {@code -bm avgt}. */
    static final Pattern SCORE = Pattern.compile(
            "\"primaryMetric\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([-0-9.eE]+)");
    /** Bytes allocated per step, from {@code -prof gc}. */
    static final Pattern ALLOC = Pattern.compile(
            "\"gc\\.alloc\\.rate\\.norm\"\\s*:\\s*\\{\\s*\"score\"\\s*:\\s*([-0-9.eE]+)");
    private static final Pattern TORCH_MODE = Pattern.compile("\"mode\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern TORCH_RATE = Pattern.compile(
            "\"steps_per_s\"\\s*:\\s*([-0-9.eE]+)");

    private PerformanceReport() {
    }

    /**
     * The median of a few values and their extremes.
     *
     * @param median the middle value, or the mean of the two middle ones for an even count
     * @param min the smallest value
     * @param max the largest value
     */
    record Spread(double median, double min, double max) {

        /**
         * The spread of the given values.
         *
         * @param values at least one value; not modified
         * @return their median, minimum and maximum
         */
        static Spread of(double... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("PerformanceReport: no value to summarise");
            }
            double[] v = values.clone();
            Arrays.sort(v);
            int n = v.length;
            double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            return new Spread(median, v[0], v[n - 1]);
        }

        /**
         * As a ratio in a table cell: the median, then the range if there are several rounds.
         *
         * @return e.g. {@code 1.42× (1.20–1.61)}
         */
        String ratio() {
            String m = String.format(Locale.ROOT, "%.2f×", median);
            return min == max ? m : m + String.format(Locale.ROOT, " (%.2f–%.2f)", min, max);
        }
    }

    /**
     * The results of one round: JMH's scores by {@code "<benchmark> <kernels> <config>"} and
     * PyTorch's by {@code "<mode> <config>"}, one thread and two.
     *
     * @param jmh one thread, all configurations
     * @param torch one thread, all configurations
     * @param jmh2 both cores allowed, M and L
     * @param torch2 two threads, M and L
     */
    record Round(Map<String, Double> jmh, Map<String, Double> torch, Map<String, Double> jmh2,
                 Map<String, Double> torch2) {
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
        List<Round> rounds = readRounds(dir, date);
        Map<String, Double> gc = readJmh(dir.resolve(date + "-mlp-gc.json"), ALLOC);
        printTables(rounds, gc, System.out);
        writeChart(rounds, Path.of(args[2]));
    }

    /**
     * Reads rounds 1, 2, … until the first whose one-thread JMH file is missing.
     *
     * @param dir the results folder
     * @param date the prefix of the files
     * @return at least one round
     * @throws IOException if a file of a round cannot be read, or there is no round at all
     */
    static List<Round> readRounds(Path dir, String date) throws IOException {
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; Files.exists(dir.resolve(date + "-mlp-r" + r + ".json")); r++) {
            String p = date + "-";
            String s = "-r" + r;
            rounds.add(new Round(readJmh(dir.resolve(p + "mlp" + s + ".json"), SCORE),
                    readTorch(dir.resolve(p + "pytorch" + s + ".jsonl")),
                    readJmh(dir.resolve(p + "mlp-2threads" + s + ".json"), SCORE),
                    readTorch(dir.resolve(p + "pytorch-2threads" + s + ".jsonl"))));
        }
        if (rounds.isEmpty()) {
            throw new IOException("PerformanceReport: no round in " + dir + ": expected "
                    + date + "-mlp-r1.json");
        }
        return rounds;
    }

    /**
     * One figure of every round, summarised.
     *
     * @param rounds the rounds
     * @param figure what to take from one round, e.g. a ratio of two of its scores
     * @return the median across rounds and the range
     */
    static Spread across(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Spread.of(rounds.stream().mapToDouble(figure).toArray());
    }

    /**
     * Prints the Markdown tables: one thread (training, inference), two threads, and the ratios
     * to PyTorch round by round.
     *
     * @param rounds the rounds, at least one
     * @param gc bytes per training step by {@code "train <kernels> <config>"}
     * @param out where to print
     */
    static void printTables(List<Round> rounds, Map<String, Double> gc, PrintStream out) {
        out.printf(Locale.ROOT, "Medians across %d round(s); ratios: the median of the per-round"
                + " ratios, (min–max) across rounds.%n%n", rounds.size());
        printOneThread(rounds, "train", "Training steps/s", gc, out);
        printOneThread(rounds, "infer", "Inference batches/s", null, out);
        printTwoThreads(rounds, out);
        printByRound(rounds, out);
    }

    private static void printOneThread(List<Round> rounds, String mode, String title,
                                       Map<String, Double> gc, PrintStream out) {
        String ideal = ideal(mode);
        out.println("### " + title + ", one thread");
        out.println();
        out.println("| config | EJML | ideal EJML | EJML / ideal | OpenBLAS | ideal OpenBLAS"
                + " | OpenBLAS / ideal | PyTorch | EJML / PyTorch | OpenBLAS / PyTorch |"
                + (gc == null ? "" : " B/step EJML | B/step OpenBLAS |"));
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (gc == null ? "" : "--:|--:|"));
        for (String c : CONFIGS) {
            String e = mode + " ejml " + c;
            String ei = ideal + " ejml " + c;
            String o = mode + " openblas " + c;
            String oi = ideal + " openblas " + c;
            String t = mode + " " + c;
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", c,
                    rate(across(rounds, r -> get(r.jmh(), e))),
                    rate(across(rounds, r -> get(r.jmh(), ei))),
                    across(rounds, r -> get(r.jmh(), e) / get(r.jmh(), ei)).ratio(),
                    rate(across(rounds, r -> get(r.jmh(), o))),
                    rate(across(rounds, r -> get(r.jmh(), oi))),
                    across(rounds, r -> get(r.jmh(), o) / get(r.jmh(), oi)).ratio(),
                    rate(across(rounds, r -> get(r.torch(), t))),
                    across(rounds, r -> get(r.jmh(), e) / get(r.torch(), t)).ratio(),
                    across(rounds, r -> get(r.jmh(), o) / get(r.torch(), t)).ratio());
            if (gc != null) {
                out.printf(Locale.ROOT, " %.1f | %.1f |", get(gc, "train ejml " + c),
                        get(gc, "train openblas " + c));
            }
            out.println();
        }
        out.println();
    }

    private static void printTwoThreads(List<Round> rounds, PrintStream out) {
        out.println("### Two threads (products of at least 2,000,000 multiply-adds use both"
                + " cores)");
        out.println();
        out.println("| config | mode | EJML | OpenBLAS | PyTorch | OpenBLAS / PyTorch"
                + " | OpenBLAS, 1 thread → 2 |");
        out.println("|---|---|--:|--:|--:|--:|--:|");
        for (String c : new String[] {"M", "L"}) {
            for (String mode : MODES) {
                String e = mode + " ejml " + c;
                String o = mode + " openblas " + c;
                String t = mode + " " + c;
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", c, mode,
                        rate(across(rounds, r -> get(r.jmh2(), e))),
                        rate(across(rounds, r -> get(r.jmh2(), o))),
                        rate(across(rounds, r -> get(r.torch2(), t))),
                        across(rounds, r -> get(r.jmh2(), o) / get(r.torch2(), t)).ratio(),
                        across(rounds, r -> get(r.jmh2(), o) / get(r.jmh(), o)).ratio());
            }
        }
        out.println();
    }

    private static void printByRound(List<Round> rounds, PrintStream out) {
        out.println("### backprop4j / PyTorch, round by round");
        out.println();
        StringBuilder head = new StringBuilder("| config | mode | threads | kernels |");
        StringBuilder rule = new StringBuilder("|---|---|--:|---|");
        for (int i = 1; i <= rounds.size(); i++) {
            head.append(" round ").append(i).append(" |");
            rule.append("--:|");
        }
        out.println(head.append(" median | range |"));
        out.println(rule.append("--:|--:|"));
        for (String c : CONFIGS) {
            for (String mode : MODES) {
                for (String k : KERNELS) {
                    printRoundRow(rounds, c, mode, 1, k, out);
                }
            }
        }
        for (String c : new String[] {"M", "L"}) {
            for (String mode : MODES) {
                for (String k : KERNELS) {
                    printRoundRow(rounds, c, mode, 2, k, out);
                }
            }
        }
        out.println();
    }

    private static void printRoundRow(List<Round> rounds, String config, String mode,
                                      int threads, String kernels, PrintStream out) {
        String j = mode + " " + kernels + " " + config;
        String t = mode + " " + config;
        ToDoubleFunction<Round> ratio = threads == 1
                ? r -> get(r.jmh(), j) / get(r.torch(), t)
                : r -> get(r.jmh2(), j) / get(r.torch2(), t);
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d | %s |",
                config, mode, threads, kernels.equals("ejml") ? "EJML" : "OpenBLAS"));
        for (Round r : rounds) {
            row.append(String.format(Locale.ROOT, " %.2f× |", ratio.applyAsDouble(r)));
        }
        Spread s = across(rounds, ratio);
        row.append(String.format(Locale.ROOT, " %.2f× | %.2f–%.2f |", s.median(), s.min(),
                s.max()));
        out.println(row);
    }

    /** The size of each of the eight panels of the chart, in pixels. */
    static final int PANEL_WIDTH = 440;
    static final int PANEL_HEIGHT = 380;

    private static void writeChart(List<Round> rounds, Path png) throws IOException {
        BufferedImage all = new BufferedImage(CONFIGS.length * PANEL_WIDTH, 2 * PANEL_HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < CONFIGS.length; i++) {
            String c = CONFIGS[i];
            g.drawImage(BitmapEncoder.getBufferedImage(chart(rounds, "train", c)),
                    i * PANEL_WIDTH, 0, null);
            g.drawImage(BitmapEncoder.getBufferedImage(chart(rounds, "infer", c)),
                    i * PANEL_WIDTH, PANEL_HEIGHT, null);
        }
        g.dispose();
        ImageIO.write(all, "png", png.toFile());
    }

    /** Scores by {@code "<benchmark> <kernels> <config>"}, from the given metric. */
    static Map<String, Double> readJmh(Path file, Pattern metric) throws IOException {
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

    /** Median steps/s by {@code "<mode> <config>"}, from the lines of the PyTorch script. */
    static Map<String, Double> readTorch(Path file) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher c = CONFIG.matcher(line);
            Matcher m = TORCH_MODE.matcher(line);
            Matcher v = TORCH_RATE.matcher(line);
            if (c.find() && m.find() && v.find()) {
                scores.put(m.group(1) + " " + c.group(1), Double.parseDouble(v.group(1)));
            }
        }
        return scores;
    }

    private static String ideal(String mode) {
        return mode.equals("train") ? "idealTrain" : "idealInfer";
    }

    /** The median, three significant digits at least: {@code 17,259}, {@code 41.1}. */
    private static String rate(Spread perSecond) {
        double v = perSecond.median();
        String pattern = v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
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

    /** The bars of each panel, left to right: what ran, on which kernels. */
    static final List<String> BARS = List.of("backprop4j EJML", "ideal EJML",
            "backprop4j OpenBLAS", "ideal OpenBLAS", "PyTorch OpenBLAS");
    /**
     * The series, one colour each from the Okabe–Ito palette (safe for colour-blind readers):
     * the framework, the hand-written ideal step on the same kernels, PyTorch.
     */
    static final List<String> SERIES = List.of("backprop4j", "hand-written ideal step",
            "PyTorch 1.13");
    private static final Color[] SERIES_COLORS = {new Color(0x0072B2), new Color(0xE69F00),
        new Color(0xD55E00)};
    /** Room above the tallest bar for its value, as a fraction of that bar. */
    static final double HEADROOM = 0.18;

    /**
     * One bar chart for one configuration and mode: backprop4j and the ideal step on each
     * kernel, then PyTorch, each the median across rounds. Every bar is named by its x label
     * (framework and kernels) and coloured by its framework; its value is printed at its top,
     * inside the plot area, which reaches {@value #HEADROOM} above the tallest bar. Figures of
     * 10,000 and more are shown in thousands, so that each label fits its bar.
     */
    static CategoryChart chart(List<Round> rounds, String mode, String config) {
        String ideal = ideal(mode);
        double[] values = {
            across(rounds, r -> get(r.jmh(), mode + " ejml " + config)).median(),
            across(rounds, r -> get(r.jmh(), ideal + " ejml " + config)).median(),
            across(rounds, r -> get(r.jmh(), mode + " openblas " + config)).median(),
            across(rounds, r -> get(r.jmh(), ideal + " openblas " + config)).median(),
            across(rounds, r -> get(r.torch(), mode + " " + config)).median()};
        int[] seriesOfBar = {0, 1, 0, 1, 2};
        double top = Arrays.stream(values).max().orElse(1);
        double unit = top >= 10_000 ? 1000 : 1;
        String what = (mode.equals("train") ? "training steps/s" : "inference batches/s")
                + (unit > 1 ? " (thousands)" : "");
        CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(MlpConfig.valueOf(config).toString()).yAxisTitle(what).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(SERIES_COLORS);
        chart.getStyler().setOverlapped(true);                // one bar per label
        chart.getStyler().setLegendVisible(false);            // the labels name every bar
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(top / unit * (1 + HEADROOM));
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setLabelsFont(chart.getStyler().getAxisTickLabelsFont());
        for (int s = 0; s < SERIES.size(); s++) {
            List<Double> bars = new ArrayList<>();
            for (int b = 0; b < BARS.size(); b++) {
                bars.add(seriesOfBar[b] == s ? values[b] / unit : null);
            }
            chart.addSeries(SERIES.get(s), BARS, bars);
        }
        return chart;
    }
}
