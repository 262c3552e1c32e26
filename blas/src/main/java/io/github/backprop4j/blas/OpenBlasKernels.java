package io.github.backprop4j.blas;

import io.github.backprop4j.core.MatrixKernels;
import java.util.Arrays;
import org.bytedeco.javacpp.Loader;
import org.ejml.data.DMatrixRMaj;

/**
 * {@link MatrixKernels} on OpenBLAS: every product is one call of {@code cblas_dgemm} on the
 * matrices' own {@code data} arrays, with no copy and no allocation.
 *
 * <p>EJML's {@link DMatrixRMaj} stores a matrix row after row, which is CBLAS's
 * {@code CblasRowMajor} order, and the distance from one row to the next (the leading dimension
 * {@code lda}, {@code ldb}, {@code ldc}) is the number of columns of the stored matrix. A
 * transposed operand is the same array read with {@code CblasTrans}, so
 * <pre>
 *   c  = a·b     dgemm(NoTrans, NoTrans, alpha = 1, beta = 0)
 *   c  = aᵀ·b    dgemm(Trans,   NoTrans, alpha = 1, beta = 0)
 *   c  = a·bᵀ    dgemm(NoTrans, Trans,   alpha = 1, beta = 0)
 *   c += ...     the same with beta = 1
 * </pre>
 * A product with an empty dimension never reaches BLAS, whose leading dimensions must be at
 * least 1: with m = 0 or n = 0 there is nothing to write; with an empty inner dimension k = 0 the
 * product is the zero matrix, so the plain products zero {@code c} and the accumulating ones
 * leave it as it is.
 *
 * <p>Unlike EJML, a native product that is handed arrays too short for the stated shapes would
 * write outside them, so each method checks the shapes first (a few integer comparisons).
 *
 * <p><b>Threads.</b> By default OpenBLAS runs on the calling thread only. With
 * {@code threads > 1}, a product of at least {@code threadThreshold} multiply-adds (m·k·n) runs
 * on {@code threads} threads and smaller ones on one; the kernels switch OpenBLAS's thread count
 * only when it changes, which costs about 20–60 ns. OpenBLAS's thread count is one setting for
 * the whole process, so with {@code threads > 1} use these kernels from one training thread at a
 * time: concurrent callers stay correct but may get each other's thread count.
 */
public final class OpenBlasKernels implements MatrixKernels {

    /**
     * The default size, in multiply-adds m·k·n, from which a product uses more than one thread
     * when more are allowed. Measured on 2 cores: two threads gain nothing below about a million
     * multiply-adds and 30–45 % from about two million (for instance 64×128·128×256 or
     * 32×256·256×256); see the package documentation.
     */
    public static final long DEFAULT_THREAD_THRESHOLD = 2_000_000;

    /** The only platform whose OpenBLAS binaries this module ships, in JavaCPP's naming. */
    static final String PLATFORM = "linux-x86_64";

    /** The compiled binding, relative to this package, as the build writes it. */
    static final String BINDING = PLATFORM + "/libjnibackprop4jblas.so";

    /** What OpenBLAS was last told, process-wide like OpenBLAS's own setting. */
    private static volatile int threadsInUse;

    private final int threads;
    private final long threadThreshold;

    /**
     * Kernels that run every product on the calling thread.
     *
     * @throws IllegalStateException if OpenBLAS or the binding cannot be loaded on this platform
     */
    public OpenBlasKernels() {
        this(1, DEFAULT_THREAD_THRESHOLD);
    }

    /**
     * Kernels that run large products on several threads.
     *
     * @param threads         the number of threads for products of at least
     *                        {@code threadThreshold} multiply-adds; 1 for never more than one
     * @param threadThreshold the number of multiply-adds m·k·n from which a product uses
     *                        {@code threads} threads
     * @throws IllegalArgumentException if {@code threads} or {@code threadThreshold} is not
     *                                  positive
     * @throws IllegalStateException    if OpenBLAS or the binding cannot be loaded on this
     *                                  platform
     */
    public OpenBlasKernels(int threads, long threadThreshold) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "OpenBlasKernels: threads must be at least 1, got " + threads);
        }
        if (threadThreshold < 1) {
            throw new IllegalArgumentException(
                    "OpenBlasKernels: threadThreshold must be positive, got " + threadThreshold);
        }
        this.threads = threads;
        this.threadThreshold = threadThreshold;
        loadAndUseOneThread();
    }

    private static synchronized void loadAndUseOneThread() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        try {
            OpenBlas.setNumThreads(1);
        } catch (LinkageError e) {
            throw new IllegalStateException("loading OpenBLAS or backprop4j-blas's binding to it"
                    + " failed on " + Loader.getPlatform() + ": " + e, e);
        }
        threadsInUse = 1;
    }

    /**
     * Why OpenBLAS cannot be used here without even trying to load it, in words a user can act
     * on: the platform has no OpenBLAS binaries in this module, or the module was built without
     * g++, so its binding to OpenBLAS was never compiled.
     *
     * @return the reason, or {@code null} if both the binaries and the binding are there (loading
     *         them may still fail)
     */
    static String unavailableReason() {
        return unavailableReason(Loader.getPlatform(),
                OpenBlasKernels.class.getResource(BINDING) != null);
    }

    /**
     * {@link #unavailableReason()} for a given platform and binding, so that both reasons can be
     * checked on the one platform where neither applies.
     *
     * @param platform       the platform in JavaCPP's naming, e.g. {@code "linux-x86_64"}
     * @param bindingPresent whether the compiled binding is on the class path
     * @return the reason, or {@code null} if neither applies
     */
    static String unavailableReason(String platform, boolean bindingPresent) {
        if (!PLATFORM.equals(platform)) {
            return "backprop4j-blas ships OpenBLAS for " + PLATFORM + " only, and this platform is "
                    + platform;
        }
        if (!bindingPresent) {
            return "backprop4j-blas was built without its binding to OpenBLAS ("
                    + "io/github/backprop4j/blas/" + BINDING + " is missing), because g++ was not"
                    + " found when it was built; install g++ (apt-get install g++) and rebuild";
        }
        return null;
    }

    /**
     * OpenBLAS's description of itself: version, build options and the CPU kernel it chose.
     * Like the constructors, it loads OpenBLAS and sets it to one thread; the next product of
     * at least {@link #threadThreshold()} multiply-adds on kernels with more threads sets them
     * again.
     *
     * @return e.g. {@code "OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64"}
     * @throws IllegalStateException if OpenBLAS cannot be loaded on this platform
     */
    public static String config() {
        loadAndUseOneThread();
        return OpenBlas.config();
    }

    /**
     * The number of threads for products of at least {@link #threadThreshold()} multiply-adds.
     *
     * @return at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * The number of multiply-adds m·k·n from which a product uses {@link #threads()} threads.
     *
     * @return a positive number
     */
    public long threadThreshold() {
        return threadThreshold;
    }

    @Override
    public String name() {
        return OpenBlasKernelsProvider.NAME;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm("mult", false, false, a, b, 0.0, c);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm("multTransA", true, false, a, b, 0.0, c);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm("multTransB", false, true, a, b, 0.0, c);
    }

    @Override
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm("multAdd", false, false, a, b, 1.0, c);
    }

    @Override
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm("multAddTransA", true, false, a, b, 1.0, c);
    }

    @Override
    public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        gemm("multAddTransB", false, true, a, b, 1.0, c);
    }

    /** {@code c = op(a)·op(b) + beta·c}, with op the transpose where asked. */
    private void gemm(String op, boolean transA, boolean transB,
                      DMatrixRMaj a, DMatrixRMaj b, double beta, DMatrixRMaj c) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int n = transB ? b.numRows : b.numCols;
        int bInner = transB ? b.numCols : b.numRows;
        checkShapes(op, a, b, c, k == bInner && c.numRows == m && c.numCols == n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (beta == 0.0) {
                Arrays.fill(c.data, 0, m * n, 0.0);
            }
            return;
        }
        useThreads((long) m * k * n >= threadThreshold ? threads : 1);
        OpenBlas.dgemm(OpenBlas.ROW_MAJOR,
                transA ? OpenBlas.TRANS : OpenBlas.NO_TRANS,
                transB ? OpenBlas.TRANS : OpenBlas.NO_TRANS,
                m, n, k,
                1.0, a.data, a.numCols, b.data, b.numCols,
                beta, c.data, c.numCols);
    }

    private static void useThreads(int wanted) {
        if (threadsInUse != wanted) {
            OpenBlas.setNumThreads(wanted);
            threadsInUse = wanted;
        }
    }

    private static void checkShapes(String op, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c,
                                    boolean shapesFit) {
        if (c == a || c == b) {
            throw new IllegalArgumentException("OpenBlasKernels." + op
                    + ": c must not be a or b, got the same matrix");
        }
        if (!shapesFit || !holdsItsShape(a) || !holdsItsShape(b) || !holdsItsShape(c)) {
            throw new IllegalArgumentException("OpenBlasKernels." + op + ": a, b and c must have"
                    + " fitting shapes and arrays holding them, got " + describe(a) + ", "
                    + describe(b) + " and " + describe(c) + "; see MatrixKernels." + op);
        }
    }

    private static boolean holdsItsShape(DMatrixRMaj m) {
        return m.numRows >= 0 && m.numCols >= 0
                && m.data.length >= (long) m.numRows * m.numCols;
    }

    private static String describe(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols + " (array of " + m.data.length + ")";
    }

    @Override
    public String toString() {
        return threads == 1
                ? "OpenBlasKernels(1 thread)"
                : "OpenBlasKernels(" + threads + " threads from " + threadThreshold
                        + " multiply-adds)";
    }
}
