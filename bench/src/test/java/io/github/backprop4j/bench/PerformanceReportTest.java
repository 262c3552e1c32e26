package io.github.backprop4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.bench.PerformanceReport.Round;
import io.github.backprop4j.bench.PerformanceReport.Spread;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's arithmetic on hand-computed values: the median and range of a few numbers, ratios
 * taken within each round before the median, and the tables written from result files in the
 * layouts of JMH and of {@code bench/pytorch/mlp_bench.py}. Nothing is timed or printed.
 */
class PerformanceReportTest {

    private static final double EXACT = 0.0;
    private static final String DATE = "2000-01-01";
    private static final String[] CONFIGS = {"T", "S", "M", "L"};
    private static final String[] BENCHMARKS = {"train", "infer", "idealTrain", "idealInfer"};
    private static final String[] KERNELS = {"ejml", "openblas"};

    @Test
    void spread_oddCount_middleValueAndExtremes() {
        Spread s = Spread.of(1.8, 0.9, 1.2);

        assertEquals(new Spread(1.2, 0.9, 1.8), s);
    }

    @Test
    void spread_evenCount_meanOfTheTwoMiddleValues() {
        Spread s = Spread.of(4.0, 1.0, 3.0, 2.0);

        assertEquals(new Spread(2.5, 1.0, 4.0), s);
    }

    @Test
    void spread_oneValue_isThatValueThrice() {
        assertEquals(new Spread(1.37, 1.37, 1.37), Spread.of(1.37));
    }

    @Test
    void spread_leavesTheCallersArrayInItsOrder() {
        double[] values = {3.0, 1.0, 2.0};

        Spread.of(values);

        assertArrayEquals(new double[] {3.0, 1.0, 2.0}, values, EXACT);
    }

    @Test
    void spread_noValue_throws() {
        assertThrows(IllegalArgumentException.class, Spread::of);
    }

    @Test
    void ratio_severalRounds_medianThenRange() {
        assertEquals("1.42× (1.20–1.61)", new Spread(1.42, 1.2, 1.61).ratio());
    }

    @Test
    void ratio_oneRoundOrNoSpread_medianOnly() {
        assertEquals("0.97×", new Spread(0.97, 0.97, 0.97).ratio());
    }

    @Test
    void across_ratiosAreTakenWithinEachRoundBeforeTheMedian() {
        // backprop4j 100, 200, 300 steps/s against PyTorch 40, 50, 200 in the same rounds:
        // ratios 2.5, 4.0, 1.5, so the median ratio is 2.5, whereas the ratio of the medians
        // would be 200 / 50 = 4.0.
        List<Round> rounds = List.of(round(100, 40), round(200, 50), round(300, 200));

        Spread s = PerformanceReport.across(rounds,
                r -> r.jmh().get("train openblas L") / r.torch().get("train L"));

        assertEquals(new Spread(2.5, 1.5, 4.0), s);
    }

    @Test
    void across_twoRounds_meanOfBothRatios() {
        // ratios 3.0 and 1.5
        List<Round> rounds = List.of(round(300, 100), round(150, 100));

        Spread s = PerformanceReport.across(rounds,
                r -> r.jmh().get("train openblas L") / r.torch().get("train L"));

        assertEquals(new Spread(2.25, 1.5, 3.0), s);
    }

    @Test
    void readTorch_takesTheMedianRateNotItsExtremes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pytorch.jsonl");
        Files.writeString(file, "{\"config\": \"M\", \"mode\": \"infer\", \"threads\": 1,"
                + " \"steps_per_s_min\": 900.0, \"steps_per_s\": 1127.5,"
                + " \"steps_per_s_max\": 1200.0}\n\n"
                + "{\"config\": \"T\", \"mode\": \"train\", \"steps_per_s\": 4.5e3}\n");

        Map<String, Double> scores = PerformanceReport.readTorch(file);

        assertEquals(Map.of("infer M", 1127.5, "train T", 4500.0), scores);
    }

    @Test
    void readRounds_noRound_saysWhichFileIsMissing(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class,
                () -> PerformanceReport.readRounds(dir, DATE));

        assertTrue(e.getMessage().contains(DATE + "-mlp-r1.json"), e.getMessage());
    }

    @Test
    void printTables_threeRoundsOfFiles_medianRatiosAndRanges(@TempDir Path dir)
            throws IOException {
        // Every score is 1 except those of L's training, chosen per round:
        //   one thread  OpenBLAS 100, 200, 300; ideal OpenBLAS 125, 200, 250; EJML and its
        //               ideal 10; PyTorch 40, 50, 200;
        //   two threads OpenBLAS 150, 300, 450; EJML 20; PyTorch 100.
        double[] openblas = {100, 200, 300};
        double[] idealOpenblas = {125, 200, 250};
        double[] torch = {40, 50, 200};
        double[] openblas2 = {150, 300, 450};
        for (int r = 1; r <= 3; r++) {
            Map<String, Double> jmh = ones(CONFIGS);
            jmh.put("train openblas L", openblas[r - 1]);
            jmh.put("idealTrain openblas L", idealOpenblas[r - 1]);
            jmh.put("train ejml L", 10.0);
            jmh.put("idealTrain ejml L", 10.0);
            Map<String, Double> jmh2 = ones(new String[] {"M", "L"});
            jmh2.put("train openblas L", openblas2[r - 1]);
            jmh2.put("train ejml L", 20.0);
            Map<String, Double> t = new LinkedHashMap<>(Map.of("train L", torch[r - 1]));
            Map<String, Double> t2 = new LinkedHashMap<>(Map.of("train L", 100.0));
            write(dir, "mlp-r" + r + ".json", jmhJson(jmh, false));
            write(dir, "pytorch-r" + r + ".jsonl", torchLines(t, 1));
            write(dir, "mlp-2threads-r" + r + ".json", jmhJson(jmh2, false));
            write(dir, "pytorch-2threads-r" + r + ".jsonl", torchLines(t2, 2));
        }
        Map<String, Double> gc = new LinkedHashMap<>();
        for (String c : CONFIGS) {
            gc.put("train ejml " + c, 0.4);
            gc.put("train openblas " + c, 0.1);
        }
        gc.put("train ejml L", 984.4);
        gc.put("train openblas L", 105.1);
        write(dir, "mlp-gc.json", jmhJson(gc, true));

        List<Round> rounds = PerformanceReport.readRounds(dir, DATE);
        Map<String, Double> bytes = PerformanceReport.readJmh(dir.resolve(DATE + "-mlp-gc.json"),
                PerformanceReport.ALLOC);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PerformanceReport.printTables(rounds, bytes, new PrintStream(buffer, true,
                StandardCharsets.UTF_8));
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();

        assertEquals(3, rounds.size());
        // OpenBLAS / ideal: 0.8, 1.0, 1.2; EJML / PyTorch: 0.25, 0.2, 0.05;
        // OpenBLAS / PyTorch: 2.5, 4.0, 1.5.
        assertTrue(lines.contains("| L | 10.0 | 10.0 | 1.00× | 200 | 200 | 1.00× (0.80–1.20)"
                + " | 50.0 | 0.20× (0.05–0.25) | 2.50× (1.50–4.00) | 984.4 | 105.1 |"), lines::toString);
        // Inference of T: every score 1, in every round.
        assertTrue(lines.contains("| T | 1.00 | 1.00 | 1.00× | 1.00 | 1.00 | 1.00× | 1.00 | 1.00×"
                + " | 1.00× |"), lines::toString);
        // Two threads: OpenBLAS / PyTorch 1.5, 3.0, 4.5; against one thread 1.5 every round.
        assertTrue(lines.contains("| L | train | 20.0 | 300 | 100 | 3.00× (1.50–4.50) | 1.50× |"),
                lines::toString);
        assertTrue(lines.contains("| config | mode | threads | kernels | round 1 | round 2"
                + " | round 3 | median | range |"), lines::toString);
        assertTrue(lines.contains("| L | train | 1 | OpenBLAS | 2.50× | 4.00× | 1.50× | 2.50×"
                + " | 1.50–4.00 |"), lines::toString);
        assertTrue(lines.contains("| L | train | 2 | EJML | 0.20× | 0.20× | 0.20× | 0.20×"
                + " | 0.20–0.20 |"), lines::toString);
    }

    /** A round whose only scores are OpenBLAS's and PyTorch's training steps/s of L. */
    private static Round round(double backprop4j, double pytorch) {
        return new Round(Map.of("train openblas L", backprop4j), Map.of("train L", pytorch),
                Map.of(), Map.of());
    }

    /** A score of 1 for every benchmark, kernel and PyTorch mode of the given configs. */
    private static Map<String, Double> ones(String[] configs) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String b : BENCHMARKS) {
            for (String k : KERNELS) {
                for (String c : configs) {
                    scores.put(b + " " + k + " " + c, 1.0);
                }
            }
        }
        return scores;
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(DATE + "-" + name), text, StandardCharsets.UTF_8);
    }

    /** JMH's JSON layout, one entry per {@code "<benchmark> <kernels> <config>"}. */
    private static String jmhJson(Map<String, Double> scores, boolean allocation) {
        StringBuilder sb = new StringBuilder("[\n");
        String sep = "";
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            String[] key = e.getKey().split(" ");
            double primary = allocation ? 12.5 : e.getValue();
            sb.append(sep).append("    {\n")
                    .append("        \"jmhVersion\" : \"1.37\",\n")
                    .append("        \"benchmark\" : \"io.github.backprop4j.bench.MlpBenchmark.")
                    .append(key[0]).append("\",\n")
                    .append("        \"mode\" : \"thrpt\",\n")
                    .append("        \"params\" : {\n")
                    .append("            \"config\" : \"").append(key[2]).append("\",\n")
                    .append("            \"kernels\" : \"").append(key[1]).append("\",\n")
                    .append("            \"threads\" : \"1\"\n")
                    .append("        },\n")
                    .append("        \"primaryMetric\" : {\n")
                    .append("            \"score\" : ").append(primary).append(",\n")
                    .append("            \"scoreUnit\" : \"ops/s\"\n")
                    .append("        },\n")
                    .append("        \"secondaryMetrics\" : {\n");
            if (allocation) {
                sb.append("            \"gc.alloc.rate.norm\" : {\n")
                        .append("                \"score\" : ").append(e.getValue()).append(",\n")
                        .append("                \"scoreUnit\" : \"B/op\"\n")
                        .append("            }\n");
            }
            sb.append("        }\n    }");
            sep = ",\n";
        }
        return sb.append("\n]\n").toString();
    }

    /**
     * The PyTorch script's lines: the given rates, and 1 for every other mode and config of
     * the thread count (all four configs with one thread, M and L with two).
     */
    private static String torchLines(Map<String, Double> rates, int threads) {
        String[] configs = threads == 1 ? CONFIGS : new String[] {"M", "L"};
        StringBuilder sb = new StringBuilder();
        for (String c : configs) {
            for (String mode : new String[] {"train", "infer"}) {
                double v = rates.getOrDefault(mode + " " + c, 1.0);
                sb.append(String.format(Locale.ROOT, "{\"config\": \"%s\", \"mode\": \"%s\","
                        + " \"threads\": %d, \"blas\": \"OpenBLAS 0.3.21 Zen\","
                        + " \"steps_per_s\": %s, \"steps_per_s_min\": %s}%n", c, mode, threads,
                        v, v / 2));
            }
        }
        return sb.toString();
    }

    /** One round with the given figure for every benchmark, scaled per bar. */
    private static Round roundOf(double ejml, double idealEjml, double blas, double idealBlas,
                                 double torch) {
        Map<String, Double> jmh = new LinkedHashMap<>();
        Map<String, Double> py = new LinkedHashMap<>();
        for (String c : CONFIGS) {
            jmh.put("train ejml " + c, ejml);
            jmh.put("idealTrain ejml " + c, idealEjml);
            jmh.put("train openblas " + c, blas);
            jmh.put("idealTrain openblas " + c, idealBlas);
            py.put("train " + c, torch);
        }
        return new Round(jmh, py, Map.of(), Map.of());
    }

    @Test
    void chart_namesEveryBarsFrameworkAndKernelsAndLeavesRoomForTheValues() {
        List<Round> rounds = List.of(roundOf(12000, 13000, 61000, 67000, 5000),
                roundOf(13000, 14000, 60000, 68000, 5200),
                roundOf(11000, 12000, 62000, 66000, 5100));

        org.knowm.xchart.CategoryChart chart = PerformanceReport.chart(rounds, "train", "T");

        assertEquals("T 1→32→32→1 batch 32", chart.getTitle());
        assertEquals("training steps/s (thousands)", chart.getYAxisTitle());
        assertEquals(List.of("backprop4j", "hand-written ideal step", "PyTorch 1.13"),
                List.copyOf(chart.getSeriesMap().keySet()));
        List<String> bars = List.of("backprop4j EJML", "ideal EJML", "backprop4j OpenBLAS",
                "ideal OpenBLAS", "PyTorch OpenBLAS");
        for (var series : chart.getSeriesMap().values()) {
            assertEquals(bars, series.getXData());
        }
        assertEquals(java.util.Arrays.asList(12.0, null, 61.0, null, null),
                chart.getSeriesMap().get("backprop4j").getYData());
        assertEquals(java.util.Arrays.asList(null, 13.0, null, 67.0, null),
                chart.getSeriesMap().get("hand-written ideal step").getYData());
        assertEquals(java.util.Arrays.asList(null, null, null, null, 5.1),
                chart.getSeriesMap().get("PyTorch 1.13").getYData());
        var styler = chart.getStyler();
        assertTrue(styler.isOverlapped());
        assertEquals(0.0, styler.getYAxisMin(), EXACT);
        assertEquals(67 * 1.18, styler.getYAxisMax(), 1e-9);
        assertEquals(1.0, styler.getLabelsPosition(), EXACT);
        assertEquals(45, styler.getXAxisLabelRotation());
        assertEquals("#,##0.#", styler.getYAxisDecimalPattern());
        assertEquals(List.of(new java.awt.Color(0x0072B2), new java.awt.Color(0xE69F00),
                new java.awt.Color(0xD55E00)), List.of(styler.getSeriesColors()));
        assertEquals(PerformanceReport.PANEL_WIDTH, chart.getWidth());
    }

    @Test
    void chart_figuresBelowTenThousand_inUnits() {
        List<Round> rounds = List.of(roundOf(35, 34, 330, 185, 179));

        org.knowm.xchart.CategoryChart chart = PerformanceReport.chart(rounds, "train", "M");

        assertEquals("M 64→256→256→1 batch 256", chart.getTitle());
        assertEquals("training steps/s", chart.getYAxisTitle());
        assertEquals(330 * 1.18, chart.getStyler().getYAxisMax(), 1e-9);
        assertEquals(java.util.Arrays.asList(null, null, null, null, 179.0),
                chart.getSeriesMap().get("PyTorch 1.13").getYData());
    }
}
