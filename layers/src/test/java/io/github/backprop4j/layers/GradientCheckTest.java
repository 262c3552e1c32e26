package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class GradientCheckTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(GradientCheck.class);
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void captureWarnings() {
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void releaseWarnings() {
        logger.detachAppender(warnings);
        warnings.stop();
    }

    /**
     * Y = X ⊙ 1·w, a column scaling with a deliberate bug: its weight gradient forgets the
     * factor X, adding 1ᵀ·G instead of 1ᵀ·(G ⊙ X). Its input gradient G ⊙ 1·w is right.
     */
    private static final class BuggyScale implements Layer {
        private final Parameter weight;
        private Matrix input;
        private Matrix output;

        BuggyScale(Matrix w) {
            this.weight = new Parameter("weight", w);
        }

        @Override
        public Matrix forward(Matrix x) {
            input = x.copy();
            output = x.copy();
            for (int r = 0; r < x.rows(); r++) {
                for (int c = 0; c < x.cols(); c++) {
                    output.set(r, c, x.get(r, c) * weight.value().get(0, c));
                }
            }
            return output;
        }

        @Override
        public Matrix backward(Matrix g) {
            MatrixOps.addColumnSums(g, weight.grad());      // the bug: should be G ⊙ X
            Matrix gradInput = g.copy();
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.cols(); c++) {
                    gradInput.set(r, c, g.get(r, c) * weight.value().get(0, c));
                }
            }
            return gradInput;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(weight);
        }
    }

    /** MSE whose backward forgets the factor 2: (1/N)(Ŷ − T). */
    private static final class HalfGradientLoss implements Loss {
        private final MSELoss mse = new MSELoss();

        @Override
        public double forward(Matrix prediction, Matrix target) {
            return mse.forward(prediction, target);
        }

        @Override
        public Matrix backward() {
            return mse.backward().scale(0.5);
        }
    }

    @Test
    void assertGradients_layerWithWrongWeightGradient_failsNamingTensorIndexAndValues() {
        SplittableRandom rng = new SplittableRandom(1);
        BuggyScale layer = new BuggyScale(TestData.awayFromZero(1, 3, rng));
        Matrix x = Matrix.uniform(4, 3, 0.5, 2, rng);

        GradientCheck.Report report = new GradientCheck().check(layer, x, new SplittableRandom(2));
        AssertionError e = assertThrows(AssertionError.class,
                () -> new GradientCheck().assertGradients(layer, x, new SplittableRandom(2)));

        assertFalse(report.passed());
        assertTrue(report.tensors().get(0).passed(GradientCheck.DEFAULT_TOLERANCE));
        GradientCheck.TensorReport worst = report.worst();
        assertEquals("weight", worst.name());
        assertEquals(0, worst.row());
        String expected = "Gradient check failed for weight at (0," + worst.col()
                + "): backprop " + GradientCheck.value(worst.analytic()) + ", central difference "
                + GradientCheck.value(worst.numeric()) + " (relative error "
                + GradientCheck.scientific(worst.relativeError()) + " > 1e-6)";
        assertEquals(expected, e.getMessage());
        assertEquals(expected, report.failureMessage());
    }

    @Test
    void assertGradients_lossWithHalfGradient_failsNamingPrediction() {
        SplittableRandom rng = new SplittableRandom(3);
        AssertionError e = assertThrows(AssertionError.class, () -> new GradientCheck()
                .assertGradients(new HalfGradientLoss(), TestData.uniform(2, 2, rng),
                        TestData.uniform(2, 2, rng)));
        assertTrue(e.getMessage().startsWith("Gradient check failed for prediction at ("),
                e.getMessage());
        // a gradient off by a factor 2 has relative error |a − 2a| / (|a| + |2a|) = 1/3
        assertTrue(e.getMessage().contains("(relative error 3.3e-1 > 1e-6)"), e.getMessage());
    }

    @Test
    void failureMessage_knownValues_matchesTheDocumentedFormat() {
        GradientCheck.Report report = new GradientCheck.Report(List.of(
                new GradientCheck.TensorReport("0.weight", 2, 1, 0.41320, 0.41290, 3.6e-4, 0)),
                1e-6, 1e-6);
        assertEquals("Gradient check failed for 0.weight at (2,1): backprop 0.41320, central"
                + " difference 0.41290 (relative error 3.6e-4 > 1e-6)", report.failureMessage());
    }

    @Test
    void relativeError_definition_usesSumOfMagnitudesWithTinyFloor() {
        assertEquals(0.1 / 2.1, GradientCheck.relativeError(1.1, 1.0), 1e-15);
        assertEquals(0, GradientCheck.relativeError(0, 0));
        assertEquals(1e-9 / GradientCheck.TINY, GradientCheck.relativeError(1e-9, 0), 1e-15);
        assertTrue(Double.isNaN(GradientCheck.relativeError(Double.NaN, 1)));
    }

    @Test
    void check_nanGradient_fails() {
        GradientCheck.Report report = new GradientCheck.Report(List.of(
                new GradientCheck.TensorReport("input", 0, 0, Double.NaN, 1, Double.NaN, 0)),
                1e-6, 1e-6);
        assertFalse(report.passed());
        assertTrue(report.failureMessage().contains("relative error NaN"));
    }

    @Test
    void check_anyLayer_restoresParametersGradientsAndInputExactly() {
        SplittableRandom rng = new SplittableRandom(4);
        Sequential model = new Sequential(new Linear(3, 4, rng), new ReLU(), new Linear(4, 2, rng));
        for (Parameter p : model.parameters()) {
            MatrixOps.copy(TestData.uniform(p.grad().rows(), p.grad().cols(), rng), p.grad());
        }
        List<double[]> values = model.parameters().stream()
                .map(p -> p.value().toRowMajorArray()).toList();
        List<double[]> grads = model.parameters().stream()
                .map(p -> p.grad().toRowMajorArray()).toList();
        Matrix x = TestData.uniform(5, 3, rng);
        double[] input = x.toRowMajorArray();

        new GradientCheck().check(model, x, rng);

        for (int i = 0; i < values.size(); i++) {
            assertArrayEquals(values.get(i), model.parameters().get(i).value().toRowMajorArray());
            assertArrayEquals(grads.get(i), model.parameters().get(i).grad().toRowMajorArray());
        }
        assertArrayEquals(input, x.toRowMajorArray());
    }

    @Test
    void check_reluInputWithinStepOfZero_warnsAndFlagsKink() {
        Matrix x = Matrix.rowVector(0.5, 5e-7, -0.25);
        GradientCheck.Report report = new GradientCheck().check(new ReLU(), x,
                new SplittableRandom(5));
        assertTrue(report.crossedKink());
        assertEquals(1, report.tensors().get(0).kinkCrossings());
        assertEquals(1, warnings.list.size());
        ILoggingEvent warning = warnings.list.get(0);
        assertEquals(Level.WARN, warning.getLevel());
        assertTrue(warning.getFormattedMessage().contains("1 of 3 perturbations of input"),
                warning.getFormattedMessage());
    }

    @Test
    void check_reluInsideSequentialNearZero_flagsKink() {
        Linear linear = new Linear(1, 1, new SplittableRandom(6));
        MatrixOps.fill(linear.weight().value(), 1);
        MatrixOps.fill(linear.bias().value(), 0);
        GradientCheck.Report report = new GradientCheck().check(
                new Sequential(linear, new ReLU()), Matrix.columnVector(3e-7, 0.5),
                new SplittableRandom(7));
        assertTrue(report.crossedKink());
        assertFalse(warnings.list.isEmpty());
    }

    /** |X|, a layer of the test's own that says where its kink is, as any layer may. */
    private static final class Abs implements Layer {
        private Matrix input;
        private Matrix output;

        @Override
        public Matrix forward(Matrix x) {
            input = x;
            output = x.copy();
            for (int r = 0; r < x.rows(); r++) {
                for (int c = 0; c < x.cols(); c++) {
                    output.set(r, c, Math.abs(x.get(r, c)));
                }
            }
            return output;
        }

        @Override
        public Matrix backward(Matrix g) {
            Matrix gradInput = g.copy();
            for (int r = 0; r < g.rows(); r++) {
                for (int c = 0; c < g.cols(); c++) {
                    gradInput.set(r, c, input.get(r, c) > 0 ? g.get(r, c) : -g.get(r, c));
                }
            }
            return gradInput;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public void kinkSides(IntConsumer sides) {
            for (int i = 0; i < input.size(); i++) {
                sides.accept(input.get(i / input.cols(), i % input.cols()) > 0 ? 1 : 0);
            }
        }
    }

    @Test
    void check_ownLayerReportingItsKinkSides_flagsTheCrossing() {
        GradientCheck.Report report = new GradientCheck().check(new Sequential(new Abs()),
                Matrix.rowVector(0.5, -4e-7, -0.25), new SplittableRandom(9));
        assertTrue(report.crossedKink());
        assertEquals(1, report.tensors().get(0).kinkCrossings());
        assertTrue(report.failureMessage().contains("across a kink"), report.failureMessage());
    }

    @Test
    void check_smoothLayer_reportsNoKinks() {
        GradientCheck.Report report = new GradientCheck().check(
                new Linear(2, 2, new SplittableRandom(10)), Matrix.rowVector(0.0, 1e-9),
                new SplittableRandom(11));
        assertFalse(report.crossedKink());
        assertTrue(warnings.list.isEmpty());
    }

    @Test
    void check_reluInputsFarFromZero_noKinkNoWarning() {
        GradientCheck.Report report = new GradientCheck().check(new ReLU(),
                Matrix.rowVector(0.5, -0.25), new SplittableRandom(8));
        assertFalse(report.crossedKink());
        assertTrue(report.passed());
        assertTrue(warnings.list.isEmpty());
    }

    @Test
    void constructor_nonPositiveStepOrTolerance_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GradientCheck().withStep(0));
        assertEquals("GradientCheck: step must be finite and positive, got 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GradientCheck(1e-6, -1));
        assertEquals(1e-5, new GradientCheck().withStep(1e-5).step());
        assertEquals(1e-8, new GradientCheck().withTolerance(1e-8).tolerance());
    }

    /**
     * The README's MLP 1→32→32→1 with {@code MSELoss} on y = 3x + 2, drawn as the README draws
     * it: x, then the README's Linear(1→1), then the MLP, all from one generator seeded 42.
     */
    private static Sequential readmeMlp(SplittableRandom rng) {
        new Linear(1, 1, rng);
        return new Sequential(new Linear(1, 32, rng), new ReLU(), new Linear(32, 32, rng),
                new ReLU(), new Linear(32, 1, rng));
    }

    @Test
    void assertGradients_readmeMlpWithMseLoss_passesWhereThePlainRelativeErrorFailed() {
        SplittableRandom rng = new SplittableRandom(42);
        Matrix x = Matrix.uniform(64, 1, -1, 1, rng);
        Matrix y = x.scale(3).plusRow(Matrix.rowVector(2));
        Sequential mlp = readmeMlp(rng);

        GradientCheck.Report report = new GradientCheck().assertGradients(mlp, new MSELoss(), x, y);

        assertTrue(report.passed());
        assertFalse(report.crossedKink());
        // the entry the plain relative error failed on: 1.6731e-5 against 1.6732e-5
        mlp.zeroGrad();
        MSELoss loss = new MSELoss();
        loss.forward(mlp.forward(x), y);
        mlp.backward(loss.backward());
        assertEquals(1.6731e-5, mlp.parameters().get(2).grad().get(4, 9), 5e-10);
        assertTrue(GradientCheck.relativeError(1.6731e-5, 1.6732e-5) > 1e-6);
    }

    /** A model whose backward is right except for one entry of one gradient, off by 1e-4. */
    private static final class Planted implements Layer {
        private final Sequential model;
        private final Parameter parameter;
        private final int index;

        Planted(Sequential model, Parameter parameter, int index) {
            this.model = model;
            this.parameter = parameter;
            this.index = index;
        }

        @Override
        public Matrix forward(Matrix x) {
            return model.forward(x);
        }

        @Override
        public Matrix backward(Matrix g) {
            double before = parameter.grad().unwrap().data[index];
            Matrix gradInput = model.backward(g);
            double[] grad = parameter.grad().unwrap().data;
            grad[index] += (grad[index] - before) * PLANTED;    // this pass's share, 1e-4 too big
            return gradInput;
        }

        @Override
        public List<Parameter> parameters() {
            return model.parameters();
        }

        @Override
        public void kinkSides(IntConsumer sides) {
            model.kinkSides(sides);
        }
    }

    private static final double PLANTED = 1e-4;
    /** The documented bound for the README's MLP: entries above it show a 1e-4 error. */
    private static final double DETECTABLE = 1.5e-4;

    @Test
    void assertGradients_readmeMlpWithAnErrorOf1e4InOneEntry_failsNamingThatEntry() {
        SplittableRandom rng = new SplittableRandom(42);
        Matrix x = Matrix.uniform(64, 1, -1, 1, rng);
        Matrix y = x.scale(3).plusRow(Matrix.rowVector(2));
        Sequential mlp = readmeMlp(rng);
        MSELoss loss = new MSELoss();
        mlp.zeroGrad();
        loss.forward(mlp.forward(x), y);
        mlp.backward(loss.backward());
        int planted = 0;
        for (Parameter p : mlp.parameters()) {
            double[] g = p.grad().toRowMajorArray();
            int largest = 0;
            int smallest = -1;
            for (int i = 0; i < g.length; i++) {
                largest = Math.abs(g[i]) > Math.abs(g[largest]) ? i : largest;
                if (Math.abs(g[i]) > DETECTABLE
                        && (smallest < 0 || Math.abs(g[i]) < Math.abs(g[smallest]))) {
                    smallest = i;
                }
            }
            for (int i : new int[] {largest, smallest}) {
                if (i < 0) {
                    continue;
                }
                GradientCheck.Report report = new GradientCheck().check(new Planted(mlp, p, i),
                        loss, x, y);
                GradientCheck.TensorReport worst = report.worst();
                String where = p.name() + " (" + i + "): " + report;
                assertFalse(report.passed(), where);
                assertEquals(p.name(), worst.name(), where);
                assertEquals(i, worst.row() * p.value().cols() + worst.col(), where);
                planted++;
            }
        }
        assertEquals(12, planted);
    }

    @Test
    void check_layerAfterPlantedErrorBelowTheRoundingFloor_passes() {
        // 1e-4 of an entry of 1.6731e-5 is 1.7e-9: below r ≈ 1.5e-8, rounding could make it
        SplittableRandom rng = new SplittableRandom(42);
        Matrix x = Matrix.uniform(64, 1, -1, 1, rng);
        Matrix y = x.scale(3).plusRow(Matrix.rowVector(2));
        Sequential mlp = readmeMlp(rng);
        Parameter w = mlp.parameters().get(2);

        assertTrue(new GradientCheck().check(new Planted(mlp, w, 4 * 32 + 9), new MSELoss(), x, y)
                .passed());
    }

    /** L = K + Σ C ⊙ Ŷ, whose backward returns C with one entry planted off by 1e-3. */
    private static final class OffsetLinearLoss implements Loss {
        private static final double K = 1000;
        private final Matrix c;
        private final Matrix g;

        OffsetLinearLoss(Matrix c) {
            this.c = c;
            this.g = c.copy();
            g.set(0, 0, c.get(0, 0) + 1e-3);
        }

        @Override
        public double forward(Matrix prediction, Matrix target) {
            double l = K;
            for (int i = 0; i < prediction.size(); i++) {
                l += c.get(0, i) * prediction.get(0, i);
            }
            return l;
        }

        @Override
        public Matrix backward() {
            return g.copy();
        }
    }

    @Test
    void check_entriesBelowTheFloor_errorIsTheDisagreementOverTheFloor() {
        Matrix prediction = Matrix.rowVector(3, -4);
        OffsetLinearLoss loss = new OffsetLinearLoss(Matrix.rowVector(0.1, 0.1));

        GradientCheck.TensorReport worst = new GradientCheck().check(loss, prediction,
                Matrix.rowVector(0, 0)).worst();

        // s = |L| + Σ |G ⊙ Ŷ| = 999.9 + (0.101·3 + 0.1·4) = 1000.603; F = 10·ε·s / (h·τ)
        double s = 999.9 + 0.101 * 3 + 0.1 * 4;
        double floor = 10 * Math.ulp(1.0) * s / (1e-6 * 1e-6);
        assertEquals(0, worst.row());
        assertEquals(0, worst.col());
        assertEquals(Math.abs(worst.analytic() - worst.numeric()) / floor, worst.relativeError(),
                1e-9 * worst.relativeError());
        assertTrue(worst.relativeError() > 1e-4, () -> String.valueOf(worst.relativeError()));
    }

    @Test
    void check_layerEntriesBelowTheFloor_floorFromTheProjectionAndItsMagnitude() {
        Linear linear = new Linear(2, 2, new SplittableRandom(12));
        MatrixOps.copy(Matrix.of(new double[][] {{0.5, -0.25}, {0.75, 1.5}}),
                linear.weight().value());
        MatrixOps.copy(Matrix.rowVector(1e4, -3e4), linear.bias().value());
        Matrix x = Matrix.of(new double[][] {{0.5, -1}, {2, 0.25}, {-1.5, 1}});
        // R as the check draws it: uniform on [−1, 1), row by row, from the generator given
        Matrix y = x.mult(linear.weight().value()).plusRow(linear.bias().value());
        Matrix r = Matrix.uniform(3, 2, -1, 1, new SplittableRandom(13));
        double l = 0;
        double magnitudes = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                l += r.get(i, j) * y.get(i, j);
                magnitudes += Math.abs(r.get(i, j) * y.get(i, j));
            }
        }
        double floor = 10 * Math.ulp(1.0) * (Math.abs(l) + magnitudes) / (1e-6 * 1e-6);

        GradientCheck.Report report = new GradientCheck().check(linear, x,
                new SplittableRandom(13));

        int nonzero = 0;
        for (GradientCheck.TensorReport t : report.tensors()) {
            assertTrue(Math.abs(t.analytic()) + Math.abs(t.numeric()) < floor, t::toString);
            assertEquals(Math.abs(t.analytic() - t.numeric()) / floor, t.relativeError(),
                    1e-9 * t.relativeError() + 1e-300, t::toString);
            nonzero += t.relativeError() > 0 ? 1 : 0;
        }
        assertTrue(nonzero > 0, report::toString);
        assertTrue(report.passed(), report::toString);
    }

    @Test
    void roundingFloor_isTenEpsilonTimesSizeOverStepAndTolerance_neverBelowTiny() {
        // 10 · 2⁻⁵² · 1 / (1e-6 · 1e-6) = 2.220446049250313e-3
        assertEquals(2.220446049250313e-3, GradientCheck.roundingFloor(1, 1e-6, 1e-6), 1e-18);
        assertEquals(2.220446049250313e-1, GradientCheck.roundingFloor(1, 1e-6, 1e-8), 1e-16);
        assertEquals(6.661338147750939e-4, GradientCheck.roundingFloor(3, 1e-5, 1e-6), 1e-18);
        assertEquals(GradientCheck.TINY, GradientCheck.roundingFloor(0, 1e-6, 1e-6));
        assertEquals(GradientCheck.TINY, GradientCheck.roundingFloor(1e-20, 1e-6, 1e-6));
        assertEquals(10.0, GradientCheck.ROUNDING_ALLOWANCE);
    }

    @Test
    void relativeErrorWithFloor_smallEntriesAgainstTheFloor_largeAgainstThemselves() {
        assertEquals(0.5 / 10, GradientCheck.relativeError(1.0, 1.5, 10), 1e-15);
        assertEquals(2.0 / 4, GradientCheck.relativeError(3, 1, 2), 1e-15);
        assertEquals(2.0 / 4, GradientCheck.relativeError(-3, -1, 4), 1e-15);
        assertEquals(1e-9 / 1e-3, GradientCheck.relativeError(2e-9, 1e-9, 1e-3), 1e-18);
        assertEquals(0, GradientCheck.relativeError(0, 0, GradientCheck.TINY));
        assertTrue(Double.isNaN(GradientCheck.relativeError(1, 1, Double.NaN)));
    }

    @Test
    void scientific_formatsLikeTheMessages() {
        assertEquals("3.6e-4", GradientCheck.scientific(3.6e-4));
        assertEquals("1e-6", GradientCheck.scientific(1e-6));
        assertEquals("2.5e3", GradientCheck.scientific(2500));
    }

    /**
     * An input of no rows has no entry to perturb: its report names no row or column (−1) and
     * errs by 0, while the weights, whose gradients are all 0 then, are still checked.
     */
    @Test
    void check_inputWithNoRows_reportsNoEntryForTheInput() {
        Linear layer = new Linear(2, 3, new SplittableRandom(5));
        GradientCheck.Report report = new GradientCheck().check(layer, Matrix.zeros(0, 2),
                new SplittableRandom(6));
        assertEquals(new GradientCheck.TensorReport("input", -1, -1, 0, 0, 0, 0),
                report.tensors().get(0));
        assertEquals(3, report.tensors().size());
        assertEquals("weight", report.tensors().get(1).name());
        assertEquals(0, report.tensors().get(1).relativeError());
        assertTrue(report.passed());
    }
}
