package io.github.backprop4j.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.MatrixKernelsProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How {@link Kernels} finds and chooses kernels with this module on the class path. */
class KernelsSelectionTest {

    @Test
    void serviceLoader_blasOnClassPath_findsOpenBlasProvider() {
        List<String> found = ServiceLoader.load(MatrixKernelsProvider.class).stream()
                .map(provider -> provider.type().getName())
                .collect(Collectors.toList());
        assertTrue(found.contains(OpenBlasKernelsProvider.class.getName()), found.toString());
    }

    @Test
    void available_listsEjmlThenProvidersByPriority() {
        assertEquals(List.of("ejml", "openblas", "failing"), Kernels.available());
    }

    @Test
    void unavailableReason_bindingBuiltOnItsPlatform_isNull() {
        assertNull(OpenBlasKernels.unavailableReason());
        assertNull(OpenBlasKernels.unavailableReason("linux-x86_64", true));
    }

    @Test
    void unavailableReason_otherPlatform_namesBothPlatforms() {
        String reason = "backprop4j-blas ships OpenBLAS for linux-x86_64 only, and this platform"
                + " is macosx-arm64";
        assertEquals(reason, OpenBlasKernels.unavailableReason("macosx-arm64", true));
        assertEquals(reason, OpenBlasKernels.unavailableReason("macosx-arm64", false));
    }

    @Test
    void unavailableReason_bindingMissing_saysToInstallGppAndRebuild() {
        assertEquals("backprop4j-blas was built without its binding to OpenBLAS"
                        + " (io/github/backprop4j/blas/linux-x86_64/libjnibackprop4jblas.so is"
                        + " missing), because g++ was not found when it was built; install g++"
                        + " (apt-get install g++) and rebuild",
                OpenBlasKernels.unavailableReason("linux-x86_64", false));
    }

    @Test
    void select_noName_choosesOpenBlas() {
        assertInstanceOf(OpenBlasKernels.class, Kernels.select(null));
        assertInstanceOf(OpenBlasKernels.class, Kernels.select(" "));
    }

    @Test
    void select_eachName_choosesThoseKernels() {
        assertInstanceOf(EjmlKernels.class, Kernels.select("ejml"));
        assertInstanceOf(OpenBlasKernels.class, Kernels.select("openblas"));
        assertInstanceOf(OpenBlasKernels.class, Kernels.select(" OpenBLAS "));
    }

    @Test
    void select_providerThatCannotStart_fallsBackToEjmlWithOneWarning() {
        Logger logger = (Logger) LoggerFactory.getLogger(Kernels.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertInstanceOf(EjmlKernels.class, Kernels.select(FailingKernelsProvider.NAME));
        } finally {
            logger.detachAppender(log);
        }
        List<ILoggingEvent> warnings = log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), log.list.toString());
        assertEquals("Matrix products run on EJML, not failing: " + FailingKernelsProvider.REASON,
                warnings.get(0).getFormattedMessage());
    }

    @Test
    void select_unknownName_throwsListingTheAvailableNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.select("mkl"));
        assertEquals("Unknown matrix kernels 'mkl': expected one of [ejml, openblas, failing]",
                e.getMessage());
    }

    @Test
    void provider_badThreadsProperty_throwsNamingTheProperty() {
        String previous = System.getProperty(OpenBlasKernelsProvider.THREADS);
        System.setProperty(OpenBlasKernelsProvider.THREADS, "two");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new OpenBlasKernelsProvider().create());
            assertEquals("OpenBlasKernelsProvider.create: property backprop4j.blas.threads must be"
                    + " a whole number from 1 to 2147483647, got 'two'", e.getMessage());
        } finally {
            restore(OpenBlasKernelsProvider.THREADS, previous);
        }
    }

    @Test
    void provider_threadProperties_configureTheKernels() {
        String previousThreads = System.getProperty(OpenBlasKernelsProvider.THREADS);
        String previousThreshold = System.getProperty(OpenBlasKernelsProvider.THREAD_THRESHOLD);
        System.setProperty(OpenBlasKernelsProvider.THREADS, "2");
        System.setProperty(OpenBlasKernelsProvider.THREAD_THRESHOLD, "123456");
        try {
            OpenBlasKernels kernels = (OpenBlasKernels) new OpenBlasKernelsProvider().create();
            assertEquals(2, kernels.threads());
            assertEquals(123_456, kernels.threadThreshold());
        } finally {
            restore(OpenBlasKernelsProvider.THREADS, previousThreads);
            restore(OpenBlasKernelsProvider.THREAD_THRESHOLD, previousThreshold);
        }
    }

    /** One thread, and the largest threshold a long holds, are the edges of what is accepted. */
    @Test
    void provider_threadPropertiesAtTheirEdges_areAccepted() {
        String previousThreads = System.getProperty(OpenBlasKernelsProvider.THREADS);
        String previousThreshold = System.getProperty(OpenBlasKernelsProvider.THREAD_THRESHOLD);
        System.setProperty(OpenBlasKernelsProvider.THREADS, "1");
        System.setProperty(OpenBlasKernelsProvider.THREAD_THRESHOLD, Long.toString(Long.MAX_VALUE));
        try {
            OpenBlasKernels kernels = (OpenBlasKernels) new OpenBlasKernelsProvider().create();
            assertEquals(1, kernels.threads());
            assertEquals(Long.MAX_VALUE, kernels.threadThreshold());
        } finally {
            restore(OpenBlasKernelsProvider.THREADS, previousThreads);
            restore(OpenBlasKernelsProvider.THREAD_THRESHOLD, previousThreshold);
        }
    }

    @Test
    void provider_priority_isAboveEjml() {
        assertEquals(100, new OpenBlasKernelsProvider().priority());
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
