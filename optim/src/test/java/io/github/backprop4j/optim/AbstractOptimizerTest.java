package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The shared machinery, through {@link Signum}, an optimizer of a dozen lines that exists only
 * in the tests: what it does not write (state dicts, validation, resume) must work for it as it
 * does for {@link SGD}.
 */
class AbstractOptimizerTest {

    private static final double TOLERANCE = 1e-12;

    /** A (1×2) weight and a (1×1) bias. */
    private static List<Parameter> params() {
        return List.of(new Parameter("w", Matrix.rowVector(1.0, -0.5)),
                new Parameter("b", Matrix.of(new double[][] {{0.25}})));
    }

    private static void setGrads(List<Parameter> params, double... g) {
        params.get(0).grad().set(0, 0, g[0]);
        params.get(0).grad().set(0, 1, g[1]);
        params.get(1).grad().set(0, 0, g[2]);
    }

    @Test
    void step_signum_matchesHandComputedTrajectory() {
        // lr = 0.1, β = 0.5, θ₀ = 1, grads 1, 2, −1
        // step 1: m = 0.5·0 + 0.5·1 = 0.5        θ₁ = 1 − 0.1 = 0.9
        // step 2: m = 0.25 + 1 = 1.25            θ₂ = 0.8
        // step 3: m = 0.625 − 0.5 = 0.125        θ₃ = 0.7  (sign of g alone would give 0.9)
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        Signum signum = new Signum(List.of(theta), 0.1, 0.5);
        double[] got = new double[3];
        double[] grads = {1, 2, -1};
        for (int t = 0; t < 3; t++) {
            theta.grad().set(0, 0, grads[t]);
            signum.step();
            got[t] = theta.value().get(0, 0);
        }
        assertArrayEquals(new double[] {0.9, 0.8, 0.7}, got, TOLERANCE);
        assertEquals(3, signum.steps());
    }

    @Test
    void stateDict_signum_hasTheSharedLayout() {
        List<Parameter> p = params();
        Signum signum = new Signum(p, 0.1, 0.5);
        StateDict atStart = signum.stateDict();
        setGrads(p, 1, -2, 4);
        signum.step();
        signum.setLearningRate(0.05);

        StateDict sd = signum.stateDict();

        assertEquals(List.of(), atStart.names());                 // no state before a step
        assertEquals(List.of("exp_avg.w", "exp_avg.b"), sd.names());
        assertArrayEquals(new double[] {0.5, -1}, sd.get("exp_avg.w").matrix().toRowMajorArray(),
                TOLERANCE);
        assertEquals(List.of("type", "lr", "beta", "steps"), List.copyOf(sd.metadata().keySet()));
        assertEquals(List.of("signum", "0.05", "0.5", "1"), List.copyOf(sd.metadata().values()));
    }

    /** Five steps straight, against two, a state dict, a fresh optimizer and three more. */
    @Test
    void loadStateDict_intoFreshSignum_resumesBitIdentically() {
        double[][] grads = {{0.3, -1.2, 2}, {0.7, 0.25, -3}, {-2, 0.5, 1}, {1.5, 1.5, -1},
            {-0.1, 0.9, 0.2}};
        List<Parameter> straight = params();
        Signum reference = new Signum(straight, 0.05, 0.9);
        for (double[] g : grads) {
            setGrads(straight, g);
            reference.step();
        }

        List<Parameter> first = params();
        Signum before = new Signum(first, 0.05, 0.9);
        for (int t = 0; t < 2; t++) {
            setGrads(first, grads[t]);
            before.step();
        }
        List<Parameter> resumed = List.of(
                new Parameter("w", first.get(0).value().copy()),
                new Parameter("b", first.get(1).value().copy()));
        Signum after = new Signum(resumed, 0.05, 0.9);
        after.loadStateDict(before.stateDict());
        for (int t = 2; t < grads.length; t++) {
            setGrads(resumed, grads[t]);
            after.step();
        }

        for (int i = 0; i < 2; i++) {
            assertArrayEquals(straight.get(i).value().toRowMajorArray(),
                    resumed.get(i).value().toRowMajorArray(), 0.0);
        }
        assertEquals(5, after.steps());
    }

    @Test
    void loadStateDict_stateOfStepZero_zeroesTheBuffersBeforeTheNextStep() {
        Parameter theta = new Parameter("theta", Matrix.of(new double[][] {{1}}));
        Signum signum = new Signum(List.of(theta), 0.1, 0.5);
        StateDict atStepZero = signum.stateDict();
        theta.grad().set(0, 0, -8);
        signum.step();                                   // m = −4, θ = 1.1

        signum.loadStateDict(atStepZero);
        theta.grad().set(0, 0, 1);
        signum.step();                                   // m = 0.5·0 + 0.5·1, not −2 + 0.5

        assertEquals(1, signum.steps());
        assertEquals(0.5, signum.stateDict().get("exp_avg.theta").matrix().get(0, 0), 0.0);
        assertEquals(1.0, theta.value().get(0, 0), TOLERANCE);
    }

    @Test
    void loadStateDict_everyProblemAtOnce_listsThemAndChangesNothing() {
        List<Parameter> p = params();
        Signum signum = new Signum(p, 0.1, 0.5);
        setGrads(p, 1, 1, 1);
        signum.step();
        StateDict before = signum.stateDict();
        StateDict bad = StateDict.builder()
                .metadata("type", "sgd")
                .metadata("lr", "-1")
                .metadata("beta", "0.9")
                .metadata("steps", "three")
                .put("exp_avg.w", Matrix.zeros(2, 1))
                .put("exp_avg.x", Matrix.zeros(1, 1))
                .build();

        StateDictException e = assertThrows(StateDictException.class,
                () -> signum.loadStateDict(bad));

        assertEquals(List.of(
                "\"type\" must be \"signum\", got \"sgd\"",
                "\"lr\" must be finite and >= 0, got \"-1\"",
                "\"beta\" must be 0.5 as this optimizer was built, got \"0.9\"",
                "\"steps\" must be a whole number >= 0, got \"three\"",
                "\"exp_avg.w\" must have its parameter's shape 1x2, got 2x1",
                "unexpected \"exp_avg.x\" (shape [1, 1])"), e.problems());
        assertEquals("Signum.loadStateDict: state dict must match this optimizer, got 6 problems: "
                + String.join("; ", e.problems()), e.getMessage());
        assertEquals(before.metadata(), signum.stateDict().metadata());
        assertArrayEquals(before.get("exp_avg.w").matrix().toRowMajorArray(),
                signum.stateDict().get("exp_avg.w").matrix().toRowMajorArray(), 0.0);
    }

    @Test
    void checkStateDict_someBuffersMissing_namesEachWithItsShape() {
        List<Parameter> p = params();
        Signum signum = new Signum(p, 0.1, 0.5);
        signum.step();
        StateDict.Builder b = StateDict.builder().put("exp_avg.b", Matrix.zeros(1, 1));
        signum.stateDict().metadata().forEach(b::metadata);

        assertEquals(List.of("missing \"exp_avg.w\" (shape 1x2)"),
                signum.checkStateDict(b.build()));
    }

    @Test
    void constructor_optionOutsideItsRange_throwsNamingExpectedAndFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Signum(params(), 0.1, 1));
        assertEquals("Signum: beta must be in [0, 1), got 1.0", e.getMessage());
    }

    @Test
    void toString_showsNameLearningRateAndOptions() {
        assertEquals("Signum(lr=0.1, beta=0.5, parameters=2)",
                new Signum(params(), 0.1, 0.5).toString());
    }

    /** An optimizer whose rule records the step number it is given and whose declarations vary. */
    private static final class Recorder extends AbstractOptimizer {
        long lastStep;

        Recorder(Consumer<Recorder> declarations) {
            super("Recorder", params(), 0.1);
            declarations.accept(this);
        }

        @Override
        protected void update(long step) {
            lastStep = step;
        }
    }

    @Test
    void update_isGivenTheStepNumberCountingFromOneAndLoadedSteps() {
        Recorder r = new Recorder(self -> { });
        r.step();
        assertEquals(1, r.lastStep);
        StateDict.Builder b = StateDict.builder();
        r.stateDict().metadata().forEach(b::metadata);
        r.loadStateDict(b.metadata("steps", "7").build());
        r.step();
        assertEquals(8, r.lastStep);
        assertEquals(8, r.steps());
    }

    @Test
    void declarations_clashingNames_areRefused() {
        assertEquals("Recorder.buffers: kind must be new, not empty and without a dot, got"
                + " \"exp_avg\"", assertThrows(IllegalArgumentException.class,
                    () -> new Recorder(self -> {
                        self.buffers("exp_avg");
                        self.buffers("exp_avg");
                    })).getMessage());
        assertEquals("Recorder.buffers: kind must be new, not empty and without a dot, got"
                + " \"exp.avg\"", assertThrows(IllegalArgumentException.class,
                    () -> new Recorder(self -> self.buffers("exp.avg"))).getMessage());
        assertEquals("Recorder: option names must be distinct, got \"alpha\" twice",
                assertThrows(IllegalArgumentException.class, () -> new Recorder(self -> {
                    self.option("alpha", 1, Range.positive());
                    self.option("alpha", true);
                })).getMessage());
        assertEquals("Recorder: option name must not be one of type, lr and steps, which every"
                + " optimizer records, got \"steps\"", assertThrows(IllegalArgumentException.class,
                    () -> new Recorder(self -> self.option("steps", 1, Range.positive())))
                .getMessage());
    }
}
