package io.github.backprop4j.io;

import io.github.backprop4j.core.state.StateDict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile input for {@link SafetensorsReader}: whatever the bytes, reading either succeeds or
 * throws a {@link SafetensorsFormatException} that names the source. Any other exception, an
 * {@link OutOfMemoryError}, a stack overflow or a hang is a bug.
 *
 * <p>A file that reads must also be consistent: the byte-array and stream readers agree, and
 * what the writer makes of it reads back to the same bytes.
 *
 * <h2>Running</h2>
 * {@code mvn -B verify} runs {@link #readBytes} in Jazzer's regression mode: once per input in
 * {@code src/test/resources/io/github/backprop4j/io/SafetensorsFuzzTestInputs/readBytes/},
 * the seed corpus (valid and invalid files) plus every crash ever found, kept as regression
 * cases. To fuzz for the duration given in the annotation (coverage-guided, with the seeds as
 * the start):
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -pl core test -Dtest=SafetensorsFuzzTest#readBytes
 * </pre>
 * Jazzer writes an input that breaks the invariant into the inputs folder above, so that the
 * next plain build runs it; commit it with the fix. Its working corpus goes to
 * {@code core/.cifuzz-corpus/}, which git ignores.
 */
class SafetensorsFuzzTest {

    private static final String SOURCE = "fuzz-input";
    private static final String INPUTS =
            "/io/github/backprop4j/io/SafetensorsFuzzTestInputs/readBytes";

    /**
     * The invariant. {@code @Timeout} bounds each input: JUnit enforces it in regression mode,
     * and Jazzer passes it to libFuzzer as {@code -timeout} while fuzzing. It guards against a
     * hang (a read of a few kilobytes takes well under a millisecond); it times nothing. No
     * dictionary is given: Jazzer's comparison hooks learn the header's keywords from the
     * reader's own string comparisons, and a dictionary would log a line per regression input.
     */
    @FuzzTest(maxDuration = "2m")
    @Timeout(10)
    void readBytes(byte[] input) throws IOException {
        StateDict fromArray = readOrReject(() -> SafetensorsReader.read(input, SOURCE));
        StateDict fromStream = readOrReject(
                () -> SafetensorsReader.read(new ByteArrayInputStream(input), SOURCE));
        assertEquals(fromArray == null, fromStream == null,
                "the byte-array and stream readers must agree whether the input is valid");
        if (fromArray == null) {
            return;
        }
        byte[] canonical = SafetensorsWriter.toBytes(fromArray);
        assertArrayEquals(canonical, SafetensorsWriter.toBytes(fromStream));
        StateDict again = SafetensorsReader.read(canonical, "rewritten");
        assertArrayEquals(canonical, SafetensorsWriter.toBytes(again));
    }

    /** The file, or {@code null} if it was rejected the documented way. */
    private static StateDict readOrReject(Read read) throws IOException {
        try {
            return read.read();
        } catch (SafetensorsFormatException e) {
            String prefix = "SafetensorsReader.read(" + SOURCE + "): ";
            if (!e.getMessage().startsWith(prefix) || e.getMessage().length() == prefix.length()) {
                throw new AssertionError("the message must name the source and the fault", e);
            }
            return null;
        }
    }

    /** A read that may throw. */
    private interface Read {
        StateDict read() throws IOException;
    }

    /**
     * The seeds are what their names say: a corpus of only rejected inputs would leave the
     * round-trip checks above untested.
     */
    @Test
    void seeds_validOnesRead_invalidOnesAreRejected() throws IOException {
        Path folder = TestFiles.resource(INPUTS);
        List<Path> seeds;
        try (Stream<Path> files = Files.list(folder)) {
            seeds = files.sorted().collect(Collectors.toList());
        }
        int valid = 0;
        for (Path seed : seeds) {
            byte[] bytes = Files.readAllBytes(seed);
            String name = seed.getFileName().toString();
            if (name.startsWith("valid-")) {
                SafetensorsReader.read(bytes, name);
                valid++;
            } else if (name.startsWith("invalid-")) {
                assertThrows(SafetensorsFormatException.class,
                        () -> SafetensorsReader.read(bytes, name), name);
            }
        }
        assertTrue(valid >= 3, "expected at least 3 valid seeds, got " + valid);
    }
}
