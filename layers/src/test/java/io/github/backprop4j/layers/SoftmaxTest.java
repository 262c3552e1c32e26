package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxTest {

    private static final double CLOSE = 1e-12;

    /** The allocating reference: exp without the max shift, and the full Jacobian per row. */
    private static Matrix referenceForward(Matrix z) {
        Matrix p = Matrix.zeros(z.rows(), z.cols());
        for (int r = 0; r < z.rows(); r++) {
            double total = 0;
            for (int c = 0; c < z.cols(); c++) {
                total += Math.exp(z.get(r, c));
            }
            for (int c = 0; c < z.cols(); c++) {
                p.set(r, c, Math.exp(z.get(r, c)) / total);
            }
        }
        return p;
    }

    /** ∂L/∂z_j = Σ_i g_i J_ij with J_ij = p_i(δ_ij − p_j), the Jacobian formed explicitly. */
    private static Matrix referenceBackward(Matrix p, Matrix g) {
        Matrix d = Matrix.zeros(p.rows(), p.cols());
        for (int r = 0; r < p.rows(); r++) {
            for (int j = 0; j < p.cols(); j++) {
                double s = 0;
                for (int i = 0; i < p.cols(); i++) {
                    double jacobian = p.get(r, i) * ((i == j ? 1 : 0) - p.get(r, j));
                    s += g.get(r, i) * jacobian;
                }
                d.set(r, j, s);
            }
        }
        return d;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 4", "25, 3", "2, 16"})
    void backward_randomShapes_matchesNumericalGradient(int m, int n) {
        SplittableRandom rng = new SplittableRandom(31 + m * n);
        Matrix z = Matrix.uniform(m, n, -1, 1, rng);
        TestData.strictCheck().assertGradients(new Softmax(), z, rng);
    }

    @Test
    void forwardAndBackward_randomBatch_agreeWithAllocatingReference() {
        SplittableRandom rng = new SplittableRandom(2);
        Softmax softmax = new Softmax();
        Matrix z = Matrix.uniform(5, 4, -2, 2, rng);
        Matrix g = TestData.uniform(5, 4, rng);
        Matrix p = referenceForward(z);
        assertTrue(softmax.forward(z).approxEquals(p, CLOSE));
        assertTrue(softmax.backward(g).approxEquals(referenceBackward(p, g), CLOSE));
    }

    @Test
    void forward_logitsOfPlusMinus1000_finiteAndCorrect() {
        Matrix z = Matrix.of(new double[][] {{1000, 1000}, {-1000, -1000}, {1000, -1000},
            {1000, 1000 + Math.log(3)}});
        Matrix p = new Softmax().forward(z);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5, 1, 0, 0.25, 0.75},
                p.toRowMajorArray(), CLOSE);
    }

    @Test
    void forward_anyRow_sumsToOne() {
        Matrix p = new Softmax().forward(Matrix.uniform(6, 5, -10, 10, new SplittableRandom(3)));
        Matrix sums = p.rowSums();
        for (int r = 0; r < 6; r++) {
            assertEquals(1, sums.get(r, 0), CLOSE);
        }
    }

    @Test
    void forward_nanInRow_makesThatRowNaN() {
        Matrix p = new Softmax().forward(Matrix.of(new double[][] {{Double.NaN, 1}, {0, 0}}));
        assertTrue(Double.isNaN(p.get(0, 0)) && Double.isNaN(p.get(0, 1)));
        assertEquals(0.5, p.get(1, 0), CLOSE);
    }

    @Test
    void forward_noColumns_throwsWithShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Softmax().forward(Matrix.zeros(8, 0)));
        assertEquals("Softmax.forward: input must have at least one column, got 8x0",
                e.getMessage());
    }

    @Test
    void backward_beforeForward_throwsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Softmax().backward(Matrix.zeros(2, 2)));
        assertEquals("Softmax.backward: called before forward; call forward(input) first",
                e.getMessage());
    }

    @Test
    void backward_wrongGradShape_throwsWithBothShapes() {
        Softmax softmax = new Softmax();
        softmax.forward(Matrix.zeros(4, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> softmax.backward(Matrix.zeros(4, 2)));
        assertEquals("Softmax.backward: gradOutput and output must have the same shape,"
                + " got 4x2 and 4x3", e.getMessage());
    }

    @Test
    void backward_doesNotModifyGradOutput() {
        SplittableRandom rng = new SplittableRandom(4);
        Softmax softmax = new Softmax();
        Matrix g = TestData.uniform(3, 3, rng);
        double[] before = g.toRowMajorArray();
        softmax.forward(TestData.uniform(3, 3, rng));
        softmax.backward(g);
        assertArrayEquals(before, g.toRowMajorArray());
    }

    @Test
    void forwardAndBackward_sameBatchSize_reuseTheirBuffers() {
        SplittableRandom rng = new SplittableRandom(5);
        Softmax softmax = new Softmax();
        Matrix x = TestData.uniform(4, 3, rng);
        assertSame(softmax.forward(x), softmax.forward(x));
        assertSame(softmax.backward(x), softmax.backward(x));
    }
}
