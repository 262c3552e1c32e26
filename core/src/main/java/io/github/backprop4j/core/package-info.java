/**
 * The foundation: a dense {@link io.github.backprop4j.core.Matrix} over EJML, the operations the
 * layers and optimizers need, trainable {@link io.github.backprop4j.core.Parameter}s and weight
 * initialisers.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.core.Matrix}: shapes, factories and the allocating spelling
 *       of every operation;</li>
 *   <li>{@link io.github.backprop4j.core.MatrixOps}: the same operations writing into output
 *       buffers, the spelling the training path uses;</li>
 *   <li>{@link io.github.backprop4j.core.Shapes}: how every operation reports a wrong shape;</li>
 *   <li>{@link io.github.backprop4j.core.Parameter},
 *       {@link io.github.backprop4j.core.Initializers} and the rules a layer is built with,
 *       {@link io.github.backprop4j.core.Init} (gains from
 *       {@link io.github.backprop4j.core.Nonlinearity});</li>
 *   <li>{@link io.github.backprop4j.core.MatrixKernels} and
 *       {@link io.github.backprop4j.core.Kernels}: the seam behind which the matrix products
 *       run, and {@link io.github.backprop4j.core.MatrixKernelsProvider}, through which other
 *       modules (OpenBLAS in {@code backprop4j-blas}) plug into it.</li>
 * </ol>
 *
 * <h2>Conventions</h2>
 * A batch is a matrix with one sample per row, (m×n) for m samples of n features. Everything is
 * {@code double}. Shapes are written {@code 8x3} in messages. Randomness comes only from a
 * {@link java.util.random.RandomGenerator} that the caller passes in.
 */
package io.github.backprop4j.core;
