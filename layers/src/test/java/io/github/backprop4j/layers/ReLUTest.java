package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReLUTest {

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

    @Test
    void backward_atKink_givesZero() {
        ReLU relu = new ReLU();
        relu.forward(Matrix.rowVector(0.0, -0.0));
        assertArrayEquals(new double[] {0, 0}, relu.backward(Matrix.rowVector(5, 5))
                .toRowMajorArray());
    }

    @Test
    void backward_beforeForward_throwsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ReLU().backward(Matrix.zeros(2, 2)));
        assertEquals("ReLU.backward: called before forward; call forward(input) first",
                e.getMessage());
    }

    @Test
    void backward_wrongGradShape_throwsWithBothShapes() {
        ReLU relu = new ReLU();
        relu.forward(Matrix.zeros(8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> relu.backward(Matrix.zeros(3, 8)));
        assertEquals("ReLU.backward: gradOutput and output must have the same shape,"
                + " got 3x8 and 8x3", e.getMessage());
    }

    @Test
    void backward_doesNotModifyGradOutput() {
        SplittableRandom rng = new SplittableRandom(4);
        ReLU relu = new ReLU();
        Matrix g = TestData.uniform(3, 3, rng);
        double[] before = g.toRowMajorArray();
        relu.forward(TestData.uniform(3, 3, rng));
        relu.backward(g);
        assertArrayEquals(before, g.toRowMajorArray());
    }

    @Test
    void forwardAndBackward_sameBatchSize_reuseTheirBuffers() {
        SplittableRandom rng = new SplittableRandom(5);
        ReLU relu = new ReLU();
        Matrix x = TestData.uniform(4, 3, rng);
        assertSame(relu.forward(x), relu.forward(x));
        assertSame(relu.backward(x), relu.backward(x));
    }

    @Test
    void forward_nanInput_propagatesNaN() {
        Matrix y = new ReLU().forward(Matrix.rowVector(Double.NaN, -1, 2));
        assertTrue(Double.isNaN(y.get(0, 0)));
        assertEquals(0, y.get(0, 1));
        assertEquals(2, y.get(0, 2));
    }

    @Test
    void parameters_none() {
        assertTrue(new ReLU().parameters().isEmpty());
        assertEquals("ReLU", new ReLU().toString());
    }
}
