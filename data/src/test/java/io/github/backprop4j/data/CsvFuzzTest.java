package io.github.backprop4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.backprop4j.core.Matrix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input for {@link CsvTable}: whatever the bytes, reading either succeeds or throws a
 * {@link CsvFormatException} that names the source, and so does every column asked of a table
 * that was read. Any other exception (an {@link java.io.UncheckedIOException} included: reading
 * bytes from memory cannot fail), an {@link OutOfMemoryError}, a stack overflow or a hang is a
 * bug.
 *
 * <p>A table that reads must also be consistent: the strict UTF-8 reader and
 * {@link CsvTable#parse(String, String)} agree on it; it has at least one row and distinct,
 * non-empty column names; each numeric column is finite; each label column one-hot encodes to
 * rows of a single 1 that decode back to the labels.
 *
 * <h2>Running</h2>
 * {@code mvn -B verify} runs {@link #readBytes} once per input in
 * {@code src/test/resources/io/github/backprop4j/data/CsvFuzzTestInputs/readBytes/}, the
 * seed corpus (valid and invalid tables) plus every crash ever found. To fuzz for the duration
 * given in the annotation, coverage-guided, starting from the seeds:
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl core test -Dtest=CsvFuzzTest#readBytes
 * </pre>
 * An input that breaks the invariant is written into the inputs folder; commit it with the fix.
 */
class CsvFuzzTest {

    private static final String SOURCE = "fuzz-input";
    private static final String INPUTS =
            "/io/github/backprop4j/data/CsvFuzzTestInputs/readBytes";

    /**
     * The invariant. {@code @Timeout} guards against a hang (a table of a few kilobytes reads in
     * well under a millisecond); it times nothing.
     */
    @FuzzTest(maxDuration = "2m")
    @Timeout(10)
    void readBytes(byte[] input) throws IOException {
        CsvTable table = orRejected(() -> CsvTable.read(strictUtf8(input), SOURCE));
        if (table == null) {
            return;
        }
        CsvTable fromString = CsvTable.parse(new String(input, StandardCharsets.UTF_8), SOURCE);
        assertEquals(table.columnNames(), fromString.columnNames());
        assertEquals(table.rowCount(), fromString.rowCount());

        List<String> names = table.columnNames();
        assertTrue(table.rowCount() >= 1, "a table has at least one row");
        assertFalse(names.isEmpty(), "a table has at least one column");
        assertEquals(names.size(), new HashSet<>(names).size(), "column names are distinct");
        for (String name : names) {
            assertFalse(name.isEmpty(), "column names are not empty");
            List<String> labels = table.strings(name);
            assertEquals(table.rowCount(), labels.size());
            assertEquals(labels, fromString.strings(name));
            Matrix column = orRejected(() -> table.columns(name));
            if (column != null) {
                assertEquals(table.rowCount(), column.rows());
                for (double v : column.toRowMajorArray()) {
                    assertTrue(Double.isFinite(v), "numbers are finite");
                }
            }
            OneHot oneHot = orRejected(() -> table.oneHot(name));
            if (oneHot != null) {
                Matrix encoded = oneHot.encode(table);
                for (int i = 0; i < encoded.rows(); i++) {
                    double sum = 0;
                    for (int k = 0; k < encoded.cols(); k++) {
                        sum += encoded.get(i, k);
                    }
                    assertEquals(1.0, sum, 0.0, "one-hot row " + i);
                }
                assertEquals(labels, oneHot.decode(encoded));
            }
        }
        orRejected(() -> table.columns(names.toArray(new String[0])));
    }

    /** The bytes as text, decoded as {@link CsvTable#read(Path)} decodes a file. */
    private static Reader strictUtf8(byte[] input) {
        return new InputStreamReader(new ByteArrayInputStream(input),
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The result, or {@code null} if it was refused the documented way. */
    private static <T> T orRejected(Supplier<T> call) {
        try {
            return call.get();
        } catch (CsvFormatException e) {
            if (!e.getMessage().contains("(" + SOURCE) || !e.source().equals(SOURCE)) {
                throw new AssertionError("the message must name the source", e);
            }
            return null;
        }
    }

    /**
     * The seeds are what their names say: a corpus of only rejected inputs would leave the
     * checks on tables untested.
     */
    @Test
    void seeds_validOnesRead_invalidOnesAreRejected() throws IOException {
        Path folder = resource(INPUTS);
        List<Path> seeds;
        try (Stream<Path> files = Files.list(folder)) {
            seeds = files.sorted().collect(Collectors.toList());
        }
        int valid = 0;
        int invalid = 0;
        for (Path seed : seeds) {
            byte[] bytes = Files.readAllBytes(seed);
            String name = seed.getFileName().toString();
            if (name.startsWith("valid-")) {
                CsvTable.read(strictUtf8(bytes), name);
                valid++;
            } else if (name.startsWith("invalid-")) {
                assertThrows(CsvFormatException.class, () -> CsvTable.read(strictUtf8(bytes), name),
                        name);
                invalid++;
            }
        }
        assertTrue(valid >= 4, "expected at least 4 valid seeds, got " + valid);
        assertTrue(invalid >= 4, "expected at least 4 invalid seeds, got " + invalid);
    }

    private static Path resource(String name) {
        URL url = CsvFuzzTest.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
