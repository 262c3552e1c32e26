package io.github.backprop4j.layers.custom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.core.Parameter;
import io.github.backprop4j.core.state.StateDict;
import io.github.backprop4j.io.Checkpoint;
import io.github.backprop4j.layers.GradientCheck;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own layer, {@link ScaleShift}, written outside the framework's package with only
 * forward, backward and parameters, works everywhere a built-in layer does: in a
 * {@link Sequential}, in {@link GradientCheck}, in the summary, in state dicts and in
 * checkpoints with an optimizer.
 */
class UserLayerTest {

    private static final double STRICT = 1e-7;
    private static final int STEPS = 12;

    @TempDir
    Path folder;

    private static Sequential model(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential(new Linear(3, 4, rng), new ScaleShift(4, rng), new ReLU(),
                new Linear(4, 2, rng));
    }

    /** One training run: a model, SGD with momentum, and fixed data. */
    private static final class Run {
        final Sequential model;
        final SGD optimizer;
        final MSELoss loss = new MSELoss();
        final Matrix x;
        final Matrix y;

        Run(long modelSeed) {
            model = model(modelSeed);
            optimizer = SGD.builder(model.parameters()).learningRate(0.05).momentum(0.9).build();
            SplittableRandom data = new SplittableRandom(99);
            x = Matrix.uniform(8, 3, -2, 2, data);
            y = Matrix.uniform(8, 2, -1, 1, data);
        }

        double train(int steps) {
            double l = 0;
            for (int step = 0; step < steps; step++) {
                optimizer.zeroGrad();
                l = loss.forward(model.forward(x), y);
                model.backward(loss.backward());
                optimizer.step();
            }
            return l;
        }
    }

    @Test
    void sequential_trainsWithTheUserLayer_namesItsParametersByPosition() {
        Run run = new Run(1);
        double first = run.train(1);
        double later = run.train(STEPS);

        assertEquals(List.of("0.weight", "0.bias", "1.scale", "1.shift", "3.weight", "3.bias"),
                run.model.parameters().stream().map(Parameter::name).toList());
        assertTrue(later < first, "loss " + first + " -> " + later);
    }

    @Test
    void gradientCheck_userLayerAloneAndInsideSequential_passes() {
        SplittableRandom rng = new SplittableRandom(2);
        new GradientCheck().withTolerance(STRICT).assertGradients(new ScaleShift(3, rng),
                Matrix.uniform(5, 3, -1, 1, rng), rng);
        GradientCheck.Report report = new GradientCheck().withTolerance(STRICT)
                .assertGradients(model(3), new MSELoss(), Matrix.uniform(5, 3, -1, 1, rng),
                        Matrix.uniform(5, 2, -1, 1, rng));
        assertEquals(List.of("input", "0.weight", "0.bias", "1.scale", "1.shift", "3.weight",
                "3.bias"), report.tensors().stream().map(t -> t.name()).toList());
        assertFalse(report.crossedKink());
    }

    @Test
    void summaryAndToString_showTheUserLayerByItsClassName() {
        String expected = String.join("\n",
                "input: mx3, m = batch size",
                "#  layer        output  params",
                "0  Linear(3→4)  mx4         16",
                "1  ScaleShift   mx4          8",
                "2  ReLU         mx4          0",
                "3  Linear(4→2)  mx2         10",
                "total parameters: 34");
        assertEquals(expected, model(4).summary(3));
        assertEquals("Sequential(0: Linear(3→4), 1: ScaleShift, 2: ReLU, 3: Linear(4→2))",
                model(4).toString());
    }

    @Test
    void stateDict_userParametersInTheirOwnLayout_roundTripBitForBit() {
        Sequential source = model(5);
        Sequential target = model(6);

        StateDict sd = source.stateDict();
        target.loadStateDict(sd);

        assertArrayEquals(new int[] {1, 4}, sd.get("1.scale").shape());
        assertArrayEquals(new int[] {4}, sd.get("1.shift").shape());
        assertArrayEquals(new int[] {4, 3}, sd.get("0.weight").shape());
        assertSameParameters(source, target);
    }

    /** Stopped after k steps, saved with SGD's momentum, resumed: the bits of a straight run. */
    @Test
    void checkpoint_withSgdMomentum_resumesToTheBitsOfAnUninterruptedRun() throws IOException {
        Run straight = new Run(7);
        straight.train(2 * STEPS);

        Run first = new Run(7);
        first.train(STEPS);
        Path file = folder.resolve("run.safetensors");
        Checkpoint.save(file, first.model, first.optimizer, STEPS);
        Run resumed = new Run(8);
        long step = Checkpoint.load(file, resumed.model, resumed.optimizer);
        resumed.train(2 * STEPS - (int) step);

        assertEquals(STEPS, step);
        assertSameParameters(straight.model, resumed.model);
    }

    private static void assertSameParameters(Sequential expected, Sequential actual) {
        List<Parameter> e = expected.parameters();
        List<Parameter> a = actual.parameters();
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertArrayEquals(e.get(i).value().toRowMajorArray(),
                    a.get(i).value().toRowMajorArray(), e.get(i).name());
        }
    }
}
