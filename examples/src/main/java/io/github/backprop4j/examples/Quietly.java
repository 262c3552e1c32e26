package io.github.backprop4j.examples;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Runs a piece of work with the examples' progress lines off: warnings and errors still show.
 * The launcher uses it for the short runs that probe a smaller learning rate after a run
 * diverged, whose epoch lines would only bury the answer.
 */
final class Quietly {

    private static final String EXAMPLES = "io.github.backprop4j.examples";

    private Quietly() {
    }

    /**
     * Runs {@code work} with the examples' loggers at WARN, then restores their level.
     * Where logging is not Logback, runs it as it is.
     *
     * @param work the work
     * @param <T>  its result's type
     * @return its result
     */
    static <T> T run(Supplier<T> work) {
        if (!(LoggerFactory.getLogger(EXAMPLES) instanceof Logger logger)) {
            return work.get();
        }
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN);
        try {
            return work.get();
        } finally {
            logger.setLevel(before);
        }
    }
}
