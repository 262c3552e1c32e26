package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.MatrixOps;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The state dicts of Adam, AdamW and RMSprop, which {@link AbstractOptimizer} writes and reads
 * for them: exact resume under a schedule, round trips, and clear refusals.
 */
class OptimizerStateTest {

    /** A (2×2) weight and a (1×2) bias with fixed starting values. */
    private static List<Parameter> params() {
        return List.of(new Parameter("0.weight", Matrix.of(new double[][] {{1, -2}, {0.5, 4}})),
                new Parameter("0.bias", Matrix.rowVector(0.25, -1)));
    }

    static Stream<Arguments> optimizers() {
        Map<String, Function<List<Parameter>, Optimizer>> all = Map.of(
                "Adam", p -> Adam.builder(p).learningRate(0.05).build(),
                "Adam, amsgrad, weight decay", p -> Adam.builder(p).learningRate(0.05)
                        .betas(0.8, 0.9).amsgrad(true).weightDecay(0.1).build(),
                "AdamW, amsgrad", p -> AdamW.builder(p).learningRate(0.05).amsgrad(true).build(),
                "RMSprop", p -> RMSprop.builder(p).build(),
                "RMSprop, centered, momentum, weight decay", p -> RMSprop.builder(p)
                        .learningRate(0.02).centered(true).momentum(0.9).weightDecay(0.01)
                        .build(),
                "SGD, Nesterov", p -> SGD.builder(p).learningRate(0.05).momentum(0.9)
                        .nesterov(true).build());
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /**
     * Trains with the gradient θ − sin(t + k) (a target that moves) and a cosine schedule that
     * reaches lr = 0 at epoch 4 and climbs again, one step per epoch.
     */
    private static void train(Optimizer optimizer, LRScheduler schedule, int from, int to) {
        for (int t = from; t < to; t++) {
            for (Parameter p : optimizer.parameters()) {
                double[] theta = p.value().toRowMajorArray();
                for (int k = 0; k < theta.length; k++) {
                    p.grad().set(k / p.grad().cols(), k % p.grad().cols(),
                            theta[k] - Math.sin(t + k));
                }
            }
            optimizer.step();
            schedule.step();
        }
    }

    /** 7 steps, save, load into a fresh optimizer and schedule, 8 steps == 15 steps straight. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void loadStateDict_afterSevenSteps_resumesBitForBitUnderASchedule(String name,
            Function<List<Parameter>, Optimizer> make) {
        List<Parameter> straight = params();
        Optimizer reference = make.apply(straight);
        train(reference, new CosineAnnealingLR(reference, 4, 0), 0, 15);

        List<Parameter> first = params();
        Optimizer before = make.apply(first);
        LRScheduler scheduleBefore = new CosineAnnealingLR(before, 4, 0);
        train(before, scheduleBefore, 0, 7);
        StateDict saved = before.stateDict();
        StateDict savedSchedule = scheduleBefore.stateDict();

        List<Parameter> resumed = List.of(
                new Parameter("0.weight", first.get(0).value().copy()),
                new Parameter("0.bias", first.get(1).value().copy()));
        Optimizer after = make.apply(resumed);
        LRScheduler scheduleAfter = new CosineAnnealingLR(after, 4, 0);
        after.loadStateDict(saved);
        scheduleAfter.loadStateDict(savedSchedule);
        train(after, scheduleAfter, 7, 15);

        for (int i = 0; i < straight.size(); i++) {
            assertSameDoubles(straight.get(i).value().toRowMajorArray(),
                    resumed.get(i).value().toRowMajorArray(), name);
        }
        assertTrue(reference.learningRate() == after.learningRate(), name);
        assertEquals(15, after.steps());
        StateDict a = reference.stateDict();
        StateDict b = after.stateDict();
        assertEquals(a.metadata(), b.metadata());
        for (String tensor : a.names()) {
            assertSameDoubles(a.get(tensor).matrix().toRowMajorArray(),
                    b.get(tensor).matrix().toRowMajorArray(), name + " " + tensor);
        }
    }

    /** Each double compared with {@code ==}. */
    private static void assertSameDoubles(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            if (!(expected[k] == actual[k])) {
                fail(what + ", entry " + k + ": " + expected[k] + " != " + actual[k]);
            }
        }
    }

    /**
     * Saved before its first step (no buffers yet, step 0) and loaded into an optimizer that has
     * taken three: it is back at step 0, and its next steps are those of a fresh optimizer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void loadStateDict_savedAtStepZero_restartsLikeAFreshOptimizer(String name,
            Function<List<Parameter>, Optimizer> make) {
        Optimizer fresh = make.apply(params());
        StateDict atZero = fresh.stateDict();
        train(fresh, new ExponentialLR(fresh, 0.5), 0, 2);
        List<Parameter> reloadedParams = params();
        Optimizer reloaded = make.apply(reloadedParams);
        train(reloaded, new ExponentialLR(reloaded, 0.5), 0, 3);
        for (int i = 0; i < reloadedParams.size(); i++) {
            MatrixOps.copy(params().get(i).value(), reloadedParams.get(i).value());
        }

        reloaded.loadStateDict(atZero);

        assertEquals(0, ((AbstractOptimizer) reloaded).steps(), name);
        train(reloaded, new ExponentialLR(reloaded, 0.5), 0, 2);
        for (int i = 0; i < reloadedParams.size(); i++) {
            assertSameDoubles(fresh.parameters().get(i).value().toRowMajorArray(),
                    reloadedParams.get(i).value().toRowMajorArray(), name + " parameter " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void loadStateDict_ownState_roundTripsExactly(String name,
            Function<List<Parameter>, Optimizer> make) {
        Optimizer optimizer = make.apply(params());
        train(optimizer, new ExponentialLR(optimizer, 0.5), 0, 3);
        StateDict before = optimizer.stateDict();
        Optimizer fresh = make.apply(params());

        fresh.loadStateDict(before);
        StateDict after = fresh.stateDict();

        assertEquals(before.metadata(), after.metadata(), name);
        assertEquals(before.names(), after.names(), name);
        for (String tensor : before.names()) {
            assertSameDoubles(before.get(tensor).matrix().toRowMajorArray(),
                    after.get(tensor).matrix().toRowMajorArray(), name + " " + tensor);
        }
    }

    @Test
    void stateDict_adam_holdsPyTorchsNamesAndEveryOption() {
        Adam adam = Adam.builder(params()).learningRate(0.01).amsgrad(true).build();
        assertEquals(0, adam.stateDict().size());
        adam.step();
        StateDict sd = adam.stateDict();
        assertEquals(List.of("exp_avg.0.weight", "exp_avg.0.bias", "exp_avg_sq.0.weight",
                "exp_avg_sq.0.bias", "max_exp_avg_sq.0.weight", "max_exp_avg_sq.0.bias"),
                sd.names());
        assertEquals(List.of("type", "lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad",
                "steps"), List.copyOf(sd.metadata().keySet()));
        assertEquals(List.of("adam", "0.01", "0.9", "0.999", "1.0E-8", "0.0", "true", "1"),
                List.copyOf(sd.metadata().values()));
    }

    // ---------------------------------------------------------------- refusals

    private static StateDict adamStateAfterOneStep(List<Parameter> params) {
        Adam adam = Adam.builder(params).build();
        adam.step();
        return adam.stateDict();
    }

    @Test
    void loadStateDict_adamStateIntoSgd_isRefusedWithEveryReason() {
        SGD sgd = SGD.builder(params()).learningRate(0.1).momentum(0.9).build();

        StateDictException e = assertThrows(StateDictException.class,
                () -> sgd.loadStateDict(adamStateAfterOneStep(params())));

        assertEquals(List.of(
                "\"type\" must be \"sgd\", got \"adam\"",
                "\"momentum\" must be 0.9 as this optimizer was built, got nothing",
                "\"dampening\" must be 0.0 as this optimizer was built, got nothing",
                "\"nesterov\" must be false as this optimizer was built, got nothing",
                "unexpected \"exp_avg.0.weight\" (shape [2, 2])",
                "unexpected \"exp_avg.0.bias\" (shape [1, 2])",
                "unexpected \"exp_avg_sq.0.weight\" (shape [2, 2])",
                "unexpected \"exp_avg_sq.0.bias\" (shape [1, 2])",
                "per-parameter state (momentum_buffer) must be present after the first step and"
                        + " absent before it, got 0 tensors after 1 steps"), e.problems());
        assertTrue(e.getMessage().startsWith("SGD.loadStateDict: state dict must match this"
                + " optimizer, got 9 problems: \"type\" must be \"sgd\""), e.getMessage());
        assertEquals(0, sgd.steps());
    }

    @Test
    void loadStateDict_adamStateIntoAdamW_isRefusedByType() {
        AdamW adamw = AdamW.builder(params()).weightDecay(0).build();
        assertEquals(List.of("\"type\" must be \"adamw\", got \"adam\""),
                adamw.checkStateDict(adamStateAfterOneStep(params())));
    }

    @Test
    void loadStateDict_stateOfOtherParameters_namesMissingAndUnexpected() {
        List<Parameter> other = List.of(new Parameter("1.weight", Matrix.zeros(2, 2)),
                new Parameter("0.bias", Matrix.zeros(1, 3)));
        Adam adam = Adam.builder(params()).build();

        StateDictException e = assertThrows(StateDictException.class,
                () -> adam.loadStateDict(adamStateAfterOneStep(other)));

        assertEquals(List.of(
                "unexpected \"exp_avg.1.weight\" (shape [2, 2])",
                "\"exp_avg.0.bias\" must have its parameter's shape 1x2, got 1x3",
                "unexpected \"exp_avg_sq.1.weight\" (shape [2, 2])",
                "\"exp_avg_sq.0.bias\" must have its parameter's shape 1x2, got 1x3",
                "missing \"exp_avg.0.weight\" (shape 2x2)",
                "missing \"exp_avg_sq.0.weight\" (shape 2x2)"), e.problems());
        assertEquals(0, adam.steps());
    }

    @Test
    void loadStateDict_missingBuffer_namesIt() {
        RMSprop rmsprop = RMSprop.builder(params()).centered(true).build();
        rmsprop.step();
        StateDict full = rmsprop.stateDict();
        StateDict.Builder b = StateDict.builder().metadata(full.metadata());
        for (String name : full.names()) {
            if (!name.equals("grad_avg.0.bias")) {
                b.put(name, full.get(name));
            }
        }
        RMSprop fresh = RMSprop.builder(params()).centered(true).build();

        StateDictException e = assertThrows(StateDictException.class,
                () -> fresh.loadStateDict(b.build()));

        assertEquals(List.of("missing \"grad_avg.0.bias\" (shape 1x2)"), e.problems());
    }

    @Test
    void loadStateDict_amsgradStateIntoPlainAdam_isRefused() {
        Adam ams = Adam.builder(params()).amsgrad(true).build();
        ams.step();
        List<String> problems = Adam.builder(params()).build().checkStateDict(ams.stateDict());
        assertEquals(List.of(
                "\"amsgrad\" must be false as this optimizer was built, got \"true\"",
                "unexpected \"max_exp_avg_sq.0.weight\" (shape [2, 2])",
                "unexpected \"max_exp_avg_sq.0.bias\" (shape [1, 2])"), problems);
    }
}
