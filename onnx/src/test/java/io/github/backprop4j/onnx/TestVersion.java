package io.github.backprop4j.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The framework's version as the build knows it, from a test resource it fills in. */
final class TestVersion {

    /** For example {@code 0.1.0-SNAPSHOT}. */
    static final String EXPECTED = read();

    private TestVersion() {
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = TestVersion.class.getResourceAsStream(
                "/expected-version.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }
}
