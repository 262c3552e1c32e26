package io.github.backprop4j.train.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkDiagramTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
        '\n'};

    @TempDir
    Path folder;

    @Test
    void writePng_dotInstalled_writesAPicture() throws IOException {
        NetworkDiagram diagram = new NetworkDiagram();
        assumeTrue(diagram.available(), "Graphviz's dot is not installed: rendering skipped");
        Path png = folder.resolve("tiny.png");
        diagram.writePng(StepTraceTest.tinyNetwork(), 2, png);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
    }

    @Test
    void writePng_programMissing_saysHowToInstallItAndWritesNothing() {
        NetworkDiagram diagram = new NetworkDiagram("no-such-graphviz-dot");
        assertFalse(diagram.available());
        Path png = folder.resolve("tiny.png");
        IOException e = assertThrows(IOException.class,
                () -> diagram.writePng(StepTraceTest.tinyNetwork(), 2, png));
        assertEquals("cannot draw the network: the Graphviz program 'no-such-graphviz-dot' is"
                + " not installed or not on the PATH (install Graphviz, for example apt-get"
                + " install graphviz, or render the DOT text of Sequential.toDot elsewhere)",
                e.getMessage());
        assertFalse(Files.exists(png));
    }

    @Test
    void writePng_badDotText_reportsTheProgramsError() throws IOException {
        NetworkDiagram diagram = new NetworkDiagram();
        assumeTrue(diagram.available(), "Graphviz's dot is not installed: rendering skipped");
        Path png = folder.resolve("bad.png");
        IOException e = assertThrows(IOException.class,
                () -> diagram.writePng("digraph {", png));
        assertEquals(true, e.getMessage().startsWith(
                "cannot draw the network: 'dot -Tpng' exited with 1: "), e.getMessage());
        assertFalse(Files.exists(png));
    }

    @Test
    void writePng_missingFolder_namesItAndCreatesNothing() {
        Path png = folder.resolve("missing").resolve("tiny.png");
        IOException e = assertThrows(IOException.class,
                () -> new NetworkDiagram().writePng(StepTraceTest.tinyNetwork(), 2, png));
        assertEquals("cannot write the network diagram to " + png + ": the folder "
                + png.getParent() + " does not exist", e.getMessage());
        assertFalse(Files.exists(png.getParent()));
    }

    @Test
    void writePng_aFolder_saysToGiveAFileName() {
        IOException e = assertThrows(IOException.class,
                () -> new NetworkDiagram().writePng("digraph {}", folder));
        assertEquals("cannot write the network diagram to " + folder + ": it is a folder; give"
                + " a file name", e.getMessage());
    }

    @Test
    void available_programThatFails_isFalse() {
        assumeTrue(Files.isExecutable(Path.of("/bin/false")), "no /bin/false here");
        assertFalse(new NetworkDiagram("/bin/false").available());
    }
}
