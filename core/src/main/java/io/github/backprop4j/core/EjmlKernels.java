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
 */
public final class EjmlKernels implements MatrixKernels {

    /** A threshold that keeps every product on the calling thread. */
    public static final long SINGLE_THREADED = Long.MAX_VALUE;

    private final long concurrencyThreshold;

    /** Kernels that never use more than the calling thread. */
    public EjmlKernels() {
        this(SINGLE_THREADED);
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
