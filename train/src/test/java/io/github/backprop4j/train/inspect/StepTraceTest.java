package io.github.backprop4j.train.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.core.Matrix;
import io.github.backprop4j.layers.LayerObserver;
import io.github.backprop4j.layers.Linear;
import io.github.backprop4j.layers.MSELoss;
import io.github.backprop4j.layers.ReLU;
import io.github.backprop4j.layers.Sequential;
import io.github.backprop4j.optim.SGD;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepTraceTest {

    /**
     * Linear(2→2), ReLU, Linear(2→1) with weights chosen so that every value below is a short
     * binary fraction, worked by hand:
     * <pre>
     *   X = [1 2; −1 0]   W0 = [0.5 −0.5; 0.25 1]   b0 = [0.25 0.25]
     *   A0 = X·W0 + b0 = [1.25 1.75; −0.25 0.75]     A1 = ReLU(A0) = [1.25 1.75; 0 0.75]
     *   W1 = [1; −0.5]   b1 = [0.5]   Ŷ = A1·W1 + b1 = [0.875; 0.125]    T = [1; 0]
     *   L = ((0.875 − 1)² + 0.125²)/2 = 0.015625      G = (2/2)(Ŷ − T) = [−0.125; 0.125]
     *   ∂L/∂W1 = A1ᵀ·G = [1.25·(−0.125) + 0; 1.75·(−0.125) + 0.75·0.125] = [−0.15625; −0.125]
     *   ∂L/∂b1 = −0.125 + 0.125 = 0       ∂L/∂A1 = G·W1ᵀ = [−0.125 0.0625; 0.125 −0.0625]
     *   ∂L/∂A0 = ∂L/∂A1 ⊙ [A0 &gt; 0] = [−0.125 0.0625; 0 −0.0625]
     *   ∂L/∂W0 = Xᵀ·∂L/∂A0 = [−0.125 0.125; −0.25 0.125]     ∂L/∂b0 = [−0.125 0]
     *   SGD, lr 0.1: update = −0.1·∂L/∂θ
     * </pre>
     */
    static Sequential tinyNetwork() {
        SplittableRandom rng = new SplittableRandom(1);
        Linear first = new Linear(2, 2, rng);
        Linear second = new Linear(2, 1, rng);
        set(first.weight().value(), new double[][] {{0.5, -0.5}, {0.25, 1}});
        set(first.bias().value(), new double[][] {{0.25, 0.25}});
        set(second.weight().value(), new double[][] {{1}, {-0.5}});
        set(second.bias().value(), new double[][] {{0.5}});
        return new Sequential(first, new ReLU(), second);
    }

    private static void set(Matrix m, double[][] values) {
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                m.set(i, j, values[i][j]);
            }
        }
    }

    static final Matrix X = Matrix.of(new double[][] {{1, 2}, {-1, 0}});
    static final Matrix Y = Matrix.of(new double[][] {{1}, {0}});

    @Test
    void toString_tinyNetwork_showsTheHandComputedStep() {
        Sequential model = tinyNetwork();
        StepTrace trace = StepTrace.run(model, new MSELoss(), new SGD(model.parameters(), 0.1),
                X, Y);
        String expected = String.join("\n",
                "One training step on 2 samples, in the order the code runs",
                "model:     Sequential(0: Linear(2→2), 1: ReLU, 2: Linear(2→1))",
                "loss:      MSELoss(reduction=MEAN)",
                "optimizer: SGD(lr=0.1, momentum=0.0, dampening=0.0, nesterov=false,"
                        + " weightDecay=0.0, parameters=4)",
                "",
                "1. parameters before the step",
                "  0.weight (2x2)",
                "    [  0.5 -0.5 ]",
                "    [ 0.25    1 ]",
                "  0.bias (1x2)",
                "    [ 0.25 0.25 ]",
                "  2.weight (2x1)",
                "    [    1 ]",
                "    [ -0.5 ]",
                "  2.bias (1x1)",
                "    [ 0.5 ]",
                "",
                "2. forward, first layer to last: output = f(input)",
                "  layer 0: Linear(2→2)",
                "    input (2x2)",
                "      [  1  2 ]",
                "      [ -1  0 ]",
                "    output (2x2)",
                "      [  1.25  1.75 ]",
                "      [ -0.25  0.75 ]",
                "  layer 1: ReLU",
                "    input (2x2)",
                "      [  1.25  1.75 ]",
                "      [ -0.25  0.75 ]",
                "    output (2x2)",
                "      [ 1.25 1.75 ]",
                "      [    0 0.75 ]",
                "  layer 2: Linear(2→1)",
                "    input (2x2)",
                "      [ 1.25 1.75 ]",
                "      [    0 0.75 ]",
                "    output (2x1)",
                "      [ 0.875 ]",
                "      [ 0.125 ]",
                "",
                "3. loss",
                "  prediction (2x1)",
                "    [ 0.875 ]",
                "    [ 0.125 ]",
                "  target (2x1)",
                "    [ 1 ]",
                "    [ 0 ]",
                "  L = 0.015625",
                "",
                "4. backward, last layer to first: each layer turns ∂L/∂output into ∂L/∂input"
                        + " and adds its parameters' gradients",
                "  loss",
                "    ∂L/∂prediction, passed down (2x1)",
                "      [ -0.125 ]",
                "      [  0.125 ]",
                "  layer 2: Linear(2→1)",
                "    ∂L/∂output, received (2x1)",
                "      [ -0.125 ]",
                "      [  0.125 ]",
                "    ∂L/∂2.weight (2x1)",
                "      [ -0.15625 ]",
                "      [   -0.125 ]",
                "    ∂L/∂2.bias (1x1)",
                "      [ 0 ]",
                "    ∂L/∂input, passed down (2x2)",
                "      [  -0.125  0.0625 ]",
                "      [   0.125 -0.0625 ]",
                "  layer 1: ReLU",
                "    ∂L/∂output, received (2x2)",
                "      [  -0.125  0.0625 ]",
                "      [   0.125 -0.0625 ]",
                "    ∂L/∂input, passed down (2x2)",
                "      [  -0.125  0.0625 ]",
                "      [       0 -0.0625 ]",
                "  layer 0: Linear(2→2)",
                "    ∂L/∂output, received (2x2)",
                "      [  -0.125  0.0625 ]",
                "      [       0 -0.0625 ]",
                "    ∂L/∂0.weight (2x2)",
                "      [ -0.125  0.125 ]",
                "      [  -0.25  0.125 ]",
                "    ∂L/∂0.bias (1x2)",
                "      [ -0.125      0 ]",
                "    ∂L/∂input: not computed, the input needs no gradient",
                "",
                "5. optimizer step",
                "  0.weight",
                "    update = after − before (2x2)",
                "      [  0.0125 -0.0125 ]",
                "      [   0.025 -0.0125 ]",
                "    after (2x2)",
                "      [  0.5125 -0.5125 ]",
                "      [   0.275  0.9875 ]",
                "  0.bias",
                "    update = after − before (1x2)",
                "      [ 0.0125      0 ]",
                "    after (1x2)",
                "      [ 0.2625   0.25 ]",
                "  2.weight",
                "    update = after − before (2x1)",
                "      [ 0.015625 ]",
                "      [   0.0125 ]",
                "    after (2x1)",
                "      [ 1.01563 ]",
                "      [ -0.4875 ]",
                "  2.bias",
                "    update = after − before (1x1)",
                "      [ 0 ]",
                "    after (1x1)",
                "      [ 0.5 ]",
                "");
        assertEquals(expected, trace.toString());
        assertEquals(0.015625, trace.loss());
        assertEquals(1.015625, model.parameters().get(2).value().get(0, 0));   // stepped once
    }

    @Test
    void format_oneShown_elidesTheRestOfEachMatrix() {
        Sequential model = tinyNetwork();
        String text = StepTrace.run(model, new MSELoss(), new SGD(model.parameters(), 0.1),
                X.copy(), Y.copy()).format(1);
        String parameters = String.join("\n",
                "1. parameters before the step",
                "  0.weight (2x2)",
                "    [ 0.5 … 1 more ]",
                "    … 1 more rows",
                "  0.bias (1x2)",
                "    [ 0.25 … 1 more ]",
                "  2.weight (2x1)",
                "    [ 1 ]",
                "    … 1 more rows",
                "  2.bias (1x1)",
                "    [ 0.5 ]",
                "");
        assertEquals(true, text.contains(parameters), text);
    }

    @Test
    void format_zeroShown_throws() {
        Sequential model = tinyNetwork();
        StepTrace trace = StepTrace.run(model, new MSELoss(), new SGD(model.parameters(), 0.1),
                X, Y);
        assertEquals("StepTrace.format: shown must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> trace.format(0)).getMessage());
    }

    @Test
    void run_oneSample_saysSampleAndRecordsInCodeOrder() {
        Sequential model = tinyNetwork();
        StepTrace trace = StepTrace.run(model, new MSELoss(), new SGD(model.parameters(), 0.1),
                Matrix.of(new double[][] {{1, 2}}), Matrix.of(new double[][] {{1}}));
        assertEquals(true, trace.toString().startsWith(
                "One training step on 1 sample, in the order the code runs\n"));
        // 4 parameters; 3 layers × (input, output); 3 loss lines; the loss's gradient;
        // layers 2, 1, 0 with received, parameter gradients and passed down; 4 × 2 updates.
        assertEquals(4 + 6 + 3 + 1 + 4 + 2 + 4 + 8, trace.entries().size());
        StepTrace.Entry first = trace.entries().get(0);
        assertEquals(new StepTrace.Entry("parameters", "", "0.weight", first.value()), first);
        assertEquals(0.5, first.value().get(0, 0));
        StepTrace.Entry last = trace.entries().get(trace.entries().size() - 1);
        assertEquals("step", last.section());
        assertEquals("2.bias", last.heading());
        assertEquals("after", last.label());
        // ŷ = 1.25·1 + 1.75·(−0.5) + 0.5 = 0.875, L = (0.875 − 1)² = 0.015625
        assertEquals(0.015625, trace.loss());
    }

    @Test
    void run_putsBackTheModelsObserver() {
        Sequential model = tinyNetwork();
        LayerObserver mine = new LayerObserver() { };
        model.observe(mine);
        StepTrace.run(model, new MSELoss(), new SGD(model.parameters(), 0.1), X, Y);
        assertSame(mine, model.observer());
        Sequential unobserved = tinyNetwork();
        StepTrace.run(unobserved, new MSELoss(), new SGD(unobserved.parameters(), 0.1), X, Y);
        assertNull(unobserved.observer());
    }

    @Test
    void run_rowsDiffer_throwsWithBothShapes() {
        Sequential model = tinyNetwork();
        SGD sgd = new SGD(model.parameters(), 0.1);
        assertEquals("StepTrace.run: x and y must have the same number of rows, at least 1,"
                + " got 2x2 and 1x1", assertThrows(IllegalArgumentException.class,
                    () -> StepTrace.run(model, new MSELoss(), sgd, X,
                            Matrix.of(new double[][] {{1}}))).getMessage());
        assertEquals("StepTrace.run: x and y must have the same number of rows, at least 1,"
                + " got 0x2 and 0x1", assertThrows(IllegalArgumentException.class,
                    () -> StepTrace.run(model, new MSELoss(), sgd, Matrix.zeros(0, 2),
                            Matrix.zeros(0, 1))).getMessage());
    }

    @Test
    void number_sixSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0", StepTrace.number(-0.0));
        assertEquals("0", StepTrace.number(0.0));
        assertEquals("-1.5", StepTrace.number(-1.5));
        assertEquals("2", StepTrace.number(2.0));
        assertEquals("1.23457e-05", StepTrace.number(1.234567e-5));
        assertEquals("1e-07", StepTrace.number(1e-7));
        assertEquals("1.5e+06", StepTrace.number(1.5e6));
        assertEquals("123457", StepTrace.number(123456.7));
        assertEquals("100", StepTrace.number(100));
        assertEquals("0.0001234", StepTrace.number(0.0001234));
    }

    @Test
    void run_gradientsLeftFromBefore_areClearedFirst() {
        Sequential model = tinyNetwork();
        model.parameters().forEach(p -> p.grad().set(0, 0, 100));
        StepTrace trace = StepTrace.run(model, new MSELoss(), new SGD(model.parameters(), 0.1),
                X, Y);
        assertEquals(true, trace.toString().contains("    ∂L/∂2.bias (1x1)\n      [ 0 ]\n"));
        assertEquals(0.5, model.parameters().get(3).value().get(0, 0));
    }
}
