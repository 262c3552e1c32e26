package io.github.backprop4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer, schedule and clipping mode against PyTorch 1.13 in float64, step for step, on
 * the values {@code reference/generate.py} wrote: the parameters after each of 15 steps, the
 * learning rate after each epoch, the norm clipping returned, and the per-parameter state at the
 * end under PyTorch's names. The configurations come from the file, so the script is the one
 * place that says what each case is.
 */
class ReferenceTrajectoriesTest {

    /** Parameters, buffers and norms: relative difference to PyTorch's. */
    private static final double TOLERANCE = 1e-10;
    /** Learning rates of a schedule: relative difference to PyTorch's. */
    private static final double LR_TOLERANCE = 1e-12;

    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final String[] NAMES = {"w", "b"};

    @TestFactory
    Stream<DynamicTest> trajectory_everyCase_matchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : REFERENCE.cases()) {
            tests.add(DynamicTest.dynamicTest(name, name.startsWith("lr-")
                    ? () -> checkSchedule(name) : () -> checkTrajectory(name)));
        }
        return tests.stream();
    }

    /** So that a file that lost its cases cannot pass by running none. */
    @Test
    void referenceFile_holdsEveryKindOfCase() {
        List<String> optimizers = new ArrayList<>();
        List<String> schedules = new ArrayList<>();
        int clipped = 0;
        for (String name : REFERENCE.cases()) {
            Map<String, String> c = REFERENCE.config(name);
            optimizers.add(c.get("optimizer"));
            schedules.add(c.getOrDefault("scheduler", "none"));
            clipped += c.containsKey("max_norm") ? 1 : 0;
        }
        assertEquals(List.of("adam", "adamw", "rmsprop", "sgd"),
                List.copyOf(new TreeSet<>(optimizers)));
        assertEquals(List.of("cosineannealinglr", "exponentiallr", "none", "steplr"),
                List.copyOf(new TreeSet<>(schedules)));
        assertEquals(4, clipped);
        assertTrue(optimizers.size() >= 30, optimizers.size() + " cases");
    }

    // ---------------------------------------------------------------- one case

    private static void checkTrajectory(String name) {
        Map<String, String> c = REFERENCE.config(name);
        List<Parameter> params = List.of(
                new Parameter("w", Matrix.of(rows(REFERENCE.get("common", 0, "w"), 2))),
                new Parameter("b", Matrix.of(rows(REFERENCE.get("common", 0, "b"), 1))));
        Optimizer optimizer = optimizer(c, params);
        LRScheduler schedule = schedule(c, optimizer);
        int steps = Integer.parseInt(c.get("steps"));
        int stepsPerEpoch = Integer.parseInt(c.get("steps_per_epoch"));
        for (int t = 1; t <= steps; t++) {
            setGradients(params, t);
            if (c.containsKey("max_norm")) {
                double norm = Gradients.clipNorm(params, number(c, "max_norm"));
                assertClose(REFERENCE.get(name, t, "norm"), new double[] {norm}, TOLERANCE,
                        name + " norm at step " + t);
            }
            optimizer.step();
            if (schedule != null && t % stepsPerEpoch == 0) {
                schedule.step();
            }
            for (int i = 0; i < NAMES.length; i++) {
                assertClose(REFERENCE.get(name, t, NAMES[i]),
                        params.get(i).value().toRowMajorArray(), TOLERANCE,
                        name + " " + NAMES[i] + " after step " + t);
            }
            assertClose(REFERENCE.get(name, t, "lr"), new double[] {optimizer.learningRate()},
                    LR_TOLERANCE, name + " lr after step " + t);
        }
        checkState(name, steps, optimizer.stateDict());
    }

    /** The same buffers as PyTorch's state, by name, with the same values. */
    private static void checkState(String name, int step, StateDict state) {
        List<String> expected = new ArrayList<>();
        for (String row : REFERENCE.names(name, step, "state.")) {
            String tensor = row.substring("state.".length());   // exp_avg.w
            expected.add(tensor);
            assertClose(REFERENCE.get(name, step, row), state.get(tensor).matrix()
                    .toRowMajorArray(), TOLERANCE, name + " " + tensor);
        }
        assertEquals(new TreeSet<>(expected), new TreeSet<>(state.names()), name + " buffers");
    }

    private static void checkSchedule(String name) {
        Map<String, String> c = REFERENCE.config(name);
        Parameter p = new Parameter("p", Matrix.zeros(1, 1));
        Optimizer optimizer = optimizer(c, List.of(p));
        LRScheduler schedule = schedule(c, optimizer);
        int epochs = Integer.parseInt(c.get("steps"));
        assertClose(REFERENCE.get(name, 0, "lr"), new double[] {optimizer.learningRate()}, 0,
                name + " lr at the start");
        for (int epoch = 1; epoch <= epochs; epoch++) {
            optimizer.step();
            schedule.step();
            assertClose(REFERENCE.get(name, epoch, "lr"), new double[] {optimizer.learningRate()},
                    LR_TOLERANCE, name + " lr after epoch " + epoch);
        }
        assertEquals(epochs, schedule.epoch());
    }

    // ---------------------------------------------------------------- the problem

    /** g = 2·(θ − c) + noise_t, entry by entry, as the script computes it. */
    private static void setGradients(List<Parameter> params, int t) {
        for (int i = 0; i < NAMES.length; i++) {
            double[] theta = params.get(i).value().toRowMajorArray();
            double[] target = REFERENCE.get("common", 0, "target." + NAMES[i]);
            double[] noise = REFERENCE.get("common", t, "noise." + NAMES[i]);
            Matrix grad = params.get(i).grad();
            for (int k = 0; k < theta.length; k++) {
                grad.set(k / grad.cols(), k % grad.cols(), 2 * (theta[k] - target[k]) + noise[k]);
            }
        }
    }

    /** The optimizer a configuration names, with the options it gives under PyTorch's names. */
    static Optimizer optimizer(Map<String, String> c, List<Parameter> params) {
        return switch (c.get("optimizer")) {
            case "sgd" -> SGD.builder(params).learningRate(number(c, "lr"))
                    .momentum(number(c, "momentum")).dampening(number(c, "dampening"))
                    .nesterov(flag(c, "nesterov")).weightDecay(number(c, "weight_decay")).build();
            case "adam" -> adam(Adam.builder(params), c);
            case "adamw" -> adam(AdamW.builder(params), c);
            case "rmsprop" -> RMSprop.builder(params).learningRate(number(c, "lr"))
                    .alpha(number(c, "alpha")).eps(number(c, "eps"))
                    .weightDecay(number(c, "weight_decay")).momentum(number(c, "momentum"))
                    .centered(flag(c, "centered")).build();
            default -> fail("unknown optimizer " + c.get("optimizer"));
        };
    }

    private static <O extends AbstractAdam> O adam(AbstractAdam.Builder<O> b,
            Map<String, String> c) {
        return b.learningRate(number(c, "lr")).betas(number(c, "beta1"), number(c, "beta2"))
                .eps(number(c, "eps")).weightDecay(number(c, "weight_decay"))
                .amsgrad(flag(c, "amsgrad")).build();
    }

    /** The schedule a configuration names, or {@code null} for none. */
    static LRScheduler schedule(Map<String, String> c, Optimizer optimizer) {
        return switch (c.getOrDefault("scheduler", "none")) {
            case "none" -> null;
            case "steplr" -> new StepLR(optimizer, Integer.parseInt(c.get("step_size")),
                    number(c, "gamma"));
            case "exponentiallr" -> new ExponentialLR(optimizer, number(c, "gamma"));
            case "cosineannealinglr" -> new CosineAnnealingLR(optimizer,
                    Integer.parseInt(c.get("t_max")), number(c, "eta_min"));
            default -> fail("unknown scheduler " + c.get("scheduler"));
        };
    }

    private static double number(Map<String, String> c, String key) {
        String text = c.get(key);
        if (text == null) {
            fail("configuration " + c + " has no " + key);
        }
        return Double.parseDouble(text);
    }

    private static boolean flag(Map<String, String> c, String key) {
        String text = c.get(key);
        if (!"true".equals(text) && !"false".equals(text)) {
            fail("configuration " + c + " has no true or false " + key);
        }
        return Boolean.parseBoolean(text);
    }

    private static double[][] rows(double[] values, int rowCount) {
        int cols = values.length / rowCount;
        double[][] out = new double[rowCount][cols];
        for (int r = 0; r < rowCount; r++) {
            System.arraycopy(values, r * cols, out[r], 0, cols);
        }
        return out;
    }

    /** |actual − expected| ≤ tolerance·|expected| for every entry (so 0 must be exactly 0). */
    private static void assertClose(double[] expected, double[] actual, double tolerance,
            String what) {
        assertEquals(expected.length, actual.length, what + ": entries");
        for (int k = 0; k < expected.length; k++) {
            double error = Math.abs(actual[k] - expected[k]);
            if (!(error <= tolerance * Math.abs(expected[k]))) {
                fail(what + ", entry " + k + ": expected " + expected[k] + ", got " + actual[k]
                        + " (relative error " + error / Math.abs(expected[k]) + " > " + tolerance
                        + ")");
            }
        }
    }
}
