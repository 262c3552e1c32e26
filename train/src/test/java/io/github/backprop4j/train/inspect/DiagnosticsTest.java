package io.github.backprop4j.train.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.CrossEntropyLoss;
import io.github.backprop4j.layers.L1Loss;
import io.github.backprop4j.layers.LayerObserver;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.Loss;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

    private static final double CLOSE = 1e-12;

    /** One SGD step of {@link StepTraceTest#tinyNetwork()}, watched. */
    private static Diagnostics.Report oneStep(Sequential model, Matrix x, Matrix y) {
        Diagnostics diagnostics = new Diagnostics(model);
        SGD sgd = new SGD(model.parameters(), 0.1);
        Loss loss = new MSELoss();
        diagnostics.start();
        sgd.zeroGrad();
        loss.forward(model.forward(x), y);
        model.backward(loss.backward());
        diagnostics.afterBackward();
        diagnostics.beforeStep();
        sgd.step();
        diagnostics.afterStep();
        diagnostics.stop();
        return diagnostics.report();
    }

    /**
     * The values of StepTraceTest's worked step:
     * <pre>
     *   A0 = [1.25 1.75; −0.25 0.75]: mean 3.5/4 = 0.875, E[a²] = 5.25/4, var = 0.546875
     *   A1 = [1.25 1.75; 0 0.75]:     mean 0.9375, var = 5.1875/4 − 0.9375² = 0.41796875
     *   Ŷ  = [0.875; 0.125]:          mean 0.5, var = 0.78125/2 − 0.25 = 0.140625
     *   ‖∂L/∂W0‖ = √(0.125² + 0.125² + 0.25² + 0.125²) = √0.109375    ‖∂L/∂b0‖ = 0.125
     *   ‖∂L/∂W1‖ = √(0.15625² + 0.125²) = √0.0400390625                ‖∂L/∂b1‖ = 0
     *   ‖Δθ‖ = 0.1·‖∂L/∂θ‖;  ‖W0‖ = √1.5625 = 1.25, ‖b0‖ = √0.125, ‖W1‖ = √1.25, ‖b1‖ = 0.5
     * </pre>
     */
    @Test
    void report_oneStepOfTheTinyNetwork_matchesHandComputedValues() {
        Diagnostics.Report report = oneStep(StepTraceTest.tinyNetwork(), StepTraceTest.X,
                StepTraceTest.Y);
        assertEquals(1, report.steps());
        List<Diagnostics.LayerStats> layers = report.layers();
        assertEquals(new Diagnostics.LayerStats(0, "Linear(2→2)", 0.875, Math.sqrt(0.546875), 0,
                2), layers.get(0));
        assertEquals(new Diagnostics.LayerStats(1, "ReLU", 0.9375, Math.sqrt(0.41796875), 0, 2),
                layers.get(1));
        assertEquals(new Diagnostics.LayerStats(2, "Linear(2→1)", 0.5, 0.375, 0, 1),
                layers.get(2));
        List<Diagnostics.ParameterStats> p = report.parameters();
        assertEquals("0.weight", p.get(0).name());
        assertEquals(Math.sqrt(0.109375), p.get(0).gradientNorm(), CLOSE);
        assertEquals(0.1 * Math.sqrt(0.109375) / 1.25, p.get(0).updateRatio(), CLOSE);
        assertEquals(0.125, p.get(1).gradientNorm(), CLOSE);
        assertEquals(0.0125 / Math.sqrt(0.125), p.get(1).updateRatio(), CLOSE);
        assertEquals(Math.sqrt(0.0400390625), p.get(2).gradientNorm(), CLOSE);
        assertEquals(0.1 * Math.sqrt(0.0400390625) / Math.sqrt(1.25), p.get(2).updateRatio(),
                CLOSE);
        assertEquals(new Diagnostics.ParameterStats("2.bias", 0, 0), p.get(3));
        String expected = String.join("\n",
                "diagnostics over 1 step",
                "  layer                           mean         std  zero for every sample",
                "  0 Linear(2→2)                  0.875     0.73951  0 of 2",
                "  1 ReLU                        0.9375    0.646505  0 of 2",
                "  2 Linear(2→1)                    0.5       0.375  0 of 1",
                "  parameter                  grad norm    update/θ",
                "  0.weight                    0.330719   0.0264575",
                "  0.bias                         0.125   0.0353553",
                "  2.weight                    0.200098   0.0178973",
                "  2.bias                             0           0",
                "  warning: update/weight ratio above 1e-2 (0.weight 0.0264575, 0.bias 0.0353553,"
                        + " 2.weight 0.0178973): each step changes these by more than 1 % (is"
                        + " the learning rate too high?)",
                "  warning: update/weight ratio below 1e-4 (2.bias 0): these barely move (is the"
                        + " learning rate too low?)",
                "");
        assertEquals(expected, report.toString());
    }

    @Test
    void report_unitZeroForEverySample_countedDeadAndWarned() {
        // A0 = [−1 0; −2 0]·W0 + b0 = [−0.25 0.75; −0.75 1.25]: unit 0 is negative for both
        Diagnostics.Report report = oneStep(StepTraceTest.tinyNetwork(),
                Matrix.of(new double[][] {{-1, 0}, {-2, 0}}), StepTraceTest.Y);
        assertEquals(1, report.layers().get(1).deadUnits());
        assertEquals(0, report.layers().get(0).deadUnits());
        assertTrue(report.warnings().contains("layer 1 ReLU: 1 of 2 units gave 0 for every"
                + " sample; they pass no gradient and no longer learn (a smaller learning rate or"
                + " another initialisation may help)"), report.warnings().toString());
    }

    @Test
    void report_startsANewPeriod() {
        Sequential model = StepTraceTest.tinyNetwork();
        Diagnostics diagnostics = new Diagnostics(model);
        SGD sgd = new SGD(model.parameters(), 0.1);
        MSELoss loss = new MSELoss();
        diagnostics.start();
        for (int step = 0; step < 3; step++) {
            sgd.zeroGrad();
            loss.forward(model.forward(StepTraceTest.X), StepTraceTest.Y);
            model.backward(loss.backward());
            diagnostics.afterBackward();
            diagnostics.beforeStep();
            sgd.step();
            diagnostics.afterStep();
        }
        Diagnostics.Report three = diagnostics.report();
        assertEquals(3, three.steps());
        assertEquals(1, three.layers().get(2).units());
        Diagnostics.Report none = diagnostics.report();
        assertEquals(0, none.steps());
        assertEquals(Double.NaN, none.layers().get(0).mean());
        assertEquals(Double.NaN, none.parameters().get(0).gradientNorm());
        assertTrue(none.toString().startsWith("diagnostics over 0 steps\n"));
    }

    @Test
    void afterStep_withoutBeforeStep_throws() {
        Diagnostics diagnostics = new Diagnostics(StepTraceTest.tinyNetwork());
        assertEquals("Diagnostics.afterStep: called without beforeStep; call beforeStep() just"
                + " before the optimizer's step", assertThrows(IllegalStateException.class,
                    diagnostics::afterStep).getMessage());
    }

    @Test
    void startAndStop_setAndRemoveOnlyTheirOwnObserver() {
        Sequential model = StepTraceTest.tinyNetwork();
        Diagnostics diagnostics = new Diagnostics(model);
        diagnostics.stop();
        assertNull(model.observer());
        diagnostics.start();
        LayerObserver mine = new LayerObserver() { };
        model.observe(mine);
        diagnostics.stop();
        assertSame(mine, model.observer());
    }

    @Test
    void initialLoss_crossEntropyOverThreeClasses_nextToLnThree() {
        // Zero weights give equal logits: the loss is exactly ln 3.
        Linear linear = new Linear(2, 3, new java.util.SplittableRandom(1));
        linear.weight().value().reshape(2, 3);
        io.github.backprop4j.core.MatrixOps.fill(linear.weight().value(), 0);
        io.github.backprop4j.core.MatrixOps.fill(linear.bias().value(), 0);
        Sequential model = new Sequential(linear);
        Matrix y = Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
        Diagnostics.InitialLoss initial = Diagnostics.initialLoss(model, new CrossEntropyLoss(),
                StepTraceTest.X, y);
        assertEquals(Math.log(3), initial.value(), 1e-15);
        assertEquals(Math.log(3), initial.expected());
        assertEquals("loss at initialisation 1.09861, expected about 1.09861 (×1.00)",
                initial.toString());
        assertNull(model.observer());
    }

    @Test
    void initialLoss_mse_nextToTheTargetsVariance() {
        // Ŷ = [0.875; 0.125] against T = [1; 0]: L = 0.015625; var T = 0.25.
        Diagnostics.InitialLoss initial = Diagnostics.initialLoss(StepTraceTest.tinyNetwork(),
                new MSELoss(), StepTraceTest.X, StepTraceTest.Y);
        assertEquals(new Diagnostics.InitialLoss(0.015625, 0.25, "MSELoss(reduction=MEAN)"),
                initial);
        assertEquals("loss at initialisation 0.015625, expected about 0.25 (×0.06)",
                initial.toString());
    }

    @Test
    void initialLoss_lossWithoutExpectation_saysNotKnown() {
        // |0.875 − 1| and |0.125 − 0|, averaged: 0.125
        assertEquals("loss at initialisation 0.125, expected value not known for L1Loss",
                Diagnostics.initialLoss(StepTraceTest.tinyNetwork(), new L1Loss(),
                        StepTraceTest.X, StepTraceTest.Y).toString());
    }

    @Test
    void report_oneUnitOfThreeDead_isCountedButNotWarned() {
        // Y = ReLU(x·[1 −1 1]) for x = 1, 2: the middle unit is −1, −2, so 0 for both samples
        Linear linear = new Linear(1, 3, new java.util.SplittableRandom(1));
        linear.weight().value().set(0, 0, 1);
        linear.weight().value().set(0, 1, -1);
        linear.weight().value().set(0, 2, 1);
        io.github.backprop4j.core.MatrixOps.fill(linear.bias().value(), 0);
        Sequential model = new Sequential(linear, new io.github.backprop4j.layers.ReLU());
        Diagnostics diagnostics = new Diagnostics(model);
        diagnostics.start();
        model.forward(Matrix.of(new double[][] {{1}, {2}}));
        Diagnostics.Report report = diagnostics.report();
        assertEquals(1, report.layers().get(1).mean(), 1e-15);
        assertEquals(1, report.layers().get(1).deadUnits());
        assertEquals(3, report.layers().get(1).units());
        // ReLU outputs 1, 0, 1, 2, 0, 2: mean 1, E[y²] = 10/6, variance 2/3
        assertEquals(Math.sqrt(2.0 / 3), report.layers().get(1).std(), 1e-15);
        assertEquals(List.of(), report.warnings().stream()
                .filter(w -> w.startsWith("layer ")).toList());
        // The next period starts afresh: x = −1 gives −1, 1, −1, so units 0 and 2 are dead now
        model.forward(Matrix.of(new double[][] {{-1}}));
        assertEquals(2, diagnostics.report().layers().get(1).deadUnits());
    }

    @Test
    void report_nothingObserved_hasNoUnitsAndNoWarnings() {
        Diagnostics.Report report = new Diagnostics(StepTraceTest.tinyNetwork()).report();
        assertEquals(0, report.layers().get(1).units());
        assertEquals(List.of(), report.warnings());
    }

    /**
     * With a learning rate of 1e-12 the weights move by about 1e-13, so every step sees the
     * worked step's gradients to 12 digits: averages over two steps equal one step's values,
     * and a report after a report starts again from zero.
     */
    @Test
    void report_twoStepsThenTwoMore_averagesOverEachPeriodAlone() {
        Sequential model = StepTraceTest.tinyNetwork();
        Diagnostics diagnostics = new Diagnostics(model);
        SGD sgd = new SGD(model.parameters(), 1e-12);
        MSELoss loss = new MSELoss();
        diagnostics.start();
        for (int period = 0; period < 2; period++) {
            for (int step = 0; step < 2; step++) {
                sgd.zeroGrad();
                loss.forward(model.forward(StepTraceTest.X), StepTraceTest.Y);
                model.backward(loss.backward());
                diagnostics.afterBackward();
                diagnostics.beforeStep();
                sgd.step();
                diagnostics.afterStep();
            }
            Diagnostics.Report report = diagnostics.report();
            assertEquals(2, report.steps());
            assertEquals(Math.sqrt(0.109375), report.parameters().get(0).gradientNorm(), 1e-11);
            assertEquals(1e-12 * Math.sqrt(0.109375) / 1.25,
                    report.parameters().get(0).updateRatio(), 1e-15);
            assertEquals(0.875, report.layers().get(0).mean(), 1e-11);
            assertEquals(0.375, report.layers().get(2).std(), 1e-11);
            assertEquals(0, report.layers().get(1).deadUnits());
            // Δθ of about 1e-13 carries rounding of θ's last bits: compare a few digits only
            assertEquals(1, report.warnings().size());
            String warning = report.warnings().get(0);
            assertTrue(warning.startsWith("update/weight ratio below 1e-4 (0.weight 2.6"), warning);
            assertTrue(warning.endsWith(", 2.bias 0): these barely move (is the learning rate too"
                    + " low?)"), warning);
        }
    }

    /**
     * Ratios of exactly 1e-4 and 1e-2 are healthy: a weight of 10,000 and a bias of 100 each
     * moved by 1 give ‖Δθ‖ / ‖θ‖ = 1/10,000 and 1/100, which in doubles are the thresholds
     * themselves; only values beyond them are warned of.
     */
    @Test
    void report_ratiosExactlyAtTheThresholds_areNotWarned() {
        Linear layer = new Linear(1, 1, new SplittableRandom(1));
        layer.weight().value().set(0, 0, 10_000);
        layer.bias().value().set(0, 0, 100);
        Diagnostics diagnostics = new Diagnostics(new Sequential(layer));
        diagnostics.beforeStep();
        layer.weight().value().set(0, 0, 10_001);
        layer.bias().value().set(0, 0, 99);
        diagnostics.afterStep();
        Diagnostics.Report report = diagnostics.report();
        assertEquals(1e-4, report.parameters().get(0).updateRatio());
        assertEquals(1e-2, report.parameters().get(1).updateRatio());
        assertEquals(List.of(), report.warnings());
    }
}
