package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RMSprop} on one number, worked by hand, and its validation. The 15-step comparisons
 * with PyTorch are in {@link ReferenceTrajectoriesTest}.
 */
class RMSpropTest {

    private static final double TOLERANCE = 1e-15;

    /** θ = 1 with lr 0.01 and α 0.99, stepped twice with gradient 2; returns θ after each. */
    private static double[] twoSteps(RMSprop.Builder builder) {
        RMSprop rmsprop = builder.learningRate(0.01).alpha(0.99).build();
        Parameter theta = rmsprop.parameters().get(0);
        double[] out = new double[2];
        for (int t = 0; t < 2; t++) {
            theta.grad().set(0, 0, 2);
            rmsprop.step();
            out[t] = theta.value().get(0, 0);
        }
        return out;
    }

    private static RMSprop.Builder builder() {
        return RMSprop.builder(List.of(new Parameter("theta", Matrix.of(new double[][] {{1}}))));
    }

    @Test
    void step_plain_matchesWorkedExample() {
        // step 1: s = 0.01·2² = 0.04, √s = 0.2: θ = 1 − 0.01·2/0.2 = 0.9, a step of 10·lr,
        //         because s starts at 0 and has no bias correction
        // step 2: s = 0.99·0.04 + 0.01·4 = 0.0796: θ = 0.9 − 0.01·2/0.28213… = 0.82911…
        double[] theta = twoSteps(builder());
        assertEquals(1 - 0.01 * 2 / (0.2 + 1e-8), theta[0], TOLERANCE);
        assertEquals(theta[0] - 0.01 * 2 / (Math.sqrt(0.0796) + 1e-8), theta[1], TOLERANCE);
    }

    @Test
    void step_centered_dividesByTheRunningStandardDeviation() {
        // step 1: s = 0.04, ḡ = 0.01·2 = 0.02, s − ḡ² = 0.0396: θ = 1 − 0.02/0.19899… = 0.89949…
        // step 2: s = 0.0796, ḡ = 0.0398, s − ḡ² = 0.07801596: a steady gradient's variance
        //         grows more slowly than its mean square, so the steps are larger than plain
        double[] theta = twoSteps(builder().centered(true));
        assertEquals(1 - 0.01 * 2 / (Math.sqrt(0.0396) + 1e-8), theta[0], TOLERANCE);
        assertEquals(theta[0] - 0.01 * 2 / (Math.sqrt(0.0796 - 0.0398 * 0.0398) + 1e-8),
                theta[1], TOLERANCE);
    }

    @Test
    void step_momentum_bufferStartsAtZeroAndAccumulatesTheScaledGradient() {
        // step 1: b = 0.9·0 + 2/0.2 = 10:                      θ = 1 − 0.01·10 = 0.9
        // step 2: b = 0.9·10 + 2/0.28213… = 16.08881…:          θ = 0.9 − 0.1608881… = 0.73911…
        double[] theta = twoSteps(builder().momentum(0.9));
        double b1 = 2 / (0.2 + 1e-8);
        double b2 = 0.9 * b1 + 2 / (Math.sqrt(0.0796) + 1e-8);
        assertEquals(1 - 0.01 * b1, theta[0], TOLERANCE);
        assertEquals(theta[0] - 0.01 * b2, theta[1], TOLERANCE);
    }

    @Test
    void step_weightDecay_addsLambdaThetaToTheGradient() {
        // λ = 0.5: g = 2 + 0.5·1 = 2.5, s = 0.01·6.25, √s = 0.25: θ = 1 − 0.01·2.5/0.25 = 0.9
        RMSprop rmsprop = builder().weightDecay(0.5).build();
        rmsprop.parameters().get(0).grad().set(0, 0, 2);
        rmsprop.step();
        assertEquals(1 - 0.01 * 2.5 / (0.25 + 1e-8),
                rmsprop.parameters().get(0).value().get(0, 0), TOLERANCE);
    }

    @Test
    void stateDict_centeredWithMomentum_holdsPyTorchsBuffersInItsOrder() {
        RMSprop rmsprop = builder().momentum(0.5).centered(true).build();
        rmsprop.step();
        assertEquals(List.of("square_avg.theta", "momentum_buffer.theta", "grad_avg.theta"),
                rmsprop.stateDict().names());
        assertEquals("RMSprop(lr=0.01, alpha=0.99, eps=1.0E-8, weightDecay=0.0, momentum=0.5,"
                + " centered=true, parameters=1)", rmsprop.toString());
    }

    private static void assertRejected(String message, Runnable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::run)
                .getMessage());
    }

    @Test
    void build_badOptions_throwNamingOptionAndValue() {
        assertRejected("RMSprop: learningRate must be finite and >= 0, got -0.01",
                () -> builder().learningRate(-0.01).build());
        assertRejected("RMSprop: alpha must be in [0, 1], got 1.01",
                () -> builder().alpha(1.01).build());
        assertRejected("RMSprop: alpha must be in [0, 1], got -0.5",
                () -> builder().alpha(-0.5).build());
        assertRejected("RMSprop: alpha must be in [0, 1], got NaN",
                () -> builder().alpha(Double.NaN).build());
        assertRejected("RMSprop: eps must be finite and > 0, got 0.0",
                () -> builder().eps(0).build());
        assertRejected("RMSprop: weightDecay must be finite and >= 0, got -1.0",
                () -> builder().weightDecay(-1).build());
        assertRejected("RMSprop: momentum must be finite and >= 0, got -0.9",
                () -> builder().momentum(-0.9).build());
    }
}
