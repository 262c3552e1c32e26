package io.github.backprop4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Runs a JShell script ({@code lessons/*.jsh}) snippet by snippet through the {@code jdk.jshell}
 * API, as {@code jshell --class-path CLASSPATH script.jsh} runs it for a learner, and reports
 * the first snippet that went wrong, which the {@code jshell} command itself does not (it exits
 * with status 0 whatever happened).
 *
 * <p>A snippet goes wrong when it does not compile (status {@code REJECTED}), when it throws,
 * when it declares something that refers to a name nothing declares (status
 * {@code RECOVERABLE_DEFINED} or {@code RECOVERABLE_NOT_DEFINED}: the {@code jshell} command
 * only says "cannot be invoked until … is declared"), when it is a {@code jshell} command such
 * as {@code /exit} (this API runs Java only), when the file ends inside an unfinished snippet,
 * or when it runs longer than the time limit.
 *
 * <p>The script is read as the {@code jshell} command reads a file: line by line into a
 * buffer, evaluated as soon as {@code SourceCodeAnalysis.analyzeCompletion} finds a complete
 * snippet in it. So a line that completes a statement ends it, even where the next line goes
 * on with an operator; that line then is a snippet of its own, for a learner as here.
 *
 * <p>The snippets run in a separate JVM, launched with the given class path as the
 * {@code jshell} command launches its own (the default, JDI-launched execution engine), after
 * the same imports as {@code jshell}'s default startup. That engine rather than the local one
 * (the test's own JVM): the lesson sees the learner's class path and nothing of the test's,
 * what it prints to {@code System.out} and {@code System.err} arrives at this JShell's streams,
 * where it is kept in the {@link Run} and never reaches the console, and a lesson that exits
 * or crashes takes only its own JVM down.
 */
final class LessonScripts {

    /**
     * The imports of the {@code jshell} command's default startup ({@code DEFAULT} in JDK 17),
     * so that a lesson that compiles here compiles for a learner and no name is ambiguous there
     * that is not ambiguous here.
     */
    static final List<String> DEFAULT_STARTUP = List.of(
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;");

    private final String classPath;
    private final Duration timeLimit;

    /**
     * @param classPath the class path of the JVM that runs the snippets and of their compiler,
     *                  as given to {@code jshell --class-path}; empty for the JDK alone
     * @param timeLimit how long one script may run in all
     */
    LessonScripts(String classPath, Duration timeLimit) {
        this.classPath = classPath;
        this.timeLimit = timeLimit;
    }

    /**
     * What running one script gave.
     *
     * @param script   the script's file
     * @param output   everything it printed, standard output then standard error of each write
     *                 in the order written
     * @param failure  the first snippet that went wrong, if any; the script stopped there
     * @param snippets how many snippets ran, the failing one included
     */
    record Run(Path script, String output, Optional<String> failure, int snippets) {
    }

    /**
     * Runs every snippet of {@code script} in a fresh JShell until the end or the first one
     * that goes wrong.
     *
     * @param script a JShell script, UTF-8
     * @return the output and the first failure
     * @throws IOException if the script cannot be read
     */
    Run run(Path script) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        // The learner's terminal decides their encoding; here the bytes are read as UTF-8.
        List<String> vmOptions = new ArrayList<>(List.of("-Dfile.encoding=UTF-8"));
        List<String> compilerOptions = new ArrayList<>();
        if (!classPath.isEmpty()) {
            vmOptions.addAll(List.of("--class-path", classPath));
            compilerOptions.addAll(List.of("--class-path", classPath));
        }
        JShell.Builder builder = JShell.builder()
                .in(InputStream.nullInputStream())
                .out(out)
                .err(out)
                .remoteVMOptions(vmOptions.toArray(String[]::new))
                .compilerOptions(compilerOptions.toArray(String[]::new));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jshell-watchdog");
            t.setDaemon(true);
            return t;
        });
        String failure = null;
        int snippets = 0;
        try (JShell shell = builder.build()) {
            for (String startup : DEFAULT_STARTUP) {
                String problem = check(shell, shell.eval(startup), Path.of("DEFAULT startup"), 1,
                        startup, new HashMap<>());
                if (problem != null) {
                    throw new IllegalStateException(problem);
                }
            }
            watchdog.schedule(() -> {
                timedOut.set(true);
                shell.stop();
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            Map<String, Integer> firstLines = new HashMap<>();   // snippet id -> its first line
            // As the jshell command reads a file: line by line into a buffer, which is
            // evaluated as soon as it holds a complete snippet. So a line that completes a
            // statement ends it, even if the next line starts with an operator: that line is
            // then a snippet of its own, and does not compile, for a learner as here.
            List<String> lines = text.lines().collect(Collectors.toList());
            String buffer = "";
            int bufferLine = 0;                       // the line where the buffer starts
            for (int i = 0; i < lines.size() && failure == null; i++) {
                if (buffer.isEmpty()) {
                    bufferLine = i + 1;
                    buffer = lines.get(i);
                    // A command starts in the first column, as the jshell command sees one.
                    if (buffer.startsWith("/") && !buffer.startsWith("//")
                            && !buffer.startsWith("/*")) {
                        snippets++;
                        failure = where(script, bufferLine, buffer)
                                + "is a jshell command, which the jshell API does not run;"
                                + " a lesson ends without /exit";
                        break;
                    }
                } else {
                    buffer = buffer + "\n" + lines.get(i);
                }
                while (failure == null) {
                    SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(buffer);
                    if (info.completeness() == Completeness.EMPTY) {
                        buffer = "";
                        break;
                    }
                    if (!info.completeness().isComplete()) {
                        break;                        // read the next line into the buffer
                    }
                    int start = skipBlank(buffer);
                    int end = buffer.length() - info.remaining().length();
                    int line = bufferLine + lineOf(buffer, start) - 1;
                    String shown = buffer.substring(start, Math.max(start, end)); // no comments
                    snippets++;
                    failure = timedOut.get() ? timeout(script, line, shown)
                            : check(shell, shell.eval(info.source()), script, line, shown,
                                    firstLines);
                    if (failure == null && timedOut.get()) {
                        failure = timeout(script, line, shown);
                    }
                    bufferLine += lineOf(buffer, end) - 1;
                    buffer = info.remaining();
                    if (buffer.isBlank()) {
                        buffer = "";
                        break;
                    }
                }
            }
            if (failure == null && !buffer.isBlank()) {
                snippets++;
                int start = skipBlank(buffer);
                failure = where(script, bufferLine + lineOf(buffer, start) - 1,
                        buffer.substring(start)) + "is unfinished at the end of the file";
            }
        } finally {
            watchdog.shutdownNow();
        }
        return new Run(script, captured.toString(StandardCharsets.UTF_8),
                Optional.ofNullable(failure), snippets);
    }

    /**
     * What is wrong with a run of a lesson that promises to print {@code promise}: the first
     * snippet that went wrong; or the promise missing from the lesson's own text (where it
     * tells the learner what they should see); or missing from what the lesson printed.
     *
     * @param run     a run of the lesson
     * @param promise the text the lesson says it prints, such as {@code weight 3.0000}
     * @return the problem, or empty if the lesson ran and kept its promise
     * @throws IOException if the lesson cannot be read
     */
    static Optional<String> problem(Run run, String promise) throws IOException {
        if (run.failure().isPresent()) {
            return run.failure();
        }
        String name = run.script().getFileName().toString();
        if (!Files.readString(run.script(), StandardCharsets.UTF_8).contains(promise)) {
            return Optional.of(name + " never tells the learner that it prints `" + promise
                    + "`");
        }
        if (!run.output().contains(promise)) {
            return Optional.of(name + " ran, but did not print `" + promise + "`; it printed:\n"
                    + run.output());
        }
        return Optional.empty();
    }

    /** The first problem among the events of one snippet's evaluation, or null if none. */
    private String check(JShell shell, List<SnippetEvent> events, Path script, int line,
            String source, Map<String, Integer> firstLines) {
        if (events.isEmpty()) {
            return where(script, line, source) + "was not evaluated (JShell returned no event)";
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                firstLines.put(event.snippet().id(), line);
            }
        }
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            switch (event.status()) {
                case REJECTED:
                    return where(script, line, source) + "does not compile: "
                            + shell.diagnostics(snippet).filter(Diag::isError)
                                    .map(d -> d.getMessage(Locale.ROOT)
                                            // JShell's wrapper class has no name to show
                                            .replaceAll("\\R\\s*location: class\\s*$", ""))
                                    .collect(Collectors.joining("; "));
                case RECOVERABLE_DEFINED:
                case RECOVERABLE_NOT_DEFINED:
                    return where(script, line, source) + "refers to what nothing declares: "
                            + String.join(", ", unresolved(shell, snippet));
                default:
                    break;
            }
            JShellException exception = event.exception();
            if (exception != null) {
                return where(script, line, source) + "throws " + describe(exception)
                        + thrownAt(exception, line, firstLines);
            }
        }
        return null;
    }

    private static List<String> unresolved(JShell shell, Snippet snippet) {
        if (snippet instanceof DeclarationSnippet) {
            List<String> names = shell.unresolvedDependencies((DeclarationSnippet) snippet)
                    .collect(Collectors.toList());
            if (!names.isEmpty()) {
                return names;
            }
        }
        List<String> errors = new ArrayList<>();
        shell.diagnostics(snippet).forEach(d -> errors.add(d.getMessage(Locale.ROOT)));
        return errors;
    }

    private static String describe(JShellException exception) {
        if (exception instanceof EvalException) {
            EvalException e = (EvalException) exception;
            return e.getExceptionClassName() + ": " + e.getMessage();
        }
        return exception.toString();
    }

    /**
     * " (thrown at line 12)" when the exception was thrown from another line of the script
     * than the snippet's own first line, such as inside a method that the snippet called; the
     * innermost frame in the script's code decides. Empty otherwise.
     */
    private static String thrownAt(JShellException exception, int line,
            Map<String, Integer> firstLines) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            String file = frame.getFileName();
            Integer first = file == null || !file.startsWith("#") ? null
                    : firstLines.get(file.substring(1));
            if (first != null && frame.getLineNumber() > 0) {
                int thrown = first + frame.getLineNumber() - 1;
                return thrown == line ? "" : " (thrown at line " + thrown + ")";
            }
        }
        return "";
    }

    private String timeout(Path script, int line, String source) {
        return where(script, line, source) + "was stopped: the script ran longer than "
                + timeLimit.toSeconds() + " s";
    }

    /** "01-line.jsh, line 12, {@code int x = "a";}: ", the snippet's first line only. */
    private static String where(Path script, int line, String source) {
        String first = source.strip().lines().findFirst().orElse("");
        boolean more = source.strip().lines().count() > 1;
        return script.getFileName() + ", line " + line + ", `" + first + (more ? " …" : "")
                + "`: ";
    }

    /** Length of the blanks and comments at the start of {@code s}. */
    static int skipBlank(String s) {
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The 1-based line of the character at {@code offset}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
