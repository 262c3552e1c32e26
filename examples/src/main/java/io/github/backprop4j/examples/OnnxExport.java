package io.github.backprop4j.examples;

import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.onnx.OnnxWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --export-onnx FILE}: the trained model written as a float32 ONNX file, which ONNX
 * Runtime serves (from Java in a few lines, see the README) and a graph viewer such as Netron
 * draws. The file holds the network alone: a lesson that standardises its inputs expects them
 * standardised there too, as {@code predict} does them.
 */
final class OnnxExport {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxExport.class);

    private OnnxExport() {
    }

    /**
     * Writes {@code model} to {@code file} atomically, creating the folder if needed; does
     * nothing when {@code file} is {@code null}.
     *
     * @param example the lesson, for the log line and the message
     * @param model   the trained model
     * @param file    where to write, or {@code null} not to export
     * @throws UncheckedIOException if the file cannot be written (an old file is then intact)
     */
    static void write(String example, Sequential model, Path file) {
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            OnnxWriter.write(model, file);
        } catch (FileAlreadyExistsException e) {           // a file where a folder should be
            throw new UncheckedIOException(example + ": cannot export the model to " + file
                    + ": " + e.getFile() + " is a file, not a folder", e);
        } catch (IOException e) {
            throw new UncheckedIOException(example + ": cannot export the model to " + file
                    + ": " + e.getMessage(), e);
        }
        LOG.info("{}: ONNX model written to {} (float32)", example, file);
    }
}
