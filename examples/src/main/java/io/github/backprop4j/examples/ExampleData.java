package io.github.backprop4j.examples;

import io.github.backprop4j.data.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the data sets shipped with the examples, from {@code src/main/resources/data/} (inside
 * the runnable jar, {@code /data/}). Their sources and licences are in {@code data/README.md}.
 */
public final class ExampleData {

    private ExampleData() {
    }

    /**
     * Reads one of the shipped CSV files.
     *
     * @param name the file name, {@code "diabetes.csv"} or {@code "iris.csv"}
     * @return the table
     * @throws IllegalArgumentException if there is no such data file
     * @throws UncheckedIOException     if it cannot be read
     */
    public static CsvTable csv(String name) {
        String resource = "/data/" + name;
        InputStream in = ExampleData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("ExampleData.csv: name must be a data file shipped"
                    + " with the examples (diabetes.csv, iris.csv), got \"" + name + "\"");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvTable.read(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("ExampleData.csv: cannot read " + resource, e);
        }
    }
}
