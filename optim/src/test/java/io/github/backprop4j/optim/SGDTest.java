package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SGD against trajectories worked by hand from the rule θ ← θ − lr·update.
 *
 * <p>Every trajectory starts at θ₀ = 1 (a 1x1 parameter) and feeds the gradients 1, 2, −1 into
 * steps 1, 2, 3, set directly on the parameter's grad (the optimizer does not care where they
 * come from). The hand calculations are in exact decimals; they were checked once with exact
 * rational arithmetic, independently of this code.
 */
class SGDTest {

    private static final double TOLERANCE = 1e-12;
    private static final double[] GRADS = {1, 2, -1};

    /** θ after each of three steps, with the gradients of {@link #GRADS}. */
    private static double[] trajectory(Function<List<Parameter>, SGD> make) {
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        SGD sgd = make.apply(List.of(theta));
        double[] out = new double[GRADS.length];
        for (int t = 0; t < GRADS.length; t++) {
            theta.grad().set(0, 0, GRADS[t]);
            sgd.step();
            out[t] = theta.value().get(0, 0);
        }
        return out;
    }

    @Test
    void step_plain_matchesHandComputedTrajectory() {
        // lr = 0.1: θ₁ = 1 − 0.1·1 = 0.9;  θ₂ = 0.9 − 0.1·2 = 0.7;  θ₃ = 0.7 − 0.1·(−1) = 0.8
        assertArrayEquals(new double[] {0.9, 0.7, 0.8},
                trajectory(p -> new SGD(p, 0.1)), TOLERANCE);
    }

    @Test
    void step_momentum_firstStepCopiesGradientThenAccumulates() {
        // lr = 0.1, μ = 0.9
        // step 1: b = g = 1                      θ₁ = 1 − 0.1·1 = 0.9
        // step 2: b = 0.9·1 + 2 = 2.9            θ₂ = 0.9 − 0.29 = 0.61
        // step 3: b = 0.9·2.9 − 1 = 1.61         θ₃ = 0.61 − 0.161 = 0.449
        assertArrayEquals(new double[] {0.9, 0.61, 0.449},
                trajectory(p -> SGD.builder(p).learningRate(0.1).momentum(0.9).build()),
                TOLERANCE);
    }

    @Test
    void step_dampening_ignoredOnFirstStepAppliedLater() {
        // lr = 0.1, μ = 0.9, τ = 0.5
        // step 1: b = g = 1 (no dampening yet)   θ₁ = 0.9
        // step 2: b = 0.9·1 + 0.5·2 = 1.9        θ₂ = 0.9 − 0.19 = 0.71
        // step 3: b = 0.9·1.9 + 0.5·(−1) = 1.21  θ₃ = 0.71 − 0.121 = 0.589
        assertArrayEquals(new double[] {0.9, 0.71, 0.589},
                trajectory(p -> SGD.builder(p).learningRate(0.1).momentum(0.9).dampening(0.5)
                        .build()),
                TOLERANCE);
    }

    @Test
    void step_nesterov_usesGradientPlusMomentumTimesBuffer() {
        // lr = 0.1, μ = 0.9; update = g + μ·b
        // step 1: b = 1;     update = 1 + 0.9·1 = 1.9         θ₁ = 1 − 0.19 = 0.81
        // step 2: b = 2.9;   update = 2 + 0.9·2.9 = 4.61      θ₂ = 0.81 − 0.461 = 0.349
        // step 3: b = 1.61;  update = −1 + 0.9·1.61 = 0.449   θ₃ = 0.349 − 0.0449 = 0.3041
        assertArrayEquals(new double[] {0.81, 0.349, 0.3041},
                trajectory(p -> SGD.builder(p).learningRate(0.1).momentum(0.9).nesterov(true)
                        .build()),
                TOLERANCE);
    }

    @Test
    void step_weightDecay_addsLambdaTheta() {
        // lr = 0.1, λ = 0.1; g = grad + 0.1·θ
        // step 1: g = 1 + 0.1·1 = 1.1               θ₁ = 1 − 0.11 = 0.89
        // step 2: g = 2 + 0.1·0.89 = 2.089          θ₂ = 0.89 − 0.2089 = 0.6811
        // step 3: g = −1 + 0.1·0.6811 = −0.93189    θ₃ = 0.6811 + 0.093189 = 0.774289
        assertArrayEquals(new double[] {0.89, 0.6811, 0.774289},
                trajectory(p -> SGD.builder(p).learningRate(0.1).weightDecay(0.1).build()),
                TOLERANCE);
    }

    @Test
    void step_momentumDampeningAndWeightDecay_matchesHandComputedTrajectory() {
        // lr = 0.1, μ = 0.9, τ = 0.5, λ = 0.1
        // step 1: g = 1.1;                b = 1.1                                θ₁ = 0.89
        // step 2: g = 2 + 0.089 = 2.089;  b = 0.99 + 0.5·2.089 = 2.0345          θ₂ = 0.68655
        // step 3: g = −1 + 0.068655 = −0.931345;
        //         b = 0.9·2.0345 + 0.5·(−0.931345) = 1.3653775
        //         θ₃ = 0.68655 − 0.13653775 = 0.55001225
        assertArrayEquals(new double[] {0.89, 0.68655, 0.55001225},
                trajectory(p -> SGD.builder(p).learningRate(0.1).momentum(0.9).dampening(0.5)
                        .weightDecay(0.1).build()),
                TOLERANCE);
    }

    @Test
    void step_nesterovWithWeightDecay_matchesHandComputedTrajectory() {
        // lr = 0.1, μ = 0.9, λ = 0.1, Nesterov (dampening must be 0)
        // step 1: g = 1.1;        b = 1.1;        update = 1.1 + 0.99 = 2.09      θ₁ = 0.791
        // step 2: g = 2.0791;     b = 0.99 + 2.0791 = 3.0691;
        //         update = 2.0791 + 2.76219 = 4.84129                            θ₂ = 0.306871
        // step 3: g = −1 + 0.0306871 = −0.9693129;  b = 2.76219 − 0.9693129 = 1.7928771
        //         update = −0.9693129 + 1.61358939 = 0.64427649
        //         θ₃ = 0.306871 − 0.064427649 = 0.242443351
        assertArrayEquals(new double[] {0.791, 0.306871, 0.242443351},
                trajectory(p -> SGD.builder(p).learningRate(0.1).momentum(0.9).nesterov(true)
                        .weightDecay(0.1).build()),
                TOLERANCE);
    }

    @Test
    void step_matrixParameter_updatesEveryEntry() {
        Parameter w = new Parameter("w", Matrix.of(new double[][] {{1, -2}, {0.5, 4}}));
        SGD sgd = new SGD(List.of(w), 0.5);
        w.grad().set(0, 0, 2);
        w.grad().set(0, 1, -1);
        w.grad().set(1, 0, 0);
        w.grad().set(1, 1, 8);
        sgd.step();
        // θ − 0.5·g entry by entry
        assertArrayEquals(new double[] {0, -1.5, 0.5, 0}, w.value().toRowMajorArray(), TOLERANCE);
        assertEquals(1, sgd.steps());
    }

    @Test
    void setLearningRate_betweenSteps_scalesWholeBufferOnNextStep() {
        // lr 0.1 for step 1, then 0.01; μ = 0.9
        // step 1: b = 1;     θ₁ = 0.9
        // step 2: b = 2.9;   θ₂ = 0.9 − 0.01·2.9 = 0.871
        // step 3: b = 1.61;  θ₃ = 0.871 − 0.01·1.61 = 0.8549
        // (The textbook form v ← μv − lr·g would give θ₂ = 0.9 + (0.9·(−0.1) − 0.02) = 0.79.)
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0.1).momentum(0.9).build();
        double[] got = new double[3];
        for (int t = 0; t < 3; t++) {
            theta.grad().set(0, 0, GRADS[t]);
            sgd.step();
            got[t] = theta.value().get(0, 0);
            sgd.setLearningRate(0.01);
        }
        assertArrayEquals(new double[] {0.9, 0.871, 0.8549}, got, TOLERANCE);
        assertEquals(0.01, sgd.learningRate());
    }

    @Test
    void zeroGrad_afterGradientsSet_clearsEveryParameter() {
        Parameter a = new Parameter("a", Matrix.filled(2, 3, 1));
        Parameter b = new Parameter("b", Matrix.filled(1, 3, 1));
        fillEntries(a.grad(), 5);
        fillEntries(b.grad(), -2);
        SGD sgd = new SGD(List.of(a, b), 0.1);
        sgd.zeroGrad();
        assertEquals(0, a.grad().maxAbsDifference(Matrix.zeros(2, 3)));
        assertEquals(0, b.grad().maxAbsDifference(Matrix.zeros(1, 3)));
    }

    @Test
    void parameters_returnsGivenOrderUnmodifiable() {
        Parameter a = new Parameter("a", Matrix.zeros(1, 1));
        Parameter b = new Parameter("b", Matrix.zeros(1, 1));
        SGD sgd = new SGD(List.of(b, a), 0.1);
        assertEquals(List.of(b, a), sgd.parameters());
        assertThrows(UnsupportedOperationException.class, () -> sgd.parameters().clear());
    }

    // ---------------------------------------------------------------- validation

    private static List<Parameter> one() {
        return List.of(new Parameter("w", Matrix.zeros(2, 1)));
    }

    private static void assertRejected(String expectedMessage, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(expectedMessage, e.getMessage());
    }

    @Test
    void constructor_badLearningRate_throwsNamingValue() {
        assertRejected("SGD: learningRate must be finite and >= 0, got -0.1",
                () -> new SGD(one(), -0.1));
        assertRejected("SGD: learningRate must be finite and >= 0, got NaN",
                () -> new SGD(one(), Double.NaN));
        assertRejected("SGD: learningRate must be finite and >= 0, got Infinity",
                () -> new SGD(one(), Double.POSITIVE_INFINITY));
    }

    /** PyTorch accepts lr = 0 (its check is {@code 0.0 <= lr}); a step then changes nothing. */
    @Test
    void constructorAndSetLearningRate_zero_areAcceptedAndLeaveValuesUnchanged() {
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        theta.grad().set(0, 0, 3);
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0).momentum(0.9).build();
        sgd.step();
        assertEquals(1.0, theta.value().get(0, 0), 0.0);
        sgd.setLearningRate(0.1);
        sgd.setLearningRate(0);
        assertEquals(0.0, sgd.learningRate(), 0.0);
    }

    @Test
    void build_badMomentum_throwsNamingValue() {
        assertRejected("SGD: momentum must be finite and >= 0, got -0.5",
                () -> SGD.builder(one()).learningRate(0.1).momentum(-0.5).build());
        assertRejected("SGD: momentum must be finite and >= 0, got Infinity",
                () -> SGD.builder(one()).learningRate(0.1).momentum(Double.POSITIVE_INFINITY)
                        .build());
    }

    @Test
    void build_dampeningOutsideUnitInterval_throwsNamingValue() {
        assertRejected("SGD: dampening must be in [0, 1], got 1.5",
                () -> SGD.builder(one()).learningRate(0.1).momentum(0.9).dampening(1.5).build());
        assertRejected("SGD: dampening must be in [0, 1], got -0.1",
                () -> SGD.builder(one()).learningRate(0.1).dampening(-0.1).build());
    }

    @Test
    void build_negativeWeightDecay_throwsNamingValue() {
        assertRejected("SGD: weightDecay must be finite and >= 0, got -1.0E-4",
                () -> SGD.builder(one()).learningRate(0.1).weightDecay(-1e-4).build());
    }

    @Test
    void build_nesterovWithoutMomentumOrWithDampening_throws() {
        assertRejected("SGD: nesterov requires momentum > 0 and dampening = 0, got momentum=0.0,"
                        + " dampening=0.0",
                () -> SGD.builder(one()).learningRate(0.1).nesterov(true).build());
        assertRejected("SGD: nesterov requires momentum > 0 and dampening = 0, got momentum=0.9,"
                        + " dampening=0.1",
                () -> SGD.builder(one()).learningRate(0.1).momentum(0.9).dampening(0.1)
                        .nesterov(true).build());
    }

    @Test
    void build_learningRateNeverSet_throwsIllegalState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SGD.builder(one()).momentum(0.9).build());
        assertEquals("SGD.Builder.build: learningRate must be set; call learningRate(double)"
                + " before build()", e.getMessage());
    }

    @Test
    void constructor_emptyParameterList_throws() {
        assertRejected("SGD: params must not be empty, got an empty list",
                () -> new SGD(List.of(), 0.1));
    }

    @Test
    void constructor_sameParameterTwice_throwsNamingBoth() {
        Parameter w = new Parameter("w", Matrix.zeros(2, 1));
        Parameter b = new Parameter("b", Matrix.zeros(1, 1));
        assertRejected("SGD: params must not contain the same Parameter twice, got"
                        + " Parameter[w 2x1] at index 0 and Parameter[w 2x1] at index 2",
                () -> new SGD(List.of(w, b, w), 0.1));
    }

    @Test
    void constructor_twoParametersWithOneName_throwsNamingBoth() {
        Parameter first = new Parameter("weight", Matrix.zeros(2, 1));
        Parameter second = new Parameter("weight", Matrix.zeros(3, 1));
        assertRejected("SGD: params must have distinct names, got Parameter[weight 2x1] at index 0"
                        + " and Parameter[weight 3x1] at index 1",
                () -> new SGD(List.of(first, second), 0.1));
    }

    @Test
    void constructor_renamedAliasOfParameter_throwsSharedValue() {
        Parameter w = new Parameter("weight", Matrix.zeros(2, 1));
        Parameter alias = w.renamed("0.weight");
        assertRejected("SGD: params must not contain two parameters sharing one value matrix, got"
                        + " Parameter[weight 2x1] at index 0 and Parameter[0.weight 2x1] at index 1",
                () -> new SGD(List.of(w, alias), 0.1));
    }

    @Test
    void constructor_nullInList_throwsNamingIndex() {
        Parameter w = new Parameter("w", Matrix.zeros(2, 1));
        assertRejected("SGD: params must not contain null, got null at index 1",
                () -> new SGD(Arrays.asList(w, null), 0.1));
    }

    @Test
    void setLearningRate_invalid_throwsAndKeepsOldRate() {
        SGD sgd = new SGD(one(), 0.1);
        assertRejected("SGD.setLearningRate: learningRate must be finite and >= 0, got -1.0",
                () -> sgd.setLearningRate(-1));
        assertRejected("SGD.setLearningRate: learningRate must be finite and >= 0, got NaN",
                () -> sgd.setLearningRate(Double.NaN));
        assertRejected("SGD.setLearningRate: learningRate must be finite and >= 0, got Infinity",
                () -> sgd.setLearningRate(Double.POSITIVE_INFINITY));
        assertEquals(0.1, sgd.learningRate());
    }

    // ---------------------------------------------------------------- state

    /** The momentum buffer of {@code name} in the optimizer's state dict: a copy. */
    private static Matrix momentumBuffer(SGD sgd, String name) {
        return sgd.stateDict().get("momentum_buffer." + name).matrix();
    }

    @Test
    void stateDict_beforeFirstStepAndWithoutMomentum_holdsNoBuffers() {
        SGD withMomentum = SGD.builder(one()).learningRate(0.1).momentum(0.9).build();
        assertEquals(0, withMomentum.stateDict().size());
        SGD plain = new SGD(one(), 0.1);
        plain.step();
        assertEquals(0, plain.stateDict().size());
    }

    @Test
    void stateDict_afterSteps_holdsCopiesOfTheBuffersByName() {
        // μ = 0.9, grads 1 then 2: b = 1, then 0.9·1 + 2 = 2.9
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0.1).momentum(0.9).build();
        theta.grad().set(0, 0, 1);
        sgd.step();
        theta.grad().set(0, 0, 2);
        sgd.step();
        StateDict state = sgd.stateDict();
        assertEquals(List.of("momentum_buffer.theta"), state.names());
        assertEquals(2.9, momentumBuffer(sgd, "theta").get(0, 0), TOLERANCE);
        state.get("momentum_buffer.theta").matrix().set(0, 0, 100);  // a copy: no effect
        assertEquals(2.9, momentumBuffer(sgd, "theta").get(0, 0), TOLERANCE);
        assertNotSame(momentumBuffer(sgd, "theta"), momentumBuffer(sgd, "theta"));
    }

    /** Five steps straight, against two steps, a saved state, a fresh optimizer and three more. */
    @Test
    void loadStateDict_intoFreshOptimizer_resumesBitIdentically() {
        double[][] grads = {{0.3, -1.2}, {0.7, 0.25}, {-2.0, 0.5}, {1.5, 1.5}, {-0.1, 0.9}};
        Function<List<Parameter>, SGD> make = p -> SGD.builder(p).learningRate(0.05)
                .momentum(0.8).nesterov(true).weightDecay(0.01).build();

        Parameter straight = new Parameter("w", Matrix.rowVector(1.0, -0.5));
        SGD reference = make.apply(List.of(straight));
        for (double[] g : grads) {
            setGrad(straight, g);
            reference.step();
        }

        Parameter resumed = new Parameter("w", Matrix.rowVector(1.0, -0.5));
        SGD before = make.apply(List.of(resumed));
        for (int t = 0; t < 2; t++) {
            setGrad(resumed, grads[t]);
            before.step();
        }
        StateDict saved = before.stateDict();
        Parameter restored = new Parameter("w", resumed.value().copy());
        SGD after = make.apply(List.of(restored));
        after.loadStateDict(saved);
        for (int t = 2; t < grads.length; t++) {
            setGrad(restored, grads[t]);
            after.step();
        }

        assertArrayEquals(straight.value().toRowMajorArray(), restored.value().toRowMajorArray(),
                0.0);
        assertEquals(5, after.steps());
    }

    @Test
    void loadStateDict_stateBeforeFirstStep_nextStepCopiesGradient() {
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0.1).momentum(0.9).build();
        StateDict atStepZero = sgd.stateDict();
        theta.grad().set(0, 0, 5);
        sgd.step();                                   // b = 5, θ = 0.5
        sgd.loadStateDict(atStepZero);
        theta.grad().set(0, 0, 1);
        sgd.step();                                   // a first step again: b = 1, θ = 0.4
        assertEquals(0.4, theta.value().get(0, 0), TOLERANCE);
        assertEquals(1.0, momentumBuffer(sgd, "theta").get(0, 0), TOLERANCE);
        assertEquals(1, sgd.steps());
    }

    @Test
    void loadStateDict_mismatchedStates_throwAndChangeNothing() {
        Parameter theta = new Parameter("theta", Matrix.zeros(2, 1));
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0.1).momentum(0.9).build();
        Matrix good = Matrix.zeros(2, 1);
        assertRefused("per-parameter state (momentum_buffer) must be present after the first step"
                        + " and absent before it, got 0 tensors after 3 steps",
                () -> sgd.loadStateDict(state(sgd, 3, 0.1, Map.of())));
        assertRefused("per-parameter state (momentum_buffer) must be present after the first step"
                        + " and absent before it, got 1 tensors after 0 steps",
                () -> sgd.loadStateDict(state(sgd, 0, 0.1, Map.of("theta", good))));
        assertRefused(List.of("unexpected \"momentum_buffer.bias\" (shape [2, 1])",
                "per-parameter state (momentum_buffer) must be present after the first step and"
                        + " absent before it, got 0 tensors after 3 steps"),
                () -> sgd.loadStateDict(state(sgd, 3, 0.1, Map.of("bias", good))));
        assertRefused("\"momentum_buffer.theta\" must have its parameter's shape 2x1, got 1x2",
                () -> sgd.loadStateDict(state(sgd, 3, 0.1, Map.of("theta", Matrix.zeros(1, 2)))));
        assertRefused("\"lr\" must be finite and >= 0, got \"-0.1\"",
                () -> sgd.loadStateDict(state(sgd, 3, -0.1, Map.of("theta", good))));
        assertEquals(0, sgd.steps());
        assertEquals(0.1, sgd.learningRate());

        SGD plain = new SGD(List.of(theta), 0.1);
        assertRefused("unexpected \"momentum_buffer.theta\" (shape [2, 1])",
                () -> plain.loadStateDict(state(plain, 3, 0.1, Map.of("theta", good))));
    }

    /** A cosine schedule with etaMin = 0 leaves lr = 0 in a checkpoint taken at its minimum. */
    @Test
    void loadStateDict_learningRateZero_loads() {
        Parameter theta = new Parameter("theta", Matrix.zeros(2, 1));
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0.1).momentum(0.9).build();

        sgd.loadStateDict(state(sgd, 3, 0, Map.of("theta", Matrix.zeros(2, 1))));

        assertEquals(0.0, sgd.learningRate(), 0.0);
        assertEquals(3, sgd.steps());
    }

    /** A state dict with {@code sgd}'s options, the given step count, lr and buffers. */
    private static StateDict state(SGD sgd, long steps, double lr, Map<String, Matrix> buffers) {
        StateDict.Builder b = StateDict.builder();
        buffers.forEach((name, m) -> b.put("momentum_buffer." + name, m));
        return b.metadata(sgd.stateDict().metadata()).metadata("steps", Long.toString(steps))
                .metadata("lr", Double.toString(lr)).build();
    }

    /** Asserts that loading fails with exactly one problem, {@code problem}. */
    private static void assertRefused(String problem, Runnable load) {
        assertRefused(List.of(problem), load);
    }

    /** Asserts that loading fails with exactly these problems. */
    private static void assertRefused(List<String> problems, Runnable load) {
        StateDictException e = assertThrows(StateDictException.class, load::run);
        assertEquals(problems, e.problems());
    }

    @Test
    void stateDict_laterSteps_doNotChangeSnapshot() {
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        SGD sgd = SGD.builder(List.of(theta)).learningRate(0.1).momentum(0.9).build();
        theta.grad().set(0, 0, 1);
        sgd.step();
        StateDict s = sgd.stateDict();
        sgd.step();                                   // b becomes 0.9·1 + 1 = 1.9
        assertEquals("1", s.metadata().get("steps"));
        assertEquals(1.0, s.get("momentum_buffer.theta").matrix().get(0, 0), TOLERANCE);
        assertEquals(1.9, momentumBuffer(sgd, "theta").get(0, 0), TOLERANCE);
    }

    @Test
    void toString_showsHyperparameters() {
        SGD sgd = SGD.builder(one()).learningRate(0.1).momentum(0.9).build();
        assertEquals("SGD(lr=0.1, momentum=0.9, dampening=0.0, nesterov=false, weightDecay=0.0,"
                + " parameters=1)", sgd.toString());
    }

    private static void setGrad(Parameter p, double[] g) {
        for (int j = 0; j < g.length; j++) {
            p.grad().set(0, j, g[j]);
        }
    }

    /** Sets every entry by hand, to keep the test independent of MatrixOps.fill. */
    private static void fillEntries(Matrix m, double v) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                m.set(r, c, v);
            }
        }
    }
}
