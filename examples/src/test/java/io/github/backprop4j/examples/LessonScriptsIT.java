package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JShell lesson in {@code lessons/} runs, snippet by snippet, against the examples'
 * runnable jar, the class path the README gives a learner
 * ({@code jshell --class-path examples/target/backprop4j-examples.jar lessons/01-line.jsh});
 * no snippet may fail to compile, throw or leave an unresolved declaration, and each lesson
 * prints the value it tells the learner to expect. Run by failsafe after {@code package},
 * which builds that jar; the paths come from the build as system properties.
 *
 * <p>The jar, not this module's test class path: the jar is what the learner has, one shaded
 * file in which every module's classes and the merged {@code META-INF/services} files (which
 * find the OpenBLAS kernels) must be present; the test class path holds each module's own
 * directory or jar instead, and JUnit and a silent logging configuration besides.
 */
class LessonScriptsIT {

    /** Each lesson and the one value it promises, as it prints it. */
    private static final Map<String, String> PROMISES = new TreeMap<>(Map.of(
            "01-line.jsh", "weight 3.0000  bias 2.0000",
            "02-sine.jsh", "training MSE 1.058e-05",
            "03-gradient-check.jsh", "backward 0.994128",
            "04-softmax-cross-entropy.jsh", "cross-entropy by hand 0.895880",
            "05-xor.jsh", "MLP accuracy 1.00",
            "06-spiral.jsh", "loss at initialisation 1.1005",
            "07-optimizers.jsh", "training MSE 2.837e-05",
            "08-one-step.jsh", "loss 0.40625"));

    /** Far above the slowest lesson's few seconds, for a loaded machine. */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private static Path lessons() {
        return Path.of(System.getProperty("backprop4j.lessons"));
    }

    private static String classPath() {
        return System.getProperty("backprop4j.lessons.classpath");
    }

    static Stream<Arguments> lessonsAndPromises() {
        return PROMISES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} prints {1}")
    @MethodSource("lessonsAndPromises")
    void lesson_runsWithoutFailureAndKeepsItsPromise(String lesson, String promise)
            throws IOException {
        LessonScripts.Run run = new LessonScripts(classPath(), LIMIT).run(lessons().resolve(lesson));

        assertEquals(Optional.empty(), LessonScripts.problem(run, promise));
    }

    @Test
    void everyLessonHasAPromiseAndEveryPromiseALesson() throws IOException {
        try (Stream<Path> files = Files.list(lessons())) {
            String found = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsh")).sorted()
                    .collect(Collectors.joining(", "));
            assertEquals(String.join(", ", PROMISES.keySet()), found);
        }
    }

    @Test
    void classPath_isTheRunnableJarThatTheReadmeNames() {
        assertEquals("backprop4j-examples.jar", Path.of(classPath()).getFileName().toString());
        assertTrue(Files.isRegularFile(Path.of(classPath())), classPath());
    }
}
