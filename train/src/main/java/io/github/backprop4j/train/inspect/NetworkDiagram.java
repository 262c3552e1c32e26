package io.github.backprop4j.train.inspect;

import io.github.backprop4j.io.AtomicFiles;
import io.github.backprop4j.layers.Sequential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A network drawn as a picture: {@link Sequential#toDot(int)}'s text rendered to PNG by
 * Graphviz's {@code dot} program, which must be installed (on Debian and Ubuntu:
 * {@code apt-get install graphviz}); without it, {@link #writePng} says so and the DOT text can
 * still be rendered elsewhere, pasted into any Graphviz viewer.
 *
 * <pre>{@code
 * new NetworkDiagram().writePng(model, 1, Path.of("model.png"));   // input width 1
 * }</pre>
 * The PNG is written atomically: the file is either the whole picture or left as it was.
 */
public final class NetworkDiagram {

    private final String program;

    /** A diagram renderer that runs {@code dot} from the PATH. */
    public NetworkDiagram() {
        this("dot");
    }

    /**
     * A diagram renderer that runs the given Graphviz program.
     *
     * @param program the {@code dot} command, a name on the PATH or a path
     */
    public NetworkDiagram(String program) {
        this.program = Objects.requireNonNull(program, "NetworkDiagram: program must not be null");
    }

    /**
     * Whether the program runs: {@code dot -V} exits with 0.
     *
     * @return true if PNGs can be rendered here
     */
    public boolean available() {
        try {
            Process p = new ProcessBuilder(program, "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Draws {@code model} for an input of {@code inputWidth} columns into a PNG file.
     *
     * @param model      the network
     * @param inputWidth the number of input columns
     * @param png        the file to write; its folder must exist
     * @throws IOException if the program is not installed or fails (the message says which, and
     *                     how to install it), or the file cannot be written; the file is then
     *                     unchanged
     */
    public void writePng(Sequential model, int inputWidth, Path png) throws IOException {
        writePng(model.toDot(inputWidth), png);
    }

    /**
     * Renders DOT text into a PNG file.
     *
     * @param dot the graph in the DOT language
     * @param png the file to write; its folder must exist (it is not created)
     * @throws IOException if the folder does not exist or {@code png} is a folder, the program
     *                     is not installed or fails, or the file cannot be written; the file is
     *                     then unchanged
     */
    public void writePng(String dot, Path png) throws IOException {
        Path folder = png.toAbsolutePath().getParent();
        if (Files.isDirectory(png)) {
            throw new IOException("cannot write the network diagram to " + png + ": it is a"
                    + " folder; give a file name");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("cannot write the network diagram to " + png + ": the folder "
                    + folder + " does not exist");
        }
        byte[] image = render(dot);
        AtomicFiles.write(png, out -> out.write(image));
    }

    /** Runs {@code dot -Tpng}, the text on its input, the image from its output. */
    private byte[] render(String dot) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(program, "-Tpng").start();
        } catch (IOException e) {
            throw new IOException("cannot draw the network: the Graphviz program '" + program
                    + "' is not installed or not on the PATH (install Graphviz, for example"
                    + " apt-get install graphviz, or render the DOT text of"
                    + " Sequential.toDot elsewhere)", e);
        }
        CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(
                () -> readQuietly(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        byte[] image = process.getInputStream().readAllBytes();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("cannot draw the network: interrupted while '" + program
                    + "' ran", e);
        }
        if (exit != 0) {
            throw new IOException("cannot draw the network: '" + program + " -Tpng' exited with "
                    + exit + ": " + new String(errors.join(), StandardCharsets.UTF_8).trim());
        }
        return image;
    }

    private static byte[] readQuietly(InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
