package io.github.backprop4j.core;

import org.ejml.data.DMatrixRMaj;

/**
 * The kernel seam: the few heavy operations, the matrix products, that every layer's forward and
 * backward pass runs through.
 *
 * <p>It is deliberately narrow. The default implementation, {@link EjmlKernels}, calls EJML's
 * {@code CommonOps_DDRM}; a native BLAS implementation can stand behind the same interface
 * without any layer changing. Implementations work directly on EJML's row-major
 * {@link DMatrixRMaj} so that they need no access to {@link Matrix}'s internals and make no
 * copies.
 *
 * <p>Contract for every method: the shapes have already been checked by {@link MatrixOps};
 * {@code c} is never one of the inputs; for the plain products {@code c} already has the result's
 * shape; the {@code multAdd} variants add into {@code c} ({@code c += ...}). No method may
 * allocate once it has run once for a given shape, so that the training step stays free of
 * garbage.
 */
public interface MatrixKernels {

    /**
     * The kernels' name, as shown in logs and benchmark reports, e.g. {@code "ejml"}.
     *
     * @return a short lower-case name
     */
    String name();

    /**
     * {@code c = a·b}.
     *
     * @param a (m×k)
     * @param b (k×n)
     * @param c (m×n), written
     */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code c = aᵀ·b}.
     *
     * @param a (k×m)
     * @param b (k×n)
     * @param c (m×n), written
     */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code c = a·bᵀ}.
     *
     * @param a (m×k)
     * @param b (n×k)
     * @param c (m×n), written
     */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code c += a·b}.
     *
     * @param a (m×k)
     * @param b (k×n)
     * @param c (m×n), accumulated into
     */
    void multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code c += aᵀ·b}.
     *
     * @param a (k×m)
     * @param b (k×n)
     * @param c (m×n), accumulated into
     */
    void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /**
     * {@code c += a·bᵀ}.
     *
     * @param a (m×k)
     * @param b (n×k)
     * @param c (m×n), accumulated into
     */
    void multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);
}
