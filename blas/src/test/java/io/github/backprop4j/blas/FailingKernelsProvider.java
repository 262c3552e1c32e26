package io.github.backprop4j.blas;

import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.core.MatrixKernelsProvider;

/**
 * A provider whose kernels never start, as on a platform without their native library;
 * registered in the test resources' {@code META-INF/services}. Its priority is below
 * OpenBLAS's, so the default selection never reaches it.
 */
public final class FailingKernelsProvider implements MatrixKernelsProvider {

    static final String NAME = "failing";
    static final String REASON = "no native library for this platform";

    /** Needed by {@link java.util.ServiceLoader}. */
    public FailingKernelsProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public MatrixKernels create() {
        throw new IllegalStateException(REASON);
    }
}
