package io.github.backprop4j.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A save that never finishes, run in a child JVM by {@link AtomicFilesTest} and killed there:
 * {@code java ... SlowSaver <target> <file with the new bytes>}.
 *
 * <p>It saves the new bytes to the target through {@link AtomicFiles#write}: the first half at
 * once, forced into the temporary file, then prints {@value #HALF_WRITTEN} and goes on one byte
 * a second, which would take hours.
 */
final class SlowSaver {

    /** The line that tells the test the save is under way. */
    static final String HALF_WRITTEN = "half written";

    private static final long PAUSE_MILLIS = 1000;

    private SlowSaver() {
    }

    public static void main(String[] args) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));
        int half = bytes.length / 2;
        AtomicFiles.write(Path.of(args[0]), out -> {
            out.write(Arrays.copyOf(bytes, half));
            out.flush();
            System.out.println(HALF_WRITTEN);
            System.out.flush();
            for (int i = half; i < bytes.length; i++) {
                pause();
                out.write(bytes[i]);
                out.flush();
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("SlowSaver: interrupted", e);
        }
    }
}
