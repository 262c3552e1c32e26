package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every optimizer and schedule returns the options it was built with, each a value other than
 * its default, so that an accessor returning a constant shows; and the bounds of a range.
 */
class OptionAccessorsTest {

    private static List<Parameter> params() {
        return List.of(new Parameter("w", Matrix.of(new double[][] {{1, 2}})));
    }

    @Test
    void sgd_returnsItsOptions() {
        SGD sgd = SGD.builder(params()).learningRate(0.1).momentum(0.9).dampening(1)
                .nesterov(false).weightDecay(0.01).build();
        SGD nesterov = SGD.builder(params()).learningRate(0.1).momentum(0.5).nesterov(true).build();

        assertEquals(0.9, sgd.momentum(), 0.0);
        assertEquals(1.0, sgd.dampening(), 0.0);
        assertEquals(0.01, sgd.weightDecay(), 0.0);
        assertFalse(sgd.nesterov());
        assertTrue(nesterov.nesterov());
    }

    @Test
    void adam_returnsItsOptions() {
        Adam adam = Adam.builder(params()).learningRate(0.01).betas(0.8, 0.99).eps(1e-6)
                .weightDecay(0.02).amsgrad(true).build();
        Adam plain = Adam.builder(params()).build();

        assertEquals(0.8, adam.beta1(), 0.0);
        assertEquals(0.99, adam.beta2(), 0.0);
        assertEquals(1e-6, adam.eps(), 0.0);
        assertEquals(0.02, adam.weightDecay(), 0.0);
        assertTrue(adam.amsgrad());
        assertFalse(plain.amsgrad());
    }

    @Test
    void rmsprop_returnsItsOptions() {
        RMSprop rms = RMSprop.builder(params()).learningRate(0.01).alpha(0.9).eps(1e-6)
                .weightDecay(0.03).momentum(0.5).centered(true).build();
        RMSprop plain = RMSprop.builder(params()).build();

        assertEquals(0.9, rms.alpha(), 0.0);
        assertEquals(1e-6, rms.eps(), 0.0);
        assertEquals(0.03, rms.weightDecay(), 0.0);
        assertEquals(0.5, rms.momentum(), 0.0);
        assertTrue(rms.centered());
        assertFalse(plain.centered());
    }

    @Test
    void schedules_returnTheirOptions() {
        SGD sgd = SGD.builder(params()).learningRate(0.1).build();

        StepLR step = new StepLR(sgd, 3, 0.5);
        assertEquals(3, step.stepSize());
        assertEquals(0.5, step.gamma(), 0.0);
        assertEquals(0.7, new ExponentialLR(sgd, 0.7).gamma(), 0.0);
        CosineAnnealingLR cosine = new CosineAnnealingLR(sgd, 20, 0.001);
        assertEquals(20, cosine.tMax());
        assertEquals(0.001, cosine.etaMin(), 0.0);
    }

    @Test
    void range_equalBounds_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Range.closedOpen(1, 1));
        assertEquals("Range: bounds must be finite with min < max, got 1.0 and 1.0", e.getMessage());
    }

    /** Bounds below 10^15 are written as whole numbers; from 10^15 on as Java writes doubles. */
    @Test
    void range_toString_writesWholeBoundsUpTo1e15() {
        assertEquals("in [0, 999999999999999]", Range.closed(0, 999_999_999_999_999.0).toString());
        assertEquals("in [0, 1.0E15]", Range.closed(0, 1e15).toString());
    }
}
