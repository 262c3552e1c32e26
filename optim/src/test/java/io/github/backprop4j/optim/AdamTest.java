package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Adam} and {@link AdamW} on one number, worked by hand, and their validation. The
 * 15-step comparisons with PyTorch are in {@link ReferenceTrajectoriesTest}.
 */
class AdamTest {

    private static final double TOLERANCE = 1e-15;

    private static Parameter theta() {
        return new Parameter("theta", Matrix.of(new double[][] {{1}}));
    }

    /** Sets the gradient, steps, and returns θ. */
    private static double step(Optimizer optimizer, double gradient) {
        Parameter p = optimizer.parameters().get(0);
        p.grad().set(0, 0, gradient);
        optimizer.step();
        return p.value().get(0, 0);
    }

    @Test
    void step_twoStepsOfDefaultBetas_matchWorkedExample() {
        // lr = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, θ = 1; gradients 2 then −1.
        // step 1:  m = 0.1·2 = 0.2                   v = 0.001·2² = 0.004
        //          m̂ = 0.2 / (1 − 0.9) = 2           v̂ = 0.004 / (1 − 0.999) = 4,  √v̂ = 2
        //          θ = 1 − 0.1·2 / (2 + 1e-8) = 0.9000000005
        //          (m̂/√v̂ = g/|g|: the first step is lr, whatever the gradient's size)
        // step 2:  m = 0.9·0.2 + 0.1·(−1) = 0.08     v = 0.999·0.004 + 0.001·1 = 0.004996
        //          m̂ = 0.08 / (1 − 0.9²) = 0.42105…  v̂ = 0.004996 / (1 − 0.999²) = 2.49925…
        //          θ = 0.9000000005 − 0.1·0.42105… / (1.58090… + 1e-8) = 0.87336…
        //          (m still points down: one opposite gradient only slows the descent)
        Adam adam = Adam.builder(List.of(theta())).learningRate(0.1).build();

        double first = step(adam, 2);
        double second = step(adam, -1);

        assertEquals(0.9000000005, first, TOLERANCE);
        assertEquals(0.9000000005 - 0.1 * (0.08 / 0.19) / (Math.sqrt(0.004996 / 0.001999) + 1e-8),
                second, TOLERANCE);
        assertEquals(0.8733662967024315, second, TOLERANCE);
    }

    @Test
    void step_amsgrad_dividesByTheLargestSecondMomentSoFar() {
        // β₁ = 0 (so m = g and m̂ = g), β₂ = 0.5, lr = 0.1, θ = 1; gradients 2 then 1.
        // step 1:  v = 0.5·4 = 2, v_max = 2;  √v / √(1 − 0.5) = 2;  θ = 1 − 0.1·2/2 = 0.9
        // step 2:  v = 0.5·2 + 0.5·1 = 1.5, but v_max stays 2;  1 − 0.5² = 0.75
        //          Adam:     θ = 0.9 − 0.1·1 / √(1.5/0.75) = 0.9 − 0.1/√2    = 0.82929
        //          AMSGrad:  θ = 0.9 − 0.1·1 / √(2/0.75)   = 0.9 − 0.1/1.633 = 0.83876
        Adam plain = Adam.builder(List.of(theta())).learningRate(0.1).betas(0, 0.5).build();
        Adam ams = Adam.builder(List.of(theta())).learningRate(0.1).betas(0, 0.5).amsgrad(true)
                .build();
        step(plain, 2);
        step(ams, 2);

        assertEquals(0.9000000005 - 0.1 / (Math.sqrt(2) + 1e-8), step(plain, 1), TOLERANCE);
        assertEquals(0.9000000005 - 0.1 / (Math.sqrt(2 / 0.75) + 1e-8), step(ams, 1), TOLERANCE);
        assertEquals(2.0, ams.stateDict().get("max_exp_avg_sq.theta").matrix().get(0, 0));
        assertEquals(1.5, ams.stateDict().get("exp_avg_sq.theta").matrix().get(0, 0));
    }

    @Test
    void weightDecay_firstStep_adamDividesItAwayAdamWShrinksTheta() {
        // θ = 1, g = 2, λ = 0.5, lr = 0.1.
        // Adam:   g ← 2 + 0.5·1 = 2.5; the first step is lr·2.5/2.5 = lr: θ = 0.9, as without
        //         decay. The penalty's gradient is normalised like the rest of g.
        // AdamW:  θ ← 1·(1 − 0.1·0.5) = 0.95, then the step of lr: θ = 0.85.
        Adam adam = Adam.builder(List.of(theta())).learningRate(0.1).weightDecay(0.5).build();
        AdamW adamw = AdamW.builder(List.of(theta())).learningRate(0.1).weightDecay(0.5).build();

        assertEquals(1 - 0.1 * 2.5 / (2.5 + 1e-8), step(adam, 2), TOLERANCE);
        assertEquals(0.95 - 0.1 * 2 / (2 + 1e-8), step(adamw, 2), TOLERANCE);
    }

    @Test
    void step_learningRateZero_movesNothingButTheMoments() {
        Adam adam = Adam.builder(List.of(theta())).learningRate(0).build();
        assertEquals(1.0, step(adam, 2), 0.0);
        assertEquals(0.2, adam.stateDict().get("exp_avg.theta").matrix().get(0, 0), TOLERANCE);
    }

    @Test
    void builders_unsetOptions_havePyTorchDefaults() {
        Adam adam = Adam.builder(List.of(theta())).build();
        AdamW adamw = AdamW.builder(List.of(theta())).build();
        assertEquals("Adam(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.0,"
                + " amsgrad=false, parameters=1)", adam.toString());
        assertEquals("AdamW(lr=0.001, beta1=0.9, beta2=0.999, eps=1.0E-8, weightDecay=0.01,"
                + " amsgrad=false, parameters=1)", adamw.toString());
        assertEquals(0.999, adamw.beta2());
        assertEquals(1e-8, adam.eps());
    }

    // ---------------------------------------------------------------- validation

    private static void assertRejected(String message, Runnable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::run)
                .getMessage());
    }

    @Test
    void build_badOptions_throwNamingOptionAndValue() {
        List<Parameter> p = List.of(theta());
        assertRejected("Adam: learningRate must be finite and >= 0, got -0.001",
                () -> Adam.builder(p).learningRate(-1e-3).build());
        assertRejected("AdamW: learningRate must be finite and >= 0, got NaN",
                () -> AdamW.builder(p).learningRate(Double.NaN).build());
        assertRejected("Adam: beta1 must be in [0, 1), got 1.0",
                () -> Adam.builder(p).betas(1, 0.999).build());
        assertRejected("Adam: beta1 must be in [0, 1), got -0.1",
                () -> Adam.builder(p).betas(-0.1, 0.999).build());
        assertRejected("AdamW: beta2 must be in [0, 1), got 1.5",
                () -> AdamW.builder(p).betas(0.9, 1.5).build());
        assertRejected("Adam: beta2 must be in [0, 1), got NaN",
                () -> Adam.builder(p).betas(0.9, Double.NaN).build());
        assertRejected("Adam: eps must be finite and > 0, got 0.0",
                () -> Adam.builder(p).eps(0).build());
        assertRejected("AdamW: eps must be finite and > 0, got -1.0E-8",
                () -> AdamW.builder(p).eps(-1e-8).build());
        assertRejected("AdamW: weightDecay must be finite and >= 0, got -0.01",
                () -> AdamW.builder(p).weightDecay(-0.01).build());
        assertRejected("Adam: params must not be empty, got an empty list",
                () -> Adam.builder(List.of()).build());
    }
}
