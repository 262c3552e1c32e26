/**
 * Matrix products on OpenBLAS, behind core's kernel seam: with this module on the class path,
 * every {@link io.github.backprop4j.core.MatrixOps} product runs on OpenBLAS and no other line
 * of a program changes.
 *
 * <h2>Reading order</h2>
 * <ol>
 *   <li>{@link io.github.backprop4j.blas.OpenBlasKernels}: how each product of
 *       {@link io.github.backprop4j.core.MatrixKernels} maps onto one {@code cblas_dgemm} call on
 *       EJML's row-major arrays, and how threads are used;</li>
 *   <li>{@link io.github.backprop4j.blas.OpenBlasKernelsProvider}: how
 *       {@link io.github.backprop4j.core.Kernels} finds these kernels, and the system
 *       properties that tune them;</li>
 *   <li>{@code OpenBlas} (package-private): the JNI binding, and why it is this module's own
 *       rather than the one in {@code org.bytedeco:openblas}.</li>
 * </ol>
 *
 * <h2>Choosing the kernels</h2>
 * <pre>
 *   -Dbackprop4j.kernels=openblas|ejml        which kernels (default: openblas when it loads)
 *   -Dbackprop4j.blas.threads=2                threads for large products (default 1)
 *   -Dbackprop4j.blas.threadThreshold=2000000  multiply-adds m·k·n from which a product is large
 * </pre>
 * Where OpenBLAS cannot load (this module ships the linux-x86_64 binaries only), the framework
 * logs one warning and uses EJML.
 *
 * <h2>Measured speed</h2>
 * One product {@code c = a·b} of doubles on the 2-core Xeon (AVX-512, OpenBLAS picks its
 * SkylakeX kernel) this module was written on, in GFLOPS (2·m·k·n floating-point operations per
 * second), best of five runs of a quick loop, not a JMH benchmark:
 * <pre>
 *   size          EJML   OpenBLAS   OpenBLAS through org.bytedeco's double[] binding
 *   32×32·32×32    4.8     72.5       32   (it copies all three arrays in and out per call)
 *   64×64·64×64    5.5     82.5       47
 *   256³           5.5     70–72      50
 * </pre>
 * Two threads against one (with {@code backprop4j.blas.threads=2}), same machine:
 * <pre>
 *   m×k·k×n               m·k·n    1 thread   2 threads
 *   64×64·64×64           0.26 M      84          84     OpenBLAS stays on one thread
 *   100×100·100×100       1.0 M       91          89     no gain
 *   64×128·128×256        2.1 M       65–70       84–93
 *   32×256·256×256        2.1 M       57–68       84–97
 *   160×160·160×160       4.1 M       64–71       92–95
 *   256×256·256×256       16.8 M      71          120
 *   512×512·512×512       134 M       76          146–151
 * </pre>
 * Hence the default threshold of 2,000,000 multiply-adds
 * ({@link io.github.backprop4j.blas.OpenBlasKernels#DEFAULT_THREAD_THRESHOLD}). Switching
 * OpenBLAS between one and two threads and back costs about 20–60 ns, negligible next to a
 * product of that size, so the kernels switch per product when the size calls for it. One
 * thread stays the default because the second core is often busy with something else: the
 * figures above vary by tens of percent with the machine's other load, and a busy second core
 * makes a two-thread product slower than a one-thread one.
 */
package io.github.backprop4j.blas;
