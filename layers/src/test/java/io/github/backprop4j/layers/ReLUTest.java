package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReLUTest extends LayerContractTest {

    /** The examples' numbers are exact in binary. */
    private static final double EXACT = 0.0;

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new ReLU();
    }

    /** Inputs away from the kink at 0. */
    @Override
    Matrix input(int rows, int cols, RandomGenerator rng) {
        return TestData.awayFromZero(rows, cols, rng);
    }

    /** The allocating reference, entry by entry. */
    private static Matrix referenceForward(Matrix x) {
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                y.set(r, c, Math.max(x.get(r, c), 0));
            }
        }
        return y;
    }

    private static Matrix referenceBackward(Matrix x, Matrix g) {
        Matrix d = Matrix.zeros(x.rows(), x.cols());
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                d.set(r, c, x.get(r, c) > 0 ? g.get(r, c) : 0);
            }
        }
        return d;
    }

    /** The worked example of docs/derivations.md#relu, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        ReLU relu = new ReLU();
        Matrix y = relu.forward(Matrix.of(new double[][] {{-2, 0.5}, {0, 3}}));
        assertArrayEquals(new double[] {0, 0.5, 0, 3}, y.toRowMajorArray(), EXACT);
        Matrix gradX = relu.backward(Matrix.of(new double[][] {{10, 20}, {30, 40}}));
        assertArrayEquals(new double[] {0, 20, 0, 40}, gradX.toRowMajorArray(), EXACT);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1, 5", "20, 2", "2, 15"})
    void backward_randomShapes_matchesNumericalGradient(int m, int n) {
        SplittableRandom rng = new SplittableRandom(21 + m * n);
        GradientCheck.Report report = TestData.strictCheck()
                .assertGradients(new ReLU(), TestData.awayFromZero(m, n, rng), rng);
        assertFalse(report.crossedKink());
        assertEquals(1, report.tensors().size());
    }

    @Test
    void forwardAndBackward_randomBatch_agreeWithAllocatingReference() {
        SplittableRandom rng = new SplittableRandom(2);
        ReLU relu = new ReLU();
        Matrix x = TestData.uniform(6, 4, rng);
        Matrix g = TestData.uniform(6, 4, rng);
        assertArrayEquals(referenceForward(x).toRowMajorArray(),
                relu.forward(x).toRowMajorArray());
        assertArrayEquals(referenceBackward(x, g).toRowMajorArray(),
                relu.backward(g).toRowMajorArray());
    }

    /** Doubles at every boundary of {@code x > 0}: zeros, subnormals, infinities, NaN payloads. */
    private static final double[] SIGN_EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0x7FF0_0000_0000_0001L),
        Double.longBitsToDouble(0x7FFF_FFFF_FFFF_FFFFL),
        Double.longBitsToDouble(0xFFF8_0000_0000_0000L),
        Double.longBitsToDouble(0xFFF0_0000_0000_0001L),
    };

    /**
     * Forward is {@code x <= 0 ? +0 : x} (so −0 gives +0 and NaN stays NaN) and backward
     * {@code x > 0 ? g : +0} (so the kink and NaN give +0), bit for bit, for every pair of
     * boundary values of x and g.
     */
    @Test
    void forwardAndBackward_signBoundaries_areBitForBitTheDefinitions() {
        int n = SIGN_EDGES.length;
        Matrix x = Matrix.zeros(n, n);
        Matrix g = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x.set(i, j, SIGN_EDGES[i]);
                g.set(i, j, SIGN_EDGES[j]);
            }
        }
        ReLU relu = new ReLU();
        Matrix y = relu.forward(x).copy();
        Matrix back = relu.backward(g);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = x.get(i, j);
                double expectedY = v <= 0 ? 0.0 : v;
                double expectedBack = v > 0 ? g.get(i, j) : 0.0;
                assertEquals(Double.doubleToRawLongBits(expectedY),
                        Double.doubleToRawLongBits(y.get(i, j)), "relu(" + v + ")");
                assertEquals(Double.doubleToRawLongBits(expectedBack),
                        Double.doubleToRawLongBits(back.get(i, j)),
                        "backward(x = " + v + ", g = " + g.get(i, j) + ")");
            }
        }
    }

    @Test
    void backward_atKink_givesZero() {
        ReLU relu = new ReLU();
        relu.forward(Matrix.rowVector(0.0, -0.0));
        assertArrayEquals(new double[] {0, 0}, relu.backward(Matrix.rowVector(5, 5))
                .toRowMajorArray());
    }

    @Test
    void backward_gradOfTransposedShape_throwsNamingBothShapes() {
        ReLU relu = new ReLU();
        relu.forward(Matrix.zeros(8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> relu.backward(Matrix.zeros(3, 8)));
        assertEquals("ReLU.backward: gradOutput and output must have the same shape,"
                + " got 3x8 and 8x3", e.getMessage());
    }

    @Test
    void forward_nanInput_propagatesNaN() {
        Matrix y = new ReLU().forward(Matrix.rowVector(Double.NaN, -1, 2));
        assertTrue(Double.isNaN(y.get(0, 0)));
        assertEquals(0, y.get(0, 1));
        assertEquals(2, y.get(0, 2));
    }

    @Test
    void kinkSides_reportWhichInputsWerePositive() {
        ReLU relu = new ReLU();
        relu.forward(Matrix.of(new double[][] {{-1, 0, 2}, {Double.NaN, 3, -0.5}}));
        IntStream.Builder sides = IntStream.builder();
        relu.kinkSides(sides);
        assertArrayEquals(new int[] {0, 0, 1, 0, 1, 0}, sides.build().toArray());
    }

    @Test
    void parameters_none() {
        assertTrue(new ReLU().parameters().isEmpty());
        assertEquals("ReLU", new ReLU().toString());
    }
}
