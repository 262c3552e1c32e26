package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxTest extends LayerContractTest {

    private static final double CLOSE = 1e-12;
    /** The examples' decimals are exact in binary; the logarithms and exponentials are not. */
    private static final double DOC = 1e-12;
    private static final int TRIES = 40;
    private static final String SEED = "20261128";

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new Softmax();
    }

    /**
     * The default tolerance 1e-6 for the contract's random shapes: see
     * {@link #backward_randomShapes_matchesNumericalGradient} for the 1e-7 cases.
     */
    @Override
    GradientCheck gradientCheck() {
        return new GradientCheck();
    }

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

    /** The worked example of docs/derivations.md#softmax, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        Softmax softmax = new Softmax();
        Matrix p = softmax.forward(Matrix.rowVector(0, Math.log(3), Math.log(4)));
        assertArrayEquals(new double[] {0.125, 0.375, 0.5}, p.toRowMajorArray(), DOC);
        Matrix gradZ = softmax.backward(Matrix.rowVector(1, 2, 4));
        assertArrayEquals(new double[] {-0.234375, -0.328125, 0.5625}, gradZ.toRowMajorArray(),
                DOC);
        assertArrayEquals(new double[] {-15.0 / 64, -21.0 / 64, 36.0 / 64},
                gradZ.toRowMajorArray(), DOC);

        // the Jacobian J = diag(p) − p·pᵀ of the document, applied as gᵀ·J
        Matrix jacobian = Matrix.of(new double[][] {{7, -3, -4}, {-3, 15, -12}, {-4, -12, 16}})
                .scale(1.0 / 64);
        Matrix pColumn = Matrix.columnVector(0.125, 0.375, 0.5);
        Matrix formed = Matrix.zeros(3, 3);
        for (int i = 0; i < 3; i++) {
            formed.set(i, i, pColumn.get(i, 0));
        }
        assertArrayEquals(jacobian.toRowMajorArray(),
                formed.minus(pColumn.multTransB(pColumn)).toRowMajorArray(), DOC);
        assertArrayEquals(gradZ.toRowMajorArray(),
                Matrix.rowVector(1, 2, 4).mult(jacobian).toRowMajorArray(), DOC);

        Matrix shifted = new Softmax().forward(
                Matrix.rowVector(1000, 1000 + Math.log(3), 1000 + Math.log(4)));
        assertArrayEquals(new double[] {0.125, 0.375, 0.5}, shifted.toRowMajorArray(), DOC);
    }

    /** Rows of P sum to 1 and rows of ∂L/∂Z to 0, whatever the logits. */
    @Property(tries = TRIES, seed = SEED)
    void anyShape_rowsAreDistributionsAndGradientRowsSumToZero(
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Softmax softmax = new Softmax();
        Matrix p = softmax.forward(Matrix.uniform(m, n, -50, 50, rng));
        Matrix gradSums = softmax.backward(TestData.uniform(m, n, rng)).rowSums();
        Matrix sums = p.rowSums();
        for (int r = 0; r < m; r++) {
            assertEquals(1, sums.get(r, 0), CLOSE);
            assertEquals(0, gradSums.get(r, 0), CLOSE);
        }
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
    void forward_oppositeLogitsOf1000_giveExactlyOneAndZero() {
        Matrix p = new Softmax().forward(Matrix.of(new double[][] {{0, Math.log(3)},
            {1000, -1000}}));
        assertEquals(0.25, p.get(0, 0), CLOSE);
        assertEquals(0.75, p.get(0, 1), CLOSE);
        assertEquals(1.0, p.get(1, 0), 0.0);
        assertEquals(0.0, p.get(1, 1), 0.0);
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
    void backward_gradOfWrongWidth_throwsNamingBothShapes() {
        Softmax softmax = new Softmax();
        softmax.forward(Matrix.zeros(4, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> softmax.backward(Matrix.zeros(4, 2)));
        assertEquals("Softmax.backward: gradOutput and output must have the same shape,"
                + " got 4x2 and 4x3", e.getMessage());
    }

    @Test
    void parameters_noneAndToStringIsTheName() {
        assertTrue(new Softmax().parameters().isEmpty());
        assertEquals("Softmax", new Softmax().toString());
    }
}
