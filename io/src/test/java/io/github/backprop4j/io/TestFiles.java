package io.github.backprop4j.io;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For the tests: raw safetensors bytes built by hand, independently of the writer; test
 * resources; the contents of a folder.
 */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * A file with the given header, padded with spaces as the format asks, followed by
     * {@code dataBytes} bytes of data (each byte its index, so that values are not all zero).
     */
    static byte[] file(String headerJson, int dataBytes) {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        int padded = json.length + (8 - (8 + json.length) % 8) % 8;
        byte[] header = new byte[padded];
        System.arraycopy(json, 0, header, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            header[i] = ' ';
        }
        return raw(header.length, header, dataBytes);
    }

    /** A file whose length field says {@code n}, followed by {@code header} and data bytes. */
    static byte[] raw(long n, byte[] header, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + dataBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(n).put(header);
        for (int i = 0; i < dataBytes; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    /** A resource of the test classpath as a path, e.g. {@code "/torch/torch-mlp-f64.safetensors"}. */
    static Path resource(String name) {
        URL url = TestFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the files in a folder, sorted: what a save left behind. */
    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
    }
}
