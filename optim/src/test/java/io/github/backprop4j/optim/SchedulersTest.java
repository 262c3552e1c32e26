package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.core.state.StateDictException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link StepLR}, {@link ExponentialLR} and {@link CosineAnnealingLR} by hand, their state dicts
 * and their validation. The comparisons with PyTorch over several periods are in
 * {@link ReferenceTrajectoriesTest}.
 */
class SchedulersTest {

    private static final double TOLERANCE = 1e-15;

    private static SGD sgd(double lr) {
        return new SGD(List.of(new Parameter("p", Matrix.zeros(1, 1))), lr);
    }

    /** The learning rate during epochs 0..epochs−1: the start, then after each schedule step. */
    private static double[] rates(LRScheduler schedule, int epochs) {
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            out[e] = schedule.optimizer().learningRate();
            schedule.optimizer().step();
            schedule.step();
        }
        return out;
    }

    @Test
    void stepLR_halvesEveryTwoEpochs() {
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25, 0.25},
                rates(new StepLR(sgd(1), 2, 0.5), 6), 0.0);
    }

    @Test
    void exponentialLR_multipliesEveryEpoch() {
        assertArrayEquals(new double[] {1, 0.5, 0.25, 0.125},
                rates(new ExponentialLR(sgd(1), 0.5), 4), 0.0);
    }

    @Test
    void cosineAnnealingLR_tMaxTwo_goesDownToEtaMinAndBackUp() {
        // η_e = (1 + cos(π·e/2))/2: 1, 0.5, 0, 0.5, 1. Epoch 2 is exactly 0 (1 + cos π = 0);
        // epoch 3 comes from the branch after a minimum, 0 + (1 − cos(π/2))/2.
        double[] lr = rates(new CosineAnnealingLR(sgd(1), 2, 0), 5);
        assertArrayEquals(new double[] {1, 0.5, 0, 0.5, 1}, lr, TOLERANCE);
        assertEquals(0.0, lr[2], 0.0);
    }

    @Test
    void cosineAnnealingLR_etaMin_isTheFloor() {
        // base 1, η_min 0.2, T = 4: η_e = 0.2 + 0.8·(1 + cos(π·e/4))/2
        double[] lr = rates(new CosineAnnealingLR(sgd(1), 4, 0.2), 9);
        for (int e = 0; e < lr.length; e++) {
            assertEquals(0.2 + 0.8 * (1 + Math.cos(Math.PI * e / 4)) / 2, lr[e], TOLERANCE,
                    "epoch " + e);
        }
        assertEquals(0.2, lr[4], 0.0);
    }

    /**
     * Over several periods the recursive form drifts from the closed form by some 65 units in
     * the last place; PyTorch's numbers drift the same way, and these follow them.
     */
    @Test
    void cosineAnnealingLR_fourPeriods_followsPyTorchsRecursionNotTheClosedForm() {
        ReferenceData reference = ReferenceData.load();
        double torch = reference.get("lr-cosine-7", 28, "lr")[0];
        double closedForm = 0.1;                        // 0 + 0.1·(1 + cos(4π))/2
        CosineAnnealingLR schedule = new CosineAnnealingLR(sgd(0.1), 7, 0);
        rates(schedule, 28);

        double ours = schedule.optimizer().learningRate();

        assertTrue(Math.abs(torch - closedForm) > 6e-16, "the reference drifts: " + torch);
        assertEquals(torch, ours, 3e-16);               // PyTorch's to a few ulps, not 65 off
    }

    @Test
    void step_afterSetLearningRate_carriesTheNewRateOnAsPyTorchDoes() {
        SGD sgd = sgd(1);
        ExponentialLR schedule = new ExponentialLR(sgd, 0.5);
        schedule.step();
        sgd.setLearningRate(4);
        schedule.step();
        assertEquals(2.0, sgd.learningRate());
        assertEquals(1.0, schedule.baseLearningRate());
        assertEquals(2, schedule.epoch());
    }

    // ---------------------------------------------------------------- state

    @Test
    void stateDict_holdsTypeBaseRateOptionsAndEpoch() {
        StepLR schedule = new StepLR(sgd(0.1), 30, 0.1);
        schedule.step();
        StateDict sd = schedule.stateDict();
        assertEquals(0, sd.size());
        assertEquals(List.of("type", "base_lr", "step_size", "gamma", "last_epoch"),
                List.copyOf(sd.metadata().keySet()));
        assertEquals(Map.of("type", "steplr", "base_lr", "0.1", "step_size", "30", "gamma", "0.1",
                "last_epoch", "1"), sd.metadata());
        assertEquals(Map.of("type", "cosineannealinglr", "base_lr", "0.5", "t_max", "10",
                "eta_min", "0.0", "last_epoch", "0"),
                new CosineAnnealingLR(sgd(0.5), 10, 0).stateDict().metadata());
        assertEquals("StepLR(baseLr=0.1, stepSize=30, gamma=0.1, epoch=1)", schedule.toString());
    }

    /**
     * Seven epochs, a saved optimizer and schedule, a fresh pair that loads both, eight more:
     * the same rates and weights as fifteen epochs straight, to the bit.
     */
    @Test
    void loadStateDict_everySchedule_resumesBitForBit() {
        List<Function<Optimizer, LRScheduler>> schedules = List.of(
                o -> new StepLR(o, 3, 0.5),
                o -> new ExponentialLR(o, 0.8),
                o -> new CosineAnnealingLR(o, 4, 0),
                o -> new CosineAnnealingLR(o, 5, 0.01));
        for (Function<Optimizer, LRScheduler> make : schedules) {
            Parameter straight = new Parameter("p", Matrix.of(new double[][] {{1}}));
            Optimizer o1 = Adam.builder(List.of(straight)).learningRate(0.1).build();
            LRScheduler s1 = make.apply(o1);
            double[] lrStraight = train(o1, s1, 15);

            Parameter first = new Parameter("p", Matrix.of(new double[][] {{1}}));
            Optimizer o2 = Adam.builder(List.of(first)).learningRate(0.1).build();
            LRScheduler s2 = make.apply(o2);
            train(o2, s2, 7);
            StateDict optimizerState = o2.stateDict();
            StateDict scheduleState = s2.stateDict();

            Parameter resumed = new Parameter("p", first.value().copy());
            Optimizer o3 = Adam.builder(List.of(resumed)).learningRate(0.1).build();
            LRScheduler s3 = make.apply(o3);
            o3.loadStateDict(optimizerState);
            s3.loadStateDict(scheduleState);
            double[] lrResumed = train(o3, s3, 8);

            String what = s1.toString();
            assertTrue(lrResumed[7] == lrStraight[14], what);
            assertTrue(resumed.value().get(0, 0) == straight.value().get(0, 0), what);
            assertEquals(15, s3.epoch(), what);
            assertEquals(s1.stateDict().metadata(), s3.stateDict().metadata(), what);
        }
    }

    /** One step per epoch on the gradient θ − 3; returns the rate after each epoch. */
    private static double[] train(Optimizer optimizer, LRScheduler schedule, int epochs) {
        Parameter p = optimizer.parameters().get(0);
        double[] lr = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            p.grad().set(0, 0, p.value().get(0, 0) - 3);
            optimizer.step();
            schedule.step();
            lr[e] = optimizer.learningRate();
        }
        return lr;
    }

    @Test
    void loadStateDict_mismatchedState_listsEveryProblemAndChangesNothing() {
        StepLR schedule = new StepLR(sgd(0.1), 30, 0.1);
        schedule.step();
        StateDict bad = StateDict.builder()
                .put("base_lr", Matrix.zeros(1, 1))
                .metadata("type", "exponentiallr")
                .metadata("base_lr", "-1")
                .metadata("gamma", "0.5")
                .metadata("last_epoch", "-3")
                .build();

        StateDictException e = assertThrows(StateDictException.class,
                () -> schedule.loadStateDict(bad));

        assertEquals(List.of(
                "\"type\" must be \"steplr\", got \"exponentiallr\"",
                "\"base_lr\" must be finite and >= 0, got \"-1\"",
                "\"step_size\" must be 30 as this schedule was built, got nothing",
                "\"gamma\" must be 0.1 as this schedule was built, got \"0.5\"",
                "\"last_epoch\" must be a whole number >= 0, got \"-3\"",
                "unexpected \"base_lr\" (shape [1, 1])"), e.problems());
        assertTrue(e.getMessage().startsWith("StepLR.loadStateDict: state dict must match this"
                + " schedule, got 6 problems"), e.getMessage());
        assertEquals(1, schedule.epoch());
        assertEquals(0.1, schedule.baseLearningRate());
    }

    @Test
    void loadStateDict_cosineStateWithOtherPeriod_isRefused() {
        CosineAnnealingLR saved = new CosineAnnealingLR(sgd(0.1), 10, 0);
        CosineAnnealingLR other = new CosineAnnealingLR(sgd(0.1), 20, 0);
        assertEquals(List.of("\"t_max\" must be 20 as this schedule was built, got \"10\""),
                other.checkStateDict(saved.stateDict()));
    }

    // ---------------------------------------------------------------- validation

    private static void assertRejected(String message, Runnable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::run)
                .getMessage());
    }

    @Test
    void constructors_badOptions_throwNamingOptionAndValue() {
        assertRejected("StepLR: stepSize must be >= 1, got 0", () -> new StepLR(sgd(1), 0, 0.1));
        assertRejected("StepLR: gamma must be finite and > 0, got 0.0",
                () -> new StepLR(sgd(1), 10, 0));
        assertRejected("ExponentialLR: gamma must be finite and > 0, got -0.9",
                () -> new ExponentialLR(sgd(1), -0.9));
        assertRejected("ExponentialLR: gamma must be finite and > 0, got NaN",
                () -> new ExponentialLR(sgd(1), Double.NaN));
        assertRejected("CosineAnnealingLR: tMax must be >= 1, got -5",
                () -> new CosineAnnealingLR(sgd(1), -5, 0));
        assertRejected("CosineAnnealingLR: etaMin must be finite and >= 0, got -0.001",
                () -> new CosineAnnealingLR(sgd(1), 10, -1e-3));
        assertEquals("StepLR: optimizer must not be null",
                assertThrows(NullPointerException.class, () -> new StepLR(null, 1, 0.1))
                        .getMessage());
    }
}
