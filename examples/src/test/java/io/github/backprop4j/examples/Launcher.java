package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The launcher run as a user runs it, with what it prints kept for the tests' assertions
 * (nothing reaches the console). One per test; the runs append to the same output.
 */
final class Launcher {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * Runs the launcher.
     *
     * @param args the command line
     * @return the exit status
     */
    int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(Main.withDefault(args));
    }

    /** Runs the launcher and asserts that it succeeds, showing its errors if not. */
    void succeeds(String... args) {
        assertEquals(0, run(args), this::err);
    }

    /**
     * Runs the launcher and asserts a failed run: status 1 and one error line, without a stack
     * trace, that starts with {@code prefix}.
     *
     * @return the error line
     */
    String failsWith(String prefix, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(CommandLine.ExitCode.SOFTWARE, run(args), this::err);
        String text = err().strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith(prefix), text);
        assertFalse(text.contains("Exception"), text);
        return text;
    }

    /**
     * Runs the launcher and asserts a usage error (status 2) whose message contains
     * {@code message}.
     */
    void rejectsWith(String message, String... args) {
        assertEquals(CommandLine.ExitCode.USAGE, run(args), this::err);
        assertTrue(err().contains(message), err());
    }

    /**
     * Runs the launcher and asserts its exit status and everything it printed to standard error,
     * line by line.
     */
    void printsExactly(int status, List<String> errLines, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(status, run(args), this::err);
        assertEquals(errLines, err().lines().toList());
    }

    /** What the launcher printed to standard output. */
    String out() {
        return out.toString();
    }

    /** What the launcher printed to standard error. */
    String err() {
        return err.toString();
    }
}
