package io.github.backprop4j.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.Kernels;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The module built without g++, so without its binding to OpenBLAS: the pom runs this class, and
 * only this class, when the linux-x86_64 profile is off (no g++, another platform, or
 * {@code -P '!linux-x86_64'}). The kernels must refuse to start with a reason a user can act on,
 * and the framework must run on EJML after one warning that gives it.
 */
class NoBindingTest {

    private static final String REASON = "backprop4j-blas was built without its binding to"
            + " OpenBLAS (io/github/backprop4j/blas/linux-x86_64/libjnibackprop4jblas.so is"
            + " missing), because g++ was not found when it was built; install g++"
            + " (apt-get install g++) and rebuild";

    @Test
    void unavailableReason_noBinding_saysToInstallGppAndRebuild() {
        assertEquals(REASON, OpenBlasKernels.unavailableReason());
    }

    @Test
    void constructor_noBinding_throwsTheReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new OpenBlasKernels());
        assertEquals(REASON, e.getMessage());
    }

    @Test
    void select_noBinding_runsOnEjmlAfterOneWarningWithTheReason() {
        Logger logger = (Logger) LoggerFactory.getLogger(Kernels.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertInstanceOf(EjmlKernels.class, Kernels.select("openblas"));
        } finally {
            logger.detachAppender(log);
        }
        List<String> warnings = log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
        assertEquals(List.of("Matrix products run on EJML, not openblas: " + REASON), warnings);
    }
}
