package io.github.backprop4j.core;

/**
 * A source of {@link MatrixKernels} that {@link Kernels} finds through
 * {@link java.util.ServiceLoader}.
 *
 * <p>A module that brings other kernels, such as {@code backprop4j-blas} with OpenBLAS, implements
 * this interface and names the implementing class in the resource file
 * {@code META-INF/services/io.github.backprop4j.core.MatrixKernelsProvider}. Putting that module
 * on the class path is then enough to use its kernels; core never refers to it.
 *
 * <p>An implementation needs a public no-argument constructor, and that constructor must be
 * cheap: the expensive part, such as loading a native library, belongs in {@link #create()}.
 */
public interface MatrixKernelsProvider {

    /**
     * The name that selects these kernels in the system property {@value Kernels#PROPERTY}, the
     * same as the created kernels' {@link MatrixKernels#name()}.
     *
     * @return a short lower-case name such as {@code "openblas"}; never {@code "ejml"}, which is
     *         built in
     */
    String name();

    /**
     * How strongly these kernels should be preferred when the property is not set: the provider
     * with the highest priority whose {@link #create()} succeeds is used. The built-in EJML
     * kernels are the last resort.
     *
     * @return a priority; higher wins
     */
    int priority();

    /**
     * Creates the kernels, loading whatever they need.
     *
     * @return ready-to-use kernels
     * @throws IllegalStateException if the kernels cannot run here, for example because their
     *                               native library does not exist for this platform
     */
    MatrixKernels create();
}
