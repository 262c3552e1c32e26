package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.backprop4j.core.Kernels;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixKernels;
import io.github.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The same network, forward and backward, on EJML's products and on OpenBLAS's: every output and
 * every gradient agrees within 1e-12, relative to the largest entry of the tensor; and so does
 * each of the six products, on any shape from 0 to 7 rows and columns.
 *
 * <p>The properties run on jqwik from a fixed seed, so every run checks the same cases.
 */
class KernelsAgreementTest {

    private static final double RELATIVE_AGREEMENT = 1e-12;
    private static final String SEED = "20261201";
    private static final int TRIES = 200;

    /** One of the six products of {@link MatrixKernels}, and the shapes of its operands. */
    private enum Product {
        MULT(false, false, false), MULT_TRANS_A(true, false, false), MULT_TRANS_B(false, true, false),
        MULT_ADD(false, false, true), MULT_ADD_TRANS_A(true, false, true),
        MULT_ADD_TRANS_B(false, true, true);

        final boolean transA;
        final boolean transB;
        final boolean accumulate;

        Product(boolean transA, boolean transB, boolean accumulate) {
            this.transA = transA;
            this.transB = transB;
            this.accumulate = accumulate;
        }

        /** C (m×n) = op(A)·op(B) with op(A) (m×k), op(B) (k×n); C += ... for the Add forms. */
        void run(MatrixKernels kernels, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
            switch (this) {
                case MULT -> kernels.mult(a, b, c);
                case MULT_TRANS_A -> kernels.multTransA(a, b, c);
                case MULT_TRANS_B -> kernels.multTransB(a, b, c);
                case MULT_ADD -> kernels.multAdd(a, b, c);
                case MULT_ADD_TRANS_A -> kernels.multAddTransA(a, b, c);
                default -> kernels.multAddTransB(a, b, c);
            }
        }
    }

    /** Any seed; a seed has no edge cases worth trying first. */
    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().withoutEdgeCases();
    }

    /**
     * Skips a property where OpenBLAS cannot load (the build without its binding): inside a
     * property an assumption only rejects the try, and 200 rejections fail it as exhausted.
     */
    static final class OpenBlasLoads implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Kernels.available().contains("openblas")
                    && Kernels.select("openblas").name().equals("openblas")
                    ? SkipResult.doNotSkip()
                    : SkipResult.skip("OpenBLAS cannot load here; the build with it runs this");
        }
    }

    private static MatrixKernels openBlasOrSkip() {
        assumeTrue(Kernels.available().contains("openblas"), "the openblas kernels are not on the classpath");
        MatrixKernels openblas = Kernels.select("openblas");
        assumeTrue(openblas.name().equals("openblas"), "OpenBLAS cannot load on this platform");
        return openblas;
    }

    /** Forward, MSE and backward of a fixed network; returns the output, dL/dX and every grad. */
    private static List<Matrix> run(MatrixKernels kernels) {
        MatrixKernels previous = Kernels.use(kernels);
        try {
            SplittableRandom rng = new SplittableRandom(7);
            Sequential model = new Sequential(new Linear(13, 40, rng), new ReLU(),
                    new Linear(40, 33, rng), new ReLU(), new Linear(33, 5, rng), new Softmax());
            Matrix x = TestData.uniform(29, 13, rng).requiresGrad(true);
            Matrix target = TestData.uniform(29, 5, rng);
            MSELoss loss = new MSELoss();
            List<Matrix> results = new ArrayList<>();
            results.add(model.forward(x).copy());
            loss.forward(results.get(0), target);
            results.add(model.backward(loss.backward()).copy());
            for (Parameter p : model.parameters()) {
                results.add(p.grad().copy());
            }
            return results;
        } finally {
            Kernels.use(previous);
        }
    }

    @Test
    void sequential_openBlasAndEjml_agreeWithin1e12() {
        MatrixKernels openblas = openBlasOrSkip();
        List<Matrix> ejml = run(Kernels.select("ejml"));
        List<Matrix> blas = run(openblas);
        assertEquals(ejml.size(), blas.size());
        for (int i = 0; i < ejml.size(); i++) {
            Matrix a = ejml.get(i);
            double scale = Math.max(a.maxAbsDifference(Matrix.zeros(a.rows(), a.cols())), Double.MIN_NORMAL);
            double relative = a.maxAbsDifference(blas.get(i)) / scale;
            assertTrue(relative <= RELATIVE_AGREEMENT, "tensor " + i + " differs by " + relative);
        }
    }

    /**
     * Each product, with and without transposes, on random shapes including empty ones (0 rows
     * or columns, and an empty inner dimension, which gives C = 0, or leaves C as it was for
     * the Add forms) and single columns: OpenBLAS gives what EJML gives.
     */
    @Property(tries = TRIES, seed = SEED)
    @AddLifecycleHook(OpenBlasLoads.class)
    void products_anyShape_openBlasAndEjmlAgreeWithin1e12(
            @ForAll Product product, @ForAll @IntRange(min = 0, max = 7) int m,
            @ForAll @IntRange(min = 0, max = 7) int k, @ForAll @IntRange(min = 0, max = 7) int n,
            @ForAll("seeds") long seed) {
        MatrixKernels openblas = openBlasOrSkip();
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix a = product.transA ? TestData.uniform(k, m, rng) : TestData.uniform(m, k, rng);
        Matrix b = product.transB ? TestData.uniform(n, k, rng) : TestData.uniform(k, n, rng);
        Matrix c = TestData.uniform(m, n, rng);
        Matrix byEjml = c.copy();
        Matrix byBlas = c.copy();

        product.run(Kernels.select("ejml"), a.unwrap(), b.unwrap(), byEjml.unwrap());
        product.run(openblas, a.unwrap(), b.unwrap(), byBlas.unwrap());

        assertEquals(m, byBlas.rows());
        assertEquals(n, byBlas.cols());
        double scale = Math.max(byEjml.maxAbsDifference(Matrix.zeros(m, n)), Double.MIN_NORMAL);
        double relative = byEjml.maxAbsDifference(byBlas) / scale;
        assertTrue(relative <= RELATIVE_AGREEMENT, product + " " + m + "x" + k + "x" + n
                + " differs by " + relative);
    }

    /** A Linear layer's forward and backward on any batch, down to 0 rows, and any widths. */
    @Property(tries = TRIES, seed = SEED)
    @AddLifecycleHook(OpenBlasLoads.class)
    void linear_anyShape_openBlasAndEjmlAgreeWithin1e12(
            @ForAll @IntRange(min = 0, max = 6) int m, @ForAll @IntRange(min = 1, max = 6) int in,
            @ForAll @IntRange(min = 1, max = 6) int out, @ForAll("seeds") long seed) {
        MatrixKernels openblas = openBlasOrSkip();
        List<Matrix> ejml = linear(Kernels.select("ejml"), m, in, out, seed);
        List<Matrix> blas = linear(openblas, m, in, out, seed);
        for (int i = 0; i < ejml.size(); i++) {
            Matrix a = ejml.get(i);
            assertEquals(a.rows(), blas.get(i).rows());
            assertEquals(a.cols(), blas.get(i).cols());
            double scale = Math.max(a.maxAbsDifference(Matrix.zeros(a.rows(), a.cols())), Double.MIN_NORMAL);
            double relative = a.maxAbsDifference(blas.get(i)) / scale;
            assertTrue(relative <= RELATIVE_AGREEMENT, "tensor " + i + " differs by " + relative);
        }
    }

    /** Y, ∂L/∂X, ∂L/∂W and ∂L/∂b of one Linear layer, for G drawn from the same seed. */
    private static List<Matrix> linear(MatrixKernels kernels, int m, int in, int out, long seed) {
        MatrixKernels previous = Kernels.use(kernels);
        try {
            SplittableRandom rng = new SplittableRandom(seed);
            Linear layer = new Linear(in, out, rng);
            Matrix x = TestData.uniform(m, in, rng).requiresGrad(true);
            List<Matrix> results = new ArrayList<>();
            results.add(layer.forward(x).copy());
            results.add(layer.backward(TestData.uniform(m, out, rng)).copy());
            results.add(layer.weight().grad().copy());
            results.add(layer.bias().grad().copy());
            return results;
        } finally {
            Kernels.use(previous);
        }
    }

    @Test
    void currentKernels_areTheOnesThisRunAskedFor() {
        String asked = System.getProperty(Kernels.PROPERTY);
        assumeTrue(asked != null, "no kernels requested");
        // Where OpenBLAS cannot load, the framework falls back to EJML by design.
        assertTrue(Kernels.current().name().equals(asked) || Kernels.current().name().equals("ejml"),
                "asked for " + asked + ", running on " + Kernels.current().name());
    }
}
