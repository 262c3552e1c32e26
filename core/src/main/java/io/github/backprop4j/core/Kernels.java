package io.github.backprop4j.core;

import java.util.Objects;

/**
 * Which {@link MatrixKernels} the framework's matrix products run on.
 *
 * <p>The default is {@link EjmlKernels#EjmlKernels() EjmlKernels}: single-threaded below its
 * measured size threshold, which the system property {@value EjmlKernels#THREAD_THRESHOLD_PROPERTY}
 * overrides (read once, when this class is first used). {@link #use(MatrixKernels)} replaces it
 * for the whole process, for example with kernels that use threads for large products:
 * <pre>{@code
 * Kernels.use(new EjmlKernels(1_000_000));
 * }</pre>
 * The choice is read on every product, so set it before training starts, not during a step.
 */
public final class Kernels {

    private static volatile MatrixKernels current = new EjmlKernels();

    private Kernels() {
    }

    /**
     * The kernels in use.
     *
     * @return the current kernels, never {@code null}
     */
    public static MatrixKernels current() {
        return current;
    }

    /**
     * Makes every later matrix product use {@code kernels}.
     *
     * @param kernels the kernels to use
     * @return the kernels used until now, so that a caller can restore them
     */
    public static MatrixKernels use(MatrixKernels kernels) {
        Objects.requireNonNull(kernels, "Kernels.use: kernels must not be null");
        MatrixKernels previous = current;
        current = kernels;
        return previous;
    }
}
