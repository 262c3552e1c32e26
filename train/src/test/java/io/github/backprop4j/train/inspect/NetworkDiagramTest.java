package io.github.backprop4j.train.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * A program that closes its output and keeps running, so that waiting for it is what an
     * interrupt cuts short; it writes its process id to {@code pidFile} first.
     */
    private Path stillRunning(Path pidFile) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh here");
        Path script = folder.resolve("still-running");
        Files.writeString(script, "#!/bin/sh\necho $$ > '" + pidFile + "'\n"
                + "exec >/dev/null 2>&1\nexec sleep 10\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void available_interruptedWhileWaiting_isFalseAndKeepsTheInterrupt() throws IOException {
        Path pidFile = folder.resolve("pid");
        NetworkDiagram diagram = new NetworkDiagram(stillRunning(pidFile).toString());
        Thread.currentThread().interrupt();
        boolean available = diagram.available();
        boolean interrupted = Thread.interrupted();
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .ifPresent(ProcessHandle::destroy);
        assertFalse(available);
        assertTrue(interrupted, "the interrupt must stay set for the caller");
    }

    @Test
    void writePng_interruptedWhileDrawing_stopsTheProgramAndKeepsTheInterrupt() throws Exception {
        Path pidFile = folder.resolve("pid");
        String program = stillRunning(pidFile).toString();
        Path png = folder.resolve("tiny.png");
        Thread.currentThread().interrupt();
        IOException e = assertThrows(IOException.class,
                () -> new NetworkDiagram(program).writePng("digraph {}", png));
        boolean interrupted = Thread.interrupted();
        assertEquals("cannot draw the network: interrupted while '" + program + "' ran",
                e.getMessage());
        assertTrue(interrupted, "the interrupt must stay set for the caller");
        assertFalse(Files.exists(png));
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle != null) {                // stopped, it is gone within moments, not 10 s
            try {
                handle.onExit().get(3, TimeUnit.SECONDS);
            } catch (TimeoutException stillThere) {
                handle.destroy();
                throw new AssertionError("the program still runs after the interrupt");
            }
        }
    }
}
