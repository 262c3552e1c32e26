package io.github.backprop4j.optim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values PyTorch computed, read from {@code reference/trajectories.csv}, which
 * {@code reference/generate.py} writes; that script's comment describes the problem and every
 * row. Each row is {@code case,step,name,values}, with the numbers separated by spaces.
 */
final class ReferenceData {

    static final String RESOURCE = "/reference/trajectories.csv";

    /** case → (step, name) → numbers, in file order. */
    private final Map<String, Map<String, double[]>> numbers = new LinkedHashMap<>();
    /** case → its configuration, key=value. */
    private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();

    private ReferenceData() {
    }

    static ReferenceData load() {
        InputStream in = ReferenceData.class.getResourceAsStream(RESOURCE);
        Objects.requireNonNull(in, RESOURCE + " is missing; run reference/generate.py");
        ReferenceData data = new ReferenceData();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (!"case,step,name,values".equals(header)) {
                throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                data.add(line.split(",", 4));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    private void add(String[] row) {
        String caseName = row[0];
        if (row[2].equals("config")) {
            Map<String, String> config = new LinkedHashMap<>();
            for (String pair : row[3].split(" ")) {
                String[] kv = pair.split("=", 2);
                config.put(kv[0], kv[1]);
            }
            configs.put(caseName, config);
            return;
        }
        double[] values = Arrays.stream(row[3].split(" ")).mapToDouble(Double::parseDouble)
                .toArray();
        numbers.computeIfAbsent(caseName, k -> new LinkedHashMap<>())
                .put(key(Integer.parseInt(row[1]), row[2]), values);
    }

    private static String key(int step, String name) {
        return step + "/" + name;
    }

    /** {@return the cases with a configuration, in file order} */
    Iterable<String> cases() {
        return configs.keySet();
    }

    Map<String, String> config(String caseName) {
        return configs.get(caseName);
    }

    /**
     * The numbers of one row.
     *
     * @throws IllegalStateException if the file has no such row
     */
    double[] get(String caseName, int step, String name) {
        double[] v = numbers.getOrDefault(caseName, Map.of()).get(key(step, name));
        if (v == null) {
            throw new IllegalStateException(RESOURCE + " has no row " + caseName + "," + step
                    + "," + name);
        }
        return v;
    }

    /** The names of the rows of {@code caseName} at {@code step} that start with {@code prefix}. */
    Iterable<String> names(String caseName, int step, String prefix) {
        String start = key(step, prefix);
        return numbers.getOrDefault(caseName, Map.of()).keySet().stream()
                .filter(k -> k.startsWith(start))
                .map(k -> k.substring(k.indexOf('/') + 1))
                .toList();
    }
}
