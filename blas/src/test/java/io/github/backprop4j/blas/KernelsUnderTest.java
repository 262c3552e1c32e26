package io.github.backprop4j.blas;

import io.github.backprop4j.core.EjmlKernels;
import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.core.MatrixKernelsProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs a test once per kernel implementation: EJML, then every provider on the test class path
 * that starts here (OpenBLAS with this module). It is shipped in this module's test-jar for other
 * modules' tests:
 * <pre>{@code
 * @ParameterizedTest
 * @MethodSource("io.github.backprop4j.blas.KernelsUnderTest#all")
 * void backward_randomBatch_matchesNumericalGradient(MatrixKernels kernels) {
 *     KernelsUnderTest.using(kernels, () -> {
 *         // the test body, unchanged: every MatrixOps product now runs on these kernels
 *     });
 * }
 * }</pre>
 * JUnit names each run after the kernels' {@code toString()}, e.g.
 * {@code [2] OpenBlasKernels(1 thread)}. Providers that fail to start are left out silently;
 * {@code OpenBlasKernelsTest} proves that OpenBLAS starts where it should.
 */
public final class KernelsUnderTest {

    private KernelsUnderTest() {
    }

    /**
     * One instance of each kernel implementation that starts here.
     *
     * @return EJML's single-threaded kernels first, then the providers' by descending priority
     */
    public static List<MatrixKernels> all() {
        List<MatrixKernelsProvider> providers = new ArrayList<>();
        ServiceLoader.load(MatrixKernelsProvider.class).forEach(providers::add);
        providers.sort((p, q) -> Integer.compare(q.priority(), p.priority()));
        List<MatrixKernels> all = new ArrayList<>();
        all.add(new EjmlKernels());
        for (MatrixKernelsProvider provider : providers) {
            try {
                all.add(provider.create());
            } catch (RuntimeException | LinkageError e) {
                // not available on this platform: nothing to test
            }
        }
        return all;
    }

    /**
     * Runs {@code body} with {@code kernels} as the process-wide kernels, then restores the
     * previous ones, also when the body throws.
     *
     * @param kernels the kernels to run on
     * @param body    the test body
     */
    public static void using(MatrixKernels kernels, Runnable body) {
        MatrixKernels previous = Kernels.use(kernels);
        try {
            body.run();
        } finally {
            Kernels.use(previous);
        }
    }
}
