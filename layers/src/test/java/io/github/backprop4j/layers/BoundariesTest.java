package io.github.backprop4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Values at the edge of what a layer, a loss or the gradient check accepts, and what a second
 * call must not inherit from the first.
 */
class BoundariesTest {

    private static final double EXACT = 0.0;

    @Test
    void linear_zeroInputsOrOutputs_throwsWithBoth() {
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals("Linear: in and out must be positive, got in=0, out=3", assertThrows(
                IllegalArgumentException.class, () -> new Linear(0, 3, rng)).getMessage());
        assertEquals("Linear: in and out must be positive, got in=2, out=0", assertThrows(
                IllegalArgumentException.class, () -> new Linear(2, 0, rng)).getMessage());
    }

    /** Class k − 1 is the last one; class k is one too many. */
    @Test
    void crossEntropy_classIndexEqualToTheClassCount_throws() {
        Matrix logits = Matrix.zeros(2, 3);
        assertEquals("CrossEntropyLoss.forward: class index of row 1 must be in [0, 3), got 3",
                assertThrows(IllegalArgumentException.class,
                        () -> new CrossEntropyLoss().forward(logits, new int[] {2, 3}))
                        .getMessage());
    }

    /**
     * The one-hot targets of a call are not left over in the next: classes {0, 1}, then {1, 0}
     * on the same loss give what a fresh loss gives for {1, 0}, ln(1 + e) for the logits below.
     */
    @Test
    void crossEntropy_secondCallWithOtherClasses_forgetsTheFirst() {
        Matrix logits = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        CrossEntropyLoss loss = new CrossEntropyLoss();

        double first = loss.forward(logits, new int[] {0, 1});
        double second = loss.forward(logits, new int[] {1, 0});

        assertEquals(Math.log(1 + Math.exp(-1)), first, 1e-15);
        assertEquals(Math.log(1 + Math.E), second, 1e-15);
    }

    @Test
    void lossOptions_areReturned() {
        assertEquals(0.25, new CrossEntropyLoss(0.25).labelSmoothing(), EXACT);
        assertEquals(0.0, new CrossEntropyLoss().labelSmoothing(), EXACT);
        assertEquals(2.5, new HuberLoss(2.5).delta(), EXACT);
    }

    @Test
    void gradientCheck_zeroTolerance_throws() {
        assertEquals("GradientCheck: tolerance must be finite and positive, got 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> new GradientCheck(1e-6, 0)).getMessage());
    }

    /** An error exactly at the tolerance passes; NaN never does. */
    @Test
    void tensorReport_errorExactlyAtTheTolerance_passes() {
        assertTrue(new GradientCheck.TensorReport("w", 0, 0, 1, 1, 1e-6, 0).passed(1e-6));
        assertFalse(new GradientCheck.TensorReport("w", 0, 0, 1, 1, 2e-6, 0).passed(1e-6));
        assertFalse(new GradientCheck.TensorReport("w", 0, 0, 1, 1, Double.NaN, 0).passed(1e-6));
    }

    @Test
    void assertGradients_ofALoss_returnsItsPassingReport() {
        SplittableRandom rng = new SplittableRandom(2);
        Matrix p = TestData.uniform(3, 2, rng);
        Matrix t = TestData.uniform(3, 2, rng);

        GradientCheck.Report report = new GradientCheck().assertGradients(new MSELoss(), p, t);

        assertTrue(report.passed());
        assertEquals("prediction", report.worst().name());
        assertTrue(report.failureMessage().startsWith("Gradient check passed: worst relative"
                + " error "), report.failureMessage());
    }
}
