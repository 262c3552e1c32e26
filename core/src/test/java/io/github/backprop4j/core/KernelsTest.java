package io.github.backprop4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KernelsTest {

    /** Kernels that differ from EJML's only by name. */
    private static final class NamedKernels implements MatrixKernels {
        private final String name;
        private final EjmlKernels ejml = new EjmlKernels();

        NamedKernels(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            ejml.mult(a, b, c);
        }

        @Override
        public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            ejml.multTransA(a, b, c);
        }

        @Override
        public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            ejml.multTransB(a, b, c);
        }

        @Override
        public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            ejml.multAdd(a, b, c);
        }

        @Override
        public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            ejml.multAddTransA(a, b, c);
        }

        @Override
        public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            ejml.multAddTransB(a, b, c);
        }
    }

    private static MatrixKernelsProvider provider(String name, int priority) {
        return new MatrixKernelsProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public MatrixKernels create() {
                return new NamedKernels(name);
            }
        };
    }

    private final List<MatrixKernelsProvider> providers = List.of(provider("slow", 10),
            provider("fast", 50));

    @Test
    void select_noNameAndNoProviders_choosesEjml() {
        assertInstanceOf(EjmlKernels.class, Kernels.select(null, List.of()));
    }

    @Test
    void select_noName_choosesHighestPriority() {
        assertEquals("fast", Kernels.select("", providers).name());
        assertEquals("fast", Kernels.select(null, List.of(providers.get(1), providers.get(0)))
                .name());
    }

    @Test
    void select_name_choosesThatProviderOrEjml() {
        assertEquals("slow", Kernels.select("slow", providers).name());
        assertEquals("slow", Kernels.select(" SLOW ", providers).name());
        assertInstanceOf(EjmlKernels.class, Kernels.select("ejml", providers));
    }

    @Test
    void select_unknownName_throwsListingTheNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.select("gpu", providers));
        assertEquals("Unknown matrix kernels 'gpu': expected one of [ejml, fast, slow]",
                e.getMessage());
    }

    @Test
    void select_openblasWithoutTheBlasArtifact_namesTheMissingArtifact() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.select(" OpenBLAS", providers));
        assertEquals("The openblas kernels come with the artifact"
                + " io.github.backprop4j:backprop4j-blas, which is not on the class path; add it"
                + " as a dependency, or choose one of [ejml, fast, slow]", e.getMessage());
    }

    @Test
    void available_noProvidersInCore_isEjmlOnly() {
        assertEquals(List.of("ejml"), Kernels.available());
    }

    @Test
    void use_thenRestore_returnsPreviousKernels() {
        MatrixKernels original = Kernels.current();
        MatrixKernels other = new NamedKernels("other");
        assertSame(original, Kernels.use(other));
        try {
            assertSame(other, Kernels.current());
        } finally {
            assertSame(other, Kernels.use(original));
        }
        assertSame(original, Kernels.current());
    }

    @Test
    void select_ejmlFromTheClassPath_isEjml() {
        assertEquals("ejml", Kernels.select("ejml").name());
        assertInstanceOf(EjmlKernels.class, Kernels.select("ejml"));
    }

    /** A provider whose kernels fail to start: EJML, after one warning that says why. */
    private static MatrixKernelsProvider failing(RuntimeException failure) {
        return new MatrixKernelsProvider() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public int priority() {
                return 1;
            }

            @Override
            public MatrixKernels create() {
                throw failure;
            }
        };
    }

    private static List<String> warningsOfSelecting(RuntimeException failure) {
        Logger logger = (Logger) LoggerFactory.getLogger(Kernels.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            assertInstanceOf(EjmlKernels.class, Kernels.select("broken", List.of(failing(failure))));
        } finally {
            logger.detachAppender(log);
        }
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }

    @Test
    void select_providerThatFailsToStart_warnsWithItsReasonAndUsesEjml() {
        assertEquals(List.of("Matrix products run on EJML, not broken: no library here"),
                warningsOfSelecting(new IllegalStateException("no library here")));
        assertEquals(List.of("Matrix products run on EJML, not broken:"
                        + " java.lang.IllegalStateException"),
                warningsOfSelecting(new IllegalStateException()));
        assertEquals(List.of("Matrix products run on EJML, not broken:"
                        + " java.lang.UnsupportedOperationException: no"),
                warningsOfSelecting(new UnsupportedOperationException("no")));
    }
}
