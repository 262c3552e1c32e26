package io.github.backprop4j.core;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * The default {@link MatrixKernels}: EJML's pure-Java matrix products.
 *
 * <p>A product of shape (m×k)·(k×n) costs {@code m·k·n} multiply-adds. Below
 * {@link #concurrencyThreshold()} it runs on the calling thread with {@code CommonOps_DDRM};
 * at or above it, with EJML's multi-threaded {@code CommonOps_MT_DDRM}. Threads pay off only for
 * large products: for a tiny network the cost of handing work to another thread is larger than
 * the product itself.
 *
 * <p><b>The default threshold, {@value #DEFAULT_THREAD_THRESHOLD} multiply-adds,</b> was chosen
 * by measurement ({@code KernelThresholdBenchmark} in the bench module, 2 cores, JDK 17,
 * 2026-11-28, other builds running beside it; see {@code docs/performance.md}). Microseconds per
 * square product of side n, on the calling thread against {@code _MT}:
 * <pre>
 *     n      m·k·n   a·b: single     _MT   c += aᵀ·b: single     _MT
 *    32     32,768        14.3      28.1              13.7      33.0
 *    64    262,144        98.2     103.9              99.5     113.1
 *    96    884,736       324.9     346.0             330.4     272.0
 *   128  2,097,152       779.8     778.5             754.3     521.9
 *   192  7,077,888     2,578.9   1,578.4           2,752.8   1,472.4
 *   256 16,777,216     5,957.6   3,569.7           6,357.1   6,280.4 (noisy)
 * </pre>
 * Below about two million multiply-adds the threads cost more than they save (twice the time
 * at n = 32); from there on they gain up to 1.7–1.9×. So the products of the small networks
 * (up to 64·64·64) stay on the calling thread, and those of a 256-wide layer on a batch of 256
 * use both cores.
 *
 * <p><b>Configuring it.</b> {@link #EjmlKernels()} reads the system property
 * {@value #THREAD_THRESHOLD_PROPERTY}: a positive number of multiply-adds (underscores allowed,
 * {@code 1_000_000}), or {@code never} for one thread only. The framework's default kernels are
 * constructed once, when {@link Kernels} is first used, so set the property on the command line
 * ({@code -Dbackprop4j.ejml.threadThreshold=never}); or install kernels of your own with
 * {@code Kernels.use(new EjmlKernels(threshold))}.
 *
 * <p><b>Allocation.</b> The single-threaded products allocate nothing. EJML's {@code _MT}
 * products hand their rows to a fork/join pool and allocate a few small task objects on every
 * call (about 760 bytes, measured with JMH's {@code -prof gc}); so the allocation-free training
 * step holds below the threshold, and above it the garbage is under a kilobyte per product,
 * against millions of multiply-adds.
 */
public final class EjmlKernels implements MatrixKernels {

    /** A threshold that keeps every product on the calling thread. */
    public static final long SINGLE_THREADED = Long.MAX_VALUE;

    /** The number of multiply-adds from which products use threads, unless configured. */
    public static final long DEFAULT_THREAD_THRESHOLD = 2_000_000L;

    /** The system property that {@link #EjmlKernels()} reads the threshold from. */
    public static final String THREAD_THRESHOLD_PROPERTY = "backprop4j.ejml.threadThreshold";

    private final long concurrencyThreshold;

    /**
     * Kernels with the threshold of the system property {@value #THREAD_THRESHOLD_PROPERTY}, or
     * {@link #DEFAULT_THREAD_THRESHOLD} when it is not set.
     *
     * @throws IllegalArgumentException if the property is set to something other than a positive
     *                                  number or {@code never}
     */
    public EjmlKernels() {
        this(parseThreshold(System.getProperty(THREAD_THRESHOLD_PROPERTY)));
    }

    /**
     * Kernels that use EJML's multi-threaded products from a given size on.
     *
     * @param concurrencyThreshold the number of multiply-adds {@code m·k·n} from which a product
     *                             runs multi-threaded; {@link #SINGLE_THREADED} for never
     * @throws IllegalArgumentException if the threshold is not positive
     */
    public EjmlKernels(long concurrencyThreshold) {
        if (concurrencyThreshold <= 0) {
            throw new IllegalArgumentException("EjmlKernels: concurrencyThreshold must be positive,"
                    + " got " + concurrencyThreshold);
        }
        this.concurrencyThreshold = concurrencyThreshold;
    }

    /**
     * The threshold a value of {@value #THREAD_THRESHOLD_PROPERTY} stands for.
     *
     * @param value the property's value; {@code null} or blank for the default
     * @return {@link #DEFAULT_THREAD_THRESHOLD}, {@link #SINGLE_THREADED} for {@code never}, or
     *     the number
     * @throws IllegalArgumentException if the value is neither a positive number nor
     *                                  {@code never}
     */
    static long parseThreshold(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_THREAD_THRESHOLD;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("never")) {
            return SINGLE_THREADED;
        }
        try {
            long threshold = Long.parseLong(v.replace("_", ""));
            if (threshold > 0) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected forms
        }
        throw new IllegalArgumentException("EjmlKernels: system property "
                + THREAD_THRESHOLD_PROPERTY + " must be a positive number of multiply-adds or"
                + " \"never\", got \"" + value + "\"");
    }

    /**
     * The number of multiply-adds from which a product runs multi-threaded.
     *
     * @return the threshold; {@link #SINGLE_THREADED} when products never use threads
     */
    public long concurrencyThreshold() {
        return concurrencyThreshold;
    }

    @Override
    public String name() {
        return "ejml";
    }

    private boolean threaded(DMatrixRMaj c, int inner) {
        return (long) c.numRows * c.numCols * inner >= concurrencyThreshold;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (threaded(c, a.numCols)) {
            CommonOps_MT_DDRM.mult(a, b, c);
        } else {
            CommonOps_DDRM.mult(a, b, c);
        }
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (threaded(c, a.numRows)) {
            CommonOps_MT_DDRM.multTransA(a, b, c);
        } else {
            CommonOps_DDRM.multTransA(a, b, c);
        }
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (threaded(c, a.numCols)) {
            CommonOps_MT_DDRM.multTransB(a, b, c);
        } else {
            CommonOps_DDRM.multTransB(a, b, c);
        }
    }

    @Override
    public void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (threaded(c, a.numCols)) {
            CommonOps_MT_DDRM.multAdd(a, b, c);
        } else {
            CommonOps_DDRM.multAdd(a, b, c);
        }
    }

    @Override
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (threaded(c, a.numRows)) {
            CommonOps_MT_DDRM.multAddTransA(a, b, c);
        } else {
            CommonOps_DDRM.multAddTransA(a, b, c);
        }
    }

    @Override
    public void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (threaded(c, a.numCols)) {
            CommonOps_MT_DDRM.multAddTransB(a, b, c);
        } else {
            CommonOps_DDRM.multAddTransB(a, b, c);
        }
    }

    @Override
    public String toString() {
        return concurrencyThreshold == SINGLE_THREADED
                ? "EjmlKernels(single-threaded)"
                : "EjmlKernels(threads from " + concurrencyThreshold + " multiply-adds)";
    }
}
