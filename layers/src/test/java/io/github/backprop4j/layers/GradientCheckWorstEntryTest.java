package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Which entry a gradient check reports: the one that agrees worst, at its own row and column,
 * not the last one looked at; and a check of a correct layer passes and gives back the
 * gradients the parameters held before.
 */
class GradientCheckWorstEntryTest {

    /**
     * Y = X + Σ c_ij·W_ij for a 1×1 input and a 2×3 weight with c_ij = i + j + 1, whose backward
     * multiplies the true ∂L/∂W_ij by 1 + e_ij and ∂L/∂X by 1 + eInput. The relative error of an
     * entry is then e/(2 + e) whatever the check's random projection, so the worst entry is the
     * one with the largest e.
     */
    private static final class MiscountedLayer implements Layer {
        private final Parameter w = new Parameter("w", Matrix.zeros(2, 3));
        private final double[] e;
        private final double eInput;
        private final Matrix output = Matrix.zeros(1, 1);
        private final Matrix gradInput = Matrix.zeros(1, 1);
        private Matrix input;

        MiscountedLayer(double[] e, double eInput) {
            this.e = e;
            this.eInput = eInput;
            for (int i = 0; i < 6; i++) {
                w.value().set(i / 3, i % 3, 0.1 * (i + 1));
            }
        }

        private static double c(int i, int j) {
            return i + j + 1;
        }

        @Override
        public Matrix forward(Matrix x) {
            input = x;
            double y = x.get(0, 0);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    y += c(i, j) * w.value().get(i, j);
                }
            }
            output.set(0, 0, y);
            return output;
        }

        @Override
        public Matrix backward(Matrix gradOutput) {
            double g = gradOutput.get(0, 0);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    double grad = w.grad().get(i, j) + c(i, j) * g * (1 + e[i * 3 + j]);
                    w.grad().set(i, j, grad);
                }
            }
            gradInput.set(0, 0, g * (1 + eInput));
            return gradInput;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(w);
        }
    }

    private static Matrix input() {
        return Matrix.of(new double[][] {{0.5}}).requiresGrad(true);
    }

    /**
     * The worst entry is (1,1), the fifth of six: not the first, not the last (which is wrong
     * too, less), and its column (1) differs from its index modulo the row count (0).
     */
    @Test
    void check_oneEntryWorstInTheMiddle_reportsThatEntryAndItsTensor() {
        double[] e = {0.05, 0, 0, 0, 0.5, 0.1};
        MiscountedLayer layer = new MiscountedLayer(e, 0.2);

        GradientCheck.Report report = new GradientCheck().check(layer, input(),
                new SplittableRandom(11));

        GradientCheck.TensorReport weight = report.tensors().get(1);
        assertEquals("w", weight.name());
        assertEquals(1, weight.row());
        assertEquals(1, weight.col());
        assertEquals(1.5, weight.analytic() / weight.numeric(), 1e-6);
        GradientCheck.TensorReport in = report.tensors().get(0);
        assertEquals(1.2, in.analytic() / in.numeric(), 1e-6);
        assertSame(weight, report.worst());
        assertFalse(report.passed());
        assertTrue(report.failureMessage().startsWith("Gradient check failed for w at (1,1): "),
                report.failureMessage());
    }

    /** The worst entry is the first: a later, better entry must not replace it. */
    @Test
    void check_firstEntryWorst_keepsIt() {
        double[] e = {0.4, 0.1, 0.1, 0.2, 0.1, 0.3};
        MiscountedLayer layer = new MiscountedLayer(e, 0);

        GradientCheck.TensorReport weight = new GradientCheck().check(layer, input(),
                new SplittableRandom(12)).tensors().get(1);

        assertEquals(0, weight.row());
        assertEquals(0, weight.col());
    }

    /** A correct layer whose gradients were filled beforehand: the check passes and restores them. */
    @Test
    void check_correctLayerWithPrefilledGradients_passesAndRestoresThem() {
        MiscountedLayer layer = new MiscountedLayer(new double[6], 0);
        Parameter w = layer.parameters().get(0);
        double[] before = {1, -2, 3, -4, 5, -6};
        for (int i = 0; i < 6; i++) {
            w.grad().set(i / 3, i % 3, before[i]);
        }

        GradientCheck.Report report = new GradientCheck().assertGradients(layer, input(),
                new SplittableRandom(13));

        assertTrue(report.passed());
        assertTrue(report.worst().relativeError() < 1e-7, report.toString());
        assertArrayEquals(before, w.grad().toRowMajorArray(), 0.0);
    }

    /** A NaN in backward is the worst entry of all, wherever it is, and fails the check. */
    @Test
    void check_nanGradientInOneEntry_reportsThatEntry() {
        double[] e = {0.5, 0.1, Double.NaN, 0.4, 0, 0};
        MiscountedLayer layer = new MiscountedLayer(e, 0.9);

        GradientCheck.Report report = new GradientCheck().check(layer, input(),
                new SplittableRandom(14));

        GradientCheck.TensorReport weight = report.tensors().get(1);
        assertEquals(0, weight.row());
        assertEquals(2, weight.col());
        assertTrue(Double.isNaN(weight.relativeError()));
        assertSame(weight, report.worst());
        assertFalse(report.passed());
    }

    /** The table: a header and one line per tensor, the failing one marked. */
    @Test
    void toString_oneTensorFailing_marksOnlyThatLine() {
        MiscountedLayer layer = new MiscountedLayer(new double[] {0, 0, 0, 0, 0.5, 0}, 0);

        String[] lines = new GradientCheck().check(layer, input(), new SplittableRandom(15))
                .toString().split("\\R");

        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("Gradient check (h = 1e-6, tolerance = 1e-6)"), lines[0]);
        assertTrue(lines[1].startsWith("  input        at (0,0): "), lines[1]);
        assertFalse(lines[1].contains("FAILED"), lines[1]);
        assertTrue(lines[2].startsWith("  w            at (1,1): "), lines[2]);
        assertTrue(lines[2].endsWith("  FAILED"), lines[2]);
    }
}
