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
import org.junit.jupiter.api.Test;

/**
 * The same network, forward and backward, on EJML's products and on OpenBLAS's: every output and
 * every gradient agrees within 1e-12, relative to the largest entry of the tensor.
 */
class KernelsAgreementTest {

    private static final double RELATIVE_AGREEMENT = 1e-12;

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
        assumeTrue(Kernels.available().contains("openblas"), "the openblas kernels are not on the classpath");
        MatrixKernels openblas = Kernels.select("openblas");
        assumeTrue(openblas.name().equals("openblas"), "OpenBLAS cannot load on this platform");
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

    @Test
    void currentKernels_areTheOnesThisRunAskedFor() {
        String asked = System.getProperty(Kernels.PROPERTY);
        assumeTrue(asked != null, "no kernels requested");
        // Where OpenBLAS cannot load, the framework falls back to EJML by design.
        assertTrue(Kernels.current().name().equals(asked) || Kernels.current().name().equals("ejml"),
                "asked for " + asked + ", running on " + Kernels.current().name());
    }
}
