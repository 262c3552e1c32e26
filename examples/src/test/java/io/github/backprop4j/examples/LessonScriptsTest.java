package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The lessons' checker fails on every kind of broken script, naming the file, the line and the
 * snippet, so that {@link LessonScriptsIT} cannot pass by checking nothing. The scripts are in
 * {@code src/test/resources/lessons-broken}; they need the JDK alone.
 */
class LessonScriptsTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Duration SHORT_LIMIT = Duration.ofSeconds(3);

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(LessonScriptsTest.class.getResource("/lessons-broken/" + name).toURI());
    }

    /** Each script runs once (a JShell takes about two seconds to start); tests share runs. */
    private static final Map<String, LessonScripts.Run> RUNS = new ConcurrentHashMap<>();

    private static LessonScripts.Run run(String name) throws IOException, URISyntaxException {
        LessonScripts.Run run = RUNS.get(name);
        if (run == null) {
            run = new LessonScripts("", LIMIT).run(fixture(name));
            RUNS.put(name, run);
        }
        return run;
    }

    @Test
    void run_snippetThatDoesNotCompile_failsThereWithTheCompilerMessage() throws Exception {
        LessonScripts.Run run = run("does-not-compile.jsh");

        assertEquals(Optional.of("does-not-compile.jsh, line 5, `int count = \"three\";`: does not"
                + " compile: incompatible types: java.lang.String cannot be converted to int"),
                run.failure());
        assertEquals("three is 3\n", run.output());   // the snippets before it ran; none after
        assertEquals(3, run.snippets());
    }

    @Test
    void run_snippetThatThrows_failsWithTheExceptionAndItsMessage() throws Exception {
        LessonScripts.Run run = run("throws.jsh");

        assertEquals(Optional.of("throws.jsh, line 3, `pair[2] = 1;`: throws"
                + " java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2"),
                run.failure());
        assertEquals("", run.output());
        assertEquals(2, run.snippets());
    }

    @Test
    void run_methodThatThrowsWhenCalled_failsAtTheCallNamingTheLineThatThrew() throws Exception {
        LessonScripts.Run run = run("throws-in-method.jsh");

        assertEquals(Optional.of("throws-in-method.jsh, line 7, `int last = lastOf(pair);`: throws"
                + " java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2"
                + " (thrown at line 4)"), run.failure());
        assertEquals(3, run.snippets());
    }

    @Test
    void run_methodUsingAnUndeclaredVariable_failsNamingTheVariable() throws Exception {
        // The jshell command creates such a method and merely warns that it cannot be invoked.
        LessonScripts.Run run = run("unresolved.jsh");

        assertEquals(Optional.of("unresolved.jsh, line 2, `double twice(double x) { …`: refers"
                + " to what nothing declares: variable factor"), run.failure());
    }

    @Test
    void run_classWithAFieldOfAnUndeclaredType_failsNamingTheType() throws Exception {
        LessonScripts.Run run = run("unresolved-type.jsh");

        assertEquals(Optional.of("unresolved-type.jsh, line 2, `class Scaler { …`: refers to what"
                + " nothing declares: class Weights"), run.failure());
    }

    @Test
    void run_jshellCommand_failsSayingLessonsEndWithoutExit() throws Exception {
        LessonScripts.Run run = run("ends-with-exit.jsh");

        assertEquals(Optional.of("ends-with-exit.jsh, line 2, `/exit`: is a jshell command, which"
                + " the jshell API does not run; a lesson ends without /exit"), run.failure());
        assertEquals("one\n", run.output());
        assertEquals(2, run.snippets());
    }

    @Test
    void run_fileEndingInsideASnippet_failsAtTheUnfinishedSnippet() throws Exception {
        LessonScripts.Run run = run("unfinished.jsh");

        assertEquals(Optional.of("unfinished.jsh, line 2, `for (int i = 0; i < 3; i++) { …`: is"
                + " unfinished at the end of the file"), run.failure());
        assertEquals(2, run.snippets());
    }

    @Test
    void run_statementContinuedOnTheNextLine_failsThereAsTheJshellCommandDoes() throws Exception {
        LessonScripts.Run run = run("operator-on-next-line.jsh");

        // `+ 2.0;` is an expression of its own: total stays 1.0, as the jshell command prints.
        assertEquals("1.0\n", run.output());
        assertEquals(Optional.of("operator-on-next-line.jsh, line 7, `/ 2.0;`: does not compile:"
                + " illegal start of expression"), run.failure());
        assertEquals(5, run.snippets());
    }

    @Test
    void run_severalSnippetsOnALine_runsEachAndCountsItsLine() throws Exception {
        LessonScripts.Run run = run("two-on-a-line.jsh");

        assertEquals(Optional.of("two-on-a-line.jsh, line 3, `int c = a / 0;`: throws"
                + " java.lang.ArithmeticException: / by zero"), run.failure());
        assertEquals("3\n", run.output());
        assertEquals(4, run.snippets());
    }

    @Test
    void run_scriptThatNeverEnds_isStoppedAtTheTimeLimit() throws Exception {
        LessonScripts.Run run = new LessonScripts("", SHORT_LIMIT).run(fixture("runs-forever.jsh"));

        assertEquals(Optional.of("runs-forever.jsh, line 2, `while (true) { …`: was stopped: the"
                + " script ran longer than 3 s"), run.failure());
        assertEquals("started\n", run.output());
    }

    @Test
    void problem_scriptThatRunsButPrintsSomethingElse_showsWhatItPrinted() throws Exception {
        LessonScripts.Run run = run("prints-other.jsh");

        assertEquals(Optional.empty(), run.failure());
        assertEquals(Optional.of("prints-other.jsh ran, but did not print `the answer is 42`; it"
                + " printed:\nthe answer is 54\n"), LessonScripts.problem(run, "the answer is 42"));
    }

    @Test
    void problem_promiseTheScriptDoesNotMake_isReported() throws Exception {
        LessonScripts.Run run = run("prints-other.jsh");

        assertEquals(Optional.of("prints-other.jsh never tells the learner that it prints"
                + " `the answer is 54`"), LessonScripts.problem(run, "the answer is 54"));
    }

    @Test
    void problem_failedRun_isTheRunsFailure() throws Exception {
        LessonScripts.Run run = run("throws.jsh");

        assertEquals(run.failure(), LessonScripts.problem(run, "never printed"));
    }

    @Test
    void run_scriptWithoutProblems_printsAndPassesItsPromise() throws Exception {
        LessonScripts.Run run = run("prints-other.jsh");

        assertEquals("the answer is 54\n", run.output());
        assertEquals(1, run.snippets());
        assertEquals(Optional.empty(), LessonScripts.problem(run, "the answer is"));
    }
}
