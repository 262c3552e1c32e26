package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Initializers;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SequentialTest extends LayerContractTest {

    private static final double CLOSE = 1e-12;
    /** The example's decimals are exact in binary. */
    private static final double DOC = 0.0;
    /** See LinearTest: accumulating through multAdd rounds the second sum differently. */
    private static final double ACCUMULATION_ROUNDING = 1e-14;

    /**
     * The check of the deep network: tolerance 1e-7 like every other gradient check, step
     * h = 1e-4 instead of the default 1e-6.
     *
     * <p>Through five layers and a mean over all outputs, some entries of ∂L/∂θ are as small as
     * 3e-5·|L| (6e-6 against a loss of about 0.2). The central difference
     * (L(θ + h) − L(θ − h)) / 2h carries a rounding error of about ε·|L|/h (ε ≈ 1.1e-16), which
     * is a relative error of about 2e-6 on such an entry with h = 1e-6, and still 1.8e-7 with
     * h = 1e-5. Its truncation error, about h²·|L‴|/6, grows with h, and h = 1e-4 balances the
     * two: the worst entry of these tests then errs by 5e-8. A larger step would also cross more
     * ReLU kinks, which each test asserts did not happen.
     */
    private static final GradientCheck DEEP_CHECK = new GradientCheck(1e-4,
            TestData.GRADIENT_TOLERANCE);

    /** For the contract: a network with parameters, and no kink near the contract's inputs. */
    @Override
    Layer newLayer(int width, RandomGenerator rng) {
        return new Sequential(new Linear(width, 4, rng), new Softmax(), new Linear(4, 2, rng));
    }

    /** Through a softmax some entries are small: see {@link #DEEP_CHECK}. */
    @Override
    GradientCheck gradientCheck() {
        return DEEP_CHECK;
    }

    private static Sequential mlp(SplittableRandom rng) {
        return new Sequential(new Linear(1, 32, rng), new ReLU(), new Linear(32, 1, rng));
    }

    /**
     * The deep network of the end-to-end check, with a softmax output and He-initialised weights.
     *
     * <p>He initialisation keeps the signal's scale through the ReLU layers. With PyTorch's
     * default the outputs of this softmax barely depend on the input, many gradient entries fall
     * to 1e-6 and below, and those cannot be checked to 1e-7 (see {@link #DEEP_CHECK}).
     */
    private static Sequential classifier(int in, int out, SplittableRandom rng) {
        Sequential model = new Sequential(new Linear(in, 8, rng), new ReLU(), new Linear(8, 6, rng),
                new ReLU(), new Linear(6, out, rng), new Softmax());
        for (Layer layer : model.layers()) {
            if (layer instanceof Linear linear) {
                Matrix he = Initializers.heNormal(linear.inFeatures(), linear.outFeatures(), rng);
                MatrixOps.copy(he, linear.weight().value());
            }
        }
        return model;
    }

    /**
     * The whole training objective, MSE(softmax network(X), T), against central differences of
     * the loss itself, to the 1e-7 of the single-layer tests (with the step of
     * {@link #DEEP_CHECK}).
     */
    @ParameterizedTest(name = "{0}x{1} -> {2}")
    @CsvSource({"1, 4, 3", "6, 3, 2", "3, 12, 5"})
    void backward_endToEndWithMseLoss_matchesNumericalGradient(int m, int in, int out) {
        SplittableRandom rng = new SplittableRandom(51 + m * in * out);
        Sequential model = classifier(in, out, rng);
        Matrix x = TestData.uniform(m, in, rng);
        Matrix target = Matrix.uniform(m, out, 0, 1, rng);

        GradientCheck.Report report = DEEP_CHECK.assertGradients(model, new MSELoss(), x, target);

        assertFalse(report.crossedKink(), report::toString);
        assertEquals(List.of("input", "0.weight", "0.bias", "2.weight", "2.bias", "4.weight",
                "4.bias"), report.tensors().stream().map(t -> t.name()).toList());
    }

    /** The deep network alone, L = Σ R ⊙ Y, to 1e-7 with the step of {@link #DEEP_CHECK}. */
    @ParameterizedTest(name = "{0}x{1} -> {2}")
    @CsvSource({"1, 4, 3", "24, 3, 2", "3, 12, 5"})
    void backward_deepNetworkRandomProjection_matchesNumericalGradient(int m, int in, int out) {
        SplittableRandom rng = new SplittableRandom(61 + m * in * out);
        GradientCheck.Report report = DEEP_CHECK
                .assertGradients(classifier(in, out, rng), TestData.uniform(m, in, rng), rng);
        assertFalse(report.crossedKink(), report::toString);
    }

    /** The worked example of docs/derivations.md#sequential, number for number. */
    @Test
    void documentedExample_chainRuleLayerByLayer() {
        Linear first = new Linear(2, 2, new SplittableRandom(0));
        MatrixOps.copy(Matrix.of(new double[][] {{1, -1}, {0.5, 1}}), first.weight().value());
        MatrixOps.copy(Matrix.rowVector(0, -3), first.bias().value());
        Linear second = new Linear(2, 1, new SplittableRandom(0));
        MatrixOps.copy(Matrix.columnVector(1.5, -1), second.weight().value());
        MatrixOps.copy(Matrix.rowVector(0.5), second.bias().value());
        Sequential model = new Sequential(first, new ReLU(), second);
        MSELoss loss = new MSELoss();

        Matrix y = model.forward(Matrix.rowVector(1, 2).requiresGrad(true));
        assertArrayEquals(new double[] {3.5}, y.toRowMajorArray(), DOC);
        assertEquals(0.25, loss.forward(y, Matrix.rowVector(3)), DOC);
        Matrix gradY = loss.backward();
        assertArrayEquals(new double[] {1}, gradY.toRowMajorArray(), DOC);

        Matrix gradX = model.backward(gradY);
        assertArrayEquals(new double[] {2, 0}, second.weight().grad().toRowMajorArray(), DOC);
        assertArrayEquals(new double[] {1}, second.bias().grad().toRowMajorArray(), DOC);
        assertArrayEquals(new double[] {1.5, 0, 3, 0}, first.weight().grad().toRowMajorArray(),
                DOC);
        assertArrayEquals(new double[] {1.5, 0}, first.bias().grad().toRowMajorArray(), DOC);
        assertArrayEquals(new double[] {1.5, 0.75}, gradX.toRowMajorArray(), DOC);
    }

    @Test
    void forwardAndBackward_randomBatch_agreeWithLayerByLayerReference() {
        SplittableRandom rng = new SplittableRandom(2);
        Linear first = new Linear(3, 4, rng);
        Linear second = new Linear(4, 2, rng);
        Sequential model = new Sequential(first, new ReLU(), second);
        Matrix x = TestData.uniform(5, 3, rng).requiresGrad(true);
        Matrix g = TestData.uniform(5, 2, rng);

        // allocating reference: each step a new matrix, the chain rule written out
        Matrix z1 = x.mult(first.weight().value()).plusRow(first.bias().value());
        Matrix a1 = z1.copy();
        Matrix mask = z1.copy();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 4; c++) {
                a1.set(r, c, Math.max(z1.get(r, c), 0));
                mask.set(r, c, z1.get(r, c) > 0 ? 1 : 0);
            }
        }
        Matrix y = a1.mult(second.weight().value()).plusRow(second.bias().value());
        Matrix gradA1 = g.multTransB(second.weight().value());
        Matrix gradZ1 = gradA1.elementMult(mask);

        assertTrue(model.forward(x).approxEquals(y, CLOSE));
        Matrix gradX = model.backward(g);
        assertTrue(gradX.approxEquals(gradZ1.multTransB(first.weight().value()), CLOSE));
        assertTrue(second.weight().grad().approxEquals(a1.multTransA(g), CLOSE));
        assertTrue(first.weight().grad().approxEquals(x.multTransA(gradZ1), CLOSE));
        assertTrue(first.bias().grad().approxEquals(gradZ1.sumCols(), CLOSE));
    }

    @Test
    void parameters_threeLayers_namedByPositionAndSharingMatrices() {
        SplittableRandom rng = new SplittableRandom(1);
        Linear first = new Linear(1, 32, rng);
        Linear last = new Linear(32, 1, rng);
        Sequential model = new Sequential(first, new ReLU(), last);
        List<Parameter> params = model.parameters();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                params.stream().map(Parameter::name).toList());
        assertSame(first.weight().value(), params.get(0).value());
        assertSame(first.weight().grad(), params.get(0).grad());
        assertSame(last.bias().grad(), params.get(3).grad());
    }

    @Test
    void parameters_nestedSequential_namesCarryBothPositions() {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential model = new Sequential(new ReLU(),
                new Sequential(new Linear(2, 2, rng), new ReLU()));
        assertEquals(List.of("1.0.weight", "1.0.bias"),
                model.parameters().stream().map(Parameter::name).toList());
    }

    @Test
    void toString_showsStructure() {
        assertEquals("Sequential(0: Linear(1→32), 1: ReLU, 2: Linear(32→1))",
                mlp(new SplittableRandom(1)).toString());
    }

    @Test
    void summary_inputWidthOne_listsShapesAndParameterCounts() {
        String expected = String.join("\n",
                "input: mx1, m = batch size",
                "#  layer         output  params",
                "0  Linear(1→32)  mx32        64",
                "1  ReLU          mx32         0",
                "2  Linear(32→1)  mx1         33",
                "total parameters: 97");
        assertEquals(expected, mlp(new SplittableRandom(1)).summary(1));
    }

    @Test
    void toDot_inputWidthOne_drawsEachLayerWithShapeAndParameterCount() {
        String expected = String.join("\n",
                "digraph Sequential {",
                "  rankdir=TB;",
                "  fontname=\"Helvetica\";",
                "  node [shape=box, style=rounded, fontname=\"Helvetica\"];",
                "  input [label=\"input\\nm×1\", shape=plaintext];",
                "  layer0 [label=\"0: Linear(1→32)\\noutput m×32\\n64 parameters\"];",
                "  input -> layer0;",
                "  layer1 [label=\"1: ReLU\\noutput m×32\\n0 parameters\"];",
                "  layer0 -> layer1;",
                "  layer2 [label=\"2: Linear(32→1)\\noutput m×1\\n33 parameters\"];",
                "  layer1 -> layer2;",
                "  label=\"total parameters: 97\";",
                "}",
                "");
        assertEquals(expected, mlp(new SplittableRandom(1)).toDot(1));
    }

    @Test
    void toDot_oneParameterAndQuotesInAName_singularAndEscaped() {
        Layer quoted = new Layer() {
            private final Parameter gain = new Parameter("gain", Matrix.of(new double[][] {{2}}));

            @Override
            public Matrix forward(Matrix input) {
                return input;
            }

            @Override
            public Matrix backward(Matrix gradOutput) {
                return gradOutput;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(gain);
            }

            @Override
            public String toString() {
                return "Gain(\"x\"\\2\nend)";
            }
        };
        String dot = new Sequential(quoted).toDot(3);
        assertTrue(dot.contains("  layer0 [label=\"0: Gain(\\\"x\\\"\\\\2\\nend)\\noutput m×3"
                + "\\n1 parameter\"];\n"), dot);
        assertTrue(dot.endsWith("  label=\"total parameters: 1\";\n}\n"), dot);
    }

    @Test
    void toDot_wrongInputWidth_throwsNamingTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp(new SplittableRandom(1)).toDot(3));
        assertEquals("Linear(1→32).outputWidth: input has 3 columns, expected 1", e.getMessage());
    }

    @Test
    void observe_forwardAndBackward_seesEveryLayerInTheOrderTheCodeRuns() {
        Sequential model = mlp(new SplittableRandom(3));
        Matrix x = Matrix.of(new double[][] {{0.5}, {-1.5}});
        List<String> calls = new ArrayList<>();
        List<Matrix> seen = new ArrayList<>();
        LayerObserver observer = new LayerObserver() {
            @Override
            public void forward(int index, Layer layer, Matrix input, Matrix output) {
                calls.add("forward " + index + " " + layer);
                seen.add(input);
                seen.add(output);
            }

            @Override
            public void backward(int index, Layer layer, Matrix gradOutput, Matrix gradInput) {
                calls.add("backward " + index + " " + layer + (gradInput == null ? " null" : ""));
                seen.add(gradOutput);
                seen.add(gradInput);
            }
        };
        model.observe(observer);
        assertSame(observer, model.observer());
        Matrix y = model.forward(x);
        Matrix g = Matrix.of(new double[][] {{1}, {-2}});
        model.backward(g);
        assertEquals(List.of("forward 0 Linear(1→32)", "forward 1 ReLU", "forward 2 Linear(32→1)",
                "backward 2 Linear(32→1)", "backward 1 ReLU", "backward 0 Linear(1→32) null"),
                calls);
        assertSame(x, seen.get(0));
        assertSame(seen.get(1), seen.get(2));                 // A_0 is layer 1's input
        assertSame(seen.get(3), seen.get(4));
        assertSame(y, seen.get(5));
        assertSame(g, seen.get(6));
        assertSame(seen.get(7), seen.get(8));                 // G_1 is what layer 1 receives
        assertSame(seen.get(9), seen.get(10));
        assertNull(seen.get(11));
    }

    @Test
    void observe_null_stopsObserving() {
        Sequential model = mlp(new SplittableRandom(3));
        assertNull(model.observer());
        List<Integer> calls = new ArrayList<>();
        model.observe(new LayerObserver() {
            @Override
            public void forward(int index, Layer layer, Matrix input, Matrix output) {
                calls.add(index);
            }
        });
        model.forward(Matrix.of(new double[][] {{1}}));
        model.backward(Matrix.of(new double[][] {{1}}));     // the default backward: nothing
        model.observe(null);
        model.forward(Matrix.of(new double[][] {{1}}));
        model.backward(Matrix.of(new double[][] {{1}}));
        assertNull(model.observer());
        assertEquals(List.of(0, 1, 2), calls);
    }

    @Test
    void summary_wrongInputWidth_throwsNamingTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp(new SplittableRandom(1)).summary(3));
        assertTrue(e.getMessage().startsWith("Linear(1→32)"), e.getMessage());
    }

    @Test
    void predict_returnsACopyThatSurvivesTheNextForward() {
        SplittableRandom rng = new SplittableRandom(3);
        Sequential model = mlp(rng);
        Matrix x = TestData.uniform(4, 1, rng);
        Matrix kept = model.predict(x);
        double[] values = kept.toRowMajorArray();
        Matrix owned = model.forward(TestData.uniform(4, 1, rng));
        assertNotSame(owned, kept);
        assertArrayEquals(values, kept.toRowMajorArray());
    }

    @Test
    void forward_wrongWidthInsideNetwork_namesPositionAndBothShapes() {
        SplittableRandom rng = new SplittableRandom(4);
        Sequential model = new Sequential(new Linear(3, 4, rng), new ReLU(), new Linear(5, 1, rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.forward(Matrix.zeros(8, 3)));
        assertEquals("Sequential.forward: layer 2 failed: Linear(5→1).forward: input has 4"
                + " columns, expected 5 (input 8x4)", e.getMessage());
    }

    @Test
    void predict_givesForwardsOutputBitForBit() {
        SplittableRandom rng = new SplittableRandom(8);
        Sequential model = classifier(4, 3, rng);
        Matrix x = TestData.uniform(6, 4, rng);
        Matrix fromForward = model.forward(x).copy();

        Matrix kept = model.predict(x);

        assertTrue(kept.approxEquals(fromForward, 0.0));
        assertFalse(kept.requiresGrad());
    }

    /** Inference from several threads at once: each gets what one thread alone gets. */
    @Test
    void predict_eightThreadsAtOnce_eachGetsTheSingleThreadedBits() throws Exception {
        SplittableRandom rng = new SplittableRandom(9);
        Sequential model = classifier(4, 3, rng);
        List<Matrix> inputs = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            inputs.add(TestData.uniform(5 + t, 4, rng));
            expected.add(model.predict(inputs.get(t)).toRowMajorArray());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<double[]>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Matrix x = inputs.get(t);
                results.add(pool.submit(() -> {
                    List<double[]> outputs = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        outputs.add(model.predict(x).toRowMajorArray());
                    }
                    return outputs;
                }));
            }
            for (int t = 0; t < 8; t++) {
                for (double[] output : results.get(t).get()) {
                    assertArrayEquals(expected.get(t), output, 0.0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predict_layerRejectsInput_namesPositionAndOperation() {
        Sequential model = new Sequential(new Linear(3, 4, new SplittableRandom(1)), new ReLU());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Matrix.zeros(2, 5)));
        assertEquals("Sequential.predict: layer 0 failed: Linear(3→4).predict: input has 5"
                + " columns, expected 3 (input 2x5)", e.getMessage());
    }

    @Test
    void backward_wrongGradShape_namesTheFailingLayerAndBothShapes() {
        Sequential model = mlp(new SplittableRandom(1));
        model.forward(Matrix.zeros(8, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.backward(Matrix.zeros(8, 2)));
        assertTrue(e.getMessage().contains("layer 2") && e.getMessage().contains("8x2")
                && e.getMessage().contains("8x1"), e.getMessage());
    }

    @Test
    void constructor_noLayers_throws() {
        assertThrows(IllegalArgumentException.class, Sequential::new);
    }

    @Test
    void zeroGrad_afterTwoBackwards_accumulatedExactlyTwiceThenCleared() {
        SplittableRandom rng = new SplittableRandom(7);
        Sequential model = mlp(rng);
        Matrix g = TestData.uniform(4, 1, rng);
        model.forward(TestData.uniform(4, 1, rng));
        model.backward(g);
        List<Matrix> once = model.parameters().stream().map(p -> p.grad().copy()).toList();
        model.backward(g);
        for (int i = 0; i < once.size(); i++) {
            assertArrayEquals(once.get(i).scale(2).toRowMajorArray(),
                    model.parameters().get(i).grad().toRowMajorArray(), ACCUMULATION_ROUNDING);
        }
        model.zeroGrad();
        for (Parameter p : model.parameters()) {
            Matrix zero = Matrix.zeros(p.grad().rows(), p.grad().cols());
            assertEquals(0, p.grad().maxAbsDifference(zero));
        }
    }

    @Test
    void outputWidth_followsTheLayers() {
        assertEquals(5, classifier(3, 5, new SplittableRandom(1)).outputWidth(3));
    }

    /** Data that does not require grad: backward stops at the first layer, which returns null. */
    @Test
    void backward_dataNotRequiringGrad_returnsNull() {
        SplittableRandom rng = new SplittableRandom(81);
        Sequential model = mlp(rng);
        model.forward(TestData.uniform(7, 1, rng));

        assertNull(model.backward(TestData.uniform(7, 1, rng)));
    }

    /**
     * Each intermediate output requires grad once X does or a layer with parameters came
     * before it, whatever the layers set themselves.
     */
    @Test
    void forward_marksEachOutputByInputAndParametersSoFar() {
        SplittableRandom rng = new SplittableRandom(82);
        ReLU first = new ReLU();
        Linear linear = new Linear(3, 3, rng);
        ReLU last = new ReLU();
        Sequential model = new Sequential(first, linear, last);

        model.forward(TestData.uniform(2, 3, rng));

        assertFalse(first.output().requiresGrad());
        assertTrue(last.output().requiresGrad());
        model.forward(TestData.uniform(2, 3, rng).requiresGrad(true));
        assertTrue(first.output().requiresGrad());
    }

    /** ReLU → Linear on data: nothing below the Linear needs a gradient, so ReLU is not asked. */
    @Test
    void backward_activationBeforeFirstParameters_isNotRun() {
        SplittableRandom rng = new SplittableRandom(83);
        ReLU relu = new ReLU();
        Sequential model = new Sequential(relu, new Linear(3, 2, rng));
        model.forward(TestData.uniform(4, 3, rng));

        assertNull(model.backward(TestData.uniform(4, 2, rng)));
        Matrix x = TestData.uniform(4, 3, rng).requiresGrad(true);
        model.forward(x);
        assertEquals(3, model.backward(TestData.uniform(4, 2, rng)).cols());
    }
}
