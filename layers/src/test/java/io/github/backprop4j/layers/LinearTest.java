package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Initializers;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearTest {

    private static final double EXACT = 1e-12;
    /**
     * multAdd adds each product term into the running gradient, so the second sum rounds in a
     * different order than the first: 2× holds to the last bit or two, not bit for bit.
     */
    private static final double ACCUMULATION_ROUNDING = 1e-14;

    /** The allocating reference: Y = X·W + 1·b and its three gradients, one matrix each. */
    private static final class ReferenceLinear {
        final Matrix w;
        final Matrix b;

        ReferenceLinear(Matrix w, Matrix b) {
            this.w = w;
            this.b = b;
        }

        Matrix forward(Matrix x) {
            return x.mult(w).plusRow(b);
        }

        Matrix gradWeight(Matrix x, Matrix g) {
            return x.transpose().mult(g);
        }

        Matrix gradBias(Matrix g) {
            return g.sumCols();
        }

        Matrix gradInput(Matrix g) {
            return g.mult(w.transpose());
        }
    }

    @Test
    void constructor_seededRng_drawsWeightThenBiasLikePyTorch() {
        Linear layer = new Linear(3, 2, new SplittableRandom(7));
        SplittableRandom same = new SplittableRandom(7);
        Matrix w = Initializers.pytorchLinear(3, 2, 3, same);
        Matrix b = Initializers.pytorchLinear(1, 2, 3, same);
        assertArrayEquals(w.toRowMajorArray(), layer.weight().value().toRowMajorArray());
        assertArrayEquals(b.toRowMajorArray(), layer.bias().value().toRowMajorArray());
        assertEquals(3, layer.weight().value().rows());
        assertEquals(2, layer.weight().value().cols());
        assertEquals(1, layer.bias().value().rows());
    }

    @Test
    void constructor_nonPositiveSize_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Linear(0, 2, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("in=0"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}x{1} -> {2}")
    @CsvSource({"1, 3, 4", "16, 3, 2", "2, 12, 7"})
    void backward_randomShapes_matchesNumericalGradient(int m, int in, int out) {
        SplittableRandom rng = new SplittableRandom(11 + m + in + out);
        Linear layer = new Linear(in, out, rng);
        GradientCheck.Report report =
                TestData.strictCheck().assertGradients(layer, TestData.uniform(m, in, rng), rng);
        assertEquals(3, report.tensors().size());
        assertTrue(report.worst().relativeError() <= TestData.GRADIENT_TOLERANCE);
    }

    @Test
    void forwardAndBackward_randomBatch_agreeWithAllocatingReference() {
        SplittableRandom rng = new SplittableRandom(3);
        Linear layer = new Linear(4, 3, rng);
        ReferenceLinear ref = new ReferenceLinear(layer.weight().value().copy(),
                layer.bias().value().copy());
        Matrix x = TestData.uniform(5, 4, rng);
        Matrix g = TestData.uniform(5, 3, rng);

        assertTrue(layer.forward(x).approxEquals(ref.forward(x), EXACT));
        Matrix gradInput = layer.backward(g);

        assertTrue(gradInput.approxEquals(ref.gradInput(g), EXACT));
        assertTrue(layer.weight().grad().approxEquals(ref.gradWeight(x, g), EXACT));
        assertTrue(layer.bias().grad().approxEquals(ref.gradBias(g), EXACT));
    }

    @Test
    void forward_wrongInputWidth_throwsWithBothShapes() {
        Linear layer = new Linear(3, 4, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Matrix.zeros(8, 5)));
        assertEquals("Linear(3→4).forward: input has 5 columns, expected 3 (input 8x5)",
                e.getMessage());
    }

    @Test
    void backward_beforeForward_throwsIllegalState() {
        Linear layer = new Linear(3, 4, new SplittableRandom(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backward(Matrix.zeros(8, 4)));
        assertEquals("Linear.backward: called before forward; call forward(input) first",
                e.getMessage());
    }

    @Test
    void infer_givesForwardsOutputBitForBit_thenBackwardWaitsForForward() {
        SplittableRandom rng = new SplittableRandom(4);
        Linear layer = new Linear(3, 4, rng);
        Matrix x = TestData.uniform(5, 3, rng);
        Matrix g = TestData.uniform(5, 4, rng);
        Matrix fromForward = layer.forward(x).copy();

        Matrix fromInfer = layer.infer(x);

        assertTrue(fromInfer.approxEquals(fromForward, 0.0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backward(g));
        assertEquals("Linear.backward: called after infer, which keeps nothing for backward;"
                + " call forward(input) first", e.getMessage());
        layer.forward(x);
        Matrix gradInput = layer.backward(g);
        assertTrue(gradInput.approxEquals(g.multTransB(layer.weight().value()), 0.0));
    }

    @Test
    void infer_wrongInputWidth_throwsWithBothShapes() {
        Linear layer = new Linear(3, 4, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.infer(Matrix.zeros(8, 5)));
        assertEquals("Linear(3→4).infer: input has 5 columns, expected 3 (input 8x5)",
                e.getMessage());
    }

    @Test
    void backward_wrongGradShape_throwsWithBothShapes() {
        Linear layer = new Linear(3, 4, new SplittableRandom(1));
        layer.forward(Matrix.zeros(8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.backward(Matrix.zeros(8, 3)));
        assertTrue(e.getMessage().startsWith("Linear(3→4).backward"), e.getMessage());
        assertTrue(e.getMessage().contains("8x3") && e.getMessage().contains("8x4"),
                e.getMessage());
    }

    @Test
    void backward_doesNotModifyGradOutput() {
        SplittableRandom rng = new SplittableRandom(5);
        Linear layer = new Linear(3, 2, rng);
        Matrix g = TestData.uniform(4, 2, rng);
        double[] before = g.toRowMajorArray();
        layer.forward(TestData.uniform(4, 3, rng));
        layer.backward(g);
        assertArrayEquals(before, g.toRowMajorArray());
    }

    @Test
    void zeroGrad_afterTwoBackwards_accumulatedExactlyTwiceThenCleared() {
        SplittableRandom rng = new SplittableRandom(6);
        Linear layer = new Linear(3, 2, rng);
        Matrix g = TestData.uniform(4, 2, rng);
        layer.forward(TestData.uniform(4, 3, rng));
        layer.backward(g);
        Matrix onceW = layer.weight().grad().copy();
        Matrix onceB = layer.bias().grad().copy();
        layer.backward(g);

        assertArrayEquals(onceW.scale(2).toRowMajorArray(),
                layer.weight().grad().toRowMajorArray(), ACCUMULATION_ROUNDING);
        assertArrayEquals(onceB.scale(2).toRowMajorArray(), layer.bias().grad().toRowMajorArray(),
                ACCUMULATION_ROUNDING);
        assertFalse(onceW.approxEquals(layer.weight().grad(), ACCUMULATION_ROUNDING));
        layer.zeroGrad();
        assertEquals(0, layer.weight().grad().maxAbsDifference(Matrix.zeros(3, 2)));
        assertEquals(0, layer.bias().grad().maxAbsDifference(Matrix.zeros(1, 2)));
    }

    @Test
    void forwardAndBackward_sameBatchSize_reuseTheirBuffers() {
        SplittableRandom rng = new SplittableRandom(8);
        Linear layer = new Linear(3, 2, rng);
        Matrix x = TestData.uniform(4, 3, rng);
        Matrix g = TestData.uniform(4, 2, rng);
        assertSame(layer.forward(x), layer.forward(x));
        assertSame(layer.backward(g), layer.backward(g));
    }

    @Test
    void backward_inputChangedAfterForward_usesTheInputOfForward() {
        SplittableRandom rng = new SplittableRandom(9);
        Linear layer = new Linear(2, 2, rng);
        Matrix x = TestData.uniform(3, 2, rng);
        Matrix expected = x.transpose().mult(Matrix.filled(3, 2, 1));
        layer.forward(x);
        MatrixOps.fill(x, 100);
        layer.backward(Matrix.filled(3, 2, 1));
        assertTrue(layer.weight().grad().approxEquals(expected, EXACT));
    }

    @Test
    void forward_nanInput_propagatesNaN() {
        Linear layer = new Linear(2, 3, new SplittableRandom(1));
        Matrix y = layer.forward(Matrix.of(new double[][] {{Double.NaN, 1}, {1, 1}}));
        for (int c = 0; c < 3; c++) {
            assertTrue(Double.isNaN(y.get(0, c)));
            assertFalse(Double.isNaN(y.get(1, c)));
        }
    }

    @Test
    void toString_showsStructure() {
        assertEquals("Linear(1→32)", new Linear(1, 32, new SplittableRandom(1)).toString());
    }
    @Test
    void backwardParameters_sameBatch_addsExactlyTheGradientsOfBackward() {
        SplittableRandom rng = new SplittableRandom(71);
        Linear full = new Linear(4, 3, new SplittableRandom(5));
        Linear paramsOnly = new Linear(4, 3, new SplittableRandom(5));
        Matrix x = TestData.uniform(6, 4, rng);
        Matrix g = TestData.uniform(6, 3, rng);
        full.forward(x);
        full.backward(g);
        paramsOnly.forward(x);

        paramsOnly.backwardParameters(g);

        assertArrayEquals(full.weight().grad().toRowMajorArray(),
                paramsOnly.weight().grad().toRowMajorArray(), 0.0);
        assertArrayEquals(full.bias().grad().toRowMajorArray(),
                paramsOnly.bias().grad().toRowMajorArray(), 0.0);
    }

    @Test
    void backwardParameters_beforeForward_throwsIllegalState() {
        Linear layer = new Linear(2, 3, new SplittableRandom(1));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> layer.backwardParameters(Matrix.zeros(1, 3)));

        assertTrue(e.getMessage().contains("before forward"), e.getMessage());
    }
}
