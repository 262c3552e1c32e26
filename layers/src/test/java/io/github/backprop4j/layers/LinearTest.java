package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Init;
import io.github.backprop4j.core.Initializers;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Nonlinearity;
import io.github.backprop4j.core.Parameter;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearTest extends LayerContractTest {

    private static final double EXACT = 1e-12;
    /** The examples' decimals such as 0.1 are not exact in binary; everything else is. */
    private static final double DOC = 1e-12;
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

    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new Linear(width, 1 + rng.nextInt(6), rng);
    }

    private static Linear linear(Matrix w, Matrix b) {
        Linear layer = new Linear(w.rows(), w.cols(), new SplittableRandom(0));
        MatrixOps.copy(w, layer.weight().value());
        MatrixOps.copy(b, layer.bias().value());
        return layer;
    }

    /** The worked example of docs/derivations.md#linear, number for number. */
    @Test
    void documentedExample_matchesDerivationsSection() {
        Linear layer = linear(Matrix.of(new double[][] {{0.5, -1, 2}, {1, 0, -0.5}}),
                Matrix.rowVector(0.1, 0.2, 0.3));
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, -1}}).requiresGrad(true);
        Matrix g = Matrix.of(new double[][] {{1, 0, -1}, {2, 1, 0}});

        assertArrayEquals(new double[] {2.6, -0.8, 1.3, 0.6, -2.8, 6.8},
                layer.forward(x).toRowMajorArray(), DOC);
        Matrix gradX = layer.backward(g);
        assertArrayEquals(new double[] {7, 3, -1, 0, -1, -2},
                layer.weight().grad().toRowMajorArray(), DOC);
        assertArrayEquals(new double[] {3, 1, -1}, layer.bias().grad().toRowMajorArray(), DOC);
        assertArrayEquals(new double[] {-1.5, 1.5, 0, 2}, gradX.toRowMajorArray(), DOC);
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

    /** An Init draws the weight from the caller's generator, then the bias is PyTorch's. */
    @Test
    void constructor_withInit_drawsWeightByTheRuleThenDefaultBias() {
        Init kaiming = Init.kaimingUniform(Nonlinearity.RELU.gain(), Init.FanMode.FAN_IN);
        Linear layer = new Linear(30, 20, kaiming, new SplittableRandom(8));
        SplittableRandom same = new SplittableRandom(8);
        Matrix w = Initializers.kaimingUniform(30, 20, Math.sqrt(2), Init.FanMode.FAN_IN, same);
        Matrix b = Initializers.pytorchLinear(1, 20, 30, same);
        assertArrayEquals(w.toRowMajorArray(), layer.weight().value().toRowMajorArray(), 0.0);
        assertArrayEquals(b.toRowMajorArray(), layer.bias().value().toRowMajorArray(), 0.0);
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / 30);
        for (double v : layer.weight().value().toRowMajorArray()) {
            assertTrue(Math.abs(v) < bound, v + " outside ±" + bound);
        }
        assertArrayEquals(new Linear(4, 3, new SplittableRandom(9)).weight().value()
                .toRowMajorArray(), new Linear(4, 3, Init.pytorchDefault(), new SplittableRandom(9))
                .weight().value().toRowMajorArray(), 0.0);
    }

    @Test
    void constructor_initOfWrongShape_throwsWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Linear(3, 2, (in, out, rng) -> Matrix.zeros(out, in),
                        new SplittableRandom(1)));
        assertEquals("Linear: the weight drawn by init must be 3x2, got 2x3", e.getMessage());
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
        Matrix x = TestData.uniform(5, 4, rng).requiresGrad(true);
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
    void backward_inputRequiresGrad_returnsGTimesWTransposedBitForBit() {
        SplittableRandom rng = new SplittableRandom(4);
        Linear layer = new Linear(3, 4, rng);
        Matrix x = TestData.uniform(5, 3, rng).requiresGrad(true);
        Matrix g = TestData.uniform(5, 4, rng);

        layer.forward(x);
        Matrix gradInput = layer.backward(g);

        assertTrue(gradInput.approxEquals(g.multTransB(layer.weight().value()), 0.0));
    }

    /** The first layer of a network: its input is data, which needs no gradient. */
    @Test
    void backward_inputNotRequiringGrad_skipsGTimesWTransposedAndReturnsNull() {
        SplittableRandom rng = new SplittableRandom(71);
        Linear layer = new Linear(4, 3, rng);
        layer.forward(TestData.uniform(6, 4, rng));

        assertNull(layer.backward(TestData.uniform(6, 3, rng)));
    }

    @Test
    void forward_outputRequiresGradEvenForData() {
        Linear layer = new Linear(2, 2, new SplittableRandom(1));
        Matrix data = Matrix.zeros(3, 2);
        assertFalse(data.requiresGrad());
        assertTrue(layer.forward(data).requiresGrad());
    }

    @Test
    void parameters_weightTransposedAndBiasAsVectorInStateDicts() {
        Linear layer = new Linear(3, 2, new SplittableRandom(1));
        assertEquals(Parameter.Layout.TRANSPOSED, layer.weight().layout());
        assertEquals(Parameter.Layout.VECTOR, layer.bias().layout());
        assertSame(layer.weight(), layer.parameters().get(0));
        assertSame(layer.bias(), layer.parameters().get(1));
    }

    @Test
    void backward_wrongGradShape_messageNamesTheLayerAndBothShapes() {
        Linear layer = new Linear(3, 4, new SplittableRandom(1));
        layer.forward(Matrix.zeros(8, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.backward(Matrix.zeros(8, 3)));
        assertTrue(e.getMessage().startsWith("Linear(3→4).backward"), e.getMessage());
        assertTrue(e.getMessage().contains("8x3") && e.getMessage().contains("8x4"),
                e.getMessage());
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

    /**
     * Forward keeps a reference to its input, not a copy, as PyTorch does: changing the input
     * between forward and backward changes ∂L/∂W, which is why the rule is not to.
     */
    @Test
    void backward_inputChangedAfterForward_seesTheChangeSinceNoCopyIsKept() {
        SplittableRandom rng = new SplittableRandom(9);
        Linear layer = new Linear(2, 2, rng);
        Matrix x = TestData.uniform(3, 2, rng);
        layer.forward(x);
        MatrixOps.fill(x, 100);
        layer.backward(Matrix.filled(3, 2, 1));
        assertTrue(layer.weight().grad().approxEquals(Matrix.filled(2, 2, 300), EXACT));
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
    }}
