package io.github.backprop4j.blas;

import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.core.MatrixKernelsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@link OpenBlasKernels} available to {@link io.github.backprop4j.core.Kernels} under the
 * name {@value #NAME}; registered in {@code META-INF/services}.
 *
 * <p>Its priority is above the built-in EJML kernels, so with this module on the class path
 * OpenBLAS is used unless {@code -Dbackprop4j.kernels=ejml} says otherwise. Two system
 * properties tune the kernels it creates:
 * <ul>
 *   <li>{@value #THREADS} — the number of OpenBLAS threads for large products, default 1;</li>
 *   <li>{@value #THREAD_THRESHOLD} — the number of multiply-adds m·k·n from which a product
 *       counts as large, default {@link OpenBlasKernels#DEFAULT_THREAD_THRESHOLD}.</li>
 * </ul>
 * The environment variable {@code OPENBLAS_NUM_THREADS} does not change the kernels' thread
 * count, which they set themselves; it only sizes OpenBLAS's thread pool when it starts.
 */
public final class OpenBlasKernelsProvider implements MatrixKernelsProvider {

    /** The kernels' name, as in {@code -Dbackprop4j.kernels=openblas}. */
    public static final String NAME = "openblas";

    /** The system property with the number of threads for large products. */
    public static final String THREADS = "backprop4j.blas.threads";

    /** The system property with the size, in multiply-adds, from which a product is large. */
    public static final String THREAD_THRESHOLD = "backprop4j.blas.threadThreshold";

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlasKernelsProvider.class);

    /** A provider; nothing is loaded until {@link #create()}. */
    public OpenBlasKernelsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * {@inheritDoc}
     *
     * @return 100, above the built-in EJML kernels
     */
    @Override
    public int priority() {
        return 100;
    }

    /**
     * Loads OpenBLAS and creates kernels configured by the system properties.
     *
     * @return the kernels
     * @throws IllegalStateException    if OpenBLAS cannot be loaded on this platform
     * @throws IllegalArgumentException if a property is not a positive whole number
     */
    @Override
    public MatrixKernels create() {
        int threads = (int) positiveProperty(THREADS, 1, Integer.MAX_VALUE);
        long threshold = positiveProperty(THREAD_THRESHOLD,
                OpenBlasKernels.DEFAULT_THREAD_THRESHOLD, Long.MAX_VALUE);
        OpenBlasKernels kernels = new OpenBlasKernels(threads, threshold);
        LOG.debug("Using {} on {}", kernels, OpenBlasKernels.config());
        return kernels;
    }

    private static long positiveProperty(String key, long defaultValue, long max) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("OpenBlasKernelsProvider.create: property " + key
                + " must be a whole number from 1 to " + max + ", got '" + value + "'");
    }
}
